/**
 * Locale-aware formatting. Numbers use plain digit grouping in both languages
 * (50,123), not 万 units, so figures read the same in Chinese and English.
 * Dates from the API are calendar days ("YYYY-MM-DD") and are formatted in UTC
 * so that the viewer's time zone never shifts a day.
 */
import { translate, type Lang } from './i18n';

export const NO_VALUE = '—';

const cache = new Map<string, Intl.NumberFormat | Intl.DateTimeFormat>();

function numberFormat(lang: Lang, options: Intl.NumberFormatOptions): Intl.NumberFormat {
  const key = `n|${lang}|${JSON.stringify(options)}`;
  let f = cache.get(key) as Intl.NumberFormat | undefined;
  if (!f) {
    f = new Intl.NumberFormat(lang, options);
    cache.set(key, f);
  }
  return f;
}

function dateFormat(lang: Lang, options: Intl.DateTimeFormatOptions): Intl.DateTimeFormat {
  const key = `d|${lang}|${JSON.stringify(options)}`;
  let f = cache.get(key) as Intl.DateTimeFormat | undefined;
  if (!f) {
    f = new Intl.DateTimeFormat(lang, { timeZone: 'UTC', ...options });
    cache.set(key, f);
  }
  return f;
}

function isNumber(value: number | null | undefined): value is number {
  return typeof value === 'number' && Number.isFinite(value);
}

/** An integer count with digit grouping: 50123 → "50,123". */
export function formatInteger(value: number | null | undefined, lang: Lang): string {
  return isNumber(value) ? numberFormat(lang, { maximumFractionDigits: 0 }).format(value) : NO_VALUE;
}

/** A decimal with a fixed number of digits: (4.256, 2) → "4.26". */
export function formatDecimal(
  value: number | null | undefined,
  digits: number,
  lang: Lang,
): string {
  return isNumber(value)
    ? numberFormat(lang, { minimumFractionDigits: digits, maximumFractionDigits: digits }).format(value)
    : NO_VALUE;
}

/** A 0..1 rate as a percentage with one decimal: 0.8534 → "85.3%". */
export function formatPercent(rate: number | null | undefined, lang: Lang): string {
  return isNumber(rate)
    ? numberFormat(lang, {
        style: 'percent',
        minimumFractionDigits: 1,
        maximumFractionDigits: 1,
      }).format(rate)
    : NO_VALUE;
}

function parseDay(day: string): Date | null {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(day);
  if (!m) return null;
  const date = new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3])));
  return Number.isNaN(date.getTime()) ? null : date;
}

/** "2025-03-08" → "2025年3月8日" / "Mar 8, 2025". */
export function formatDate(day: string, lang: Lang): string {
  const date = parseDay(day);
  return date ? dateFormat(lang, { year: 'numeric', month: 'short', day: 'numeric' }).format(date) : day;
}

/**
 * A moment (not a calendar day) in the reader's own time zone, e.g. the end
 * of a sign-in lockout: "2026年11月27日 18:48" / "Nov 27, 2026, 6:48 PM".
 * `timeZone` is for tests; by default the browser's.
 */
export function formatDateTime(moment: Date, lang: Lang, timeZone?: string): string {
  if (Number.isNaN(moment.getTime())) return NO_VALUE;
  return new Intl.DateTimeFormat(lang, {
    year: 'numeric',
    month: 'short',
    day: 'numeric',
    hour: '2-digit',
    minute: '2-digit',
    ...(timeZone ? { timeZone } : {}),
  }).format(moment);
}

/** A closed date range, "2025年1月1日 – 2025年6月30日". */
export function formatDateRange(from: string, to: string, lang: Lang): string {
  return `${formatDate(from, lang)} – ${formatDate(to, lang)}`;
}

/**
 * A month key "2025-03" as an axis label: "3月" / "Mar", or with the year
 * ("2025年3月" / "Mar 2025") when a chart spans more than one year.
 */
