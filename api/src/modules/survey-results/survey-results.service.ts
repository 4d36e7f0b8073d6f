import type { EntityManager } from '@mikro-orm/core';
import type { AnalyticsScope } from '../../graphql/access.js';
import { sql } from '../../db/sql.js';
import { badInput, userError } from '../../shared/errors.js';
import { checkDateRange, existingIds, regionsWithDescendants } from '../../shared/validate.js';
import { Locale } from '../analytics/analytics.types.js';
import { assignTiers, meanInterval, wilsonInterval, type Interval } from './stats.js';
import {
  SurveyGrouping, SurveyMeasure,
  type SurveyDrill, type SurveyEstimate, type SurveyResultRow, type SurveyResults, type SurveyResultsFilter,
} from './survey-results.types.js';

export interface SurveyResultsQuery {
  measure: SurveyMeasure;
  by: SurveyGrouping;
  filter?: SurveyResultsFilter | null;
  compareWaves?: boolean | null;
  locale?: Locale | null;
}

/** Below this many answers an estimate is flagged smallSample. */
export const SMALL_SAMPLE = 30;

interface Resolved {
  from?: string;
  to?: string;
  years?: number[];
  waves?: number[];
  districts?: number[];
  laws?: number[];
  agencies?: number[];
}

/** One aggregate row: unit × wave × subject (the law of an awareness question, the agency of a satisfaction question). */
interface Cell {
  u: number;
  w: number;
  s: number;
  n: number;
  k: number;
  s1: number;
  s2: number;
}

interface Acc {
  n: number;
  k: number;
  s1: number;
  s2: number;
  subjects: Set<number>;
}

const UNIT_TYPES: Record<SurveyGrouping, string> = { LAW: 'Law', DISTRICT: 'Region', WAVE: 'SurveyWave', AGENCY: 'Agency' };
const UNIT_TABLES: Record<SurveyGrouping, string> = { LAW: 'law', DISTRICT: 'region', WAVE: 'survey_wave', AGENCY: 'agency' };

/**
 * Awareness or satisfaction per unit with n, a 95% interval and tiers; optionally per unit and wave.
 * Statements: one per id list to check, one aggregate, then labels (one or two) and, with a region
 * filter, one for the districts of the drill — a constant, whatever the number of units.
 */
export async function surveyResults(em: EntityManager, q: SurveyResultsQuery, scope: AnalyticsScope): Promise<SurveyResults> {
  validate(q);
  if (!scope.all) checkUnitLevel(q, scope);
  const f = await resolveFilter(em, q.filter ?? undefined);
  const cells = await aggregate(em, q.measure, q.by, f);
  const units = new Map<number, { total: Acc; waves: Map<number, Acc> }>();
  for (const c of cells) {
    const unit = units.get(c.u) ?? { total: acc(), waves: new Map<number, Acc>() };
    units.set(c.u, unit);
    add(unit.total, c);
    const wave = unit.waves.get(c.w) ?? acc();
    unit.waves.set(c.w, wave);
    add(wave, c);
  }

  const locale = q.locale === Locale.EN ? 'EN' : 'ZH_CN';
  const unitIds = [...units.keys()].sort((a, b) => a - b);
  const waveIds = q.compareWaves ? [...new Set(cells.map((c) => c.w))] : [];
  const [unitLabels, waves, drillDistricts] = await Promise.all([
    labels(em, q.by, unitIds, locale),
    waveIds.length ? sql<{ id: number; name: string }>(em, 'select id, name from survey_wave where id = any(?) order by starts_on, id', [waveIds]) : Promise.resolve([]),
    f.districts?.length && q.by !== SurveyGrouping.DISTRICT
      ? sql<{ id: number }>(em, `select id from region where id = any(?) and level = 'DISTRICT' order by id`, [f.districts]).then((r) => r.map((x) => x.id))
      : Promise.resolve(f.districts),
  ]);

  const unitRef = (id: number) => ({ id: `${UNIT_TYPES[q.by]}:${id}`, label: unitLabels.get(id) ?? `${UNIT_TYPES[q.by]}:${id}` });
  const drillFor = (unit: number, wave: number | null, subjects: Set<number>): SurveyDrill => ({
    responses: {
      from: f.from ?? null,
      to: f.to ?? null,
      years: f.years ?? null,
      waveIds: ids('SurveyWave', wave !== null ? [wave] : q.by === SurveyGrouping.WAVE ? [unit] : f.waves),
      districtIds: ids('Region', q.by === SurveyGrouping.DISTRICT ? [unit] : drillDistricts),
    },
    questionKind: q.measure,
    lawIds: q.measure === SurveyMeasure.AWARENESS ? ids('Law', [...subjects].sort((a, b) => a - b))! : null,
    agencyIds: q.measure === SurveyMeasure.SATISFACTION ? ids('Agency', [...subjects].sort((a, b) => a - b))! : null,
  });

  const rows = assignTiers(
    unitIds.map((id) => {
      const { total, waves: perWave } = units.get(id)!;
      return { ...estimate(q.measure, total), unit: unitRef(id), id, perWave, drill: drillFor(id, null, total.subjects) };
    }),
  ).map(({ id, perWave, ...row }): SurveyResultRow => ({
    ...row,
    rank: row.tier,
    byWave: q.compareWaves
      ? waves.filter((w) => perWave.has(w.id)).map((w) => ({ ...estimate(q.measure, perWave.get(w.id)!), wave: { id: `SurveyWave:${w.id}`, label: w.name }, tier: null, rank: null, drill: drillFor(id, w.id, perWave.get(w.id)!.subjects) }))
      : null,
  }));
  // Within each wave, the units' figures are tiered against each other.
  for (const w of waves) {
    const inWave = rows.flatMap((r) => r.byWave!.filter((c) => c.wave.id === `SurveyWave:${w.id}`));
    for (const t of assignTiers(inWave.map((cell) => ({ ...cell, cell })))) {
      t.cell.tier = t.tier;
      t.cell.rank = t.tier;
    }
  }
  return { measure: q.measure, by: q.by, rows };
}

