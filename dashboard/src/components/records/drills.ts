/**
 * Lineage: which records lie behind a figure, as the filter of one of the
 * hub's record queries. The API hands some figures their own drill (a
 * coverage row's `drills`, an overlap gap's `drill`, a survey result's
 * `drill.responses`); analytics figures are drilled from the filter they were
 * asked with, training figures from the training page's filter and a row's
 * keys (attendanceDrill). RecordsDrawer lists what a RecordsDrill selects.
 */
import type { AnalyticsFilter } from '../../app/api-types';
import type { SchemaType } from '../../app/graphql';
import { isValidRange, type DateRange } from '../../app/period';

export type ActivityFilter = SchemaType<'ActivityFilter'>;
export type SlotFilter = SchemaType<'SlotFilter'>;
export type ResponsibilityFilter = SchemaType<'ResponsibilityFilter'>;
export type ResponseFilter = SchemaType<'ResponseFilter'>;
export type AttendanceFilter = SchemaType<'AttendanceFilter'>;
type TrainingKind = SchemaType<'TrainingKind'>;

/**
 * The records of one kind; several filters (e.g. a coverage row's one drill
 * per item window) are listed one at a time, chosen in the drawer.
 */
export type RecordsSource =
  | { kind: 'activities'; filters: readonly ActivityFilter[] }
  | { kind: 'broadcastSlots'; filters: readonly SlotFilter[] }
  | { kind: 'responsibilityItems'; filters: readonly ResponsibilityFilter[] }
  | { kind: 'surveyResponses'; filters: readonly ResponseFilter[] }
  | { kind: 'trainingAttendance'; filters: readonly AttendanceFilter[] };

export type RecordKind = RecordsSource['kind'];

export interface RecordsDrill {
  /** What the records are behind, e.g. "2025年3月的普法活动"; the drawer's heading. */
  title: string;
  source: RecordsSource;
}

const ACTIVITY_KEYS = [
  'from',
  'to',
  'years',
  'agencyIds',
  'regionIds',
  'domainIds',
  'lawIds',
  'itemIds',
  'forms',
  'venueTypes',
  'audiences',
] as const satisfies readonly (keyof ActivityFilter)[];
const SLOT_KEYS = ['from', 'to', 'years', 'agencyIds', 'domainIds', 'outletIds', 'kinds', 'primeTime'] as const satisfies readonly (keyof SlotFilter)[];
const ITEM_KEYS = ['from', 'to', 'years', 'agencyIds', 'regionIds', 'domainIds', 'lawIds', 'published'] as const satisfies readonly (keyof ResponsibilityFilter)[];
const RESPONSE_KEYS = ['from', 'to', 'years', 'districtIds', 'waveIds'] as const satisfies readonly (keyof ResponseFilter)[];
const ATTENDANCE_KEYS = [
  'from',
  'to',
  'years',
  'agencyIds',
  'regionIds',
  'sessionKinds',
  'sessionIds',
  'leadingCadre',
  'required',
  'attended',
  'passed',
] as const satisfies readonly (keyof AttendanceFilter)[];

/**
 * Only `keys` of `drill`, and only those set: a drill read from a query
 * carries `__typename` (urql adds it) and nulls, which a filter input refuses
 * or reads as "matches nothing".
 */
function pick<F>(drill: object, keys: readonly (keyof F & string)[]): F {
  const source = drill as Record<string, unknown>;
  const out: Record<string, unknown> = {};
  for (const key of keys) {
    const value = source[key];
    if (value !== null && value !== undefined) out[key] = value;
  }
  return out as F;
}

/** An `activities` filter from an ActivityDrill (coverage) or an OverlapDrill (overlap gaps). */
export function activityFilterOf(drill: object): ActivityFilter {
  return pick<ActivityFilter>(drill, ACTIVITY_KEYS);
}

/** A `surveyResponses` filter from a SurveyResponsesDrill (`drill.responses` of a survey result). */
export function responseFilterOf(drill: object): ResponseFilter {
  return pick<ResponseFilter>(drill, RESPONSE_KEYS);
}

export function slotFilterOf(drill: object): SlotFilter {
  return pick<SlotFilter>(drill, SLOT_KEYS);
}

