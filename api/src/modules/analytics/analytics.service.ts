import type { EntityManager } from '@mikro-orm/core';
import { badInput, userError } from '../../shared/errors.js';
import { AUDIENCE_LABELS, enumLabel, FORM_LABELS, periodLabel, VENUE_LABELS, type LocaleCode } from '../../shared/labels.js';
import { checkDateRange, existingIds, regionsWithDescendants } from '../../shared/validate.js';
import type { AnalyticsScope } from '../../graphql/access.js';
import { Dimension, Locale, Measure, type AnalyticsFilter, type AnalyticsResult, type AnalyticsRow, type MeasureValue } from './analytics.types.js';
import { DIMENSION_LABELS, FACTS, MEASURES, type FactName, type FilterKey, type LabelSource } from './registry.js';

export const MAX_ANALYTICS_LIMIT = 10_000;

export interface AnalyticsQuery {
  measures: Measure[];
  groupBy?: Dimension[] | null;
  filter?: AnalyticsFilter | null;
  orderBy?: Measure | null;
  limit?: number | null;
  locale?: Locale | null;
}

type ResolvedFilter = Partial<Record<FilterKey, (number | string)[]>> & { from?: string; to?: string };

const ID_TYPES: Record<LabelSource, string | null> = {
  agency: 'Agency', region: 'Region', domain: 'EnforcementDomain', law: 'Law', outlet: 'MediaOutlet',
  form: null, venue: null, audience: null, period: null,
};
const LABEL_TABLES: Partial<Record<LabelSource, string>> = {
  agency: 'agency', region: 'region', domain: 'enforcement_domain', law: 'law', outlet: 'media_outlet',
};

/**
 * The generic analytics query: one SQL statement per fact involved (plus one for totals), merged
 * by group key, then labelled with one statement per record dimension.
 */
export async function runAnalytics(em: EntityManager, q: AnalyticsQuery, scope: AnalyticsScope = { all: true, signedIn: true, ownAgency: null }): Promise<AnalyticsResult> {
  const measures = [...new Set(q.measures)];
  const groupBy = [...new Set(q.groupBy ?? [])];
  const locale: LocaleCode = q.locale === Locale.EN ? 'EN' : 'ZH_CN';
  validateShape(measures, groupBy, q);
  if (!scope.all) checkUnitLevel(groupBy, q, scope);
  const filter = await resolveFilter(em, q.filter ?? undefined);

  const facts = [...new Set(measures.map((m) => MEASURES[m].fact))];
  for (const fact of facts) checkApplicable(fact, measures, groupBy, filter);

  const rowsByKey = new Map<string, { keys: (string | null)[]; values: Map<Measure, number | null> }>();
  const totals = new Map<Measure, number | null>();
  for (const fact of facts) {
    const factMeasures = measures.filter((m) => MEASURES[m].fact === fact);
    const [grouped, total] = await Promise.all([
      groupBy.length ? query(em, fact, factMeasures, groupBy, filter) : Promise.resolve([]),
      query(em, fact, factMeasures, [], filter),
    ]);
    for (const m of factMeasures) totals.set(m, num(total[0]?.[m]));
    for (const r of grouped) {
      const keys = groupBy.map((_, i) => (r[`k${i}`] === null || r[`k${i}`] === undefined ? null : String(r[`k${i}`])));
      if (keys.some((k) => k === null)) continue; // facts without a value for a dimension join no group
      const id = keys.join('\u0000');
      const entry = rowsByKey.get(id) ?? { keys, values: new Map() };
      for (const m of factMeasures) entry.values.set(m, num(r[m]));
      rowsByKey.set(id, entry);
    }
  }

  const valueOf = (values: Map<Measure, number | null>, m: Measure): number | null =>
    values.has(m) ? values.get(m)! : MEASURES[m].kind === 'count' || MEASURES[m].kind === 'sum' ? 0 : null;
  let entries = [...rowsByKey.values()];
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

  const labels = await labelKeys(em, groupBy, entries.map((e) => e.keys as string[]), locale);
  const rows: AnalyticsRow[] = entries.map((e) => ({
    keys: groupBy.map((dimension, i) => {
      const raw = e.keys[i]!;
      const source = DIMENSION_LABELS[dimension];
      const type = ID_TYPES[source];
      return { dimension, value: type ? `${type}:${raw}` : raw, label: labels.get(`${source}:${raw}`) ?? raw };
    }),
    values: measures.map((measure) => ({ measure, value: valueOf(e.values, measure) })),
  }));
  const totalValues: MeasureValue[] = measures.map((measure) => ({ measure, value: totals.get(measure) ?? null }));
  return { rows, totals: totalValues };
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
  for (const key of Object.keys(filter) as (FilterKey | 'from' | 'to')[]) {
    if (key === 'from' || key === 'to') continue;
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
  set('regionIds', await regionsWithDescendants(em, f.regionIds, ['filter', 'regionIds']));
  set('domainIds', await existingIds(em, 'EnforcementDomain', f.domainIds, ['filter', 'domainIds']));
  set('lawIds', await existingIds(em, 'Law', f.lawIds, ['filter', 'lawIds']));
  set('outletIds', await existingIds(em, 'MediaOutlet', f.outletIds, ['filter', 'outletIds']));
  set('forms', f.forms);
  set('venueTypes', f.venueTypes);
  set('audiences', f.audiences);
  return out;
}

async function query(em: EntityManager, fact: FactName, measures: Measure[], groupBy: Dimension[], filter: ResolvedFilter): Promise<Record<string, unknown>[]> {
  const def = FACTS[fact];
  const where: string[] = def.where ? [def.where] : [];
  const params: unknown[] = [];
  if (filter.from) {
    where.push(`${def.date} >= ?::date`);
    params.push(filter.from);
  }
  if (filter.to) {
    where.push(`${def.date} <= ?::date`);
    params.push(filter.to);
  }
  for (const [key, values] of Object.entries(filter) as [FilterKey, (number | string)[]][]) {
    const sql = def.filters[key];
    if (!sql || !Array.isArray(values)) continue;
    if (values.length === 0) {
      where.push('false');
      continue;
    }
    where.push(sql);
    for (let i = sql.split('?').length - 1; i > 0; i--) params.push(values);
  }
  const joins = groupBy.map((d) => def.dims[d]!.join).filter(Boolean);
  const keys = groupBy.map((d, i) => `${def.dims[d]!.key} as k${i}`);
  const select = [...keys, ...measures.map((m) => `${MEASURES[m].sql} as "${m}"`)].join(', ');
  const sql =
    `select ${select} from ${def.from} ${joins.join(' ')}` +
    (where.length ? ` where ${where.join(' and ')}` : '') +
    (groupBy.length ? ` group by ${groupBy.map((_, i) => i + 1).join(', ')}` : '');
  return em.getConnection().execute(sql, params);
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
