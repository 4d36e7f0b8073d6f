import type { EntityManager } from '@mikro-orm/core';
import { analyticsScope, requireRole, type AnalyticsScope, type Viewer } from '../../graphql/access.js';
import { sql } from '../../db/sql.js';
import { badInput, userError, type FieldProblem } from '../../shared/errors.js';
import { MAX_FILTER_IDS } from '../../shared/filters.js';
import { recordAudit } from '../audit/audit.service.js';
import { Role } from '../auth/role.js';
import { runAnalytics } from '../analytics/analytics.service.js';
import { Dimension, Locale, type Measure } from '../analytics/analytics.types.js';
import { runCoverage } from '../coverage/coverage.service.js';
import { surveyResults } from '../survey-results/survey-results.service.js';
import { SurveyGrouping, SurveyMeasure, type SurveyResultRow } from '../survey-results/survey-results.types.js';
import { AssessmentMetric, GRADE_LABELS, maxScore, METRICS, parseRubric, type RubricDefinition, type Text } from './assessment.rubric.js';
import { scoreYear, type AgencyFacts, type Drill, type LostPoints as ScoredLost, type ScoredYear } from './assessment.score.js';
import type { LostPoints, RecordDrill, RubricInfo, Scorecard } from './assessment.types.js';

/** The services behind the metrics are asked as an admin: the scorecard applies its own access rule. */
const ADMIN_SCOPE: AnalyticsScope = { all: true, signedIn: true, ownAgency: null };

/**
 * Scorecards are unit-level: the readers of every record see every row; an agency reporter its own
 * row only (ranked among all) and the commendation and rectification lists only if it is on them;
 * everyone else is refused. Returns the one agency the answer is limited to, or null for none.
 */
export function scorecardAccess(viewer: Viewer): number | null {
  const scope = analyticsScope(viewer);
  if (scope.all) return null;
  if (!scope.signedIn) throw userError('UNAUTHENTICATED', 'Scorecards show single agencies’ results; sign in with an account that may read them');
  if (!scope.ownAgency) throw userError('FORBIDDEN', 'Scorecards show single agencies’ results; your account may see city-wide figures only');
  return scope.ownAgency;
}

// ---------------------------------------------------------------------------------------------
// Rubrics

interface RubricRow {
  id: number;
  version: string;
  name: string;
  description: string | null;
  definition: unknown;
  created_at: Date | string;
  created_by: string | null;
  frozen_years: number[];
}

const RUBRIC_SELECT = `select r.id, r.version, r.name, r.description, r.definition, r.created_at, r.created_by,
  coalesce((select array_agg(s.year order by s.year) from scorecard_snapshot s where s.rubric_id = r.id), '{}') as frozen_years
  from assessment_rubric r`;

const json = (v: unknown) => (typeof v === 'string' ? JSON.parse(v) : v);

function rubricInfo(r: RubricRow): RubricInfo {
  const definition = json(r.definition);
  return {
    id: `AssessmentRubric:${r.id}`,
    version: r.version,
    name: r.name,
    description: r.description,
    definition,
    maxScore: maxScore(parseRubric(definition)),
    createdAt: new Date(r.created_at),
    createdBy: r.created_by,
    frozenYears: r.frozen_years.map(Number),
  };
}

export async function listRubrics(em: EntityManager): Promise<RubricInfo[]> {
  return (await sql<RubricRow>(em, `${RUBRIC_SELECT} order by r.created_at desc, r.id desc`)).map(rubricInfo);
}

export async function findRubric(em: EntityManager, version: string): Promise<RubricInfo | null> {
  const [row] = await sql<RubricRow>(em, `${RUBRIC_SELECT} where r.version = ?`, [version]);
  return row ? rubricInfo(row) : null;
}

export interface RubricInput {
  version: string;
  name: string;
  description?: string | null;
  definition: unknown;
}

/**
 * Creates a version, or replaces the definition of one no frozen scorecard uses. A version some
 * frozen scorecard uses is immutable: saving it is a CONFLICT, and the edit is saved under a new
 * version (e.g. "2021版" → "2021版-修订1"), which scores live years while the frozen ones stay.
 */
