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

/** The parts of a view that narrow the figures. */
export interface ViewScope {
  period: Period;
  district: string | null;
  domain?: string | null;
  agency?: string | null;
}

/**
 * The analytics filter for a view's period (or an explicit range), district,
 * domain and agency. Filters a measure cannot be narrowed by are the caller's
 * business (applicability.ts): the API refuses them.
 */
export function viewFilter(view: ViewScope, range: DateRange = periodRange(view.period)): AnalyticsFilter {
  return {
    from: range.from,
    to: range.to,
    ...(view.district ? { regionIds: [view.district] } : {}),
    ...(view.domain ? { domainIds: [view.domain] } : {}),
    ...(view.agency ? { agencyIds: [view.agency] } : {}),
  };
}