export function formatMonth(month: string, lang: Lang, withYear: boolean): string {
  const m = /^(\d{4})-(\d{2})$/.exec(month);
  if (!m) return month;
  const date = new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, 1));
  return dateFormat(lang, withYear ? { year: 'numeric', month: 'short' } : { month: 'short' }).format(date);
}

/** How a change against last year is expressed. */
export type ChangeKind = 'relative' | 'points';

/**
 * Change against the same period last year, "▲ 12.3%" / "▼ 4.0%" for counts
 * and means, "▲ 2.1 个百分点" / "▲ 2.1 pp" for rates (a rate's change is read
 * in percentage points in government reporting). "—" when there is nothing to
 * compare with: no current or previous value, or a previous count of zero.
 */
export interface FormattedChange {
  text: string;
  direction: 'up' | 'down' | 'flat' | 'none';
  /** The same change in words, for screen readers. */
  label: string;
}

function roundTenth(x: number): number {
  return Math.round(x * 10) / 10;
}

export function changeValue(
  current: number | null | undefined,
  previous: number | null | undefined,
  kind: ChangeKind,
): number | null {
  if (!isNumber(current) || !isNumber(previous)) return null;
  // Points are taken between the percentages as displayed (one decimal), so
  // 91.3% against 90.0% reads "▲ 1.3", never a surprising "▲ 1.2".
  if (kind === 'points') return roundTenth(current * 100) - roundTenth(previous * 100);
  if (previous === 0) return null;
  return (current - previous) / Math.abs(previous);
}

export function formatChange(
  current: number | null | undefined,
  previous: number | null | undefined,
  kind: ChangeKind,
  lang: Lang,
): FormattedChange {
  const change = changeValue(current, previous, kind);
  if (change === null) {
    return { text: NO_VALUE, direction: 'none', label: translate(lang, 'change.noPrevious') };
  }
  const magnitude =
    kind === 'points'
      ? `${formatDecimal(Math.abs(change), 1, lang)} ${translate(lang, 'change.pp')}`
      : formatPercent(Math.abs(change), lang);
  // Decide the arrow on the rounded figure, so "▲ 0.0%" never appears.
  const rounded = Math.round(Math.abs(change) * (kind === 'points' ? 10 : 1000));
  if (rounded === 0) {
    return { text: magnitude, direction: 'flat', label: `${translate(lang, 'change.label')} ${translate(lang, 'change.flat')}` };
  }
  const up = change > 0;
  const words = translate(lang, up ? 'change.up' : 'change.down');
  return {
    text: `${up ? '▲' : '▼'} ${magnitude}`,
    direction: up ? 'up' : 'down',
    label: `${translate(lang, 'change.label')} ${words} ${magnitude}`,
  };
}

/** A file size: "812 B", "12.4 KB", "3.1 MB" (units are the same in both languages). */
export function formatFileSize(bytes: number, lang: Lang): string {
  if (!isNumber(bytes) || bytes < 0) return NO_VALUE;
  if (bytes < 1024) return `${formatInteger(bytes, lang)} B`;
  if (bytes < 1024 * 1024) return `${formatDecimal(bytes / 1024, 1, lang)} KB`;
  return `${formatDecimal(bytes / (1024 * 1024), 1, lang)} MB`;
}

/**
 * A moment as the hub's days are counted (Asia/Shanghai), e.g. a broadcast's
 * start: "2025年12月9日 06:00" / "Dec 9, 2025, 06:00".
 */
export function formatHubDateTime(iso: string, lang: Lang): string {
  const moment = new Date(iso);
  if (Number.isNaN(moment.getTime())) return iso;
  return new Intl.DateTimeFormat(lang, {
    timeZone: 'Asia/Shanghai',
    year: 'numeric',
    month: 'short',
    day: 'numeric',
    hour: '2-digit',
    minute: '2-digit',
    hourCycle: 'h23',
  }).format(moment);
}