export async function saveRubric(em: EntityManager, viewer: Viewer, input: RubricInput): Promise<RubricInfo> {
  const user = requireRole(viewer, [Role.ADMIN], 'save assessment rubrics');
  const version = input.version.trim();
  const name = input.name.trim();
  const description = input.description?.trim() || null;
  const problems: FieldProblem[] = [];
  if (!version || version.length > 40) problems.push({ path: ['version'], message: 'a version is 1–40 characters, e.g. "2021版"' });
  if (!name || name.length > 200) problems.push({ path: ['name'], message: 'a name is 1–200 characters' });
  if (description && description.length > 2000) problems.push({ path: ['description'], message: 'at most 2,000 characters' });
  if (problems.length) throw badInput(`The rubric was not saved: ${problems.map((p) => `${p.path.join('.')}: ${p.message}`).join('; ')}`, problems);
  const definition = parseRubric(input.definition);

  await em.transactional(async (tx) => {
    const [before] = await sql<{ id: number; name: string; description: string | null; definition: unknown }>(
      tx, 'select id, name, description, definition from assessment_rubric where version = ? for update', [version]);
    const after = { version, name, description, definition };
    if (before) {
      // Read after the row lock, so a freeze that committed meanwhile is seen.
      const [frozen] = await sql<{ years: number[] | null }>(tx, 'select array_agg(year order by year) as years from scorecard_snapshot where rubric_id = ?', [before.id]);
      if (frozen?.years?.length) {
        throw userError('CONFLICT', `Rubric ${version} is used by the frozen scorecard of ${frozen.years.join(', ')} and cannot change; save the edit under a new version, e.g. "${version}-修订1"`);
      }
      await sql(tx, 'update assessment_rubric set name = ?, description = ?, definition = ?::jsonb where id = ?', [name, description, JSON.stringify(definition), before.id]);
      await recordAudit(tx, user, { action: 'UPDATE', entity: 'AssessmentRubric', entityId: before.id, before: { version, name: before.name, description: before.description, definition: json(before.definition) }, after });
      return;
    }
    const [created] = await sql<{ id: number }>(tx,
      'insert into assessment_rubric (version, name, description, definition, created_by) values (?, ?, ?, ?::jsonb, ?) on conflict (version) do nothing returning id',
      [version, name, description, JSON.stringify(definition), user.username]);
    if (!created) throw userError('CONFLICT', `Rubric ${version} was created by someone else just now; look at it and save again`);
    await recordAudit(tx, user, { action: 'CREATE', entity: 'AssessmentRubric', entityId: created.id, after });
  });
  return (await findRubric(em, version))!;
}

// ---------------------------------------------------------------------------------------------
// Scorecards

/** What a snapshot holds: the scored year and the definition it was scored under. */
interface Frozen {
  definition: RubricDefinition;
  scored: ScoredYear;
}

interface Target {
  id: number;
  version: string;
  name: string;
  definition: unknown;
  computed: unknown;
  frozen_at: Date | string | null;
  frozen_by: string | null;
}

function checkYear(year: number): void {
  if (!Number.isInteger(year) || year < 2000 || year > 2100) throw badInput(`year must be between 2000 and 2100, not ${year}`, [{ path: ['year'], message: 'out of range' }]);
}

/** The rubric of a version with this year's snapshot, if any, in one statement. */
async function target(em: EntityManager, year: number, version: string): Promise<Target> {
  const [row] = await sql<Target>(em, `select r.id, r.version, r.name, r.definition, s.computed, s.frozen_at, s.frozen_by
    from assessment_rubric r left join scorecard_snapshot s on s.rubric_id = r.id and s.year = ? where r.version = ?`, [year, version]);
  if (!row) throw badInput(`There is no rubric version "${version}"; the query rubrics lists the versions`, [{ path: ['rubricVersion'], message: 'unknown version' }]);
  return row;
}

export interface ScorecardArgs {
  year: number;
  rubricVersion: string;
  live?: boolean | null;
  locale?: Locale | null;
}

/** The frozen scorecard when there is one (unless `live`), else the one computed now. */
export async function scorecard(em: EntityManager, a: ScorecardArgs, only: number | null): Promise<Scorecard> {
  checkYear(a.year);
  const t = await target(em, a.year, a.rubricVersion);
  const frozenAt = t.frozen_at ? new Date(t.frozen_at) : null;
  const meta = { rubricVersion: t.version, rubricName: t.name, frozenAt, frozenBy: t.frozen_by };
  if (t.computed && !a.live) return render((json(t.computed) as Frozen).scored, { ...meta, frozen: true, computedAt: frozenAt! }, a.locale, only);
  const scored = await scoreLive(em, parseRubric(json(t.definition)), a.year);
  return render(scored, { ...meta, frozen: false, computedAt: new Date() }, a.locale, only);
}

