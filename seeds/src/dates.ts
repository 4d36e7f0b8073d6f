/**
 * Calendar helpers on 'YYYY-MM-DD' strings. All arithmetic goes through UTC so that the
 * machine's time zone can never change the output.
 */

const DAY_MS = 86_400_000;

export function toDay(iso: string): number {
  const [y, m, d] = iso.split('-').map(Number) as [number, number, number];
  return Date.UTC(y, m - 1, d) / DAY_MS;
}

export function fromDay(day: number): string {
  return new Date(day * DAY_MS).toISOString().slice(0, 10);
}

export function addDays(iso: string, n: number): string {
  return fromDay(toDay(iso) + n);
}

export function daysBetween(from: string, to: string): number {
  return toDay(to) - toDay(from);
}

/** 0 = Sunday … 6 = Saturday. */
export function weekday(iso: string): number {
  return new Date(toDay(iso) * DAY_MS).getUTCDay();
}

export function yearOf(iso: string): number {
  return Number(iso.slice(0, 4));
}

export function maxDate(a: string, b: string): string {
  return a > b ? a : b;
}

export function minDate(a: string, b: string): string {
  return a < b ? a : b;
}

/** Whether `day` lies in [from, to]; a null `to` means open-ended. */
export function within(day: string, from: string, to: string | null): boolean {
  return day >= from && (to === null || day <= to);
}

export function pad2(n: number): string {
  return String(n).padStart(2, '0');
}

export function ymd(y: number, m: number, d: number): string {
  return `${y}-${pad2(m)}-${pad2(d)}`;
}

/** An ISO timestamp in Beijing time, e.g. 2017-03-02T10:00:00+08:00. */
export function beijing(day: string, hour: number, minute = 0): string {
  return `${day}T${pad2(hour)}:${pad2(minute)}:00+08:00`;
}
