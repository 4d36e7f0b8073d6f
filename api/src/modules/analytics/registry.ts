import { Dimension, Measure } from './analytics.types.js';

/**
 * The analytics registry: each fact names its table and date, its additive parts (SQL aggregates
 * over the raw rows), its rollups (the same parts read from pre-aggregated tables), each
 * (fact, dimension) pair its SQL key and each (fact, filter) pair its SQL condition; each measure
 * is an expression over its fact's parts. The query, the choice of rollup, the validation of pairs
 * and docs/metrics.md all read this one table.
 */
export type FactName = 'activity' | 'broadcast' | 'training' | 'case' | 'survey';
export type FilterKey = 'agencyIds' | 'regionIds' | 'domainIds' | 'lawIds' | 'forms' | 'venueTypes' | 'audiences' | 'outletIds' | 'sessionKinds';
export type LabelSource = 'agency' | 'region' | 'domain' | 'law' | 'outlet' | 'form' | 'venue' | 'audience' | 'sessionKind' | 'period';

export interface DimensionDef {
  /** Extra FROM items the key needs (a lateral list for multi-valued dimensions). */
  join?: string;
  key: string;
}

export interface FactDef {
  label: string;
  /** FROM clause with the fact's alias; `where` keeps only rows that are facts (e.g. published cases). */
  from: string;
  where?: string;
  /** The calendar day (Asia/Shanghai) the fact belongs to. */
  date: string;
  dims: Partial<Record<Dimension, DimensionDef>>;
  /** SQL condition per filter, with one `?` bound to the list of ids or enum values. */
  filters: Partial<Record<FilterKey, string>>;
  /** Additive parts: aggregates that sum across disjoint sets of rows (counts and sums, never ratios). */
  parts: Record<string, string>;
  rollups: RollupDef[];
}

export interface RollupFilter {
  sql: string;
  /** Only for one value and when not grouped by this dimension (the rollup credits every agency or law of a fact). */
  single?: Dimension;
  /** Only when every region asked for is a whole district (the rollup keeps districts, not places). */
  districts?: boolean;
}

/**
 * A rollup: a table of parts at a coarser grain, kept exact by triggers (deltas in `<table>_delta`
 * until compacted). `month` grain needs the raw facts for partial months at the edges of a period.
 */
export interface RollupDef {
  table: string;
  /** Joins after the rollup (alias r) for keys it does not store. */
  join?: string;
  date: string;
  grain: 'month' | 'day';
  /** The part that counts fact rows: groups whose count is 0 (after deletes) do not exist. */
  rows: string;
  dims: Partial<Record<Dimension, string>>;
  filters: Partial<Record<FilterKey, RollupFilter>>;
  /** Aggregates over r for the fact's parts it holds. */
  parts: Record<string, string>;
}

export interface MeasureDef {
  fact: FactName;
  /** An expression over the fact's parts, written {part}. */
  expr: string;
  kind: 'count' | 'sum' | 'rate' | 'mean';
  unit: string;
  description: string;
}

const time = (date: string): Partial<Record<Dimension, DimensionDef>> => ({
  [Dimension.YEAR]: { key: `to_char(${date}, 'YYYY')` },
  [Dimension.QUARTER]: { key: `to_char(${date}, 'YYYY-"Q"Q')` },
  [Dimension.MONTH]: { key: `to_char(${date}, 'YYYY-MM')` },
});
const timeKeys = (date: string): Partial<Record<Dimension, string>> =>
  Object.fromEntries(Object.entries(time(date)).map(([d, def]) => [d, def!.key]));

