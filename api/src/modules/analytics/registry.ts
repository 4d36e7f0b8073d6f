import { Dimension, Measure } from './analytics.types.js';

/**
 * The analytics registry: each fact names its table and date, each measure its fact and SQL
 * aggregate, each (fact, dimension) pair its SQL key, each (fact, filter) pair its SQL condition.
 * The generic query, the validation of pairs and docs/metrics.md all read this one table.
 */
export type FactName = 'activity' | 'broadcast' | 'training' | 'case' | 'survey';
export type FilterKey = 'agencyIds' | 'regionIds' | 'domainIds' | 'lawIds' | 'forms' | 'venueTypes' | 'audiences' | 'outletIds';
export type LabelSource = 'agency' | 'region' | 'domain' | 'law' | 'outlet' | 'form' | 'venue' | 'audience' | 'period';

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
}

export interface MeasureDef {
  fact: FactName;
  sql: string;
  kind: 'count' | 'sum' | 'rate' | 'mean';
  unit: string;
  description: string;
}

const time = (date: string): Partial<Record<Dimension, DimensionDef>> => ({
  [Dimension.YEAR]: { key: `to_char(${date}, 'YYYY')` },
  [Dimension.QUARTER]: { key: `to_char(${date}, 'YYYY-"Q"Q')` },
  [Dimension.MONTH]: { key: `to_char(${date}, 'YYYY-MM')` },
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
  },
  training: {
    label: 'training attendance',
    from: 'training_attendance f join training_session fs on fs.id = f.session_id join agency fa on fa.id = f.agency_id join region fr on fr.id = fa.region_id',
    date: 'fs.starts_on',
    dims: {
      ...time('fs.starts_on'),
      [Dimension.AGENCY]: { key: 'f.agency_id' },
      [Dimension.DISTRICT]: { key: 'fr.district_id' },
    },
    filters: { agencyIds: 'f.agency_id in (?)', regionIds: 'fa.region_id in (?)' },
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
  },
};

export const MEASURES: Record<Measure, MeasureDef> = {
  ACTIVITY_COUNT: { fact: 'activity', kind: 'count', sql: 'count(distinct f.id)', unit: '场次 / activities', description: 'Number of activities' },
  PARTICIPANTS: { fact: 'activity', kind: 'sum', sql: 'coalesce(sum(f.participants), 0)', unit: '人次 / persons', description: 'Σ participants' },
  MATERIALS_DISTRIBUTED: { fact: 'activity', kind: 'sum', sql: 'coalesce(sum(f.materials), 0)', unit: '份 / copies', description: 'Σ materials handed out' },
  CONSULTATIONS: { fact: 'activity', kind: 'sum', sql: 'coalesce(sum(f.consultations), 0)', unit: '人次 / persons', description: 'Σ consultations answered' },
  ONLINE_VIEWS: { fact: 'activity', kind: 'sum', sql: 'coalesce(sum(f.online_views), 0)', unit: '次 / views', description: 'Σ online views' },
  BROADCAST_COUNT: { fact: 'broadcast', kind: 'count', sql: 'count(distinct f.id)', unit: '次 / slots', description: 'Number of broadcast slots' },
  BROADCAST_MINUTES: { fact: 'broadcast', kind: 'sum', sql: 'coalesce(sum(f.duration_minutes), 0)', unit: '分钟 / minutes', description: 'Σ duration in minutes' },
  TRAINING_REQUIRED: { fact: 'training', kind: 'count', sql: 'count(*) filter (where f.required)', unit: '人次 / persons', description: 'Attendance rows marked required' },
  TRAINING_ATTENDED: { fact: 'training', kind: 'count', sql: 'count(*) filter (where f.required and f.attended)', unit: '人次 / persons', description: 'Required rows that attended' },
  TRAINING_ATTENDANCE_RATE: {
    fact: 'training', kind: 'rate', unit: '0–1',
    sql: '(count(*) filter (where f.required and f.attended))::float8 / nullif(count(*) filter (where f.required), 0)',
    description: 'Σ attended ÷ Σ required (never an average of averages)',
  },
  CASE_COUNT: { fact: 'case', kind: 'count', sql: 'count(distinct f.id)', unit: '件 / cases', description: 'Published typical cases' },
  SURVEY_RESPONSES: { fact: 'survey', kind: 'count', sql: 'count(distinct f.response_id)', unit: '份 / responses', description: 'Distinct questionnaires' },
  AWARENESS_RATE: {
    fact: 'survey', kind: 'rate', unit: '0–1',
    sql: '(count(*) filter (where f.aware))::float8 / nullif(count(f.aware), 0)',
    description: 'Σ "aware" answers ÷ Σ awareness answers',
  },
  SATISFACTION_MEAN: { fact: 'survey', kind: 'mean', unit: '1–5', sql: 'avg(f.satisfaction)::float8', description: 'Mean of satisfaction answers (1–5)' },
};

export const DIMENSION_LABELS: Record<Dimension, LabelSource> = {
  AGENCY: 'agency', DISTRICT: 'region', DOMAIN: 'domain', LAW: 'law', OUTLET: 'outlet',
  YEAR: 'period', QUARTER: 'period', MONTH: 'period', FORM: 'form', VENUE_TYPE: 'venue', AUDIENCE: 'audience',
};
