/**
 * Activities (场, left axis) and participants (人次, right axis) per district,
 * as paired bars, districts ordered by activities.
 */
import type { EChartsCoreOption } from 'echarts/core';
import { measureValue, rowKey } from '../app/analytics';
import type { AnalyticsRow } from '../app/api-types';
import { formatInteger } from '../app/format';
import { translate, type Lang } from '../app/i18n';
import { periodSlug, type Period } from '../app/period';
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

export function buildDistrictBreakdownOption(data: DistrictBreakdownData, lang: Lang): EChartsCoreOption {
  const items = districtItems(data.rows, lang);
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
    ...baseOption(lang, { fileName: `pufa-districts-${periodSlug(data.period)}`, description }),
    legend: { top: 0, left: 0, data: [activitiesName, participantsName], itemGap: 20 },
    tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' }, valueFormatter: integer },
    grid: { left: 8, right: 8, top: 68, bottom: 8 },
    xAxis: {
      type: 'category',
      data: items.map((d) => d.label),
      ...axisStyle,
      axisTick: { show: false },
      // Every district named; long English names wrap rather than lose their end.
      axisLabel: { ...axisStyle.axisLabel, interval: 0, width: 110, overflow: 'break' },
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
        data: items.map((d) => d.activities),
        barMaxWidth: 28,
        itemStyle: { color: PALETTE[0], borderRadius: [3, 3, 0, 0] },
      },
      {
        type: 'bar',
        name: participantsName,
        yAxisIndex: 1,
        data: items.map((d) => d.participants),
        barMaxWidth: 28,
        itemStyle: { color: PALETTE[1], borderRadius: [3, 3, 0, 0] },
      },
    ],
  };
}
