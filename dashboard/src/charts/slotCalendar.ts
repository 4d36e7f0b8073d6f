/**
 * Broadcast slots per day as a calendar heatmap (日历热力图): one calendar
 * row per year of the period, weeks starting on Monday, a day's colour by
 * how many slots went out that day (Asia/Shanghai). Days without slots stay
 * blank. Each year is its own series, so a click names the year (series
 * index) and the day (data index) — see `calendarDay`.
 */
import type { EChartsCoreOption } from 'echarts/core';
import { formatDate, formatInteger } from '../app/format';
import { translate, type Lang } from '../app/i18n';
import type { DateRange } from '../app/period';
import { baseOption, SPLIT_COLOR, TEXT_COLOR } from './theme';

export interface SlotCalendarData {
  /** Slots per day, "YYYY-MM-DD" → count; days outside `range` are ignored. */
  counts: ReadonlyMap<string, number>;
  range: DateRange;
}

export interface CalendarYear {
  /** The part of the period in this year. */
  range: DateRange;
  /** [day, count] for the days with slots, in date order. */
  days: [string, number][];
}

/** The period split by calendar year, each with its days that have slots. */
export function calendarYears({ counts, range }: SlotCalendarData): CalendarYear[] {
  const years: CalendarYear[] = [];
  const first = Number(range.from.slice(0, 4));
  const last = Number(range.to.slice(0, 4));
  for (let year = first; year <= last; year++) {
    const from = year === first ? range.from : `${year}-01-01`;
    const to = year === last ? range.to : `${year}-12-31`;
    const days = [...counts.entries()]
      .filter(([day, n]) => day >= from && day <= to && n > 0)
      .sort(([a], [b]) => (a < b ? -1 : 1));
    years.push({ range: { from, to }, days });
  }
  return years;
}

/** The day a click on (series, data index) lands on, or undefined. */
export function calendarDay(data: SlotCalendarData, seriesIndex: number, dataIndex: number): string | undefined {
  return calendarYears(data)[seriesIndex]?.days[dataIndex]?.[0];
}

const YEAR_HEIGHT = 150;
const TOP = 48;

export function slotCalendarHeight(range: DateRange): number {
  const years = Number(range.to.slice(0, 4)) - Number(range.from.slice(0, 4)) + 1;
  return TOP + years * YEAR_HEIGHT;
}

/** Bands of slots per day. */
export const CALENDAR_BANDS = [
  { min: 1, max: 1, color: '#cddcec' },
  { min: 2, max: 2, color: '#94b4d3' },
  { min: 3, max: 4, color: '#5b86b1' },
  { min: 5, max: Infinity, color: '#1f3f5f' },
] as const;

function dayNames(lang: Lang): string[] {
  // 2024-01-07 was a Sunday: ECharts wants the names from Sunday on.
  const format = new Intl.DateTimeFormat(lang, { weekday: lang === 'en' ? 'short' : 'narrow', timeZone: 'UTC' });
  return Array.from({ length: 7 }, (_, i) => format.format(new Date(Date.UTC(2024, 0, 7 + i))));
}

function monthNames(lang: Lang): string[] {
  const format = new Intl.DateTimeFormat(lang, { month: 'short', timeZone: 'UTC' });
  return Array.from({ length: 12 }, (_, i) => format.format(new Date(Date.UTC(2024, i, 1))));
}

export function buildSlotCalendarOption(data: SlotCalendarData, lang: Lang): EChartsCoreOption {
  const years = calendarYears(data);
  const total = years.reduce((sum, y) => sum + y.days.reduce((s, [, n]) => s + n, 0), 0);
  const activeDays = years.reduce((sum, y) => sum + y.days.length, 0);
  const seriesName = translate(lang, 'chart.slotCalendar.series');
  const unit = translate(lang, 'unit.slots');
  const description = translate(lang, 'chart.slotCalendar.aria', {
    total: formatInteger(total, lang),
    days: formatInteger(activeDays, lang),
  });
  const band = (b: (typeof CALENDAR_BANDS)[number]) =>
    b.max === Infinity
      ? translate(lang, 'chart.slotCalendar.bandAtLeast', { min: b.min, unit })
      : b.min === b.max
        ? translate(lang, 'chart.slotCalendar.band', { range: formatInteger(b.min, lang), unit })
        : translate(lang, 'chart.slotCalendar.band', { range: `${b.min}–${b.max}`, unit });

  return {
    ...baseOption({ description }),
    tooltip: {
      formatter: (params: { value?: [string, number] }) =>
        params.value
          ? translate(lang, 'chart.slotCalendar.tooltip', {
              day: formatDate(params.value[0], lang),
              count: formatInteger(params.value[1], lang),
            })
          : '',
    },
    visualMap: {
      type: 'piecewise',
      orient: 'horizontal',
      top: 0,
      left: 0,
      itemGap: 14,
      textStyle: { color: TEXT_COLOR },
      pieces: CALENDAR_BANDS.map((b) => ({
        ...(b.max === Infinity ? { gte: b.min } : { gte: b.min, lte: b.max }),
        color: b.color,
        label: band(b),
      })),
    },
    calendar: years.map((year, i) => ({
      top: TOP + 20 + i * YEAR_HEIGHT,
      left: lang === 'en' ? 72 : 56,
      right: 16,
      cellSize: ['auto', 15],
      range: [year.range.from, year.range.to],
      orient: 'horizontal',
      splitLine: { lineStyle: { color: '#b9c4d0', width: 1 } },
      itemStyle: { color: '#ffffff', borderColor: SPLIT_COLOR, borderWidth: 1 },
      dayLabel: { firstDay: 1, nameMap: dayNames(lang), color: TEXT_COLOR, fontSize: 11 },
      monthLabel: { nameMap: monthNames(lang), color: TEXT_COLOR, fontSize: 11 },
      yearLabel: { show: true, color: TEXT_COLOR, fontSize: 12, formatter: year.range.from.slice(0, 4) },
    })),
    series: years.map((year, i) => ({
      type: 'heatmap',
      name: seriesName,
      coordinateSystem: 'calendar',
      calendarIndex: i,
      data: year.days,
    })),
  };
}
