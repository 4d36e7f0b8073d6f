import { badInput } from '../../shared/errors.js';
import { Compare, Dimension } from './analytics.types.js';

/** Calendar days as YYYY-MM-DD strings; arithmetic in UTC so no time zone moves a day. */
const toDate = (day: string) => new Date(`${day}T00:00:00Z`);
const toDay = (d: Date) => d.toISOString().slice(0, 10);
export const addDays = (day: string, n: number) => toDay(new Date(toDate(day).getTime() + n * 86_400_000));
const daysInMonth = (y: number, m: number) => new Date(Date.UTC(y, m, 0)).getUTCDate(); // m is 1-based
/** The day n months later, clamped to the month's end (2024-02-29 − 12 months = 2023-02-28). */
export function addMonths(day: string, n: number): string {
  const [y, m, d] = day.split('-').map(Number) as [number, number, number];
  const total = y * 12 + (m - 1) + n;
  const ny = Math.floor(total / 12);
  const nm = (total % 12) + 1;
  return `${ny}-${String(nm).padStart(2, '0')}-${String(Math.min(d, daysInMonth(ny, nm))).padStart(2, '0')}`;
}
const firstOfMonth = (day: string) => `${day.slice(0, 7)}-01`;
const lastOfMonth = (day: string) => addDays(addMonths(firstOfMonth(day), 1), -1);
const monthsBetween = (a: string, b: string) => (Number(b.slice(0, 4)) - Number(a.slice(0, 4))) * 12 + Number(b.slice(5, 7)) - Number(a.slice(5, 7));

export interface MonthSplit {
  /** First days of the first and last whole month inside the period (open ends stay open). */
  months?: { from?: string; to?: string };
  /** Partial months at the edges, read from the raw facts. */
  edges: { from?: string; to?: string }[];
}

/** Splits a period into whole months (read from a monthly rollup) and the partial months at its edges. */
export function splitMonths(from: string | undefined, to: string | undefined): MonthSplit {
  if (from && to && firstOfMonth(from) === firstOfMonth(to) && !(from === firstOfMonth(from) && to === lastOfMonth(to))) {
    return { edges: [{ from, to }] };
  }
  const edges: MonthSplit['edges'] = [];
  let mFrom = from;
  if (from && from !== firstOfMonth(from)) {
    edges.push({ from, to: lastOfMonth(from) });
    mFrom = addMonths(firstOfMonth(from), 1);
  }
  let mTo = to ? firstOfMonth(to) : undefined;
  if (to && to !== lastOfMonth(to)) {
    edges.push({ from: firstOfMonth(to), to });
    mTo = addMonths(firstOfMonth(to), -1);
  }
  const months = mFrom && mTo && mFrom > mTo ? undefined : { from: mFrom, to: mTo };
  return { months, edges };
}

export interface ComparedPeriod {
  from: string;
  to: string;
  /** How far time keys of the compared period move forward to meet the current ones. */
  shiftMonths: number;
}

const TIME_DIMS: Dimension[] = [Dimension.YEAR, Dimension.QUARTER, Dimension.MONTH];

/**
 * The period a `compare` reads. SAME_PERIOD_LAST_YEAR: the same days a year earlier. PREVIOUS_PERIOD:
 * as many whole months just before when the period is whole months, else as many days just before.
 * Grouping by time needs a shift the time keys can follow (whole months, quarters, years).
 */
export function comparedPeriod(compare: Compare, from: string | undefined | null, to: string | undefined | null, groupBy: Dimension[]): ComparedPeriod {
  if (!from || !to) {
    throw badInput('compare needs a period: give filter.from and filter.to', [{ path: ['filter', from ? 'to' : 'from'], message: 'required with compare' }]);
  }
  let period: ComparedPeriod | undefined;
  if (compare === Compare.SAME_PERIOD_LAST_YEAR) period = { from: addMonths(from, -12), to: addMonths(to, -12), shiftMonths: 12 };
  else if (from === firstOfMonth(from) && to === lastOfMonth(to)) {
    const months = monthsBetween(from, to) + 1;
    period = { from: addMonths(from, -months), to: addDays(from, -1), shiftMonths: months };
  } else {
    const days = Math.round((toDate(to).getTime() - toDate(from).getTime()) / 86_400_000) + 1;
    period = { from: addDays(from, -days), to: addDays(from, -1), shiftMonths: 0 };
  }
  const time = groupBy.find((d) => TIME_DIMS.includes(d));
  const step = time === Dimension.YEAR ? 12 : time === Dimension.QUARTER ? 3 : 1;
  if (time && (period.shiftMonths === 0 || period.shiftMonths % step !== 0)) {
    throw badInput(
      `Comparing a period grouped by ${time} needs a period of whole ${time === Dimension.YEAR ? 'years' : time === Dimension.QUARTER ? 'quarters' : 'months'} (or SAME_PERIOD_LAST_YEAR)`,
      [{ path: ['compare'], message: 'period does not align with the time grouping' }],
    );
  }
  return period;
}

/** Moves a time key ("2019", "2019-Q1", "2019-03") forward by whole months. */
export function shiftPeriodKey(key: string, months: number): string {
  const [y, part] = key.split('-');
  if (!part) return String(Number(y) + months / 12);
  const startMonth = part.startsWith('Q') ? (Number(part.slice(1)) - 1) * 3 + 1 : Number(part);
  const moved = addMonths(`${y}-${String(startMonth).padStart(2, '0')}-01`, months);
  return part.startsWith('Q') ? `${moved.slice(0, 4)}-Q${Math.floor((Number(moved.slice(5, 7)) - 1) / 3) + 1}` : moved.slice(0, 7);
}
