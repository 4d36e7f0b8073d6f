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
import { periodSlug, type Period } from '../app/period';
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

export function buildAgencyRankingOption(data: AgencyRankingData, lang: Lang): EChartsCoreOption {
  const items = rankedAgencies(data.rows, lang);
  const seriesName = translate(lang, 'chart.agencies.series');
  const integer = (value: unknown) => formatInteger(typeof value === 'number' ? value : null, lang);
  const description = translate(lang, 'chart.agencies.aria', {
    items: items
      .map((item) => translate(lang, 'chart.itemActivities', { name: item.label, value: formatInteger(item.value, lang) }))
      .join(translate(lang, 'chart.listSeparator')),
  });

  return {
    ...baseOption(lang, { fileName: `pufa-agency-ranking-${periodSlug(data.period)}`, description }),
    tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' }, valueFormatter: integer },
    grid: { left: 8, right: 56, top: 32, bottom: 8 },
    xAxis: {
      type: 'value',
      name: translate(lang, 'unit.activities'),
      minInterval: 1,
      ...axisStyle,
      axisLabel: { ...axisStyle.axisLabel, formatter: integer },
    },
    yAxis: {
      type: 'category',
      inverse: true,
      data: items.map((item) => item.label),
      ...axisStyle,
      axisTick: { show: false },
      // Long agency names are cut with "…"; the tooltip shows them whole.
      axisLabel: { ...axisStyle.axisLabel, width: lang === 'en' ? 240 : 168, overflow: 'truncate' },
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
