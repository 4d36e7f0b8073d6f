/**
 * Which analytics filters apply to which measure: a copy of the measure ×
 * filter table in docs/metrics.md (the API's registry renders that table).
 * The API answers BAD_USER_INPUT when a query combines a measure with a filter
 * marked "—" there, e.g. regionIds on BROADCAST_COUNT (broadcast slots have no
 * place). The dashboard asks only for the measures the current filters apply
 * to and says why the others are missing. applicability.test.ts checks this
 * copy against the document.
 */
import type { AnalyticsFilter, Measure } from './api-types';

/** The kind of fact a measure is computed over (docs/metrics.md, "Facts"). */
export type Fact = 'activity' | 'broadcast' | 'training' | 'case' | 'survey';

/** A filter of AnalyticsFilter; from and to share the document's "from/to" column. */
export type FilterKey = keyof AnalyticsFilter;

const PERIOD: readonly FilterKey[] = ['from', 'to'];

/** The filters each fact can be narrowed by. */
const FACT_FILTERS: Record<Fact, readonly FilterKey[]> = {
  activity: [...PERIOD, 'agencyIds', 'regionIds', 'domainIds', 'lawIds', 'forms', 'venueTypes', 'audiences'],
  broadcast: [...PERIOD, 'agencyIds', 'domainIds', 'outletIds'],
  training: [...PERIOD, 'agencyIds', 'regionIds', 'sessionKinds'],
  case: [...PERIOD, 'agencyIds', 'regionIds', 'domainIds', 'lawIds'],
  survey: [...PERIOD, 'agencyIds', 'regionIds', 'lawIds'],
};

/** Each measure's fact, in the document's order. */
export const MEASURE_FACT: Record<Measure, Fact> = {
  ACTIVITY_COUNT: 'activity',
  PARTICIPANTS: 'activity',
  MATERIALS_DISTRIBUTED: 'activity',
  CONSULTATIONS: 'activity',
  ONLINE_VIEWS: 'activity',
  BROADCAST_COUNT: 'broadcast',
  BROADCAST_MINUTES: 'broadcast',
  PRIME_TIME_SHARE: 'broadcast',
  PUBLIC_SERVICE_ADS: 'broadcast',
  BROADCAST_REACH: 'broadcast',
  TRAINING_REQUIRED: 'training',
  TRAINING_ATTENDED: 'training',
  TRAINING_ATTENDANCE_RATE: 'training',
  LEADING_CADRE_ATTENDANCE_RATE: 'training',
  TRAINING_HOURS: 'training',
  TRAINING_PASS_RATE: 'training',
  CASE_COUNT: 'case',
  SURVEY_RESPONSES: 'survey',
  AWARENESS_RATE: 'survey',
  SATISFACTION_MEAN: 'survey',
};

/** The filters that apply to `measure`. */
export function applicableFilters(measure: Measure): readonly FilterKey[] {
  return FACT_FILTERS[MEASURE_FACT[measure]];
}

/**
 * The filters set in `filter`, in AnalyticsFilter order. A list counts as set
 * even when empty (the API reads an empty list as "matches nothing").
 */
export function setFilters(filter: AnalyticsFilter | undefined): FilterKey[] {
  if (!filter) return [];
  return (Object.keys(filter) as FilterKey[]).filter((key) => filter[key] !== undefined && filter[key] !== null);
}

/** The filters set in `filter` that do not apply to `measure` (empty: the measure can be asked for). */
export function inapplicableFilters(measure: Measure, filter: AnalyticsFilter | undefined): FilterKey[] {
  const applicable = applicableFilters(measure);
  return setFilters(filter).filter((key) => !applicable.includes(key));
}

export interface MeasureSplit {
  /** Measures every set filter applies to, in the given order. */
  applicable: Measure[];
  /** The others, each with the set filters that do not apply to it. */
  notApplicable: { measure: Measure; filters: FilterKey[] }[];
}

/** Splits `measures` by whether the filters set in `filter` apply to them. */
export function splitMeasures(measures: readonly Measure[], filter: AnalyticsFilter | undefined): MeasureSplit {
  const split: MeasureSplit = { applicable: [], notApplicable: [] };
  for (const measure of measures) {
    const filters = inapplicableFilters(measure, filter);
    if (filters.length === 0) split.applicable.push(measure);
    else split.notApplicable.push({ measure, filters });
  }
  return split;
}
