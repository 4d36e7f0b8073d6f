/**
 * The assessment page's reading of a scorecard, as pure functions: the year a
 * period is assessed in, where an indicator's records are (the records drawer
 * where it can list them, else the filter in words), the radar's data, and
 * the frozen figures beside the live ones.
 */
import { formatDate, formatDateRange, formatInteger } from '../../app/format';
import { translate, type Lang, type MessageKey } from '../../app/i18n';
import type { Period } from '../../app/period';
import { medianShares, type IndicatorRadarData } from '../../charts/indicatorRadar';
import {
  activityFilterOf,
  itemFilterOf,
  responseFilterOf,
  slotFilterOf,
  type RecordsSource,
} from '../../components/records/drills';
import type { RecordDrill, ScorecardRow } from './assessment.queries';

/** Assessment is by calendar year: a year's view is that year, a custom range the year it ends in. */
export function assessmentYear(period: Period): number {
  return period.kind === 'year' ? period.year : Number(period.to.slice(0, 4));
}

// ---------- lineage ----------

/** Where the records behind an indicator can be seen. */
export type DrillTarget =
  /** Listed by the records drawer: one kind, one or more filters (shown one at a time). */
  | { kind: 'records'; source: RecordsSource }
  /** Record lists the drawer does not have (cases, training attendance): the filter in words. */
  | { kind: 'words'; entries: readonly RecordDrill[] }
  /** No drill (a survey figure without data). */
  | { kind: 'none' };

function filterOf(entry: RecordDrill): Record<string, unknown> {
  return entry.filter && typeof entry.filter === 'object' ? (entry.filter as Record<string, unknown>) : {};
}

/**
 * The drawer's source for an indicator's drill entries. Entries of one list
 * together are the records behind the value (docs/assessment.md). A coverage
 * figure names the agency's items (`coverage`) and, per item window, exactly
 * the activities counted: the activities are listed, since they are what
 * the completion counts; an agency without activity windows gets its items.
 */
export function drillTarget(entries: readonly RecordDrill[]): DrillTarget {
  if (entries.length === 0) return { kind: 'none' };
  const of = (query: string) => entries.filter((e) => e.query === query).map(filterOf);
  const activities = of('activities');
  if (activities.length) return { kind: 'records', source: { kind: 'activities', filters: activities.map(activityFilterOf) } };
  const slots = of('broadcastSlots');
  if (slots.length) return { kind: 'records', source: { kind: 'broadcastSlots', filters: slots.map(slotFilterOf) } };
  const responses = of('surveyResponses');
  if (responses.length) {
    return { kind: 'records', source: { kind: 'surveyResponses', filters: responses.map(responseFilterOf) } };
  }
  const coverage = of('coverage');
  if (coverage.length) {
    return { kind: 'records', source: { kind: 'responsibilityItems', filters: coverage.map(itemFilterOf) } };
  }
  return { kind: 'words', entries };
}

/** What the record query is called in the UI: "以案释法案例", "培训参训记录"; unknown queries as sent. */
export function queryName(query: string, lang: Lang): string {
  const known = ['activities', 'broadcastSlots', 'cases', 'coverage', 'surveyResponses', 'trainingAttendance'];
  return known.includes(query) ? translate(lang, `assessment.query.${query}` as MessageKey) : query;
}

/**
 * A drill's filter in words, one line per field, e.g. "单位：市司法局",
 * "已发布的", "培训场次：7 场". `agencyNames` names the agencies by id (the
 * scorecard's rows); ids of other records are counted, not listed.
 */
export function describeFilter(entry: RecordDrill, agencyNames: ReadonlyMap<string, string>, lang: Lang): string[] {
  const filter = filterOf(entry);
  const t = (key: MessageKey, params?: Record<string, string | number>) => translate(lang, key, params);
  const list = (value: unknown): unknown[] => (Array.isArray(value) ? value : []);
  const separator = t('chart.listSeparator');
  const lines: string[] = [];
  const from = typeof filter.from === 'string' ? filter.from : null;
  const to = typeof filter.to === 'string' ? filter.to : null;
  for (const [key, value] of Object.entries(filter)) {
    if (value === null || value === undefined) continue;
    switch (key) {
      case 'agencyIds':
        lines.push(t('assessment.filter.agencies', { names: list(value).map((id) => agencyNames.get(String(id)) ?? String(id)).join(separator) }));
        break;
      case 'sessionIds':
        lines.push(t('assessment.filter.sessions', { count: formatInteger(list(value).length, lang) }));
        break;
      case 'itemIds':
        lines.push(t('assessment.filter.items', { count: formatInteger(list(value).length, lang) }));
        break;
      case 'lawIds':
        lines.push(t('assessment.filter.laws', { count: formatInteger(list(value).length, lang) }));
        break;
      case 'years':
        lines.push(t('assessment.filter.years', { years: list(value).map((y) => t('filters.year', { year: Number(y) })).join(separator) }));
        break;
      case 'published':
        lines.push(t(value ? 'assessment.filter.published' : 'assessment.filter.unpublished'));
        break;
      case 'leadingCadre':
        lines.push(t(value ? 'assessment.filter.leadingCadres' : 'assessment.filter.notLeadingCadres'));
        break;
      case 'from':
        // Written together with `to` when both are set.
        if (!to) lines.push(t('assessment.filter.from', { day: formatDate(String(value), lang) }));
        break;
      case 'to':
        lines.push(
          from
            ? t('assessment.filter.period', { range: formatDateRange(from, String(value), lang) })
            : t('assessment.filter.to', { day: formatDate(String(value), lang) }),
        );
        break;
      default:
        lines.push(`${key}: ${Array.isArray(value) ? value.join(separator) : JSON.stringify(value)}`);
    }
  }
  return lines;
}

// ---------- radar ----------

/**
 * The radar of `agencyId`'s indicators against the city median over `rows`;
 * the median only when `rows` are every agency (`withMedian`), since a reader
 * who gets its own row only cannot compute it.
 */
export function radarData(
  rows: readonly ScorecardRow[],
  agencyId: string,
  withMedian: boolean,
  title: string,
): IndicatorRadarData | null {
  const row = rows.find((r) => r.agencyId === agencyId);
  if (!row || row.indicators.length === 0) return null;
  const indicators = row.indicators.map((i) => ({ key: i.key, label: i.label, maxPoints: i.maxPoints }));
  return {
    title,
    indicators,
    agency: { label: row.label, points: row.indicators.map((i) => i.points) },
    median: withMedian && rows.length > 1 ? medianShares(rows, indicators.map((i) => i.key)) : null,
  };
}

// ---------- frozen and live ----------

export interface FrozenFigures {
  total: number;
  rank: number;
  gradeLabel: string;
}

/** The snapshot's figures by agency, to show beside the live ones. */
export function frozenFigures(rows: readonly ScorecardRow[]): Map<string, FrozenFigures> {
  return new Map(rows.map((r) => [r.agencyId, { total: r.total, rank: r.rank, gradeLabel: r.gradeLabel }]));
}

/** How many agencies' total or rank differ between the snapshot and now. */
export function changedSinceFreeze(frozen: readonly ScorecardRow[], live: readonly ScorecardRow[]): number {
  const before = frozenFigures(frozen);
  const ids = new Set([...frozen.map((r) => r.agencyId), ...live.map((r) => r.agencyId)]);
  let changed = 0;
  for (const id of ids) {
    const now = live.find((r) => r.agencyId === id);
    const then = before.get(id);
    if (!now || !then || now.total !== then.total || now.rank !== then.rank) changed += 1;
  }
  return changed;
}