function acc(): Acc {
  return { n: 0, k: 0, s1: 0, s2: 0, subjects: new Set() };
}

function add(a: Acc, c: Cell): void {
  a.n += c.n;
  a.k += c.k;
  a.s1 += c.s1;
  a.s2 += c.s2;
  a.subjects.add(c.s);
}

function ids(type: string, list: number[] | undefined): string[] | null {
  return list ? list.map((id) => `${type}:${id}`) : null;
}

type Estimate = Omit<SurveyEstimate, 'drill' | 'tier' | 'rank'> & { interval: Interval | null };

function estimate(measure: SurveyMeasure, a: Acc): Estimate {
  const base = { n: a.n, smallSample: a.n < SMALL_SAMPLE };
  if (measure === SurveyMeasure.AWARENESS) return { ...base, estimate: a.k / a.n, aware: a.k, sd: null, interval: wilsonInterval(a.k, a.n) };
  const m = meanInterval(a.n, a.s1, a.s2);
  return { ...base, estimate: m.mean, aware: null, sd: m.sd, interval: m.interval };
}

function validate(q: SurveyResultsQuery): void {
  if (q.measure === SurveyMeasure.SATISFACTION && q.by === SurveyGrouping.LAW) {
    throw badInput('SATISFACTION cannot be grouped by LAW: satisfaction questions are about an agency, not a law; group by AGENCY, DISTRICT or WAVE', [
      { path: ['by'], message: 'SATISFACTION × LAW is not applicable' },
    ]);
  }
  if (q.measure === SurveyMeasure.SATISFACTION && q.filter?.lawIds) {
    throw badInput('The filter lawIds does not apply to SATISFACTION: satisfaction questions name an agency; filter by agencyIds', [
      { path: ['filter', 'lawIds'], message: 'SATISFACTION × lawIds is not applicable' },
    ]);
  }
  if (q.compareWaves && q.by === SurveyGrouping.WAVE) {
    throw badInput('compareWaves splits each unit by wave; with by: WAVE the units already are the waves — drop compareWaves or group by LAW, DISTRICT or AGENCY', [
      { path: ['compareWaves'], message: 'not with by: WAVE' },
    ]);
  }
  checkDateRange(q.filter?.from, q.filter?.to, ['filter']);
}

/** As analytics: below the readers of every record, no per-agency figures except a reporter's own agency as a filter. */
function checkUnitLevel(q: SurveyResultsQuery, { signedIn, ownAgency }: AnalyticsScope): void {
  const forbidden = (what: string) =>
    userError(
      signedIn ? 'FORBIDDEN' : 'UNAUTHENTICATED',
      `${what} shows single units' figures; ${ownAgency ? `your account may see only its own agency (Agency:${ownAgency})` : signedIn ? 'your account may see city-wide figures only' : 'sign in with an account that may read them'}`,
    );
  if (q.by === SurveyGrouping.AGENCY) throw forbidden('Grouping by AGENCY');
  const agencies = q.filter?.agencyIds ?? [];
  if (agencies.length && !(ownAgency && agencies.every((a) => a === `Agency:${ownAgency}`))) throw forbidden('Filtering by agency');
}

async function resolveFilter(em: EntityManager, f: SurveyResultsFilter | undefined): Promise<Resolved> {
  if (!f) return {};
  const [waves, districts, laws, agencies] = await Promise.all([
    existingIds(em, 'SurveyWave', f.waveIds, ['filter', 'waveIds']),
    regionsWithDescendants(em, f.regionIds, ['filter', 'regionIds']),
    existingIds(em, 'Law', f.lawIds, ['filter', 'lawIds']),
    existingIds(em, 'Agency', f.agencyIds, ['filter', 'agencyIds']),
  ]);
  return { from: f.from, to: f.to, years: f.years ?? undefined, waves, districts, laws, agencies };
}

