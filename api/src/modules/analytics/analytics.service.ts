import type { EntityManager } from '@mikro-orm/core';
import { badInput, userError } from '../../shared/errors.js';
import { AUDIENCE_LABELS, enumLabel, FORM_LABELS, periodLabel, TRAINING_KIND_LABELS, VENUE_LABELS, type LocaleCode } from '../../shared/labels.js';
import { decodeIds } from '../../shared/ids.js';
import { checkDateRange, existingIds, regionsWithDescendants } from '../../shared/validate.js';
import type { AnalyticsScope } from '../../graphql/access.js';
import { type Compare, Dimension, Locale, Measure, type AnalyticsFilter, type AnalyticsResult, type AnalyticsRow, type MeasureValue } from './analytics.types.js';
import { comparedPeriod, shiftPeriodKey, splitMonths } from './periods.js';
import { DIMENSION_LABELS, FACTS, MEASURES, partsOf, type FactDef, type FactName, type FilterKey, type LabelSource, type RollupDef } from './registry.js';

export const MAX_ANALYTICS_LIMIT = 10_000;

export interface AnalyticsQuery {
  measures: Measure[];
  groupBy?: Dimension[] | null;
  filter?: AnalyticsFilter | null;
  orderBy?: Measure | null;
  limit?: number | null;
  locale?: Locale | null;
  compare?: Compare | null;
}

export interface AnalyticsOptions {
  /** Read the rollups where they answer the question (the default); false reads only the raw facts. */
  rollups?: boolean;
  /**
   * For callers inside the hub that read only the grouped rows by key (the scorecard): `totals: false`
   * skips the totals statement of each fact (totals then read as over nothing), `labels: false` the
   * label lookups (each key's label is its raw value).
   */
  totals?: boolean;
  labels?: boolean;
}

type ResolvedFilter = Partial<Record<FilterKey, (number | string)[]>> & {
  from?: string;
  to?: string;
  /** The regions asked for, when every one is a whole district (the activity rollups keep districts). */
  districtIds?: number[];
};
type Entry = { keys: string[]; values: Map<Measure, number | null> };

const ID_TYPES: Record<LabelSource, string | null> = {
  agency: 'Agency', region: 'Region', domain: 'EnforcementDomain', law: 'Law', outlet: 'MediaOutlet',
  form: null, venue: null, audience: null, sessionKind: null, period: null,
};
const LABEL_TABLES: Partial<Record<LabelSource, string>> = {
  agency: 'agency', region: 'region', domain: 'enforcement_domain', law: 'law', outlet: 'media_outlet',
};

/**
 * The generic analytics query: one SQL statement per fact involved (plus one for totals), each
 * reading a rollup where one answers the question, merged by group key, then labelled with one
 * statement per record dimension. With `compare`, the same again over the compared period.
 */
