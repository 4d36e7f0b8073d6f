/**
 * Activities (场, left axis) and participants (人次, right axis) per district,
 * as paired bars, districts ordered by activities. With a district chosen,
 * the chart still compares all districts and fades the others, since one
 * lone pair of bars says nothing.
 */
import type { EChartsCoreOption } from 'echarts/core';
import { measureValue, rowKey } from '../app/analytics';
import type { AnalyticsRow } from '../app/api-types';
import { formatInteger } from '../app/format';
import { translate, type Lang } from '../app/i18n';
import type { Period } from '../app/period';
import { axisStyle, baseOption, PALETTE } from './theme';

export interface DistrictBreakdownData {
  rows: readonly AnalyticsRow[];
  period: Period;
}

export interface DistrictItem {
  id: string;
  label: string;
  activities: number;
  participants: number;
}

export function districtItems(rows: readonly AnalyticsRow[], lang: Lang): DistrictItem[] {
  const collator = new Intl.Collator(lang);
  const items: DistrictItem[] = [];
  for (const row of rows) {
    const key = rowKey(row, 'DISTRICT');
    if (!key) continue;
    items.push({
      id: key.value,
      label: key.label || key.value,
      activities: measureValue(row.values, 'ACTIVITY_COUNT') ?? 0,
      participants: measureValue(row.values, 'PARTICIPANTS') ?? 0,
    });
  }
  return items
    .filter((d) => d.activities > 0 || d.participants > 0)
    .sort((a, b) => b.activities - a.activities || collator.compare(a.label, b.label));
}

/** Opacity of the districts other than the highlighted one. */
export const FADED_OPACITY = 0.35;

/**
 * Room for each district's name under its bars: 110 px, or less when the
 * chart is narrow (a phone), so that neighbouring names wrap instead of
 * running into each other. 90 px go to the two value axes.
 */
export function districtLabelWidth(count: number, chartWidth?: number | null): number {
  if (!chartWidth || count === 0) return 110;
  return Math.max(48, Math.min(110, Math.floor((chartWidth - 90) / count) - 8));
}

/**
 * `highlight`: the id of the district to stand out (the one chosen in the
 * filters); `chartWidth`: the chart's width in CSS px when known.
 */
export function buildDistrictBreakdownOption(
  data: DistrictBreakdownData,
  lang: Lang,
  highlight: string | null = null,
  chartWidth?: number | null,
): EChartsCoreOption {
  const items = districtItems(data.rows, lang);
  const bar = (d: DistrictItem, value: number) =>
    highlight && d.id !== highlight ? { value, itemStyle: { opacity: FADED_OPACITY } } : value;
  const activitiesName = translate(lang, 'chart.districts.activities');
  const participantsName = translate(lang, 'chart.districts.participants');
  const integer = (value: unknown) => formatInteger(typeof value === 'number' ? value : null, lang);
  const description = translate(lang, 'chart.districts.aria', {
    items: items
      .map((d) =>
        translate(lang, 'chart.itemDistrict', {
          name: d.label,
          activities: formatInteger(d.activities, lang),
          participants: formatInteger(d.participants, lang),
        }),
      )
      .join(translate(lang, 'chart.listSeparator')),
  });

  return {
    ...baseOption({ description }),
    legend: { top: 0, left: 0, data: [activitiesName, participantsName], itemGap: 20 },
    tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' }, valueFormatter: integer },
    grid: { left: 8, right: 8, top: 68, bottom: 8 },
    xAxis: {
      type: 'category',
      data: items.map((d) => d.label),
      ...axisStyle,
      axisTick: { show: false },
      // Every district named; long English names wrap rather than lose their end.
      axisLabel: { ...axisStyle.axisLabel, interval: 0, width: districtLabelWidth(items.length, chartWidth), overflow: 'break' },
    },
    yAxis: [
      {
        type: 'value',
        name: translate(lang, 'unit.activities'),
        minInterval: 1,
        ...axisStyle,
        axisLabel: { ...axisStyle.axisLabel, formatter: integer },
      },
      {
        type: 'value',
        name: translate(lang, 'unit.people'),
        minInterval: 1,
        ...axisStyle,
        axisLabel: { ...axisStyle.axisLabel, formatter: integer },
        splitLine: { show: false },
      },
    ],
    series: [
      {
        type: 'bar',
        name: activitiesName,
        yAxisIndex: 0,
        data: items.map((d) => bar(d, d.activities)),
        barMaxWidth: 28,
        itemStyle: { color: PALETTE[0], borderRadius: [3, 3, 0, 0] },
      },
      {
        type: 'bar',
        name: participantsName,
        yAxisIndex: 1,
        data: items.map((d) => bar(d, d.participants)),
        barMaxWidth: 28,
        itemStyle: { color: PALETTE[1], borderRadius: [3, 3, 0, 0] },
      },
    ],
  };
}
