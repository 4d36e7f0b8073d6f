/** Grouping for the items shown beside other views (pure; see ItemsBeside.tsx). */

/** The items by key, each group in the order given (the API's: overdue first, then deadline). */
export function groupBy<T>(items: readonly T[], key: (item: T) => string): Map<string, T[]> {
  const out = new Map<string, T[]>();
  for (const item of items) {
    const k = key(item);
    const list = out.get(k);
    if (list) list.push(item);
    else out.set(k, [item]);
  }
  return out;
}

/** The calendar years a period covers ("2024-03-01".."2025-02-01" → [2024, 2025]); an overlap gap's period is a year. */
export function yearsOf(from: string, to: string): number[] {
  const a = Number(from.slice(0, 4));
  const b = Number(to.slice(0, 4));
  if (!Number.isInteger(a) || !Number.isInteger(b) || b < a) return [];
  return Array.from({ length: b - a + 1 }, (_, i) => a + i);
}
