/** Text with the query's matches marked (<mark>), see highlight.ts. */
import { useMemo } from 'react';
import { highlightSegments } from './highlight';

export function Highlighted({ text, terms }: { text: string; terms: readonly string[] }) {
  const segments = useMemo(() => highlightSegments(text, terms), [text, terms]);
  return (
    <>
      {segments.map((s, i) =>
        s.match ? (
          <mark key={i} className="portal-mark">
            {s.text}
          </mark>
        ) : (
          s.text
        ),
      )}
    </>
  );
}
