/**
 * What the training page makes of the hub's analytics, as pure functions:
 * the filter (training is not recorded by domain), figures per session kind
 * and per agency, the agency × kind attendance matrix, and the agencies whose
 * leading cadres attended least.
 */
import { measureValue, rowKey, viewFilter, type ViewScope } from '../../app/analytics';
import type { AnalyticsFilter, AnalyticsRow, Measure, MeasureValue } from '../../app/api-types';
import type { Lang } from '../../app/i18n';
import type { RateMatrix } from '../../charts/rateHeatmap';

export const TRAINING_MEASURES = [
  'TRAINING_REQUIRED',
  'TRAINING_ATTENDED',
  'TRAINING_ATTENDANCE_RATE',
  'LEADING_CADRE_ATTENDANCE_RATE',
  'TRAINING_HOURS',
  'TRAINING_PASS_RATE',
] as const satisfies readonly Measure[];

/** The kind of session that is leading cadres' law study (领导干部学法). */
export const LEADING_CADRE_STUDY = 'LEADING_CADRE_STUDY';

/**
 * The view's filter for training figures: period, district (of the
 * attendee's agency) and agency. Sessions have no enforcement domain
 * (docs/metrics.md), so a domain is left out and the page says so.
 */
export function trainingFilter(view: ViewScope): AnalyticsFilter {
  const { domainIds: _domain, ...rest } = viewFilter(view);
  return rest;
}

export interface TrainingFigures {
  required: number;
  attended: number;
  /** 0..1; null when nobody was required to attend. */
  rate: number | null;
  leadingRate: number | null;
  hours: number;
  passRate: number | null;
}

export function trainingFigures(values: readonly MeasureValue[]): TrainingFigures {
  return {
    required: measureValue(values, 'TRAINING_REQUIRED') ?? 0,
    attended: measureValue(values, 'TRAINING_ATTENDED') ?? 0,
    rate: measureValue(values, 'TRAINING_ATTENDANCE_RATE'),
    leadingRate: measureValue(values, 'LEADING_CADRE_ATTENDANCE_RATE'),
    hours: measureValue(values, 'TRAINING_HOURS') ?? 0,
    passRate: measureValue(values, 'TRAINING_PASS_RATE'),
  };
}

export type KindItem = TrainingFigures & { kind: string; label: string };
export type AgencyItem = TrainingFigures & { id: string; label: string };

/** Leading cadres' study first, then staff training, backbone classes, lecturer groups; unknown kinds last. */
const KIND_ORDER = [LEADING_CADRE_STUDY, 'STAFF_TRAINING', 'BACKBONE_CLASS', 'LECTURER_GROUP'];

function kindRank(kind: string): number {
  const i = KIND_ORDER.indexOf(kind);
  return i < 0 ? KIND_ORDER.length : i;
}

/** Rows grouped by SESSION_KIND, in KIND_ORDER. */
export function kindItems(rows: readonly AnalyticsRow[]): KindItem[] {
  const items: KindItem[] = [];
  for (const row of rows) {
    const key = rowKey(row, 'SESSION_KIND');
    if (key) items.push({ kind: key.value, label: key.label || key.value, ...trainingFigures(row.values) });
  }
  return items.sort((a, b) => kindRank(a.kind) - kindRank(b.kind));
}

/** Rows grouped by AGENCY, in the API's order (agency code). */
export function agencyItems(rows: readonly AnalyticsRow[]): AgencyItem[] {
  const items: AgencyItem[] = [];
  for (const row of rows) {
    const key = rowKey(row, 'AGENCY');
    if (key) items.push({ id: key.value, label: key.label || key.value, ...trainingFigures(row.values) });
  }
  return items;
}

/** Lowest first, rates over nothing last, ties by name. */
function byRateAscending<T extends { label: string }>(rate: (item: T) => number | null, lang: Lang) {
  const collator = new Intl.Collator(lang);
  return (a: T, b: T) => {
    const ra = rate(a);
    const rb = rate(b);
    if (ra === null || rb === null) return ra === rb ? collator.compare(a.label, b.label) : ra === null ? 1 : -1;
    return ra - rb || collator.compare(a.label, b.label);
  };
}

/**
 * The attendance rate of each agency (rows) in each kind of session
 * (columns) from rows grouped by AGENCY × SESSION_KIND. Agencies are ordered
 * by their overall rate (`agencies`, grouped by AGENCY), lowest first, so
 * those to follow up come first; pairs without required attendees have no cell.
 */
export function attendanceMatrix(pairs: readonly AnalyticsRow[], agencies: readonly AgencyItem[], lang: Lang): RateMatrix {
  const kinds = new Map<string, string>();
  const present = new Set<string>();
  for (const row of pairs) {
    const kind = rowKey(row, 'SESSION_KIND');
    const agency = rowKey(row, 'AGENCY');
    if (!kind || !agency || measureValue(row.values, 'TRAINING_ATTENDANCE_RATE') === null) continue;
    kinds.set(kind.value, kind.label || kind.value);
    present.add(agency.value);
  }
  const columns = [...kinds.entries()].map(([id, label]) => ({ id, label })).sort((a, b) => kindRank(a.id) - kindRank(b.id));
  const rows = agencies
    .filter((a) => present.has(a.id))
    .sort(byRateAscending((a: AgencyItem) => a.rate, lang))
    .map((a) => ({ id: a.id, label: a.label }));
  const x = new Map(columns.map((c, i) => [c.id, i]));
  const y = new Map(rows.map((r, i) => [r.id, i]));
  const cells: { x: number; y: number; rate: number }[] = [];
  for (const row of pairs) {
    const kind = rowKey(row, 'SESSION_KIND');
    const agency = rowKey(row, 'AGENCY');
    const rate = measureValue(row.values, 'TRAINING_ATTENDANCE_RATE');
    const cx = kind ? x.get(kind.value) : undefined;
    const cy = agency ? y.get(agency.value) : undefined;
    if (cx !== undefined && cy !== undefined && rate !== null) cells.push({ x: cx, y: cy, rate });
  }
  return { rows, columns, cells };
}

export const LEADING_CADRE_LIMIT = 15;

/**
 * The agencies whose leading cadres did not all attend what they were
 * required to, lowest rate first, at most `limit`: those to follow up.
 */
export function lowestLeadingCadres(agencies: readonly AgencyItem[], lang: Lang, limit = LEADING_CADRE_LIMIT): AgencyItem[] {
  return agencies
    .filter((a) => a.leadingRate !== null && a.leadingRate < 1)
    .sort(byRateAscending((a: AgencyItem) => a.leadingRate, lang))
    .slice(0, limit);
}
