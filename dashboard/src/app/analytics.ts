/** Small readers over analytics results, shared by pages and option builders. */
import type { AnalyticsFilter, AnalyticsRow, Dimension, Measure, MeasureValue } from './api-types';
import { periodRange, type DateRange, type Period } from './period';

/** The value of `measure` in a list of measure values; null when absent or null. */
export function measureValue(values: readonly MeasureValue[], measure: Measure): number | null {
  const found = values.find((v) => v.measure === measure);
  return found && typeof found.value === 'number' ? found.value : null;
}

/** The key of `dimension` in a row, or undefined. */
export function rowKey(row: AnalyticsRow, dimension: Dimension) {
  return row.keys.find((k) => k.dimension === dimension);
}

/** A grouped result read as [key value, label, measure value] for one dimension. */
export interface KeyedValue {
  key: string;
  label: string;
  value: number | null;
}

export function keyedValues(
  rows: readonly AnalyticsRow[],
  dimension: Dimension,
  measure: Measure,
): KeyedValue[] {
  const out: KeyedValue[] = [];
  for (const row of rows) {
    const key = rowKey(row, dimension);
    if (!key) continue;
    out.push({ key: key.value, label: key.label || key.value, value: measureValue(row.values, measure) });
  }
  return out;
}

/** The analytics filter for a view's period (or an explicit range) and district. */
export function viewFilter(
  view: { period: Period; district: string | null },
  range: DateRange = periodRange(view.period),
): AnalyticsFilter {
  return {
    from: range.from,
    to: range.to,
    ...(view.district ? { regionIds: [view.district] } : {}),
  };
}
