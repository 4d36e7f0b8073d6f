/**
 * Survey estimates with their 95% intervals: a horizontal bar per unit (the
 * estimate) with an error bar over it (the interval), drawn by a custom
 * series, the first unit at the top. A series is one set of figures — the
 * period's, or one wave's when waves are compared side by side per unit.
 *
 * What the reader must not miss, on screen and in the saved PNG:
 * - small samples (n < 30) are drawn light and hatched (the card's legend
 *   note says what that means);
 * - the tier ("第1档") is written after each figure when there is one series:
 *   units of a tier cannot be told apart at 95% (docs/metrics.md).
 *
 * The error bars follow the bars' own layout (`api.barLayout` with the same
 * gaps and width as the bar series), so they sit on their bars also when a
 * unit has several waves.
 */
import { CustomChart } from 'echarts/charts';
import { use, type EChartsCoreOption } from 'echarts/core';
import { formatInteger } from '../app/format';
import { translate, type Lang } from '../app/i18n';
import {
  formatAxisValue,
  formatEstimate,
  formatInterval,
  labelColon,
  measureName,
  measureScale,
  tierLabel,
  type Interval,
  type SurveyMeasure,
} from './surveyFigures';
import { axisStyle, baseOption, FONT_FAMILY, PALETTE, TEXT_COLOR } from './theme';

use([CustomChart]);

export interface IntervalPoint {
  estimate: number;
  /** Null for a mean of one answer: no spread, no interval, no tier. */
  interval: Interval | null;
  n: number;
  smallSample: boolean;
  tier: number | null;
}

export interface IntervalCategory {
  id: string;
  label: string;
}

export interface IntervalSeries {
  /** The legend's name: a wave's name when waves are compared. */
  name: string;
  /** One per category, in the categories' order; null where the unit has no figure in this series. */
  points: readonly (IntervalPoint | null)[];
}

export interface IntervalChartData {
  measure: SurveyMeasure;
  categories: readonly IntervalCategory[];
  series: readonly IntervalSeries[];
  /** A category to stand out (the district chosen in the filters); the others fade. */
  highlight?: string | null;
  /** The chart's title, which opens the screen reader's description. */
  title: string;
  /** Name the series in a legend (default: when there are several, i.e. waves). */
  legend?: boolean;
}

/** The bars' layout, shared by the bar series and the error bars' `api.barLayout`. */
export const BAR_LAYOUT = { barGap: '20%', barCategoryGap: '30%', barMaxWidth: 16 } as const;

/** Small samples: the bar's colour at this opacity, hatched. */
export const SMALL_SAMPLE_OPACITY = 0.45;
export const SMALL_SAMPLE_DECAL = {
  symbol: 'rect',
  symbolSize: 1,
  dashArrayX: [1, 0],
  dashArrayY: [2, 4],
  rotation: -Math.PI / 4,
  color: 'rgba(255, 255, 255, 0.8)',
} as const;

/** Units other than the highlighted one. */
export const FADED_OPACITY = 0.35;

export const ERROR_BAR_COLOR = '#1f2a37';
const LEGEND_LINE = 20;
/** Below this chart width (CSS px), the value axis gets fewer ticks. */
const NARROW_WIDTH = 480;

/** Height that gives each unit's bars (one per series) room, and the legend when there is one. */
export function intervalChartHeight(categoryCount: number, seriesCount: number, legend = seriesCount > 1): number {
  const perCategory = seriesCount <= 1 ? 30 : seriesCount * 15 + 14;
  const legendHeight = legend ? seriesCount * LEGEND_LINE + 8 : 0;
  return Math.max(160, 72 + legendHeight + categoryCount * perCategory);
}

/**
 * Room for the units' names: 180 px in Chinese, 230 in English (law names
 * run long), but never more than about a third of a narrow chart.
 */
export function intervalLabelWidth(lang: Lang, chartWidth?: number | null): number {
  const wide = lang === 'en' ? 230 : 180;
  if (!chartWidth) return wide;
  return Math.max(90, Math.min(wide, Math.round(chartWidth * 0.34)));
}