const ACTIVITY_PARTS = ['n', 'participants', 'materials', 'consultations', 'online_views'];
const sumOf = (names: string[]) => Object.fromEntries(names.map((p) => [p, `sum(r.${p})`]));
/** The three activity rollups share their grain (month, district, domain) and add one multi-valued key. */
const activityRollup = (table: string, extra?: { dim: Dimension; filter: 'agencyIds' | 'lawIds'; column: string }): RollupDef => ({
  table,
  date: 'r.month',
  grain: 'month',
  rows: 'n',
  dims: {
    ...timeKeys('r.month'),
    [Dimension.DISTRICT]: 'r.district_id',
    [Dimension.DOMAIN]: 'r.domain_id',
    ...(extra ? { [extra.dim]: `r.${extra.column}` } : {}),
  },
  filters: {
    regionIds: { sql: 'r.district_id in (?)', districts: true },
    domainIds: { sql: 'r.domain_id in (?)' },
    ...(extra ? { [extra.filter]: { sql: `r.${extra.column} in (?)`, single: extra.dim } } : {}),
  },
  parts: sumOf(ACTIVITY_PARTS),
});

const BROADCAST_PARTS = ['n', 'minutes', 'prime_minutes', 'psa_n', 'reach'];
/**
 * A rollup at (month, one key) only: a few thousand rows where the wide rollups have hundreds of
 * thousands, for rankings and key × month. `single`: the key is multi-valued per fact (an activity's
 * organiser and co-organisers), so a filter on it holds for one value only, not grouped by it.
 */
const slimRollup = (table: string, parts: string[], key: { dim: Dimension; filter: FilterKey; column: string; single?: boolean }): RollupDef => ({
  table,
  date: 'r.month',
  grain: 'month',
  rows: 'n',
  dims: { ...timeKeys('r.month'), [key.dim]: `r.${key.column}` },
  filters: { [key.filter]: { sql: `r.${key.column} in (?)`, ...(key.single ? { single: key.dim } : {}) } },
  parts: sumOf(parts),
});

