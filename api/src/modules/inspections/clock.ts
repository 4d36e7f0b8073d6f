/**
 * The hub's clock for deadlines: `PUFA_NOW` (an ISO date-time, e.g. 2025-03-01T09:00:00+08:00)
 * fixes it, so tests and demonstrations can say "today" without waiting for it; unset, it is the
 * real time. Read on every call, so a test can move it between requests.
 */
export function now(): Date {
  const fixed = process.env.PUFA_NOW;
  if (fixed) {
    const at = new Date(fixed);
    if (!Number.isNaN(at.getTime())) return at;
    throw new Error(`PUFA_NOW must be an ISO date-time such as 2025-03-01T09:00:00+08:00, not "${fixed}"`);
  }
  return new Date();
}

/** The calendar day of `at` in Asia/Shanghai (UTC+8 all year), "YYYY-MM-DD". */
export function dayInShanghai(at: Date): string {
  return new Date(at.getTime() + 8 * 3_600_000).toISOString().slice(0, 10);
}

/** Today in Asia/Shanghai on the hub's clock. */
export function today(): string {
  return dayInShanghai(now());
}
