/**
 * An agency's responsibility list item by item: the planned number of
 * activities (an outlined bar: the target) beside the delivered number (a
 * solid bar: activities inside the item's window that name it), first item at
 * the top. Values are drawn as the API gives them, so a browser test can
 * compare a bar with `coverage` exactly; delivered may exceed planned.
 */
import type { EChartsCoreOption } from 'echarts/core';
import { formatInteger } from '../app/format';
import { translate, type Lang } from '../app/i18n';
import { agencyLabelWidth } from './agencyRanking';
import { axisStyle, baseOption, PALETTE } from './theme';

export interface PlannedDeliveredItem {
  id: string;
  title: string;
  planned: number;
  delivered: number;
}

/** Two bars per item, each with room for its label. */
export function plannedDeliveredHeight(count: number): number {
  return Math.max(200, 72 + count * 48);
}

export function buildPlannedDeliveredOption(
  items: readonly PlannedDeliveredItem[],
  lang: Lang,
  chartWidth?: number | null,
): EChartsCoreOption {
  const planned = translate(lang, 'chart.planned.planned');
  const delivered = translate(lang, 'chart.planned.delivered');
  const integer = (value: unknown) => formatInteger(typeof value === 'number' ? value : null, lang);
  const description = translate(lang, 'chart.planned.aria', {
    items: items
      .map((item) =>
        translate(lang, 'chart.planned.ariaItem', {
          title: item.title,
          planned: formatInteger(item.planned, lang),
          delivered: formatInteger(item.delivered, lang),
        }),
      )
      .join(translate(lang, 'chart.listSeparator')),
  });
  const barLabel = {
    show: true,
    position: 'right',
    color: '#1f2a37',
    formatter: (params: { value: unknown }) => integer(params.value),
  };

  return {
    ...baseOption({ description }),
    legend: { top: 0, left: 0, data: [planned, delivered], itemGap: 20 },
    tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' }, valueFormatter: integer },
    grid: { left: 8, right: 40, top: 36, bottom: 8 },
    xAxis: {
      type: 'value',
      name: translate(lang, 'unit.activities'),
      minInterval: 1,
      ...axisStyle,
      axisLabel: { ...axisStyle.axisLabel, formatter: integer, hideOverlap: true },
    },
    yAxis: {
      type: 'category',
      inverse: true,
      data: items.map((item) => item.title),
      ...axisStyle,
      axisTick: { show: false },
      // Long item titles are cut with "…"; the tooltip and the list below show them whole.
      axisLabel: { ...axisStyle.axisLabel, width: agencyLabelWidth(lang, chartWidth), overflow: 'truncate' },
    },
    series: [
      {
        type: 'bar',
        name: planned,
        data: items.map((item) => item.planned),
        barMaxWidth: 14,
        // Outlined: a target, told apart from what was done without colour too.
        itemStyle: { color: '#e4e9ef', borderColor: PALETTE[3], borderWidth: 1, borderRadius: [0, 3, 3, 0] },
        label: barLabel,
      },
      {
        type: 'bar',
        name: delivered,
        data: items.map((item) => item.delivered),
        barMaxWidth: 14,
        itemStyle: { color: PALETTE[0], borderRadius: [0, 3, 3, 0] },
        label: barLabel,
      },
    ],
  };
}
