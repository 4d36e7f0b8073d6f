/**
 * One agency's media work: the broadcast slots aired with it as partner
 * agency per month (bars, 次) and their minutes (a line on the right axis,
 * 分钟). Every month of the range gets a value; a month without slots is 0.
 */
import type { EChartsCoreOption } from 'echarts/core';
import { measureValue, rowKey } from '../app/analytics';
import type { AnalyticsRow } from '../app/api-types';
import { formatDate, formatInteger, formatMonth } from '../app/format';
import { translate, type Lang } from '../app/i18n';
import { monthsInRange, type DateRange } from '../app/period';
import { axisStyle, baseOption, PALETTE } from './theme';

export interface AgencyMediaData {
  /** analytics BROADCAST_COUNT and BROADCAST_MINUTES grouped by MONTH. */
  rows: readonly AnalyticsRow[];
  range: DateRange;
}

export interface MediaSeries {
  months: string[];
  slots: number[];
  minutes: number[];
}

export function mediaSeries({ rows, range }: AgencyMediaData): MediaSeries {
  const byMonth = new Map<string, AnalyticsRow>();
  for (const row of rows) {
    const key = rowKey(row, 'MONTH');
    if (key) byMonth.set(key.value, row);
  }
  const months = monthsInRange(range);
  const pick = (month: string, measure: 'BROADCAST_COUNT' | 'BROADCAST_MINUTES') =>
    measureValue(byMonth.get(month)?.values ?? [], measure) ?? 0;
  return {
    months,
    slots: months.map((m) => pick(m, 'BROADCAST_COUNT')),
    minutes: months.map((m) => pick(m, 'BROADCAST_MINUTES')),
  };
}

export function hasMedia(data: AgencyMediaData): boolean {
  return mediaSeries(data).slots.some((n) => n > 0);
}

export function buildAgencyMediaOption(data: AgencyMediaData, lang: Lang): EChartsCoreOption {
  const { months, slots, minutes } = mediaSeries(data);
  const multiYear = months.length > 0 && months[0]!.slice(0, 4) !== months[months.length - 1]!.slice(0, 4);
  const slotsName = translate(lang, 'chart.media.slots');
  const minutesName = translate(lang, 'chart.media.minutes');
  const integer = (value: unknown) => formatInteger(typeof value === 'number' ? value : null, lang);
  const sum = (xs: number[]) => xs.reduce((a, b) => a + b, 0);
  const description = translate(lang, 'chart.media.aria', {
    from: formatDate(data.range.from, lang),
    to: formatDate(data.range.to, lang),
    slots: formatInteger(sum(slots), lang),
    minutes: formatInteger(sum(minutes), lang),
  });

  return {
    ...baseOption({ description }),
    legend: { top: 0, left: 0, data: [slotsName, minutesName], itemGap: 20 },
    tooltip: { trigger: 'axis', valueFormatter: integer },
    grid: { left: 8, right: 8, top: 68, bottom: 8 },
    xAxis: { type: 'category', data: months.map((m) => formatMonth(m, lang, multiYear)), ...axisStyle },
    yAxis: [
      {
        type: 'value',
        name: translate(lang, 'unit.slots'),
        position: 'left',
        minInterval: 1,
        ...axisStyle,
        axisLabel: { ...axisStyle.axisLabel, formatter: integer },
      },
      {
        type: 'value',
        name: translate(lang, 'unit.minutes'),
        position: 'right',
        minInterval: 1,
        ...axisStyle,
        axisLabel: { ...axisStyle.axisLabel, formatter: integer },
        splitLine: { show: false },
      },
    ],
    series: [
      { type: 'bar', name: slotsName, yAxisIndex: 0, data: slots, barMaxWidth: 22, itemStyle: { color: PALETTE[0] } },
      {
        type: 'line',
        name: minutesName,
        yAxisIndex: 1,
        data: minutes,
        symbol: 'rect',
        symbolSize: 6,
        // Dashed so bars and line stay apart in greyscale print.
        lineStyle: { width: 2, type: 'dashed', color: PALETTE[1] },
        itemStyle: { color: PALETTE[1] },
      },
    ],
  };
}
