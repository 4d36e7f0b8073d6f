/**
 * The overlapping enforcement domains (交叉领域) as a heatmap: one row per
 * domain in the API's order (most severe gap first), one column per agency
 * holding power in any of them, and in each cell the number of activities
 * that holder ran in the domain. A cell is left empty where the agency holds
 * no power; a holder with no activity is a cell with 0 in a warning colour;
 * a lead agency's (牵头单位) cell is framed and marked ★.
 */
import type { EChartsCoreOption } from 'echarts/core';
import { formatInteger } from '../app/format';
import { translate, type Lang } from '../app/i18n';
import { localName } from '../app/session';
import { axisStyle, baseOption, TEXT_COLOR } from './theme';

interface Named {
  id: string;
  name: string;
  nameEn: string | null;
}

/** The fields of an OverlapGap the heatmap reads. */
export interface OverlapInput {
  domain: Named;
  holders: readonly { agency: Named; isLead: boolean; activityCount: number }[];
}

export interface OverlapCell {
  /** Column (agency) and row (domain) indexes. */
  x: number;
  y: number;
  count: number;
  lead: boolean;
  /** Where the cell comes from: gaps[gap].holders[holder]. */
  gap: number;
  holder: number;
}

export interface OverlapMatrix {
  domains: { id: string; label: string }[];
  /** Columns in order of first appearance down the rows, so each domain's holders sit together. */
  agencies: { id: string; label: string }[];
  cells: OverlapCell[];
}

export function overlapMatrix(gaps: readonly OverlapInput[], lang: Lang): OverlapMatrix {
  const agencies: OverlapMatrix['agencies'] = [];
  const column = new Map<string, number>();
  const cells: OverlapCell[] = [];
  gaps.forEach((gap, y) => {
    gap.holders.forEach((holder, h) => {
      let x = column.get(holder.agency.id);
      if (x === undefined) {
        x = agencies.length;
        column.set(holder.agency.id, x);
        agencies.push({ id: holder.agency.id, label: localName(holder.agency, lang) });
      }
      cells.push({ x, y, count: holder.activityCount, lead: holder.isLead, gap: y, holder: h });
    });
  });
  return { domains: gaps.map((g) => ({ id: g.domain.id, label: localName(g.domain, lang) })), agencies, cells };
}

/** Count bands and their colours: 0 stands out as a gap; more activities, deeper blue. */
export const OVERLAP_BANDS = [
  { min: 0, max: 0, color: '#e8c3b9' },
  { min: 1, max: 4, color: '#dbe6f1' },
  { min: 5, max: 9, color: '#aac4dd' },
  { min: 10, max: 19, color: '#6d95bd' },
  { min: 20, max: Infinity, color: '#2f5d8a' },
] as const;

/** Bands at or above this draw their figures in white. */
const DARK_FROM = 10;
const ROW_HEIGHT = 30;
const COLUMN_MIN_WIDTH = 28;

/** Room for the agencies' names under the columns (drawn slanted) and for the domains' at the left. */
function labelWidths(lang: Lang) {
  return lang === 'en' ? { column: 170, row: 170 } : { column: 170, row: 130 };
}

export function overlapHeatmapHeight(matrix: OverlapMatrix, lang: Lang): number {
  return 56 + matrix.domains.length * ROW_HEIGHT + labelWidths(lang).column * 0.7 + 24;
}

/** Below this width the chart scrolls sideways rather than squeezing the columns. */
export function overlapHeatmapMinWidth(matrix: OverlapMatrix, lang: Lang): number {
  return labelWidths(lang).row + 24 + matrix.agencies.length * COLUMN_MIN_WIDTH;
}

function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

function bandLabel(band: (typeof OVERLAP_BANDS)[number], lang: Lang): string {
  if (band.max === 0) return translate(lang, 'chart.overlaps.bandNone');
  if (band.max === Infinity) return translate(lang, 'chart.overlaps.bandAtLeast', { min: band.min });
  return translate(lang, 'chart.overlaps.band', { min: band.min, max: band.max });
}

export function buildOverlapHeatmapOption(matrix: OverlapMatrix, lang: Lang): EChartsCoreOption {
  const widths = labelWidths(lang);
  const idle = matrix.cells.filter((c) => c.count === 0).length;
  const description = translate(lang, 'chart.overlaps.aria', {
    domains: matrix.domains.length,
    agencies: matrix.agencies.length,
    holders: matrix.cells.length,
    idle,
  });
  const leadMark = translate(lang, 'chart.overlaps.leadMark');

  return {
    ...baseOption({ description }),
    tooltip: {
      confine: true,
      formatter: (params: { data?: { value: [number, number, number]; lead: boolean } }) => {
        const data = params.data;
        if (!data) return '';
        const [x, y, count] = data.value;
        const agency = matrix.agencies[x]?.label ?? '';
        const domain = matrix.domains[y]?.label ?? '';
        return translate(lang, 'chart.overlaps.tooltip', {
          domain: escapeHtml(domain),
          agency: escapeHtml(agency) + (data.lead ? ` ${leadMark}` : ''),
          count: formatInteger(count, lang),
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
      pieces: OVERLAP_BANDS.map((band) => ({
        ...(band.max === Infinity ? { gte: band.min } : { gte: band.min, lte: band.max }),
        color: band.color,
        label: bandLabel(band, lang),
      })),
    },
    grid: { left: 8, right: 16, top: 44, bottom: 8 },
    xAxis: {
      type: 'category',
      data: matrix.agencies.map((a) => a.label),
      position: 'bottom',
      splitArea: { show: false },
      ...axisStyle,
      axisTick: { show: false },
      // Every agency named; long names end with "…" (the tooltip has them whole).
      axisLabel: { ...axisStyle.axisLabel, interval: 0, rotate: 40, width: widths.column, overflow: 'truncate' },
    },
    yAxis: {
      type: 'category',
      inverse: true,
      data: matrix.domains.map((d) => d.label),
      ...axisStyle,
      axisTick: { show: false },
      axisLabel: { ...axisStyle.axisLabel, width: widths.row, overflow: 'truncate' },
    },
    series: [
      {
        type: 'heatmap',
        name: translate(lang, 'chart.overlaps.series'),
        data: matrix.cells.map((cell) => ({
          value: [cell.x, cell.y, cell.count],
          lead: cell.lead,
          label: { color: cell.count >= DARK_FROM ? '#ffffff' : '#1f2a37' },
          itemStyle: cell.lead
            ? { borderColor: '#1f2a37', borderWidth: 2 }
            : { borderColor: '#ffffff', borderWidth: 1 },
        })),
        label: {
          show: true,
          fontSize: 11,
          formatter: (params: { data: { value: [number, number, number]; lead: boolean } }) =>
            `${params.data.lead ? '★' : ''}${formatInteger(params.data.value[2], lang)}`,
        },
        emphasis: { itemStyle: { borderColor: '#1a73c8', borderWidth: 2 } },
      },
    ],
  };
}
