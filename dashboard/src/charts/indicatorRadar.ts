/**
 * One agency's assessment indicators on a radar, each as the share of its
 * maximum points (so a 30-point and a 5-point indicator read on one scale),
 * against the city's median share of every indicator. Readers who see only
 * their own row (an agency reporter) get no median: it cannot be computed
 * from one row, and the hub does not send the others.
 */
import type { EChartsCoreOption } from 'echarts/core';
import { formatDecimal, formatPercent } from '../app/format';
import { translate, type Lang } from '../app/i18n';
import { labelColon } from './surveyFigures';
import { baseOption, PALETTE, SPLIT_COLOR, TEXT_COLOR } from './theme';

export interface RadarIndicator {
  key: string;
  label: string;
  /** The indicator's weight: its points at best. */
  maxPoints: number;
}

/** An agency's points per indicator, by key. */
export interface IndicatorPoints {
  indicators: readonly { key: string; points: number; maxPoints: number }[];
}

export interface IndicatorRadarData {
  indicators: readonly RadarIndicator[];
  agency: { label: string; points: readonly number[] };
  /** The city's median share per indicator (0–1), in the indicators' order; null when not known. */
  median: readonly number[] | null;
  /** The chart's title, which opens the screen reader's description. */
  title: string;
}

/** Points as a share of the maximum, 0–1 (0 for an indicator without points to give). */
export function pointsShare(points: number, maxPoints: number): number {
  if (!(maxPoints > 0) || !Number.isFinite(points)) return 0;
  return Math.min(1, Math.max(0, points / maxPoints));
}

/** The median of `values` (the mean of the middle two for an even count); null for none. */
export function median(values: readonly number[]): number | null {
  const sorted = values.filter((v) => Number.isFinite(v)).sort((a, b) => a - b);
  if (sorted.length === 0) return null;
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? sorted[middle]! : (sorted[middle - 1]! + sorted[middle]!) / 2;
}

/**
 * Each indicator's median share over `rows` (every agency scored), in the
 * order of `keys`; 0 for a key no row has.
 */
export function medianShares(rows: readonly IndicatorPoints[], keys: readonly string[]): number[] {
  return keys.map((key) => {
    const shares = rows.flatMap((row) => {
      const indicator = row.indicators.find((i) => i.key === key);
      return indicator ? [pointsShare(indicator.points, indicator.maxPoints)] : [];
    });
    return median(shares) ?? 0;
  });
}

/** Points as the tables show them: "25.71" (hundredths, as the hub rounds them). */
export function formatPoints(points: number | null | undefined, lang: Lang): string {
  if (typeof points !== 'number') return formatDecimal(points, 2, lang);
  // Whole and half points read without trailing zeros: "15", "22.5", "25.71".
  const cents = Math.round(Math.abs(points) * 100);
  const digits = cents % 100 === 0 ? 0 : cents % 10 === 0 ? 1 : 2;
  return formatDecimal(points, digits, lang);
}

/**
 * A radar axis name broken into lines of about `width` characters (at spaces
 * in English, anywhere in Chinese), so long indicator names stay inside the
 * chart instead of running off its edge.
 */
export function wrapLabel(text: string, width: number): string {
  const lines: string[] = [];
  if (/\s/.test(text)) {
    let line = '';
    for (const word of text.split(/\s+/)) {
      if (line && line.length + 1 + word.length > width) {
        lines.push(line);
        line = word;
      } else {
        line = line ? `${line} ${word}` : word;
      }
    }
    if (line) lines.push(line);
  } else {
    for (let i = 0; i < text.length; i += width) lines.push(text.slice(i, i + width));
  }
  return lines.join('\n');
}

function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

export function buildIndicatorRadarOption(data: IndicatorRadarData, lang: Lang): EChartsCoreOption {
  const { indicators, agency } = data;
  const shares = indicators.map((indicator, i) => pointsShare(agency.points[i] ?? 0, indicator.maxPoints));
  const medianName = translate(lang, 'assessment.radar.median');
  const separator = translate(lang, 'chart.listSeparator');

  const description = translate(lang, 'assessment.radar.aria', {
    title: data.title,
    items: indicators
      .map((indicator, i) => {
        const own = `${indicator.label} ${formatPercent(shares[i], lang)}`;
        return data.median
          ? `${own}${translate(lang, 'assessment.radar.ariaMedian', { median: formatPercent(data.median[i], lang) })}`
          : own;
      })
      .join(separator),
  });

  const colon = labelColon(lang);
  const tooltip = (params: { dataIndex?: number }) => {
    const isMedian = params.dataIndex === 1;
    const head = `<strong>${escapeHtml(isMedian ? medianName : agency.label)}</strong>`;
    const lines = indicators.map((indicator, i) => {
      if (isMedian) return `${escapeHtml(indicator.label)}${colon}${formatPercent(data.median?.[i], lang)}`;
      return `${escapeHtml(indicator.label)}${colon}${translate(lang, 'assessment.radar.points', {
        points: formatPoints(agency.points[i] ?? 0, lang),
        max: formatPoints(indicator.maxPoints, lang),
        share: formatPercent(shares[i], lang),
      })}`;
    });
    return [head, ...lines].join('<br/>');
  };

  return {
    ...baseOption({ description }),
    tooltip: { trigger: 'item', formatter: tooltip, confine: true },
    legend: { data: data.median ? [agency.label, medianName] : [agency.label], top: 0, textStyle: { color: TEXT_COLOR } },
    radar: {
      center: ['50%', '55%'],
      radius: '60%',
      shape: 'polygon',
      splitNumber: 4,
      indicator: indicators.map((indicator) => ({ name: indicator.label, min: 0, max: 1 })),
      axisName: {
        color: TEXT_COLOR,
        lineHeight: 16,
        formatter: (name: string) => wrapLabel(name, lang === 'en' ? 16 : 8),
      },
      splitLine: { lineStyle: { color: SPLIT_COLOR } },
      splitArea: { show: false },
      axisLine: { lineStyle: { color: SPLIT_COLOR } },
    },
    series: [
      {
        type: 'radar',
        symbolSize: 5,
        data: [
          {
            name: agency.label,
            value: shares,
            itemStyle: { color: PALETTE[0] },
            lineStyle: { color: PALETTE[0], width: 2 },
            areaStyle: { color: PALETTE[0], opacity: 0.15 },
          },
          ...(data.median
            ? [
                {
                  name: medianName,
                  value: [...data.median],
                  itemStyle: { color: PALETTE[1] },
                  lineStyle: { color: PALETTE[1], width: 2, type: 'dashed' },
                },
              ]
            : []),
        ],
      },
    ],
  };
}