export async function runAnalytics(
  em: EntityManager,
  q: AnalyticsQuery,
  scope: AnalyticsScope = { all: true, signedIn: true, ownAgency: null },
  opts: AnalyticsOptions = {},
): Promise<AnalyticsResult> {
  const measures = [...new Set(q.measures)];
  const groupBy = [...new Set(q.groupBy ?? [])];
  const locale: LocaleCode = q.locale === Locale.EN ? 'EN' : 'ZH_CN';
  validateShape(measures, groupBy, q);
  if (!scope.all) checkUnitLevel(groupBy, q, scope);
  const compared = q.compare ? comparedPeriod(q.compare, q.filter?.from, q.filter?.to, groupBy) : undefined;
  const filter = await resolveFilter(em, q.filter ?? undefined);
  const facts = [...new Set(measures.map((m) => MEASURES[m].fact))];
  for (const fact of facts) checkApplicable(fact, measures, groupBy, filter);

  const useRollups = opts.rollups !== false;
  // The compared period's statements go out with the current ones: on PostgreSQL they run on
  // connections of their own, so the answer waits for the slowest statement, not for their sum.
  const [current, previous] = await Promise.all([
    compute(em, facts, measures, groupBy, filter, useRollups, opts.totals !== false),
    compared ? compute(em, facts, measures, groupBy, { ...filter, from: compared.from, to: compared.to }, useRollups, opts.totals !== false) : undefined,
  ]);

  let entries = [...current.rows.values()];
  entries.sort((a, b) => {
    if (q.orderBy) {
      const va = valueOf(a.values, q.orderBy);
      const vb = valueOf(b.values, q.orderBy);
      if (va !== vb) return va === null ? 1 : vb === null ? -1 : vb - va;
    }
    for (let i = 0; i < groupBy.length; i++) {
      const c = compareKeys(a.keys[i]!, b.keys[i]!);
      if (c) return c;
    }
    return 0;
  });
  if (q.limit) entries = entries.slice(0, q.limit);

  // Previous rows are found under the current keys: time keys move forward by the compared shift.
  const previousRows = new Map<string, Entry>();
  if (previous && compared) {
    for (const e of previous.rows.values()) {
      const keys = e.keys.map((k, i) => (DIMENSION_LABELS[groupBy[i]!] === 'period' ? shiftPeriodKey(k, compared.shiftMonths) : k));
      previousRows.set(keys.join('\u0000'), e);
    }
  }
  const measureValue = (measure: Measure, value: number | null, before: Map<Measure, number | null> | undefined): MeasureValue => {
    if (!compared) return { measure, value };
    const prev = before ? valueOf(before, measure) : valueOf(new Map(), measure);
    return { measure, value, previous: prev, change: value === null || prev === null || prev === 0 ? null : (value - prev) / prev };
  };

  const labels = opts.labels === false ? new Map<string, string>() : await labelKeys(em, groupBy, entries.map((e) => e.keys), locale);
  const rows: AnalyticsRow[] = entries.map((e) => ({
    keys: groupBy.map((dimension, i) => {
      const raw = e.keys[i]!;
      const source = DIMENSION_LABELS[dimension];
      const type = ID_TYPES[source];
      return { dimension, value: type ? `${type}:${raw}` : raw, label: labels.get(`${source}:${raw}`) ?? raw };
    }),
    values: measures.map((measure) => measureValue(measure, valueOf(e.values, measure), previousRows.get(e.keys.join('\u0000'))?.values)),
  }));
  const totals = measures.map((measure) => measureValue(measure, current.totals.get(measure) ?? null, previous?.totals));
  return { rows, totals, previousFrom: compared?.from ?? null, previousTo: compared?.to ?? null };
}

async function compute(em: EntityManager, facts: FactName[], measures: Measure[], groupBy: Dimension[], filter: ResolvedFilter, useRollups: boolean, withTotals = true) {
  const rows = new Map<string, Entry>();
  const totals = new Map<Measure, number | null>();
  const answers = await Promise.all(
    facts.map(async (fact) => {
      const factMeasures = measures.filter((m) => MEASURES[m].fact === fact);
      const [grouped, total] = await Promise.all([
        groupBy.length ? query(em, fact, factMeasures, groupBy, filter, useRollups) : Promise.resolve([]),
        withTotals || !groupBy.length ? query(em, fact, factMeasures, [], filter, useRollups) : Promise.resolve([]),
      ]);
      return { factMeasures, grouped, total };
    }),
  );
  for (const { factMeasures, grouped, total } of answers) {
    for (const m of factMeasures) totals.set(m, num(total[0]?.[m]));
    for (const r of grouped) {
      const keys = groupBy.map((_, i) => (r[`k${i}`] === null || r[`k${i}`] === undefined ? null : String(r[`k${i}`])));
      if (keys.some((k) => k === null)) continue; // facts without a value for a dimension join no group
      const id = keys.join('\u0000');
      const entry = rows.get(id) ?? { keys: keys as string[], values: new Map() };
      for (const m of factMeasures) entry.values.set(m, num(r[m]));
      rows.set(id, entry);
    }
  }
  return { rows, totals };
}

/** Counts and sums over nothing are 0; rates and means over nothing are null. */
function valueOf(values: Map<Measure, number | null>, m: Measure): number | null {
  return values.has(m) ? values.get(m)! : MEASURES[m].kind === 'count' || MEASURES[m].kind === 'sum' ? 0 : null;
}

/**
 * Below the readers of every record, figures stay city-wide: no grouping by agency or outlet and
 * no agency or outlet filter, except an agency reporter filtering on its own agency.
 */
