/**
 * Bars for categories (months, outlets, agencies, session kinds), one series
 * or several side by side or stacked, vertical or horizontal, with the unit
 * on the value axis and every number formatted for the language. The media
 * and training pages draw all their bar charts with it; what the bars mean
 * (and their words) comes from the page's data functions.
 *
 * Values are drawn as given: counts as counts, rates as 0..1 (the axis and
 * labels show them as percentages), so a test can compare a bar with the
 * API's figure exactly. A null value draws no bar (a rate over nothing).
 */
import type { EChartsCoreOption } from 'echarts/core';
import { formatDecimal, formatInteger, formatPercent } from '../app/format';
import type { Lang } from '../app/i18n';
import { axisStyle, baseOption, PALETTE } from './theme';

export type BarFormat = 'integer' | 'decimal' | 'percent';

/** More series than the theme's six (a dozen outlets) get further calm colours, never a repeat. */
export const SERIES_COLORS = [
  ...PALETTE,
  '#9bb7d4',
  '#e0c08f',
  '#93c1b4',
  '#4d6a87',
  '#b7a3c6',
  '#6b5a3a',
  '#c9d3de',
  '#3e7264',
] as const;

export interface BarSeries {
  name: string;
  values: readonly (number | null)[];
}

export interface GroupedBarsData {
  /** Category labels, in drawing order (top to bottom for horizontal bars). */
  categories: readonly string[];
  series: readonly BarSeries[];
  format: BarFormat;
  /** The value axis' name: the unit (次, 分钟, %, 学时; events, minutes, %, hours). */
  unit: string;
  /** What the chart shows, in words, for screen readers. */
  description: string;
  horizontal?: boolean;
  /** Series stacked into one bar per category (e.g. outlets within a month). */
  stacked?: boolean;
  /** Value labels at the bars' ends (single-series charts). */
  labels?: boolean;
  /** Room for category labels on a horizontal chart (px); longer names end with "…". */
  labelWidth?: number;
}

/** A value as the chart's texts show it: "1,250", "12.5", "85.3%"; "—" for null. */
export function formatBarValue(value: unknown, format: BarFormat, lang: Lang): string {
  const number = typeof value === 'number' ? value : null;
  if (format === 'percent') return formatPercent(number, lang);
  if (format === 'decimal') return formatDecimal(number, 1, lang);
  return formatInteger(number, lang);
}

/** Axis ticks: whole percentages ("80%"), counts with grouping. */
function axisTick(value: number, format: BarFormat, lang: Lang): string {
  if (format === 'percent') return new Intl.NumberFormat(lang, { style: 'percent', maximumFractionDigits: 0 }).format(value);
  return format === 'decimal' ? formatDecimal(value, 1, lang) : formatInteger(value, lang);
}

/** Height that gives each horizontal bar group room for its label (vertical charts use a fixed height). */
export function horizontalBarsHeight(categories: number, series = 1): number {
  return Math.max(200, 72 + categories * (12 + 16 * series));
}

export function buildGroupedBarsOption(data: GroupedBarsData, lang: Lang): EChartsCoreOption {
  const { format, horizontal = false, stacked = false } = data;
  const many = data.series.length > 1;
  const show = (value: unknown) => formatBarValue(value, format, lang);
  const valueAxis = {
    type: 'value',
    name: data.unit,
    ...(format === 'percent' ? { min: 0, max: 1 } : format === 'integer' ? { minInterval: 1 } : {}),
    ...axisStyle,
    axisLabel: { ...axisStyle.axisLabel, formatter: (v: number) => axisTick(v, format, lang), hideOverlap: true },
  };
  const categoryAxis = {
    type: 'category',
    data: [...data.categories],
    ...axisStyle,
    axisTick: { show: false },
    ...(horizontal
      ? {
          inverse: true,
          axisLabel: { ...axisStyle.axisLabel, width: data.labelWidth ?? (lang === 'en' ? 220 : 160), overflow: 'truncate' },
        }
      : { axisLabel: { ...axisStyle.axisLabel, hideOverlap: true } }),
  };
  const radius = horizontal ? [0, 3, 3, 0] : [3, 3, 0, 0];

  return {
    ...baseOption({ description: data.description }),
    color: [...SERIES_COLORS],
    ...(many ? { legend: { type: 'scroll', top: 0, left: 0, right: 0, itemGap: 16 } } : {}),
    tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' }, valueFormatter: show, confine: true },
    grid: { left: 8, right: horizontal ? 64 : 16, top: many ? 64 : 36, bottom: 8 },
    xAxis: horizontal ? valueAxis : categoryAxis,
    yAxis: horizontal ? categoryAxis : valueAxis,
    series: data.series.map((s) => ({
      type: 'bar',
      name: s.name,
      data: [...s.values],
      barMaxWidth: horizontal ? 16 : 28,
      ...(stacked ? { stack: 'total' } : { itemStyle: { borderRadius: radius } }),
      ...(data.labels
        ? {
            label: {
              show: true,
              position: horizontal ? 'right' : 'top',
              color: '#1f2a37',
              formatter: (params: { value: unknown }) => show(params.value),
            },
          }
        : {}),
    })),
  };
}