/** The text after a figure: "91.7% · 第1档" with one series, else the estimate alone. */
export function figureLabel(measure: SurveyMeasure, point: IntervalPoint, withTier: boolean, lang: Lang): string {
  const estimate = formatEstimate(measure, point.estimate, lang);
  return withTier && point.tier !== null ? `${estimate} · ${tierLabel(point.tier, lang)}` : estimate;
}

/** One line of the description and the tooltip: "91.7%（95% 区间 90.2% – 92.9%，n = 1,521，第1档）". */
export function describePoint(measure: SurveyMeasure, point: IntervalPoint, lang: Lang): string {
  return translate(lang, 'surveys.describePoint', {
    estimate: formatEstimate(measure, point.estimate, lang),
    interval: formatInterval(measure, point.interval, lang),
    n: formatInteger(point.n, lang),
    tier: tierLabel(point.tier, lang),
  });
}

function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

/** What a custom series' renderItem is handed (the parts used here). */
interface RenderParams {
  dataIndex: number;
}
interface RenderApi {
  value(dimension: number): number;
  coord(value: [number, number]): number[];
  barLayout(options: Record<string, unknown>): { offsetCenter: number; width: number }[] | undefined;
}

/**
 * Draws one error bar (a line with caps at the interval's ends) and the
 * figure's label after it. A data item is [category, low, high, estimate,
 * hasInterval]; a unit without a figure in this series is all '-'.
 */
export function errorBarRenderer(position: number, count: number, labels: readonly string[]) {
  return (params: RenderParams, api: RenderApi) => {
    const category = api.value(0);
    const estimate = api.value(3);
    if (!Number.isFinite(category) || !Number.isFinite(estimate)) return null;
    const hasInterval = api.value(4) === 1;
    const layout = api.barLayout({ count, ...BAR_LAYOUT })?.[position];
    const offset = layout?.offsetCenter ?? 0;
    const cap = Math.max(3, Math.min(6, (layout?.width ?? 12) / 2));
    const [xEstimate = 0, yCenter = 0] = api.coord([estimate, category]);
    const y = yCenter + offset;
    const children: Record<string, unknown>[] = [];
    let labelX = xEstimate;
    if (hasInterval) {
      const [xLow = 0] = api.coord([api.value(1), category]);
      const [xHigh = 0] = api.coord([api.value(2), category]);
      const style = { stroke: ERROR_BAR_COLOR, lineWidth: 1.5 };
      children.push(
        { type: 'line', shape: { x1: xLow, y1: y, x2: xHigh, y2: y }, style },
        { type: 'line', shape: { x1: xLow, y1: y - cap, x2: xLow, y2: y + cap }, style },
        { type: 'line', shape: { x1: xHigh, y1: y - cap, x2: xHigh, y2: y + cap }, style },
      );
      labelX = Math.max(xHigh, xEstimate);
    }
    const label = labels[params.dataIndex];
    if (label) {
      children.push({
        type: 'text',
        x: labelX + 6,
        y,
        style: { text: label, fill: TEXT_COLOR, font: `12px ${FONT_FAMILY}`, verticalAlign: 'middle', align: 'left' },
      });
    }
    return { type: 'group', children };
  };
}

