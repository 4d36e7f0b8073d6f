/**
 * Monthly trend of activities (left axis, 场) and participants (right axis,
 * 人次) over the selected period. Every month of the period gets a point; a
 * month without rows counted nothing, so it is drawn as 0 rather than skipped.
 */
import type { EChartsCoreOption } from 'echarts/core';
import { measureValue, rowKey } from '../app/analytics';
import type { AnalyticsRow } from '../app/api-types';
import { formatInteger, formatMonth } from '../app/format';
import { translate, type Lang } from '../app/i18n';
import { formatPeriod, monthsInRange, periodRange, type Period } from '../app/period';
import { axisStyle, baseOption } from './theme';

export interface MonthlyTrendData {
  rows: readonly AnalyticsRow[];
  period: Period;
}

export interface MonthlySeries {
  months: string[];
  activities: number[];
  participants: number[];
}

/** Months of the period with the two measures, zero-filled. */
export function monthlySeries({ rows, period }: MonthlyTrendData): MonthlySeries {
  const byMonth = new Map<string, AnalyticsRow>();
  for (const row of rows) {
    const key = rowKey(row, 'MONTH');
    if (key) byMonth.set(key.value, row);
  }
  const months = monthsInRange(periodRange(period));
  const pick = (month: string, measure: 'ACTIVITY_COUNT' | 'PARTICIPANTS') =>
    measureValue(byMonth.get(month)?.values ?? [], measure) ?? 0;
  return {
    months,
    activities: months.map((m) => pick(m, 'ACTIVITY_COUNT')),
    participants: months.map((m) => pick(m, 'PARTICIPANTS')),
  };
}

/** True when the period has at least one activity or participant. */
export function hasMonthlyData(data: MonthlyTrendData): boolean {
  const s = monthlySeries(data);
  return s.activities.some((v) => v > 0) || s.participants.some((v) => v > 0);
}

/** More months than this get a zoom slider. */
const ZOOM_THRESHOLD = 24;

export function buildMonthlyTrendOption(data: MonthlyTrendData, lang: Lang): EChartsCoreOption {
  const { months, activities, participants } = monthlySeries(data);
  const multiYear = months.length > 0 && months[0]!.slice(0, 4) !== months[months.length - 1]!.slice(0, 4);
  const labels = months.map((m) => formatMonth(m, lang, multiYear));
  const activitiesName = translate(lang, 'chart.trend.activities');
  const participantsName = translate(lang, 'chart.trend.participants');
  const integer = (value: unknown) => formatInteger(typeof value === 'number' ? value : null, lang);

  let peakIndex = 0;
  activities.forEach((v, i) => {
    if (v > activities[peakIndex]!) peakIndex = i;
  });
  const sum = (xs: number[]) => xs.reduce((a, b) => a + b, 0);
  const description = translate(lang, 'chart.trend.aria', {
    period: formatPeriod(data.period, lang),
    activities: formatInteger(sum(activities), lang),
    participants: formatInteger(sum(participants), lang),
    peak: months.length ? formatMonth(months[peakIndex]!, lang, true) : '—',
    peakValue: formatInteger(activities[peakIndex] ?? 0, lang),
  });

  const zoom = months.length > ZOOM_THRESHOLD;
  return {
    ...baseOption({ description }),
    legend: { top: 0, left: 0, data: [activitiesName, participantsName], itemGap: 20 },
    tooltip: { trigger: 'axis', valueFormatter: integer },
    grid: { left: 8, right: 8, top: 68, bottom: zoom ? 44 : 8 },
    xAxis: {
      type: 'category',
      data: labels,
      boundaryGap: false,
      ...axisStyle,
    },
    yAxis: [
      {
        type: 'value',
        name: translate(lang, 'unit.activities'),
        position: 'left',
        minInterval: 1,
        ...axisStyle,
        axisLabel: { ...axisStyle.axisLabel, formatter: integer },
      },
      {
        type: 'value',
        name: translate(lang, 'unit.people'),
        position: 'right',
        minInterval: 1,
        ...axisStyle,
        axisLabel: { ...axisStyle.axisLabel, formatter: integer },
        splitLine: { show: false },
      },
    ],
    series: [
      {
        type: 'line',
        name: activitiesName,
        yAxisIndex: 0,
        data: activities,
        symbol: 'circle',
        symbolSize: 6,
        lineStyle: { width: 2 },
      },
      {
        type: 'line',
        name: participantsName,
        yAxisIndex: 1,
        data: participants,
        symbol: 'rect',
        symbolSize: 6,
        // Dashed so the two lines stay apart in greyscale print.
        lineStyle: { width: 2, type: 'dashed' },
      },
    ],
    ...(zoom
      ? { dataZoom: [{ type: 'inside' }, { type: 'slider', height: 18, bottom: 8 }] }
      : {}),
  };
}
