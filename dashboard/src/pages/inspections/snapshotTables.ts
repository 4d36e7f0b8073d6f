/**
 * A stored metrics snapshot (its query and JSON answer, docs/inspections.md)
 * read back as small tables, and the link that asks the same question now.
 * The answers are the services' own output in Chinese labels; anything that
 * does not look as expected is skipped rather than shown as "undefined".
 */
const BASE = import.meta.env.BASE_URL; // always ends with "/"

export type SnapshotKind = 'SCORECARD' | 'COVERAGE' | 'OVERLAP_GAPS';

export interface ScorecardSnapshotRow {
  agencyId: string;
  unit: string;
  total: number | null;
  rank: number | null;
  grade: string;
  gradeLabel: string;
  /** One of the units the inspection visited. */
  visited: boolean;
}

export interface CoverageSnapshotRow {
  agencyId: string;
  unit: string;
  items: number | null;
  covered: number | null;
  planned: number | null;
  delivered: number | null;
  /** Delivered (capped at planned) over planned, 0..1; null without planned events. */
  completion: number | null;
  visited: boolean;
}

export interface OverlapSnapshotRow {
  domainId: string;
  domain: string;
  holders: string[];
  activityCount: number | null;
  /** The flags' sentences, in the hub's words. */
  flags: string[];
}

export type SnapshotTable =
  | { kind: 'SCORECARD'; year: number | null; rubricVersion: string | null; rows: ScorecardSnapshotRow[] }
  | { kind: 'COVERAGE'; rows: CoverageSnapshotRow[] }
  | { kind: 'OVERLAP_GAPS'; rows: OverlapSnapshotRow[] };

type Json = Record<string, unknown>;

function obj(value: unknown): Json {
  return value !== null && typeof value === 'object' && !Array.isArray(value) ? (value as Json) : {};
}
function list(value: unknown): unknown[] {
  return Array.isArray(value) ? value : [];
}
function num(value: unknown): number | null {
  return typeof value === 'number' && Number.isFinite(value) ? value : null;
}
function str(value: unknown): string {
  return typeof value === 'string' ? value : '';
}
/** A record as the snapshot stores it: `{ id, name }`. */
function ref(value: unknown): { id: string; name: string } {
  const o = obj(value);
  return { id: str(o.id), name: str(o.name) };
}

/**
 * The table of a snapshot: a scorecard's units with total, rank and grade
 * (best first); coverage's units with items and events; the overlap view's
 * domains with their holders and flags. `visited` marks the inspection's units.
 */
export function snapshotTable(kind: string, query: unknown, answer: unknown, visitedIds: readonly string[]): SnapshotTable | null {
  const visited = new Set(visitedIds);
  if (kind === 'SCORECARD') {
    const a = obj(answer);
    const q = obj(query);
    const rows = list(a.rows)
      .map(obj)
      .map((r) => ({
        agencyId: str(r.agencyId),
        unit: str(r.label),
        total: num(r.total),
        rank: num(r.rank),
        grade: str(r.grade),
        gradeLabel: str(r.gradeLabel),
        visited: visited.has(str(r.agencyId)),
      }))
      .sort((x, y) => (x.rank ?? Infinity) - (y.rank ?? Infinity));
    return { kind, year: num(q.year) ?? num(a.year), rubricVersion: str(q.rubricVersion) || str(a.rubricVersion) || null, rows };
  }
  if (kind === 'COVERAGE') {
    const rows = list(obj(answer).agencies)
      .map(obj)
      .map((r) => {
        const planned = num(r.planned);
        const capped = num(r.deliveredCapped);
        return {
          agencyId: str(r.agencyId),
          unit: str(r.label),
          items: num(r.itemCount),
          covered: num(r.coveredItemCount),
          planned,
          delivered: num(r.delivered),
          completion: num(r.completionCapped) ?? (planned && capped !== null ? capped / planned : null),
          visited: visited.has(str(r.agencyId)),
        };
      });
    return { kind, rows };
  }
  if (kind === 'OVERLAP_GAPS') {
    const rows = list(answer)
      .map(obj)
      .map((d) => {
        const domain = ref(d.domain);
        return {
          domainId: domain.id,
          domain: domain.name,
          holders: list(d.holders).map((h) => ref(obj(h).agency).name).filter(Boolean),
          activityCount: num(d.activityCount),
          flags: list(d.flags).map((f) => str(obj(f).message)).filter(Boolean),
        };
      });
    return { kind, rows };
  }
  return null;
}

/** The filter of a coverage or overlap snapshot's query (`{ filter }`). */
function filterOf(query: unknown): Json {
  return obj(obj(query).filter);
}

/** The period of a stored filter as the dashboard's URL says it: one year, or from/to. */
function periodParams(filter: Json, params: URLSearchParams): void {
  const from = str(filter.from);
  const to = str(filter.to);
  const years = list(filter.years).map(num).filter((y): y is number => y !== null);
  if (from && to) {
    params.set('from', from);
    params.set('to', to);
  } else if (years.length > 0) {
    params.set('year', String(Math.max(...years)));
  }
}

/**
 * The dashboard page answering the snapshot's question with today's data:
 * the assessment of the year and rubric; one agency's page (or the agencies)
 * for coverage; the overlap view of the period (and the domain, if one).
 */
export function compareHref(kind: string, query: unknown, lang: 'zh' | 'en'): string | null {
  const params = new URLSearchParams();
  let path: string;
  if (kind === 'SCORECARD') {
    const q = obj(query);
    const year = num(q.year);
    if (year === null) return null;
    params.set('year', String(year));
    if (str(q.rubricVersion)) params.set('rubric', str(q.rubricVersion));
    path = 'assessment';
  } else if (kind === 'COVERAGE') {
    const filter = filterOf(query);
    periodParams(filter, params);
    const agencies = list(filter.agencyIds).map(str);
    const one = agencies.length === 1 ? /^Agency:(\d+)$/.exec(agencies[0]!)?.[1] : undefined;
    path = one ? `agencies/${one}` : 'agencies';
  } else if (kind === 'OVERLAP_GAPS') {
    const filter = filterOf(query);
    periodParams(filter, params);
    const domains = list(filter.domainIds).map(str);
    if (domains.length === 1) params.set('domain', domains[0]!);
    path = 'overlaps';
  } else {
    return null;
  }
  params.set('lang', lang);
  return `${BASE}${path}?${params.toString()}`;
}