/** Scores a year under an edited definition; nothing is written. */
export async function scorecardWhatIf(em: EntityManager, year: number, definition: unknown, locale: Locale | null | undefined, only: number | null): Promise<Scorecard> {
  checkYear(year);
  const def = parseRubric(definition);
  const scored = await scoreLive(em, def, year);
  return render(scored, { rubricVersion: null, rubricName: null, frozen: false, frozenAt: null, frozenBy: null, computedAt: new Date() }, locale, only);
}

/**
 * Saves the live scorecard as the snapshot of (year, version). The figures are computed first; the
 * snapshot is written only if the rubric is still the one scored (its row is locked meanwhile, so
 * saveRubric waits and then sees the freeze). A second freeze is a CONFLICT.
 */
export async function freezeScorecard(em: EntityManager, viewer: Viewer, a: ScorecardArgs): Promise<Scorecard> {
  const user = requireRole(viewer, [Role.ADMIN], 'freeze scorecards');
  checkYear(a.year);
  const t = await target(em, a.year, a.rubricVersion);
  const conflict = () => userError('CONFLICT', `The ${a.year} scorecard under rubric ${t.version} is already frozen; it cannot be frozen again (query it with live: true for today's figures)`);
  if (t.computed) throw conflict();
  const definition = parseRubric(json(t.definition));
  const scored = await scoreLive(em, definition, a.year);
  if (scored.rows.length === 0) throw badInput(`Nothing to freeze: ${scored.reason?.en}`, [{ path: ['year'], message: 'no agency scored' }]);

  const saved = await em.transactional(async (tx) => {
    const [now] = await sql<{ definition: unknown }>(tx, 'select definition from assessment_rubric where id = ? for share', [t.id]);
    if (JSON.stringify(json(now?.definition)) !== JSON.stringify(json(t.definition))) {
      throw userError('CONFLICT', `Rubric ${t.version} changed while the scorecard was computed; freeze again`);
    }
    const frozen: Frozen = { definition, scored };
    const [row] = await sql<{ id: number; frozen_at: Date | string }>(tx,
      'insert into scorecard_snapshot (year, rubric_id, computed, frozen_by) values (?, ?, ?::jsonb, ?) on conflict (year, rubric_id) do nothing returning id, frozen_at',
      [a.year, t.id, JSON.stringify(frozen), user.username]);
    if (!row) throw conflict();
    await recordAudit(tx, user, {
      action: 'FREEZE', entity: 'ScorecardSnapshot', entityId: row.id,
      after: { year: a.year, rubricVersion: t.version, rows: scored.rows.map((r) => ({ agencyId: `Agency:${r.agencyId}`, total: r.total, rank: r.rank, grade: r.grade })) },
    });
    return row;
  });
  const frozenAt = new Date(saved.frozen_at);
  return render(scored, { rubricVersion: t.version, rubricName: t.name, frozen: true, frozenAt, frozenBy: user.username, computedAt: frozenAt }, a.locale, null);
}

async function scoreLive(em: EntityManager, def: RubricDefinition, year: number): Promise<ScoredYear> {
  return scoreYear(def, year, await gather(em, def, year));
}

// ---------------------------------------------------------------------------------------------
// The figures of a year, per agency

const TRAINING = new Set<AssessmentMetric>([
  AssessmentMetric.TRAINING_ATTENDANCE_RATE, AssessmentMetric.LEADING_CADRE_ATTENDANCE_RATE, AssessmentMetric.TRAINING_PASS_RATE, AssessmentMetric.TRAINING_HOURS,
]);
const BROADCAST = new Set<AssessmentMetric>([AssessmentMetric.BROADCAST_COUNT, AssessmentMetric.BROADCAST_MINUTES, AssessmentMetric.PUBLIC_SERVICE_ADS]);

/**
 * The agencies assessed — active at some time in the year, with a responsibility list of the year
 * or an enforcement power valid at some time in it — and the rubric's metrics for each. A fixed
 * number of statements, whatever the number of agencies: one for the agencies, the analytics
 * query (one per fact), coverage (two), each survey measure (two), one for sessions.
 */
