/**
 * Who may read the overlap gaps (api: overlaps.resolver.ts; docs/metrics.md,
 * "Overlap gaps", who may ask): the readers of every record, a district
 * admin (its district) and an agency reporter (the overlaps its agency
 * holds). Media partners and survey operators are refused, the public asked
 * to sign in. Kept apart from the page so the nav can ask without loading it.
 */
const READERS: ReadonlySet<string> = new Set(['ADMIN', 'DISTRICT_ADMIN', 'LEADER', 'INSPECTOR', 'AGENCY_REPORTER']);

export function mayReadOverlaps(role: string | null | undefined): boolean {
  return !!role && READERS.has(role);
}