export function buildIntervalOption(data: IntervalChartData, lang: Lang, chartWidth?: number | null): EChartsCoreOption {
  const { measure, categories, series } = data;
  const count = series.length;
  const compared = count > 1;
  const scale = measureScale(measure);
  const narrow = !!chartWidth && chartWidth < NARROW_WIDTH;
  const highlightIndex = data.highlight ? categories.findIndex((c) => c.id === data.highlight) : -1;
  const colorOf = (index: number) => PALETTE[index % PALETTE.length]!;

  const description = translate(lang, 'surveys.chartAria', {
    title: data.title,
    items: series
      .flatMap((s) =>
        s.points.flatMap((point, i) =>
          point
            ? [`${categories[i]?.label ?? ''}${compared ? ` ${s.name}` : ''} ${describePoint(measure, point, lang)}`]
            : [],
        ),
      )
      .join(translate(lang, 'chart.listSeparator')),
  });

  const bars = series.map((s, index) => ({
    type: 'bar',
    name: s.name,
    ...BAR_LAYOUT,
    data: s.points.map((point, i) => {
      if (!point) return '-';
      const faded = highlightIndex >= 0 && i !== highlightIndex;
      const opacity = (point.smallSample ? SMALL_SAMPLE_OPACITY : 1) * (faded ? FADED_OPACITY : 1);
      return {
        value: point.estimate,
        itemStyle: {
          color: colorOf(index),
          opacity,
          ...(point.smallSample ? { decal: { ...SMALL_SAMPLE_DECAL } } : {}),
        },
      };
    }),
    itemStyle: { color: colorOf(index), borderRadius: [0, 2, 2, 0] },
  }));

  const errorBars = series.map((s, index) => ({
    type: 'custom',
    // The bar's name: the legend and the tooltip treat the pair as one.
    name: s.name,
    renderItem: errorBarRenderer(
      index,
      count,
      s.points.map((point) => (point ? figureLabel(measure, point, !compared, lang) : '')),
    ),
    encode: { x: [1, 2], y: 0 },
    data: s.points.map((point, i) =>
      point
        ? [i, point.interval?.low ?? point.estimate, point.interval?.high ?? point.estimate, point.estimate, point.interval ? 1 : 0]
        : ['-', '-', '-', '-', 0],
    ),
    z: 3,
  }));

  const colon = labelColon(lang);
  const tooltip = (params: { seriesIndex?: number; dataIndex?: number }) => {
    const s = series[(params.seriesIndex ?? 0) % count];
    const i = params.dataIndex ?? -1;
    const point = s?.points[i];
    const category = categories[i];
    if (!s || !point || !category) return '';
    const lines = [
      `<strong>${escapeHtml(category.label)}</strong>`,
      ...(compared ? [escapeHtml(s.name)] : []),
      `${escapeHtml(measureName(measure, lang))}${colon}${formatEstimate(measure, point.estimate, lang)}`,
      `${escapeHtml(translate(lang, 'surveys.col.interval'))}${colon}${formatInterval(measure, point.interval, lang)}`,
      `n = ${formatInteger(point.n, lang)}`,
      escapeHtml(point.tier === null ? translate(lang, 'surveys.unranked') : tierLabel(point.tier, lang)),
      ...(point.smallSample ? [`<em>${escapeHtml(translate(lang, 'surveys.smallSampleShort'))}</em>`] : []),
    ];
    return lines.join('<br/>');
  };

  const withLegend = data.legend ?? compared;
  const legendHeight = withLegend ? count * LEGEND_LINE + 8 : 0;
  return {
    ...baseOption({ description }),
    tooltip: { trigger: 'item', formatter: tooltip, confine: true },
    ...(withLegend
      ? {
          legend: {
            data: series.map((s) => s.name),
            orient: 'vertical',
            left: 0,
            bottom: 0,
            itemGap: 6,
            // The error bars follow a fixed bar layout: hiding a wave would misplace them.
            selectedMode: false,
            textStyle: { color: TEXT_COLOR },
          },
        }
      : {}),
    grid: { left: 8, right: compared ? 64 : 116, top: 12, bottom: 44 + legendHeight },
    xAxis: {
      type: 'value',
      min: scale.min,
      max: scale.max,
      // A phone's narrow axis gets fewer ticks, so their labels do not collide.
      interval: narrow ? scale.interval * (measure === 'AWARENESS' ? 2.5 : 2) : scale.interval,
      name: translate(lang, measure === 'AWARENESS' ? 'surveys.axis.AWARENESS' : 'surveys.axis.SATISFACTION'),
      nameLocation: 'middle',
      nameGap: 26,
      ...axisStyle,
      axisLabel: {
        ...axisStyle.axisLabel,
        hideOverlap: true,
        formatter: (value: number) => formatAxisValue(measure, value, lang),
      },
    },
    yAxis: {
      type: 'category',
      inverse: true,
      data: categories.map((c) => c.label),
      ...axisStyle,
      axisTick: { show: false },
      axisLabel: {
        ...axisStyle.axisLabel,
        width: intervalLabelWidth(lang, chartWidth),
        overflow: 'truncate',
        ...(highlightIndex >= 0
          ? {
              formatter: (value: string, index: number) => (index === highlightIndex ? `{hi|${value}}` : value),
              rich: { hi: { fontWeight: 'bold', color: ERROR_BAR_COLOR } },
            }
          : {}),
      },
    },
    series: [...bars, ...errorBars],
  };
}