export const FACTS: Record<FactName, FactDef> = {
  activity: {
    label: 'activities',
    from: 'activity f join region fr on fr.id = f.region_id',
    date: 'f.date',
    dims: {
      ...time('f.date'),
      // The organiser and every co-organiser are credited with the whole activity.
      [Dimension.AGENCY]: { join: 'cross join lateral (select f.organiser_id as id union select co.agency_id from activity_co_organisers co where co.activity_id = f.id) d_agency', key: 'd_agency.id' },
      [Dimension.DISTRICT]: { key: 'fr.district_id' },
      [Dimension.DOMAIN]: { key: 'f.domain_id' },
      [Dimension.LAW]: { join: 'join activity_laws d_law on d_law.activity_id = f.id', key: 'd_law.law_id' },
      [Dimension.FORM]: { key: 'f.form' },
      [Dimension.VENUE_TYPE]: { key: 'f.venue_type' },
      [Dimension.AUDIENCE]: { join: 'cross join lateral unnest(f.audiences) d_aud(v)', key: 'd_aud.v' },
    },
    filters: {
      agencyIds: '(f.organiser_id in (?) or exists (select 1 from activity_co_organisers co where co.activity_id = f.id and co.agency_id in (?)))',
      regionIds: 'f.region_id in (?)',
      domainIds: 'f.domain_id in (?)',
      lawIds: 'exists (select 1 from activity_laws l where l.activity_id = f.id and l.law_id in (?))',
      forms: 'f.form in (?)',
      venueTypes: 'f.venue_type in (?)',
      audiences: 'f.audiences && array[?]::text[]',
    },
    parts: {
      n: 'count(distinct f.id)',
      participants: 'coalesce(sum(f.participants), 0)',
      materials: 'coalesce(sum(f.materials), 0)',
      consultations: 'coalesce(sum(f.consultations), 0)',
      online_views: 'coalesce(sum(f.online_views), 0)',
    },
    // Smallest first: a query reads the first that answers it exactly (sizes at province scale in
    // docs/benchmarks.md). The day rollup answers the partial months at the edges of a period.
    rollups: [
      activityRollup('rollup_activity'),
      slimRollup('rollup_activity_agency_month', ACTIVITY_PARTS, { dim: Dimension.AGENCY, filter: 'agencyIds', column: 'agency_id', single: true }),
      activityRollup('rollup_activity_agency', { dim: Dimension.AGENCY, filter: 'agencyIds', column: 'agency_id' }),
      activityRollup('rollup_activity_law', { dim: Dimension.LAW, filter: 'lawIds', column: 'law_id' }),
      { ...activityRollup('rollup_activity_day'), date: 'r.day', grain: 'day', dims: { ...timeKeys('r.day'), [Dimension.DISTRICT]: 'r.district_id', [Dimension.DOMAIN]: 'r.domain_id' } },
    ],
  },
  broadcast: {
    label: 'broadcast slots',
    from: 'broadcast_slot f',
    date: "(f.starts_at at time zone 'Asia/Shanghai')::date",
    dims: {
      ...time("(f.starts_at at time zone 'Asia/Shanghai')"),
      [Dimension.AGENCY]: { key: 'f.partner_agency_id' },
      [Dimension.DOMAIN]: { key: 'f.domain_id' },
      [Dimension.OUTLET]: { key: 'f.outlet_id' },
    },
    filters: { agencyIds: 'f.partner_agency_id in (?)', domainIds: 'f.domain_id in (?)', outletIds: 'f.outlet_id in (?)' },
    parts: {
      n: 'count(*)',
      minutes: 'coalesce(sum(f.duration_minutes), 0)',
      prime_minutes: 'coalesce(sum(f.duration_minutes) filter (where f.prime_time), 0)',
      psa_n: "count(*) filter (where f.kind = 'PUBLIC_SERVICE_AD')",
      reach: 'coalesce(sum(f.reach), 0)',
    },
    rollups: [
      slimRollup('rollup_broadcast_agency', BROADCAST_PARTS, { dim: Dimension.AGENCY, filter: 'agencyIds', column: 'agency_id' }),
      slimRollup('rollup_broadcast_outlet', BROADCAST_PARTS, { dim: Dimension.OUTLET, filter: 'outletIds', column: 'outlet_id' }),
      {
        table: 'rollup_broadcast',
        date: 'r.month',
        grain: 'month',
        rows: 'n',
        dims: { ...timeKeys('r.month'), [Dimension.AGENCY]: 'r.agency_id', [Dimension.DOMAIN]: 'r.domain_id', [Dimension.OUTLET]: 'r.outlet_id' },
        filters: { agencyIds: { sql: 'r.agency_id in (?)' }, domainIds: { sql: 'r.domain_id in (?)' }, outletIds: { sql: 'r.outlet_id in (?)' } },
        parts: sumOf(BROADCAST_PARTS),
      },
    ],
  },
  training: {
    label: 'training attendance',
    from: 'training_attendance f join training_session fs on fs.id = f.session_id join agency fa on fa.id = f.agency_id join region fr on fr.id = fa.region_id',
    date: 'fs.starts_on',
    dims: {
      ...time('fs.starts_on'),
      [Dimension.AGENCY]: { key: 'f.agency_id' },
      [Dimension.DISTRICT]: { key: 'fr.district_id' },
      [Dimension.SESSION_KIND]: { key: 'fs.kind' },
    },
    filters: { agencyIds: 'f.agency_id in (?)', regionIds: 'fa.region_id in (?)', sessionKinds: 'fs.kind in (?)' },
    parts: {
      n: 'count(*)',
      required: 'count(*) filter (where f.required)',
      attended: 'count(*) filter (where f.required and f.attended)',
      lead_required: 'count(*) filter (where f.required and f.leading_cadre)',
      lead_attended: 'count(*) filter (where f.required and f.attended and f.leading_cadre)',
      hours: 'coalesce(sum(f.hours), 0)',
      scored: 'count(f.score)',
      passed: 'count(*) filter (where f.score >= 60)',
    },
    rollups: [
      {
        // Kept per session and agency, so the session's exact day, its kind and the agency's place are joined when read.
        table: 'rollup_training',
        join: 'join training_session rs on rs.id = r.session_id join agency ra on ra.id = r.agency_id join region rr on rr.id = ra.region_id',
        date: 'rs.starts_on',
        grain: 'day',
        rows: 'n',
        dims: { ...timeKeys('rs.starts_on'), [Dimension.AGENCY]: 'r.agency_id', [Dimension.DISTRICT]: 'rr.district_id', [Dimension.SESSION_KIND]: 'rs.kind' },
        filters: { agencyIds: { sql: 'r.agency_id in (?)' }, regionIds: { sql: 'ra.region_id in (?)' }, sessionKinds: { sql: 'rs.kind in (?)' } },
        parts: sumOf(['n', 'required', 'attended', 'lead_required', 'lead_attended', 'hours', 'scored', 'passed']),
      },
    ],
  },
  case: {
    label: 'published cases',
    from: 'case_study f left join region fr on fr.id = f.region_id',
    where: 'f.published and f.published_on is not null',
    date: 'f.published_on',
    dims: {
      ...time('f.published_on'),
      [Dimension.AGENCY]: { key: 'f.agency_id' },
      [Dimension.DISTRICT]: { key: 'fr.district_id' },
      [Dimension.DOMAIN]: { key: 'f.domain_id' },
      [Dimension.LAW]: { join: 'join case_study_laws d_law on d_law.case_id = f.id', key: 'd_law.law_id' },
    },
    filters: {
      agencyIds: 'f.agency_id in (?)',
      regionIds: 'f.region_id in (?)',
      domainIds: 'f.domain_id in (?)',
      lawIds: 'exists (select 1 from case_study_laws l where l.case_id = f.id and l.law_id in (?))',
    },
    parts: { n: 'count(distinct f.id)' },
    rollups: [],
  },
  survey: {
    label: 'survey answers',
    from: 'survey_answer f join survey_response fsr on fsr.id = f.response_id join survey_question fq on fq.id = f.question_id join region fr on fr.id = fsr.district_id',
    date: 'fsr.submitted_on',
    dims: {
      ...time('fsr.submitted_on'),
      [Dimension.AGENCY]: { key: 'fq.agency_id' },
      [Dimension.DISTRICT]: { key: 'fr.district_id' },
      [Dimension.LAW]: { key: 'fq.law_id' },
    },
    filters: { agencyIds: 'fq.agency_id in (?)', regionIds: 'fsr.district_id in (?)', lawIds: 'fq.law_id in (?)' },
    parts: {
      n: 'count(*)',
      responses: 'count(distinct f.response_id)',
      aware_n: 'count(f.aware)',
      aware_yes: 'count(*) filter (where f.aware)',
      sat_n: 'count(f.satisfaction)',
      sat_sum: 'coalesce(sum(f.satisfaction), 0)',
    },
    rollups: [
      {
        // Per question, respondent district and day: exact days, the question's law and agency joined when read.
        table: 'rollup_survey',
        join: 'join survey_question rq on rq.id = r.question_id',
        date: 'r.day',
        grain: 'day',
        rows: 'n',
        dims: { ...timeKeys('r.day'), [Dimension.AGENCY]: 'rq.agency_id', [Dimension.DISTRICT]: 'r.district_id', [Dimension.LAW]: 'rq.law_id' },
        filters: { agencyIds: { sql: 'rq.agency_id in (?)' }, regionIds: { sql: 'r.district_id in (?)' }, lawIds: { sql: 'rq.law_id in (?)' } },
        parts: sumOf(['n', 'aware_n', 'aware_yes', 'sat_n', 'sat_sum']),
      },
    ],
  },
};