function checkUnitLevel(groupBy: Dimension[], q: AnalyticsQuery, { signedIn, ownAgency }: AnalyticsScope): void {
  const forbidden = (what: string) =>
    userError(
      signedIn ? 'FORBIDDEN' : 'UNAUTHENTICATED',
      `${what} shows single units' records; ${ownAgency ? `your account may see only its own agency (Agency:${ownAgency})` : signedIn ? 'your account may see city-wide figures only' : 'sign in with an account that may read them'}`,
    );
  if (groupBy.includes(Dimension.AGENCY)) throw forbidden('Grouping by AGENCY');
  if (groupBy.includes(Dimension.OUTLET)) throw forbidden('Grouping by OUTLET');
  if (q.filter?.outletIds?.length) throw forbidden('Filtering by outlet');
  const agencies = q.filter?.agencyIds ?? [];
  if (agencies.length && !(ownAgency && agencies.every((a) => a === `Agency:${ownAgency}`))) throw forbidden('Filtering by agency');
}

function validateShape(measures: Measure[], groupBy: Dimension[], q: AnalyticsQuery): void {
  if (measures.length === 0) throw badInput('Ask for at least one measure', [{ path: ['measures'], message: 'empty' }]);
  if (q.orderBy && !measures.includes(q.orderBy)) {
    throw badInput(`orderBy ${q.orderBy} must be one of the requested measures`, [{ path: ['orderBy'], message: 'not requested' }]);
  }
  if (q.limit !== undefined && q.limit !== null && (q.limit < 1 || q.limit > MAX_ANALYTICS_LIMIT)) {
    throw badInput(`limit must be between 1 and ${MAX_ANALYTICS_LIMIT}`, [{ path: ['limit'], message: 'out of range' }]);
  }
  if (groupBy.length > 4) throw badInput('Group by at most 4 dimensions', [{ path: ['groupBy'], message: 'too many' }]);
  checkDateRange(q.filter?.from, q.filter?.to, ['filter']);
}

function checkApplicable(fact: FactName, measures: Measure[], groupBy: Dimension[], filter: ResolvedFilter): void {
  const def = FACTS[fact];
  const measure = measures.find((m) => MEASURES[m].fact === fact)!;
  for (const d of groupBy) {
    if (!def.dims[d]) {
      throw badInput(`${measure} cannot be grouped by ${d}: ${def.label} have no ${d.toLowerCase().replace('_', ' ')} (see docs/metrics.md)`, [
        { path: ['groupBy'], message: `${measure} × ${d} is not applicable` },
      ]);
    }
  }
  for (const [key] of filterEntries(filter)) {
    if (!def.filters[key]) {
      throw badInput(`The filter ${key} does not apply to ${measure}: ${def.label} cannot be filtered that way (see docs/metrics.md)`, [
        { path: ['filter', key], message: `${measure} × ${key} is not applicable` },
      ]);
    }
  }
}

async function resolveFilter(em: EntityManager, f: AnalyticsFilter | undefined): Promise<ResolvedFilter> {
  if (!f) return {};
  const out: ResolvedFilter = {};
  if (f.from) out.from = f.from;
  if (f.to) out.to = f.to;
  const set = (key: FilterKey, v: (number | string)[] | undefined) => {
    if (v && v.length) out[key] = v;
    // An empty list matches nothing: keep it so the query answers zero instead of "everything".
    else if (v) out[key] = [];
  };
  set('agencyIds', await existingIds(em, 'Agency', f.agencyIds, ['filter', 'agencyIds']));
  const regions = await regionsWithDescendants(em, f.regionIds, ['filter', 'regionIds']);
  set('regionIds', regions);
  if (regions?.length) {
    const roots = decodeIds('Region', f.regionIds, ['filter', 'regionIds'])!;
    const districts: { id: number }[] = await em.getConnection().execute(`select id from region where id in (?) and level = 'DISTRICT'`, [roots]);
    if (districts.length === new Set(roots).size) out.districtIds = districts.map((d) => d.id);
  }
  set('domainIds', await existingIds(em, 'EnforcementDomain', f.domainIds, ['filter', 'domainIds']));
  set('lawIds', await existingIds(em, 'Law', f.lawIds, ['filter', 'lawIds']));
  set('outletIds', await existingIds(em, 'MediaOutlet', f.outletIds, ['filter', 'outletIds']));
  set('forms', f.forms);
  set('venueTypes', f.venueTypes);
  set('audiences', f.audiences);
  set('sessionKinds', f.sessionKinds);
  return out;
}

interface Piece {
  sql: string;
  params: unknown[];
}

/**
 * One statement per fact: the parts of its measures from a rollup (plus the raw facts of partial
 * months at the edges of the period) or from the raw facts, summed by group key, then each measure
 * computed from the summed parts.
 */
