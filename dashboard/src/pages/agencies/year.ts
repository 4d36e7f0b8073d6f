/**
 * Unit pages speak of years: a responsibility list, a scorecard and an
 * activity calendar each belong to one calendar year. A view's period picks
 * that year — the year chosen, or for a custom range the year it ends in (the
 * most recent work) — and the figures cover the whole of it.
 */
import type { DateRange, Period } from '../../app/period';

export function periodYear(period: Period): number {
  return period.kind === 'year' ? period.year : Number(period.to.slice(0, 4));
}

export function yearRange(year: number): DateRange {
  return { from: `${year}-01-01`, to: `${year}-12-31` };
}

/** True when a unit existed on some day of `year` (validTo null: it still exists). */
export function activeInYear(unit: { validFrom: string; validTo: string | null }, year: number): boolean {
  const { from, to } = yearRange(year);
  return unit.validFrom <= to && (unit.validTo === null || unit.validTo >= from);
}
