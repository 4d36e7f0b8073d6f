/** Helpers that build analytics rows for option-builder tests. */
import type { AnalyticsRow, Dimension, Measure } from '../app/api-types';

export function row(
  dimension: Dimension,
  value: string,
  label: string,
  measures: Partial<Record<Measure, number | null>>,
): AnalyticsRow {
  return {
    keys: [{ dimension, value, label }],
    values: Object.entries(measures).map(([measure, v]) => ({ measure: measure as Measure, value: v ?? null })),
  };
}

/** Reads a nested option property without casting at every step. */
export type Loose = any;