async function gather(em: EntityManager, def: RubricDefinition, year: number): Promise<AgencyFacts[]> {
  const from = `${year}-01-01`;
  const to = `${year}-12-31`;
  const used = [...new Set([...def.indicators, ...def.deductions].map((x) => x.metric))];
  const uses = (source: string) => used.some((m) => METRICS[m].source === source);
  const measures = used.filter((m) => METRICS[m].source === 'analytics') as string[] as Measure[];
  const survey = (measure: SurveyMeasure) => surveyResults(em, { measure, by: SurveyGrouping.AGENCY, filter: { years: [year] } }, ADMIN_SCOPE);
  const none = Promise.resolve(null);

  const [agencies, analytics, coverage, awareness, satisfaction, sessions] = await Promise.all([
    sql<{ id: number; name: string; name_en: string | null }>(em, `select g.id, g.name, g.name_en from agency g
      where g.valid_from <= ?::date and (g.valid_to is null or g.valid_to >= ?::date)
        and (exists (select 1 from responsibility_item i where i.agency_id = g.id and i.year = ?)
          or exists (select 1 from enforcement_power p where p.agency_id = g.id and p.valid_from <= ?::date and (p.valid_to is null or p.valid_to >= ?::date)))
      order by g.id`, [to, from, year, to, from]),
    // Only the rows per agency are read: no totals, no labels (the agencies statement names them).
    measures.length ? runAnalytics(em, { measures, groupBy: [Dimension.AGENCY], filter: { from, to } }, ADMIN_SCOPE, { totals: false, labels: false }) : none,
    uses('coverage') ? runCoverage(em, { years: [year] }, 'ZH_CN', null) : none,
    uses('awareness') ? survey(SurveyMeasure.AWARENESS) : none,
    uses('satisfaction') ? survey(SurveyMeasure.SATISFACTION) : none,
    used.some((m) => TRAINING.has(m))
      ? sql<{ ids: number[] }>(em, `select coalesce(array_agg(id order by id), '{}') as ids from training_session where starts_on between ?::date and ?::date`, [from, to])
      : none,
  ]);

  const byAgency = <T>(list: T[] | undefined, id: (x: T) => string) => new Map((list ?? []).map((x) => [Number(id(x).split(':')[1]), x]));
  const analyticsRows = byAgency(analytics?.rows, (r) => r.keys[0]!.value);
  const coverageRows = byAgency(coverage?.agencies, (r) => r.agencyId);
  const awarenessRows = byAgency(awareness?.rows, (r) => r.unit.id);
  const satisfactionRows = byAgency(satisfaction?.rows, (r) => r.unit.id);
  const sessionIds = (sessions?.[0]?.ids ?? []).map((id) => `TrainingSession:${id}`);

  return agencies.map((g) => {
    const agencyIds = [`Agency:${g.id}`];
    const values: AgencyFacts['values'] = {};
    const drills: AgencyFacts['drills'] = {};
    for (const m of used) {
      const def = METRICS[m];
      if (def.source === 'analytics') {
        const found = analyticsRows.get(g.id)?.values.find((v) => v.measure === (m as string));
        if (found) values[m] = found.value;
        drills[m] = analyticsDrills(m, agencyIds, from, to, sessionIds);
      } else if (def.source === 'coverage') {
        const c = coverageRows.get(g.id);
        values[m] = c ? (m === AssessmentMetric.COVERAGE_RATE ? c.coverageRate : c.completionCapped) : null;
        drills[m] = [
          { query: 'coverage', filter: { years: [year], agencyIds } },
          ...(c?.drills ?? []).map((d) => ({ query: 'activities', filter: { from: d.from, to: d.to, itemIds: d.itemIds } })),
        ];
      } else {
        const row = (def.source === 'awareness' ? awarenessRows : satisfactionRows).get(g.id);
        values[m] = row ? row.estimate : null;
        drills[m] = row ? [surveyDrill(row)] : [];
      }
    }
    return { id: g.id, name: { zh: g.name, en: g.name_en ?? g.name }, values, drills };
  });
}

