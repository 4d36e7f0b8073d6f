/**
 * One agency's activities per day as a calendar heatmap (日历热力图): one
 * calendar row for the period of one year, weeks starting on Monday, a day's
 * colour by how many activities the agency organised or co-organised that
 * day. Days without activities stay blank and do not react to clicks; a
 * click on a coloured day names it through `calendarDays` (data index → day).
 *
 * The same calendar counts other dated records (inspections per day): the
 * caller passes the words for what is counted (`CalendarTexts`); the
 * activities' words are the default.
 */
import type { EChartsCoreOption } from 'echarts/core';
import { formatDate, formatInteger } from '../app/format';
import { translate, type Lang, type MessageKey } from '../app/i18n';
import type { DateRange } from '../app/period';
import { baseOption, SPLIT_COLOR, TEXT_COLOR } from './theme';

export interface ActivityCalendarData {
  /** Activities per day, "YYYY-MM-DD" → count; days outside `range` are ignored. */
  counts: ReadonlyMap<string, number>;
  /** Days of one calendar year (a longer custom period still draws, with narrower weeks). */
  range: DateRange;
}

/** How many times each day occurs in `dates` ("YYYY-MM-DD", one per activity). */
export function countByDay(dates: readonly string[]): Map<string, number> {
  const counts = new Map<string, number>();
  for (const day of dates) counts.set(day, (counts.get(day) ?? 0) + 1);
  return counts;
}

/** [day, count] of the days in range with activities, in date order: the heatmap's data. */
export function calendarDays({ counts, range }: ActivityCalendarData): [string, number][] {
  return [...counts.entries()]
    .filter(([day, n]) => day >= range.from && day <= range.to && n > 0)
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
}

/**
 * The message keys naming what the calendar counts: the series, a day's
 * tooltip ({day}, {value}) and the chart's description ({from}, {to},
 * {total}, {days}, {busiest}, {busiestValue}; empty: {from}, {to}).
 */
export interface CalendarTexts {
  series: MessageKey;
  tooltip: MessageKey;
  aria: MessageKey;
  ariaEmpty: MessageKey;
}

export const ACTIVITY_CALENDAR_TEXTS: CalendarTexts = {
  series: 'chart.calendar.series',
  tooltip: 'chart.calendar.tooltip',
  aria: 'chart.calendar.aria',
  ariaEmpty: 'chart.calendar.ariaEmpty',
};

export const CALENDAR_HEIGHT = 212;

const DAY_NAMES: Record<Lang, string[]> = {
  // ECharts counts from Sunday whatever the first day shown.
  'zh-CN': ['日', '一', '二', '三', '四', '五', '六'],
  en: ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'],
};

function monthNames(lang: Lang): string[] {
  const f = new Intl.DateTimeFormat(lang, { month: 'short', timeZone: 'UTC' });
  return Array.from({ length: 12 }, (_, m) => f.format(new Date(Date.UTC(2025, m, 1))));
}

export function buildActivityCalendarOption(
  data: ActivityCalendarData,
  lang: Lang,
  texts: CalendarTexts = ACTIVITY_CALENDAR_TEXTS,
): EChartsCoreOption {
  const days = calendarDays(data);
  const max = days.reduce((m, [, n]) => Math.max(m, n), 0);
  const total = days.reduce((sum, [, n]) => sum + n, 0);
  const busiest = days.reduce<[string, number] | null>((best, d) => (!best || d[1] > best[1] ? d : best), null);
  const from = formatDate(data.range.from, lang);
  const to = formatDate(data.range.to, lang);
  const description = busiest
    ? translate(lang, texts.aria, {
        from,
        to,
        total: formatInteger(total, lang),
        days: formatInteger(days.length, lang),
        busiest: formatDate(busiest[0], lang),
        busiestValue: formatInteger(busiest[1], lang),
      })
    : translate(lang, texts.ariaEmpty, { from, to });

  return {
    ...baseOption({ description }),
    tooltip: {
      formatter: (params: { value: [string, number] }) =>
        translate(lang, texts.tooltip, { day: formatDate(params.value[0], lang), value: formatInteger(params.value[1], lang) }),
    },
    visualMap: {
      type: 'continuous',
      min: 1,
      // A flat scale (every day one activity) still needs a range to draw.
      max: Math.max(2, max),
      calculable: false,
      orient: 'horizontal',
      left: 'center',
      bottom: 0,
      itemHeight: 160,
      itemWidth: 10,
      text: [translate(lang, 'chart.calendar.more'), translate(lang, 'chart.calendar.fewer')],
      textStyle: { color: TEXT_COLOR },
      // The palest shade still stands out from an empty (white) day.
      inRange: { color: ['#9fbad8', '#2f5d8a', '#15324f'] },
    },
    calendar: {
      range: [data.range.from, data.range.to],
      top: 36,
      left: lang === 'en' ? 44 : 32,
      right: 16,
      cellSize: ['auto', 18],
      splitLine: { lineStyle: { color: '#b9c3ce', width: 1 } },
      itemStyle: { color: '#fff', borderColor: SPLIT_COLOR, borderWidth: 1 },
      dayLabel: { firstDay: 1, nameMap: DAY_NAMES[lang], color: TEXT_COLOR, fontSize: 11 },
      monthLabel: { nameMap: monthNames(lang), color: TEXT_COLOR },
      yearLabel: { show: false },
    },
    series: [
      {
        type: 'heatmap',
        coordinateSystem: 'calendar',
        name: translate(lang, texts.series),
        data: days,
      },
    ],
  };
}
