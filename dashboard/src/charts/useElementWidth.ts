import { useCallback, useState } from 'react';

/**
 * The width of an element in CSS px, rounded down to `step` so that a chart's
 * option is rebuilt only when the width changes noticeably; null until the
 * element is mounted. Attach the returned callback as the element's `ref`.
 */
export function useElementWidth<T extends HTMLElement>(step = 40): [(element: T | null) => () => void, number | null] {
  const [width, setWidth] = useState<number | null>(null);
  const ref = useCallback(
    (element: T | null) => {
      if (!element) return () => {};
      const measure = (w: number) => setWidth(Math.max(step, Math.floor(w / step) * step));
      measure(element.getBoundingClientRect().width);
      const observer = new ResizeObserver((entries) => {
        const entry = entries[entries.length - 1];
        if (entry) measure(entry.contentRect.width);
      });
      observer.observe(element);
      return () => observer.disconnect();
    },
    [step],
  );
  return [ref, width];
}