function analyticsDrills(m: AssessmentMetric, agencyIds: string[], from: string, to: string, sessionIds: string[]): Drill[] {
  if (BROADCAST.has(m)) {
    return [{ query: 'broadcastSlots', filter: { agencyIds, from, to, ...(m === AssessmentMetric.PUBLIC_SERVICE_ADS ? { kinds: ['PUBLIC_SERVICE_AD'] } : {}) } }];
  }
  if (TRAINING.has(m)) {
    const leading = m === AssessmentMetric.LEADING_CADRE_ATTENDANCE_RATE ? { leadingCadre: true } : {};
    const note: Text = m === AssessmentMetric.TRAINING_PASS_RATE
      ? { zh: '计入其中有考试成绩的记录，成绩≥60为合格', en: 'counted: the rows with an exam score; a score ≥ 60 passes' }
      : { zh: '计入其中应参训（required）的记录', en: 'counted: the rows marked required' };
    const chunks: string[][] = [];
    for (let i = 0; i < sessionIds.length; i += MAX_FILTER_IDS) chunks.push(sessionIds.slice(i, i + MAX_FILTER_IDS));
    return (chunks.length ? chunks : [[]]).map((ids) => ({
      query: 'trainingAttendance', filter: { agencyIds, sessionIds: ids, ...leading }, note: m === AssessmentMetric.TRAINING_HOURS ? null : note,
    }));
  }
  if (m === AssessmentMetric.CASE_COUNT) {
    return [{
      query: 'cases', filter: { agencyIds, published: true },
      note: { zh: `计入其中发布日期在 ${from} 至 ${to} 的案例（cases 的日期筛选按作出决定日期）`, en: `counted: the cases published ${from} to ${to} (the cases filter dates decisions, not publication)` },
    }];
  }
  return [{ query: 'activities', filter: { agencyIds, from, to }, note: { zh: '主办或协办的活动均计入', en: 'activities it organised or co-organised' } }];
}

function surveyDrill(row: SurveyResultRow): Drill {
  const filter = Object.fromEntries(Object.entries(row.drill.responses).filter(([, v]) => v !== null && v !== undefined));
  const laws = row.drill.lawIds ?? [];
  const note: Text = row.drill.questionKind === 'AWARENESS'
    ? { zh: `计入其中对以下法律知晓率题的回答：${laws.join('、')}`, en: `counted: the answers to awareness questions on ${laws.join(', ')}` }
    : { zh: `计入其中对本单位满意度题的回答（${(row.drill.agencyIds ?? []).join('、')}）`, en: `counted: the answers to satisfaction questions about ${(row.drill.agencyIds ?? []).join(', ')}` };
  return { query: 'surveyResponses', filter, note };
}

// ---------------------------------------------------------------------------------------------
// The answer in a locale, for a viewer

interface Meta {
  rubricVersion: string | null;
  rubricName: string | null;
  frozen: boolean;
  frozenAt: Date | null;
  frozenBy: string | null;
  computedAt: Date;
}

function render(s: ScoredYear, meta: Meta, locale: Locale | null | undefined, only: number | null): Scorecard {
  const t = (x: Text) => (locale === Locale.EN ? x.en : x.zh);
  const drill = (d: Drill): RecordDrill => ({ query: d.query, filter: d.filter, note: d.note ? t(d.note) : null });
  const lost = (l: ScoredLost): LostPoints => ({ key: l.key, label: t(l.label), lost: l.lost, reason: t(l.reason) });
  const visible = (id: number) => only === null || id === only;
  const rows = s.rows.filter((r) => visible(r.agencyId)).map((r) => ({
    agencyId: `Agency:${r.agencyId}`,
    label: t(r.name),
    indicators: r.indicators.map((i) => ({ ...i, label: t(i.label), noData: i.value === null, reason: i.reason ? t(i.reason) : null, drill: i.drills.map(drill) })),
    deductions: r.deductions.map((d) => ({ ...d, label: t(d.label), noData: d.value === null, reason: d.reason ? t(d.reason) : null, drill: d.drills.map(drill) })),
    subtotal: r.subtotal,
    deducted: r.deducted,
    total: r.total,
    rank: r.rank,
    grade: r.grade,
    gradeLabel: t(GRADE_LABELS[r.grade]),
    lostMost: r.lostMost.map(lost),
  }));
  const byId = new Map(s.rows.map((r) => [r.agencyId, r]));
  const notices = (list: ScoredYear['commended']) => list.filter((n) => visible(n.agencyId)).map((n) => {
    const r = byId.get(n.agencyId)!;
    return { agencyId: `Agency:${r.agencyId}`, label: t(r.name), total: r.total, rank: r.rank, grade: r.grade, gradeLabel: t(GRADE_LABELS[r.grade]), reason: t(n.reason), lostMost: r.lostMost.map(lost) };
  });
  let reason = s.reason ? t(s.reason) : null;
  if (!reason && rows.length === 0 && only !== null) {
    reason = locale === Locale.EN
      ? `Your agency (Agency:${only}) is not among the agencies assessed in ${s.year}: it had no responsibility list and no enforcement power that year`
      : `本单位（Agency:${only}）不在${s.year}年考评范围内：当年无普法责任清单，也无执法职权`;
  }
  return { year: s.year, maxScore: s.maxScore, agencyCount: s.rows.length, rows, commended: notices(s.commended), rectify: notices(s.rectify), reason, ...meta };
}
