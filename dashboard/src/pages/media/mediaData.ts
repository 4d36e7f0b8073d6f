/**
 * What the media page makes of the hub's answers, as pure functions: the
 * filter (broadcasts have no place, so no district), monthly bars per outlet,
 * the per-outlet table, and a partner's own figures counted from its slot
 * records (the hub gives a media partner no per-outlet analytics, only its
 * own slots).
 */
import { measureValue, rowKey, viewFilter, type ViewScope } from '../../app/analytics';
import type { AnalyticsFilter, AnalyticsRow, Measure } from '../../app/api-types';
import { formatMonth } from '../../app/format';
import type { Lang } from '../../app/i18n';
import { monthsInRange, type DateRange } from '../../app/period';
import type { RecordsDrill, SlotFilter } from '../../components/records/drills';

export const MEDIA_MEASURES = ['BROADCAST_COUNT', 'BROADCAST_MINUTES', 'PRIME_TIME_SHARE', 'PUBLIC_SERVICE_ADS'] as const satisfies readonly Measure[];
export type MediaMeasure = (typeof MEDIA_MEASURES)[number];

/**
 * The view's filter for broadcast figures: period, domain and partner agency.
 * A district does not apply (slots have no place: docs/metrics.md), so it is
 * left out and the page says the figures are the whole city's.
 */
export function mediaFilter(view: ViewScope): AnalyticsFilter {
  const { regionIds: _district, ...rest } = viewFilter(view);
  return rest;
}

/** The slots a filter selects, for the records drawer. */
export function slotsDrill(title: string, filter: SlotFilter): RecordsDrill {
  return { title, source: { kind: 'broadcastSlots', filters: [filter] } };
}

export interface MonthlyBarSeries {
  /** The outlet's id; null for the city-wide series. */
  id: string | null;
  name: string;
  values: number[];
}

export interface MonthlyBars {
  /** "YYYY-MM" of each bar, every month of the period. */
  months: string[];
  /** The months as axis labels. */
  categories: string[];
  series: MonthlyBarSeries[];
}

/**
 * One series per outlet (rows grouped by OUTLET × MONTH), largest total
 * first, outlets with nothing in the period left out; or, for rows grouped by
 * MONTH alone, one series named `cityName`. Months without rows are 0.
 */
export function monthlyBars(rows: readonly AnalyticsRow[], range: DateRange, measure: Measure, lang: Lang, cityName: string): MonthlyBars {
  const months = monthsInRange(range);
  const index = new Map(months.map((m, i) => [m, i]));
  const multiYear = months.length > 0 && months[0]!.slice(0, 4) !== months[months.length - 1]!.slice(0, 4);
  const byOutlet = new Map<string | null, MonthlyBarSeries>();
  for (const row of rows) {
    const month = rowKey(row, 'MONTH');
    const i = month ? index.get(month.value) : undefined;
    if (i === undefined) continue;
    const outlet = rowKey(row, 'OUTLET');
    const id = outlet ? outlet.value : null;
    let series = byOutlet.get(id);
    if (!series) {
      series = { id, name: outlet ? outlet.label || outlet.value : cityName, values: months.map(() => 0) };
      byOutlet.set(id, series);
    }
    series.values[i] = measureValue(row.values, measure) ?? 0;
  }
  const collator = new Intl.Collator(lang);
  const total = (s: MonthlyBarSeries) => s.values.reduce((a, b) => a + b, 0);
  const series = [...byOutlet.values()]
    .filter((s) => total(s) > 0)
    .sort((a, b) => total(b) - total(a) || collator.compare(a.name, b.name));
  return { months, categories: months.map((m) => formatMonth(m, lang, multiYear)), series };
}

export interface OutletItem {
  id: string;
  label: string;
  slots: number;
  minutes: number;
  /** Share of minutes in prime time or on key pages, 0..1; null without minutes. */
  primeShare: number | null;
  ads: number;
  reach: number;
}

/** Rows grouped by OUTLET as table rows, most slots first (ties by name). */
export function outletItems(rows: readonly AnalyticsRow[], lang: Lang): OutletItem[] {
  const collator = new Intl.Collator(lang);
  const items: OutletItem[] = [];
  for (const row of rows) {
    const key = rowKey(row, 'OUTLET');
    if (!key) continue;
    items.push({
      id: key.value,
      label: key.label || key.value,
      slots: measureValue(row.values, 'BROADCAST_COUNT') ?? 0,
      minutes: measureValue(row.values, 'BROADCAST_MINUTES') ?? 0,
      primeShare: measureValue(row.values, 'PRIME_TIME_SHARE'),
      ads: measureValue(row.values, 'PUBLIC_SERVICE_ADS') ?? 0,
      reach: measureValue(row.values, 'BROADCAST_REACH') ?? 0,
    });
  }
  return items.sort((a, b) => b.slots - a.slots || collator.compare(a.label, b.label));
}

/** Outlets ordered by prime-time share, highest first; those without minutes left out. */
export function byPrimeShare(items: readonly OutletItem[]): OutletItem[] {
  return items.filter((i) => i.primeShare !== null).sort((a, b) => b.primeShare! - a.primeShare!);
}

/** Outlets that ran public-service ads, most first. */
export function byAds(items: readonly OutletItem[]): OutletItem[] {
  return items.filter((i) => i.ads > 0).sort((a, b) => b.ads - a.ads);
}

// ---------- a partner's own slots, from the records ----------

/** The fields of a slot record the page counts. */
export interface SlotFacts {
  startsAt: string;
  durationMinutes: number;
  primeTime: boolean;
  kind: string;
}

const SHANGHAI_OFFSET_MS = 8 * 60 * 60 * 1000;

/** The calendar day of a moment in Asia/Shanghai (UTC+8 all year), as the hub counts days. */
export function shanghaiDay(iso: string): string {
  return new Date(Date.parse(iso) + SHANGHAI_OFFSET_MS).toISOString().slice(0, 10);
}

/** Slots per day (Asia/Shanghai). */
export function slotsPerDay(slots: readonly Pick<SlotFacts, 'startsAt'>[]): Map<string, number> {
  const days = new Map<string, number>();
  for (const slot of slots) {
    const day = shanghaiDay(slot.startsAt);
    days.set(day, (days.get(day) ?? 0) + 1);
  }
  return days;
}

export interface SlotFigures {
  count: number;
  minutes: number;
  /** Prime-time minutes ÷ minutes (PRIME_TIME_SHARE); null without minutes. */
  primeShare: number | null;
  ads: number;
}

/** The media measures over a list of slots, by the definitions of docs/metrics.md. */
export function slotFigures(slots: readonly SlotFacts[]): SlotFigures {
  let minutes = 0;
  let prime = 0;
  let ads = 0;
  for (const slot of slots) {
    minutes += slot.durationMinutes;
    if (slot.primeTime) prime += slot.durationMinutes;
    if (slot.kind === 'PUBLIC_SERVICE_AD') ads += 1;
  }
  return { count: slots.length, minutes, primeShare: minutes > 0 ? prime / minutes : null, ads };
}