async function query(em: EntityManager, fact: FactName, measures: Measure[], groupBy: Dimension[], filter: ResolvedFilter, useRollups: boolean): Promise<Record<string, unknown>[]> {
  const def = FACTS[fact];
  const parts = partsOf(measures);
  const rollup = useRollups ? pickRollup(def, parts, groupBy, filter) : undefined;
  const pieces: Piece[] = [];
  if (!rollup) pieces.push(rawPiece(def, parts, groupBy, filter, filter.from, filter.to));
  else if (rollup.grain === 'day') pieces.push(rollupPiece(rollup, parts, groupBy, filter, filter.from, filter.to));
  else {
    const split = splitMonths(filter.from, filter.to);
    if (split.months) pieces.push(rollupPiece(rollup, parts, groupBy, filter, split.months.from, split.months.to));
    // Partial months at the edges: from a day-grain rollup when one answers exactly, else the raw facts.
    const days = split.edges.length ? pickRollup(def, parts, groupBy, filter, 'day') : undefined;
    for (const edge of split.edges) {
      pieces.push(days ? rollupPiece(days, parts, groupBy, filter, edge.from, edge.to) : rawPiece(def, parts, groupBy, filter, edge.from, edge.to));
    }
  }
  const keys = groupBy.map((_, i) => `u.k${i}`);
  const select = [
    ...keys.map((k, i) => `${k} as k${i}`),
    ...measures.map((m) => {
      const expr = MEASURES[m].expr.replace(/\{(\w+)\}/g, (_, p: string) => `sum(u."p_${p}")`);
      return `${MEASURES[m].kind === 'count' || MEASURES[m].kind === 'sum' ? `coalesce(${expr}, 0)` : expr} as "${m}"`;
    }),
  ];
  const sql =
    `select ${select.join(', ')} from (${pieces.map((p) => p.sql).join(' union all ')}) u` +
    (groupBy.length ? ` group by ${keys.join(', ')}` : '');
  return em.getConnection().execute(sql, pieces.flatMap((p) => p.params));
}

/**
 * The first rollup (of a grain, if given) that holds the parts, the dimensions and the filters asked
 * for, exactly. The registry lists each fact's rollups smallest first, so the first is the cheapest.
 */
function pickRollup(def: FactDef, parts: string[], groupBy: Dimension[], filter: ResolvedFilter, grain?: RollupDef['grain']): RollupDef | undefined {
  return def.rollups.find(
    (r) =>
      (!grain || r.grain === grain) &&
      parts.every((p) => r.parts[p]) &&
      groupBy.every((d) => r.dims[d]) &&
      filterEntries(filter).every(([key, values]) => {
        const rule = r.filters[key];
        if (values.length === 0) return true; // selects nothing either way
        if (!rule) return false;
        if (rule.single && (values.length !== 1 || groupBy.includes(rule.single))) return false;
        return !rule.districts || !!filter.districtIds;
      }),
  );
}

function filterEntries(filter: ResolvedFilter): [FilterKey, (number | string)[]][] {
  return (Object.entries(filter) as [string, unknown][]).filter(
    (e): e is [FilterKey, (number | string)[]] => e[0] !== 'districtIds' && Array.isArray(e[1]),
  );
}

function rawPiece(def: FactDef, parts: string[], groupBy: Dimension[], filter: ResolvedFilter, from: string | undefined, to: string | undefined): Piece {
  const where: string[] = def.where ? [def.where] : [];
  const params: unknown[] = [];
  if (from) {
    where.push(`${def.date} >= ?::date`);
    params.push(from);
  }
  if (to) {
    where.push(`${def.date} <= ?::date`);
    params.push(to);
  }
  for (const [key, values] of filterEntries(filter)) {
    const sql = def.filters[key];
    if (!sql) continue;
    if (values.length === 0) {
      where.push('false');
      continue;
    }
    where.push(sql);
    for (let i = sql.split('?').length - 1; i > 0; i--) params.push(values);
  }
  const joins = groupBy.map((d) => def.dims[d]!.join).filter(Boolean);
  const select = [...groupBy.map((d, i) => `${def.dims[d]!.key} as k${i}`), ...parts.map((p) => `${def.parts[p]} as "p_${p}"`)];
  const sql =
    `select ${select.join(', ')} from ${def.from} ${joins.join(' ')}` +
    (where.length ? ` where ${where.join(' and ')}` : '') +
    (groupBy.length ? ` group by ${groupBy.map((_, i) => i + 1).join(', ')}` : '');
  return { sql, params };
}