export function itemFilterOf(drill: object): ResponsibilityFilter {
  return pick<ResponsibilityFilter>(drill, ITEM_KEYS);
}

export function attendanceFilterOf(drill: object): AttendanceFilter {
  return pick<AttendanceFilter>(drill, ATTENDANCE_KEYS);
}

/**
 * Which rows of a training figure: the required rows (TRAINING_REQUIRED, the
 * rates' denominator), those attended, or leading cadres' required rows.
 */
export type AttendanceRows = 'required' | 'attended' | 'leadingRequired' | 'all' | 'scored';

/** The rows a figure counts: a rate's are its denominator's (docs/metrics.md, lineage of the training measures). */
const ATTENDANCE_ROWS: Record<AttendanceRows, AttendanceFilter> = {
  required: { required: true },
  attended: { required: true, attended: true },
  leadingRequired: { required: true, leadingCadre: true },
  // Hours are credited on every row, required or not.
  all: {},
  // The pass rate is over the rows with a score.
  scored: { scored: true },
};

/**
 * The attendance rows behind a training figure asked with the analytics
 * `filter` (period, districts, agencies: the record query filters them as the
 * training fact does, docs/metrics.md), narrowed to a group's keys: an agency
 * row, a session kind, or both (a heatmap cell).
 */
export function attendanceDrill(
  title: string,
  filter: AnalyticsFilter,
  keys: { agency?: string | undefined; sessionKind?: string | undefined },
  rows: AttendanceRows = 'required',
): RecordsDrill {
  const narrowed: AttendanceFilter = {
    ...attendanceFilterOf(filter),
    ...(keys.agency ? { agencyIds: [keys.agency] } : {}),
    // An analytics key's value is the enum name as a string.
    ...(keys.sessionKind ? { sessionKinds: [keys.sessionKind as TrainingKind] } : {}),
    ...ATTENDANCE_ROWS[rows],
  };
  return { title, source: { kind: 'trainingAttendance', filters: [narrowed] } };
}

/** The activities behind a coverage figure: one filter per item window (CoverageAgency.drills). */
export function coverageDrill(title: string, drills: readonly object[]): RecordsDrill {
  return { title, source: { kind: 'activities', filters: drills.map(activityFilterOf) } };
}

/** Which record list an analytics fact's figures come from. */
export type DrillableFact = 'activity' | 'broadcast' | 'survey';

/**
 * The records behind an analytics figure asked with `filter`, or null when
 * the record query cannot select exactly them (then the figure is not
 * offered as clickable):
 * - activity figures: `activities` takes every analytics filter of activities;
 * - broadcast figures: `broadcastSlots` (agencyIds are the partner agencies, as in analytics);
 * - survey figures: `surveyResponses` by period and respondents' district only,
 *   so not under an agency or law filter (those select answers, not responses),
 *   and regionIds must be districts (the district filter's ids).
 */
export function analyticsRecords(fact: DrillableFact, filter: AnalyticsFilter): RecordsSource | null {
  switch (fact) {
    case 'activity':
      return { kind: 'activities', filters: [activityFilterOf(filter)] };
    case 'broadcast':
      if (filter.regionIds?.length) return null;
      return { kind: 'broadcastSlots', filters: [slotFilterOf(filter)] };
    case 'survey': {
      if (filter.agencyIds?.length || filter.lawIds?.length || filter.domainIds?.length) return null;
      const districtIds = filter.regionIds ?? undefined;
      return { kind: 'surveyResponses', filters: [responseFilterOf({ from: filter.from, to: filter.to, districtIds })] };
    }
  }
}

/**
 * The days of month "YYYY-MM" that lie inside `range` (a period may start or
 * end mid-month), or null when they do not overlap.
 */
export function monthWithin(month: string, range: DateRange): DateRange | null {
  const m = /^(\d{4})-(\d{2})$/.exec(month);
  if (!m) return null;
  const year = Number(m[1]);
  const monthIndex = Number(m[2]);
  const last = new Date(Date.UTC(year, monthIndex, 0)).getUTCDate();
  const from = `${month}-01` > range.from ? `${month}-01` : range.from;
  const to = `${month}-${String(last).padStart(2, '0')}` < range.to ? `${month}-${String(last).padStart(2, '0')}` : range.to;
  return isValidRange(from, to) ? { from, to } : null;
}