export const MEASURES: Record<Measure, MeasureDef> = {
  ACTIVITY_COUNT: { fact: 'activity', kind: 'count', expr: '{n}', unit: '场次 / activities', description: 'Number of activities' },
  PARTICIPANTS: { fact: 'activity', kind: 'sum', expr: '{participants}', unit: '人次 / persons', description: 'Σ participants' },
  MATERIALS_DISTRIBUTED: { fact: 'activity', kind: 'sum', expr: '{materials}', unit: '份 / copies', description: 'Σ materials handed out' },
  CONSULTATIONS: { fact: 'activity', kind: 'sum', expr: '{consultations}', unit: '人次 / persons', description: 'Σ consultations answered' },
  ONLINE_VIEWS: { fact: 'activity', kind: 'sum', expr: '{online_views}', unit: '次 / views', description: 'Σ online views' },
  BROADCAST_COUNT: { fact: 'broadcast', kind: 'count', expr: '{n}', unit: '次 / slots', description: 'Number of broadcast slots' },
  BROADCAST_MINUTES: { fact: 'broadcast', kind: 'sum', expr: '{minutes}', unit: '分钟 / minutes', description: 'Σ duration in minutes' },
  PRIME_TIME_SHARE: {
    fact: 'broadcast', kind: 'rate', unit: '0–1', expr: '{prime_minutes}::float8 / nullif({minutes}, 0)',
    description: 'Σ minutes in prime time or on key pages ÷ Σ minutes',
  },
  PUBLIC_SERVICE_ADS: { fact: 'broadcast', kind: 'count', expr: '{psa_n}', unit: '次 / slots', description: 'Slots that are public-interest ads (公益广告)' },
  BROADCAST_REACH: { fact: 'broadcast', kind: 'sum', expr: '{reach}', unit: '人次 / persons', description: 'Σ reported reach' },
  TRAINING_REQUIRED: { fact: 'training', kind: 'count', expr: '{required}', unit: '人次 / persons', description: 'Attendance rows marked required' },
  TRAINING_ATTENDED: { fact: 'training', kind: 'count', expr: '{attended}', unit: '人次 / persons', description: 'Required rows that attended' },
  TRAINING_ATTENDANCE_RATE: {
    fact: 'training', kind: 'rate', unit: '0–1', expr: '{attended}::float8 / nullif({required}, 0)',
    description: 'Σ attended ÷ Σ required (never an average of averages)',
  },
  LEADING_CADRE_ATTENDANCE_RATE: {
    fact: 'training', kind: 'rate', unit: '0–1', expr: '{lead_attended}::float8 / nullif({lead_required}, 0)',
    description: 'The same over leading cadres’ rows only (领导干部学法)',
  },
  TRAINING_HOURS: { fact: 'training', kind: 'sum', expr: '{hours}', unit: '学时 / hours', description: 'Σ hours credited to attendees' },
  TRAINING_PASS_RATE: {
    fact: 'training', kind: 'rate', unit: '0–1', expr: '{passed}::float8 / nullif({scored}, 0)',
    description: 'Rows with an exam score ≥ 60 ÷ rows with a score',
  },
  CASE_COUNT: { fact: 'case', kind: 'count', expr: '{n}', unit: '件 / cases', description: 'Published typical cases' },
  SURVEY_RESPONSES: { fact: 'survey', kind: 'count', expr: '{responses}', unit: '份 / responses', description: 'Distinct questionnaires' },
  AWARENESS_RATE: {
    fact: 'survey', kind: 'rate', unit: '0–1', expr: '{aware_yes}::float8 / nullif({aware_n}, 0)',
    description: 'Σ "aware" answers ÷ Σ awareness answers',
  },
  SATISFACTION_MEAN: { fact: 'survey', kind: 'mean', unit: '1–5', expr: '{sat_sum}::float8 / nullif({sat_n}, 0)', description: 'Mean of satisfaction answers (1–5)' },
};

export const DIMENSION_LABELS: Record<Dimension, LabelSource> = {
  AGENCY: 'agency', DISTRICT: 'region', DOMAIN: 'domain', LAW: 'law', OUTLET: 'outlet',
  YEAR: 'period', QUARTER: 'period', MONTH: 'period', FORM: 'form', VENUE_TYPE: 'venue', AUDIENCE: 'audience', SESSION_KIND: 'sessionKind',
};

/** The parts a set of measures reads, in a stable order. */
export function partsOf(measures: Measure[]): string[] {
  const out = new Set<string>();
  for (const m of measures) for (const [, p] of MEASURES[m].expr.matchAll(/\{(\w+)\}/g)) out.add(p!);
  return [...out];
}