/** A power of an agency in a domain where the law is enforced, valid on the day `day` (SQL expression). */
const POWER_OVER_LAW = (agency: string, law: string, day: string) =>
  `exists (select 1 from enforcement_power ep join law_domains ld on ld.domain_id = ep.domain_id
     where ${agency} and ld.law_id = ${law} and ep.valid_from <= ${day} and (ep.valid_to is null or ep.valid_to >= ${day}))`;

/** One statement: the answers counted, summed per unit × wave × subject. */
async function aggregate(em: EntityManager, measure: SurveyMeasure, by: SurveyGrouping, f: Resolved): Promise<Cell[]> {
  const awareness = measure === SurveyMeasure.AWARENESS;
  const where = awareness ? [`q.kind = 'AWARENESS'`, 'q.law_id is not null'] : [`q.kind = 'SATISFACTION'`, 'q.agency_id is not null'];
  const params: unknown[] = [];
  const cond = (text: string, value: unknown) => {
    where.push(text);
    params.push(value);
  };
  if (f.from) cond('a.day >= ?::date', f.from);
  if (f.to) cond('a.day <= ?::date', f.to);
  if (f.years) cond('extract(year from a.day)::int = any(?::int[])', f.years);
  if (f.waves) cond('q.wave_id = any(?::int[])', f.waves);
  if (f.districts) cond('a.district_id = any(?::int[])', f.districts);
  if (f.laws) cond('q.law_id = any(?::int[])', f.laws);
  if (f.agencies) cond(awareness ? POWER_OVER_LAW('ep.agency_id = any(?::int[])', 'q.law_id', 'a.day') : 'q.agency_id = any(?::int[])', f.agencies);

  // The survey rollup (answers summed per question × respondent district × day, kept exact by
  // triggers; see docs/metrics.md "Rollups"): the same sums as the raw answers, far fewer rows.
  const from = '(select * from rollup_survey union all select * from rollup_survey_delta) a join survey_question q on q.id = a.question_id';
  const subject = awareness ? 'q.law_id' : 'q.agency_id';
  const measures = awareness
    ? 'sum(a.aware_n)::float8 as n, sum(a.aware_yes)::float8 as k, 0::float8 as s1, 0::float8 as s2'
    : 'sum(a.sat_n)::float8 as n, 0::float8 as k, sum(a.sat_sum)::float8 as s1, sum(a.sat_sumsq)::float8 as s2';
  const nonEmpty = `having sum(${awareness ? 'a.aware_n' : 'a.sat_n'}) > 0`;

  if (awareness && by === SurveyGrouping.AGENCY) {
    // An answer on a law counts for each agency holding, on the response's day, power in a domain
    // where the law is enforced — once, however many of its powers or domains lead to the law.
    const pairs = `select distinct p.agency_id, ld.law_id from enforcement_power p join law_domains ld on ld.domain_id = p.domain_id${f.agencies ? ' where p.agency_id = any(?::int[])' : ''}`;
    const text = `with day as (select ${subject} as s, q.wave_id as w, a.day as d, ${measures} from ${from} where ${where.join(' and ')} group by 1, 2, 3 ${nonEmpty})
      select al.agency_id as u, day.w, day.s, sum(day.n) as n, sum(day.k) as k, 0::float8 as s1, 0::float8 as s2
      from day join (${pairs}) al on al.law_id = day.s
      where ${POWER_OVER_LAW('ep.agency_id = al.agency_id', 'day.s', 'day.d')}
      group by 1, 2, 3`;
    return sql<Cell>(em, text, f.agencies ? [...params, f.agencies] : params);
  }
  const unit = { LAW: 'q.law_id', DISTRICT: 'a.district_id', WAVE: 'q.wave_id', AGENCY: 'q.agency_id' }[by];
  const text = `select ${unit} as u, q.wave_id as w, ${subject} as s, ${measures} from ${from} where ${where.join(' and ')} group by 1, 2, 3 ${nonEmpty}`;
  return sql<Cell>(em, text, params);
}

async function labels(em: EntityManager, by: SurveyGrouping, unitIds: number[], locale: 'EN' | 'ZH_CN'): Promise<Map<number, string>> {
  if (!unitIds.length) return new Map();
  // Waves have no English name: their own name in both locales.
  const nameEn = by === SurveyGrouping.WAVE ? 'null as name_en' : 'name_en';
  const rows = await sql<{ id: number; name: string; name_en: string | null }>(em, `select id, name, ${nameEn} from ${UNIT_TABLES[by]} where id = any(?::int[])`, [unitIds]);
  return new Map(rows.map((r) => [r.id, locale === 'EN' && r.name_en ? r.name_en : r.name]));
}