function rollupPiece(r: RollupDef, parts: string[], groupBy: Dimension[], filter: ResolvedFilter, from: string | undefined, to: string | undefined): Piece {
  const where: string[] = [];
  const params: unknown[] = [];
  if (from) {
    where.push(`${r.date} >= ?::date`);
    params.push(from);
  }
  if (to) {
    where.push(`${r.date} <= ?::date`);
    params.push(to);
  }
  for (const [key, values] of filterEntries(filter)) {
    const rule = r.filters[key];
    if (values.length === 0) {
      where.push('false');
      continue;
    }
    where.push(rule!.sql);
    params.push(rule!.districts ? filter.districtIds : values);
  }
  const select = [...groupBy.map((d, i) => `${r.dims[d]!} as k${i}`), ...parts.map((p) => `${r.parts[p]} as "p_${p}"`)];
  const sql =
    `select ${select.join(', ')} from (select * from ${r.table} union all select * from ${r.table}_delta) r ${neededJoins(r.join, [...select, ...where].join(' '))}` +
    (where.length ? ` where ${where.join(' and ')}` : '') +
    (groupBy.length ? ` group by ${groupBy.map((_, i) => i + 1).join(', ')}` : '') +
    ` having sum(r.${r.rows}) <> 0`;
  return { sql, params };
}

/**
 * The rollup's joins the statement uses (each join names the table's alias; a join another needed
 * join refers to stays): the planner keeps an inner join it is not asked for, and at province scale
 * each costs a hash join over every rollup row read.
 */
export function neededJoins(join: string | undefined, used: string): string {
  if (!join) return '';
  const clauses = join.split(/\s+(?=join\s)/).map((sql) => ({ sql, alias: /^join\s+\S+\s+(\w+)\s+on\s/.exec(sql)?.[1] }));
  const refers = (text: string, alias: string) => new RegExp(`\\b${alias}\\.`).test(text);
  const keep = new Set<number>();
  let text = used;
  for (let i = clauses.length - 1; i >= 0; i--) {
    const c = clauses[i]!;
    if (!c.alias || refers(text, c.alias)) {
      keep.add(i);
      text += ` ${c.sql}`;
    }
  }
  return clauses.filter((_, i) => keep.has(i)).map((c) => c.sql).join(' ');
}

async function labelKeys(em: EntityManager, groupBy: Dimension[], keys: string[][], locale: LocaleCode): Promise<Map<string, string>> {
  const labels = new Map<string, string>();
  const sources = [...new Set(groupBy.map((d) => DIMENSION_LABELS[d]))];
  await Promise.all(
    sources.map(async (source) => {
      const values = new Set<string>();
      groupBy.forEach((d, i) => DIMENSION_LABELS[d] === source && keys.forEach((k) => values.add(k[i]!)));
      if (values.size === 0) return;
      const table = LABEL_TABLES[source];
      if (table) {
        const rows: { id: number; name: string; name_en: string | null }[] = await em
          .getConnection()
          .execute(`select id, name, name_en from ${table} where id in (?)`, [[...values].map(Number)]);
        for (const r of rows) labels.set(`${source}:${r.id}`, locale === 'EN' && r.name_en ? r.name_en : r.name);
        return;
      }
      for (const v of values) {
        const label =
          source === 'period' ? periodLabel(v, locale)
          : source === 'form' ? enumLabel(FORM_LABELS, v, locale)
          : source === 'venue' ? enumLabel(VENUE_LABELS, v, locale)
          : source === 'sessionKind' ? enumLabel(TRAINING_KIND_LABELS, v, locale)
          : enumLabel(AUDIENCE_LABELS, v, locale);
        labels.set(`${source}:${v}`, label);
      }
    }),
  );
  return labels;
}

function num(v: unknown): number | null {
  if (v === null || v === undefined) return null;
  return typeof v === 'number' ? v : Number(v);
}

/** Numeric ids compare as numbers, periods and enum names as text. */
function compareKeys(a: string, b: string): number {
  const na = Number(a);
  const nb = Number(b);
  if (!Number.isNaN(na) && !Number.isNaN(nb)) return na - nb;
  return a < b ? -1 : a > b ? 1 : 0;
}
