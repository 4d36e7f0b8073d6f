/**
 * Agencies ranked by number of activities, as horizontal bars with the first
 * at the top. The API already orders and limits; sorting again keeps the
 * chart right even if it did not, and fixes the order of ties.
 */
import type { EChartsCoreOption } from 'echarts/core';
import { keyedValues, type KeyedValue } from '../app/analytics';
import type { AnalyticsRow } from '../app/api-types';
import { formatInteger } from '../app/format';
import { translate, type Lang } from '../app/i18n';
import type { Period } from '../app/period';
import { axisStyle, baseOption, PALETTE } from './theme';

export const RANKING_LIMIT = 15;

export interface AgencyRankingData {
  rows: readonly AnalyticsRow[];
  period: Period;
}

export type RankedAgency = KeyedValue & { value: number };

export function rankedAgencies(rows: readonly AnalyticsRow[], lang: Lang): RankedAgency[] {
  const collator = new Intl.Collator(lang);
  return keyedValues(rows, 'AGENCY', 'ACTIVITY_COUNT')
    .filter((v): v is RankedAgency => v.value !== null && v.value > 0)
    .sort((a, b) => b.value - a.value || collator.compare(a.label, b.label))
    .slice(0, RANKING_LIMIT);
}

/** Chart height that gives each bar room for its label. */
export function agencyRankingHeight(count: number): number {
  return Math.max(200, 48 + count * 28);
}

/** Below this chart width (CSS px), the value axis gets fewer ticks so its labels do not collide. */
const NARROW_WIDTH = 480;

/**
 * Room for the agency names: 240 px in English and 168 in Chinese, but never
 * more than about two fifths of a narrow chart (a phone), or the names are cut
 * at the chart's left edge and the bars get no room.
 */
export function agencyLabelWidth(lang: Lang, chartWidth?: number | null): number {
  const wide = lang === 'en' ? 240 : 168;
  if (!chartWidth) return wide;
  return Math.max(96, Math.min(wide, Math.round(chartWidth * 0.42)));
}

/** `chartWidth`: the chart's width in CSS px when known, to fit the labels to it. */
export function buildAgencyRankingOption(
  data: AgencyRankingData,
  lang: Lang,
  chartWidth?: number | null,
): EChartsCoreOption {
  const narrow = !!chartWidth && chartWidth < NARROW_WIDTH;
  const items = rankedAgencies(data.rows, lang);
  const seriesName = translate(lang, 'chart.agencies.series');
  const integer = (value: unknown) => formatInteger(typeof value === 'number' ? value : null, lang);
  const description = translate(lang, 'chart.agencies.aria', {
    items: items
      .map((item) => translate(lang, 'chart.itemActivities', { name: item.label, value: formatInteger(item.value, lang) }))
      .join(translate(lang, 'chart.listSeparator')),
  });

  return {
    ...baseOption({ description }),
    tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' }, valueFormatter: integer },
    grid: { left: 8, right: 56, top: 32, bottom: 8 },
    xAxis: {
      type: 'value',
      name: translate(lang, 'unit.activities'),
      minInterval: 1,
      ...(narrow ? { splitNumber: 3 } : {}),
      ...axisStyle,
      axisLabel: { ...axisStyle.axisLabel, formatter: integer, hideOverlap: true },
    },
    yAxis: {
      type: 'category',
      inverse: true,
      data: items.map((item) => item.label),
      ...axisStyle,
      axisTick: { show: false },
      // Long agency names are cut with "…"; the tooltip shows them whole.
      axisLabel: { ...axisStyle.axisLabel, width: agencyLabelWidth(lang, chartWidth), overflow: 'truncate' },
    },
    series: [
      {
        type: 'bar',
        name: seriesName,
        data: items.map((item) => item.value),
        barMaxWidth: 16,
        itemStyle: { color: PALETTE[0], borderRadius: [0, 3, 3, 0] },
        label: {
          show: true,
          position: 'right',
          color: '#1f2a37',
          formatter: (params: { value: unknown }) => integer(params.value),
        },
      },
    ],
  };
}
