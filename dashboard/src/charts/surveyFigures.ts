/**
 * How survey figures read (docs/metrics.md, "Survey results: intervals and
 * tiers"): an awareness rate as a percentage with one decimal, a mean
 * satisfaction on the 1–5 scale with two decimals, a 95% interval as
 * "low – high" in the same unit, a tier as "第1档" / "Tier 1". Shared by the
 * interval chart and the survey tables, so both say the same.
 */
import { formatDecimal, formatPercent, NO_VALUE } from '../app/format';
import type { SchemaType } from '../app/graphql';
import { translate, type Lang } from '../app/i18n';

export type SurveyMeasure = SchemaType<'SurveyMeasure'>;

export interface Interval {
  low: number;
  high: number;
}

/** Below this many answers the hub flags a figure `smallSample` (read with care). */
export const SMALL_SAMPLE_N = 30;

/** Digits of a mean satisfaction (1–5). */
const MEAN_DIGITS = 2;

/** 0.9165 → "91.7%" (awareness); 4.3934 → "4.39" (satisfaction); null → "—". */
export function formatEstimate(measure: SurveyMeasure, value: number | null | undefined, lang: Lang): string {
  return measure === 'AWARENESS' ? formatPercent(value, lang) : formatDecimal(value, MEAN_DIGITS, lang);
}

/** "90.2% – 92.9%" / "4.32 – 4.47"; "—" for no interval (a mean of one answer). */
export function formatInterval(measure: SurveyMeasure, interval: Interval | null | undefined, lang: Lang): string {
  if (!interval) return NO_VALUE;
  return `${formatEstimate(measure, interval.low, lang)} – ${formatEstimate(measure, interval.high, lang)}`;
}

/** "第1档" / "Tier 1"; "—" for an unranked unit (no interval). */
export function tierLabel(tier: number | null | undefined, lang: Lang): string {
  return typeof tier === 'number' ? translate(lang, 'surveys.tier', { tier }) : NO_VALUE;
}

/** The value axis: a rate runs 0–100%, a mean satisfaction 1–5 (the answer scale). */
export function measureScale(measure: SurveyMeasure): { min: number; max: number; interval: number } {
  return measure === 'AWARENESS' ? { min: 0, max: 1, interval: 0.2 } : { min: 1, max: 5, interval: 1 };
}

const axisPercent = new Map<Lang, Intl.NumberFormat>();

/** An axis tick: "60%" (no decimals) for a rate, "4" for the satisfaction scale. */
export function formatAxisValue(measure: SurveyMeasure, value: number, lang: Lang): string {
  if (measure === 'SATISFACTION') return formatDecimal(value, 0, lang);
  let format = axisPercent.get(lang);
  if (!format) {
    format = new Intl.NumberFormat(lang, { style: 'percent', maximumFractionDigits: 0 });
    axisPercent.set(lang, format);
  }
  return format.format(value);
}

/** The colon between a label and its value: "知晓率：91.7%" / "Awareness: 91.7%". */
export function labelColon(lang: Lang): string {
  return lang === 'en' ? ': ' : '：';
}

/** "法律知晓率" / "Legal awareness", "群众满意度" / "Satisfaction". */
export function measureName(measure: SurveyMeasure, lang: Lang): string {
  return translate(lang, measure === 'AWARENESS' ? 'surveys.measure.AWARENESS' : 'surveys.measure.SATISFACTION');
}
