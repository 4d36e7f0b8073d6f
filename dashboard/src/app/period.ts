/**
 * The reporting period: a calendar year from 2016 (the 七五 plan) to this year, or
 * a custom closed range of days. All dates are "YYYY-MM-DD" strings, compared
 * as strings (the format sorts lexicographically).
 */
import { formatDateRange } from './format';
import { translate, type Lang } from './i18n';

export const FIRST_YEAR = 2016;
/** This year in Asia/Shanghai (UTC+8 all year): the latest a period may reach. */
export const LAST_YEAR = new Date(Date.now() + 8 * 3_600_000).getUTCFullYear();
/**
 * The year pages open on: the latest year the hub holds records of, which the hub writes into the
 * page it serves (`<meta name="pufa-latest-year">`, api/src/http/server.ts) — a hub whose records
 * stop in an earlier year (the demo city ends in 2025) would otherwise open on an empty year.
 */
export const DEFAULT_YEAR = defaultYear(
  typeof document === 'undefined' ? null : document.querySelector('meta[name="pufa-latest-year"]')?.getAttribute('content'),
  LAST_YEAR,
);

/** The year the hub says has the latest records, when it is one of the selectable years; else `lastYear`. */
export function defaultYear(latest: string | null | undefined, lastYear: number): number {
  const year = Number(latest);
  return /^\d{4}$/.test(latest ?? '') && year >= FIRST_YEAR && year <= lastYear ? year : lastYear;
}

export type Period =
  | { kind: 'year'; year: number }
  | { kind: 'range'; from: string; to: string };

export interface DateRange {
  from: string;
  to: string;
}

export const DEFAULT_PERIOD: Period = { kind: 'year', year: DEFAULT_YEAR };

/** Years offered in the period picker, newest first. */
export function selectableYears(): number[] {
  const years: number[] = [];
  for (let y = LAST_YEAR; y >= FIRST_YEAR; y--) years.push(y);
  return years;
}

export function isSelectableYear(year: number): boolean {
  return Number.isInteger(year) && year >= FIRST_YEAR && year <= LAST_YEAR;
}

/** True for a real calendar day written "YYYY-MM-DD". */
export function isValidDay(day: string): boolean {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(day);
  if (!m) return false;
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const date = new Date(Date.UTC(y, mo - 1, d));
  return date.getUTCFullYear() === y && date.getUTCMonth() === mo - 1 && date.getUTCDate() === d;
}

export function isValidRange(from: string, to: string): boolean {
  return isValidDay(from) && isValidDay(to) && from <= to;
}

export function periodRange(period: Period): DateRange {
  return period.kind === 'year'
    ? { from: `${period.year}-01-01`, to: `${period.year}-12-31` }
    : { from: period.from, to: period.to };
}

function pad(n: number, width: number): string {
  return String(n).padStart(width, '0');
}

/** The same day one year earlier; 29 February becomes 28 February. */
export function shiftDayByYears(day: string, years: number): string {
  const y = Number(day.slice(0, 4)) + years;
  const mo = Number(day.slice(5, 7));
  let d = Number(day.slice(8, 10));
  const lastDay = new Date(Date.UTC(y, mo, 0)).getUTCDate();
  if (d > lastDay) d = lastDay;
  return `${pad(y, 4)}-${pad(mo, 2)}-${pad(d, 2)}`;
}

/** The same period of the previous year, for year-on-year comparison. */
export function previousYearRange(range: DateRange): DateRange {
  return { from: shiftDayByYears(range.from, -1), to: shiftDayByYears(range.to, -1) };
}

/** Month keys "YYYY-MM" from the month of `from` to the month of `to`, inclusive. */
export function monthsInRange(range: DateRange): string[] {
  const months: string[] = [];
  let y = Number(range.from.slice(0, 4));
  let m = Number(range.from.slice(5, 7));
  const endY = Number(range.to.slice(0, 4));
  const endM = Number(range.to.slice(5, 7));
  while (y < endY || (y === endY && m <= endM)) {
    months.push(`${pad(y, 4)}-${pad(m, 2)}`);
    m += 1;
    if (m > 12) {
      m = 1;
      y += 1;
    }
  }
  return months;
}

export function formatPeriod(period: Period, lang: Lang): string {
  return period.kind === 'year'
    ? translate(lang, 'filters.year', { year: period.year })
    : formatDateRange(period.from, period.to, lang);
}

/** A short token for file names of saved charts: "2025" or "2025-01-01_2025-06-30". */
export function periodSlug(period: Period): string {
  return period.kind === 'year' ? String(period.year) : `${period.from}_${period.to}`;
}
