/**
 * The look shared by every chart: a muted blue/grey palette, the same fonts as
 * the page and an accessible description. Saving as PNG is the EChart
 * wrapper's labelled button, not a canvas toolbox icon (which a keyboard
 * cannot reach). Option builders spread `baseOption` and add their own axes
 * and series.
 */
import type { EChartsCoreOption } from 'echarts/core';

export const FONT_FAMILY =
  'system-ui, -apple-system, "Segoe UI", Roboto, "Noto Sans CJK SC", "Noto Sans SC", "PingFang SC", "Microsoft YaHei", "Hiragino Sans GB", sans-serif';

/** Series colours, in order of use: deep blue, sand, sea green, slate, plum, grey. */
export const PALETTE = ['#2f5d8a', '#c08a3e', '#4f8a7e', '#7f93ab', '#8a6f9e', '#a0a8b3'] as const;

export const TEXT_COLOR = '#4a5563';
export const AXIS_COLOR = '#c3ccd6';
export const SPLIT_COLOR = '#e7ecf1';

export interface BaseOptionInput {
  /** What the chart shows, in words, for screen readers. */
  description: string;
}

export function baseOption(input: BaseOptionInput): EChartsCoreOption {
  return {
    color: [...PALETTE],
    textStyle: { fontFamily: FONT_FAMILY, color: TEXT_COLOR },
    animationDuration: 400,
    aria: { enabled: true, label: { enabled: true, description: input.description } },
  };
}

/** Axis styling shared by category and value axes. */
export const axisStyle = {
  axisLine: { lineStyle: { color: AXIS_COLOR } },
  axisTick: { lineStyle: { color: AXIS_COLOR } },
  axisLabel: { color: TEXT_COLOR },
  splitLine: { lineStyle: { color: SPLIT_COLOR } },
  nameTextStyle: { color: TEXT_COLOR },
} as const;
