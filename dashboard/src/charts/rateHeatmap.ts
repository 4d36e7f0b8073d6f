/**
 * A rate (0..1) for each row × column pair as a heatmap with the rate
 * written in every cell: the training page's attendance rate per agency
 * (rows) and session kind (columns). A pair without a rate (nobody was
 * required to attend) has no cell. Colours in four bands, so a weak figure
 * stands out in print as well as on screen.
 */
import type { EChartsCoreOption } from 'echarts/core';
import { formatPercent } from '../app/format';
import { translate, type Lang } from '../app/i18n';
import { axisStyle, baseOption, TEXT_COLOR } from './theme';

export interface RateMatrix {
  rows: readonly { id: string; label: string }[];
  columns: readonly { id: string; label: string }[];
  /** Row index y, column index x; only pairs with a rate. */
  cells: readonly { x: number; y: number; rate: number }[];
}

export interface RateHeatmapText {
  /** The series' name, e.g. "参训率". */
  series: string;
  /** What the chart shows, for screen readers. */
  description: string;
}

export const RATE_BANDS = [
  { min: 0, max: 0.6, color: '#d79b8c', label: '< 60%' },
  { min: 0.6, max: 0.8, color: '#ecd7ad', label: '60%–80%' },
  { min: 0.8, max: 0.95, color: '#a9c3dc', label: '80%–95%' },
  { min: 0.95, max: 1, color: '#2f5d8a', label: '≥ 95%' },
] as const;

const ROW_HEIGHT = 24;
const DARK_FROM = RATE_BANDS[RATE_BANDS.length - 1].min;

export function rateHeatmapHeight(rows: number): number {
  return 104 + rows * ROW_HEIGHT;
}

function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

export function buildRateHeatmapOption(matrix: RateMatrix, text: RateHeatmapText, lang: Lang): EChartsCoreOption {
  return {
    ...baseOption({ description: text.description }),
    tooltip: {
      confine: true,
      formatter: (params: { value?: [number, number, number] }) => {
        if (!params.value) return '';
        const [x, y, rate] = params.value;
        return translate(lang, 'chart.rateHeatmap.tooltip', {
          row: escapeHtml(matrix.rows[y]?.label ?? ''),
          column: escapeHtml(matrix.columns[x]?.label ?? ''),
          series: text.series,
          value: formatPercent(rate, lang),
        });
      },
    },
    visualMap: {
      type: 'piecewise',
      dimension: 2,
      orient: 'horizontal',
      top: 0,
      left: 0,
      itemGap: 14,
      textStyle: { color: TEXT_COLOR },
      // The last band includes 100%; the others end just below their upper bound.
      pieces: RATE_BANDS.map((band, i) => ({
        gte: band.min,
        ...(i === RATE_BANDS.length - 1 ? { lte: band.max } : { lt: band.max }),
        color: band.color,
        label: band.label,
      })),
    },
    // Room for the legend and for kind names wrapped on two lines above the columns.
    grid: { left: 8, right: 16, top: 84, bottom: 8 },
    xAxis: {
      type: 'category',
      position: 'top',
      data: matrix.columns.map((c) => c.label),
      ...axisStyle,
      axisTick: { show: false },
      axisLabel: { ...axisStyle.axisLabel, interval: 0, width: 150, overflow: 'break' },
    },
    yAxis: {
      type: 'category',
      inverse: true,
      data: matrix.rows.map((r) => r.label),
      ...axisStyle,
      axisTick: { show: false },
      axisLabel: { ...axisStyle.axisLabel, interval: 0, width: lang === 'en' ? 240 : 190, overflow: 'truncate' },
    },
    series: [
      {
        type: 'heatmap',
        name: text.series,
        // White figures on the deepest band.
        data: matrix.cells.map((c) => ({
          value: [c.x, c.y, c.rate],
          label: { color: c.rate >= DARK_FROM ? '#ffffff' : '#1f2a37' },
        })),
        itemStyle: { borderColor: '#ffffff', borderWidth: 1 },
        label: {
          show: true,
          fontSize: 11,
          formatter: (params: { value: [number, number, number] }) => formatPercent(params.value[2], lang),
        },
      },
    ],
  };
}
