/**
 * Scoring a year under a rubric, free of SQL and GraphQL (rules in docs/assessment.md). The result
 * keeps Chinese and English side by side, so a frozen scorecard reads the same in either locale.
 */
import {
  GRADE_LABELS, METRICS, maxScore, round2,
  type AssessmentMetric, type Curve, type Deduction, type Grade, type Indicator, type RubricDefinition, type Text,
} from './assessment.rubric.js';

/** A record query and the filter to pass it: together, a score's drill selects the records behind it. */
export interface Drill {
  query: string;
  filter: Record<string, unknown>;
  /** What in the selected records counts, when the filter cannot say it exactly. */
  note?: Text | null;
}

/** One agency's figures for the year: a count missing from `values` is 0, a rate or mean is null. */
export interface AgencyFacts {
  id: number;
  name: Text;
  values: Partial<Record<AssessmentMetric, number | null>>;
  drills: Partial<Record<AssessmentMetric, Drill[]>>;
}

export interface ScoredIndicator {
  key: string;
  label: Text;
  metric: AssessmentMetric;
  value: number | null;
  points: number;
  maxPoints: number;
  lost: number;
  reason: Text | null;
  drills: Drill[];
}

export interface ScoredDeduction {
  key: string;
  label: Text;
  metric: AssessmentMetric;
  value: number | null;
  below: number;
  shortfall: number | null;
  /** Points deducted (≥ 0). */
  points: number;
  max: number;
  reason: Text | null;
  drills: Drill[];
}

export interface LostPoints {
  key: string;
  label: Text;
  lost: number;
  reason: Text;
}

export interface ScoredRow {
  agencyId: number;
  name: Text;
  indicators: ScoredIndicator[];
  deductions: ScoredDeduction[];
  subtotal: number;
  deducted: number;
  total: number;
  rank: number;
  grade: Grade;
  lostMost: LostPoints[];
}

export interface Notice {
  agencyId: number;
  reason: Text;
}

export interface ScoredYear {
  year: number;
  maxScore: number;
  rows: ScoredRow[];
  commended: Notice[];
  rectify: Notice[];
  reason: Text | null;
}

/** How many lost-points entries a row and a notice list. */
export const LOST_MOST = 3;

/** Share of the weight earned (0–1) by a value on a curve. */
export function curveShare(curve: Curve, v: number): number {
  switch (curve.type) {
    case 'LINEAR':
      return v <= curve.min ? 0 : v >= curve.max ? 1 : (v - curve.min) / (curve.max - curve.min);
    case 'STEP':
      return curve.steps.reduce((share, s) => (v >= s.atLeast ? s.share : share), 0);
    case 'TARGET':
      return Math.min(1, Math.max(0, v / curve.target));
  }
}

export function scoreYear(def: RubricDefinition, year: number, agencies: AgencyFacts[]): ScoredYear {
  const max = maxScore(def);
  const empty = (reason: Text): ScoredYear => ({ year, maxScore: max, rows: [], commended: [], rectify: [], reason });
  if (agencies.length === 0) {
    return empty({
      zh: `${year}年没有在册且有普法责任清单或执法职权的单位，无可考评`,
      en: `No agency was active in ${year} with a responsibility list or enforcement powers, so there is nobody to assess`,
    });
  }
  const metrics = [...def.indicators, ...def.deductions].map((x) => x.metric);
  if (!agencies.some((a) => metrics.some((m) => hasData(m, valueOf(a, m))))) {
    return empty({
      zh: `${year}年没有该考评细则所计指标的任何记录（${[...new Set(metrics)].map((m) => METRICS[m].label.zh).join('、')}），无可考评`,
      en: `Nothing the rubric measures was recorded in ${year} (${[...new Set(metrics)].map((m) => METRICS[m].label.en).join(', ')}), so there is nothing to score`,
    });
  }

  const unranked = agencies.map((a) => {
    const indicators = def.indicators.map((x) => scoreIndicator(x, a, year));
    const deductions = def.deductions.map((x) => applyDeduction(x, a, year));
    const subtotal = round2(indicators.reduce((s, x) => s + x.points, 0));
    const deducted = round2(deductions.reduce((s, x) => s + x.points, 0));
    const total = round2(Math.max(0, subtotal - deducted));
    const lost: (LostPoints & { order: number })[] = [
      ...indicators.map((x, order) => ({ key: x.key, label: x.label, lost: x.lost, reason: x.reason!, order })),
      ...deductions.map((x, i) => ({ key: x.key, label: x.label, lost: x.points, reason: x.reason!, order: indicators.length + i })),
    ].filter((x) => x.lost > 0);
    lost.sort((x, y) => y.lost - x.lost || x.order - y.order);
    const grade = def.grades.find((b) => b.minScore <= total)!.grade;
    return { agencyId: a.id, name: a.name, indicators, deductions, subtotal, deducted, total, grade, lostMost: lost.slice(0, LOST_MOST).map(({ order: _, ...x }) => x) };
  });
  // Competition ranking: ties share a rank and the next rank skips (1, 1, 3).
  const rows: ScoredRow[] = unranked.map((r) => ({ ...r, rank: 1 + unranked.filter((o) => o.total > r.total).length }));
  rows.sort((x, y) => x.rank - y.rank || x.name.zh.localeCompare(y.name.zh, 'zh-CN') || x.agencyId - y.agencyId);

  const commended = rows
    .filter((r) => def.commend.grades.includes(r.grade) && (def.commend.top === undefined || r.rank <= def.commend.top))
    .map((r) => ({ agencyId: r.agencyId, reason: commendReason(r, max) }));
  const rectify = rows
    .filter((r) => def.rectify.grades.includes(r.grade))
    .reverse()
    .map((r) => ({ agencyId: r.agencyId, reason: rectifyReason(r, max) }));
  return { year, maxScore: max, rows, commended, rectify, reason: null };
}

function valueOf(a: AgencyFacts, m: AssessmentMetric): number | null {
  const v = a.values[m];
  if (v === undefined) return METRICS[m].kind === 'count' ? 0 : null;
  return v === null || Number.isFinite(v) ? v : null;
}

/** A rate or mean of 0 is a figure; a count of 0 is no record at all. */
function hasData(m: AssessmentMetric, v: number | null): boolean {
  return v !== null && (METRICS[m].kind !== 'count' || v !== 0);
}

function scoreIndicator(x: Indicator, a: AgencyFacts, year: number): ScoredIndicator {
  const value = valueOf(a, x.metric);
  const maxPoints = round2(x.weight);
  const points = value === null ? 0 : round2(x.weight * curveShare(x.curve, value));
  const lost = round2(maxPoints - points);
  const base = { key: x.key, label: x.label, metric: x.metric, value, points, maxPoints, lost, drills: a.drills[x.metric] ?? [] };
  if (lost <= 0) return { ...base, reason: null };
  if (value === null) {
    const why = noData(x.metric, year);
    return { ...base, reason: { zh: `无数据（${why.zh}），得 0 分，失 ${pts(lost)} 分`, en: `No data (${why.en}): 0 of ${pts(maxPoints)} points` } };
  }
  return { ...base, reason: curveReason(x, value, points, maxPoints, lost) };
}

function curveReason(x: Indicator, v: number, p: number, w: number, lost: number): Text {
  const f = (n: number) => fmt(x.metric, n);
  const zh = (why: string) => `${x.label.zh}为${f(v)}，${why}，得 ${pts(p)} 分，失 ${pts(lost)} 分`;
  const en = (why: string) => `${x.label.en} ${f(v)} ${why}: ${pts(p)} of ${pts(w)} points`;
  const c = x.curve;
  switch (c.type) {
    case 'LINEAR':
      return v <= c.min
        ? { zh: zh(`未超过起评值${f(c.min)}`), en: en(`is not above ${f(c.min)}, where points start`) }
        : { zh: zh(`未达满分值${f(c.max)}`), en: en(`is below ${f(c.max)}, the value for full points`) };
    case 'STEP': {
      const reached = [...c.steps].reverse().find((s) => v >= s.atLeast);
      const next = c.steps.find((s) => s.share > (reached?.share ?? 0) && s.atLeast > v);
      if (!reached) return { zh: zh(`未达最低档（≥${f(c.steps[0]!.atLeast)}）`), en: en(`is below the lowest step (≥ ${f(c.steps[0]!.atLeast)})`) };
      const more = next ? { zh: `，达到≥${f(next.atLeast)}可得更高分`, en: `; ≥ ${f(next.atLeast)} earns more` } : { zh: '（已是最高档）', en: ' (the highest step)' };
      return {
        zh: zh(`达到≥${f(reached.atLeast)}档（计${pct(reached.share)}）${more.zh}`),
        en: en(`reaches the step ≥ ${f(reached.atLeast)} (${pct(reached.share)} of the weight)${more.en}`),
      };
    }
    case 'TARGET':
      return {
        zh: zh(`未达目标${f(c.target)}（完成${pct(Math.max(0, v / c.target))}）`),
        en: en(`is below the target ${f(c.target)} (${pct(Math.max(0, v / c.target))} reached)`),
      };
  }
}

function applyDeduction(x: Deduction, a: AgencyFacts, year: number): ScoredDeduction {
  const value = valueOf(a, x.metric);
  const base = { key: x.key, label: x.label, metric: x.metric, value, below: x.below, max: x.max, drills: a.drills[x.metric] ?? [] };
  if (value === null) {
    const why = noData(x.metric, year);
    return { ...base, shortfall: null, points: round2(x.max), reason: { zh: `无数据（${why.zh}），按上限扣 ${pts(x.max)} 分`, en: `No data (${why.en}): the full ${pts(x.max)} points deducted` } };
  }
  const shortfall = Math.max(0, x.below - value);
  const points = round2(Math.min(x.max, x.per * shortfall));
  if (points <= 0) return { ...base, shortfall, points: 0, reason: null };
  const f = (n: number) => fmt(x.metric, n);
  const capped = x.per * shortfall > x.max;
  const perUnit = METRICS[x.metric].kind === 'rate' ? '' : `，每差1扣${pts(x.per)}分`;
  return {
    ...base,
    shortfall,
    points,
    reason: {
      zh: `${x.label.zh}：${METRICS[x.metric].label.zh}为${f(value)}，低于${f(x.below)}，差${f(shortfall)}${perUnit}，扣 ${pts(points)} 分${capped ? `（上限${pts(x.max)}分）` : ''}`,
      en: `${x.label.en}: ${METRICS[x.metric].label.en} ${f(value)} is ${f(shortfall)} below ${f(x.below)}${perUnit ? `, ${pts(x.per)} per unit` : ''}: ${pts(points)} points deducted${capped ? ` (capped at ${pts(x.max)})` : ''}`,
    },
  };
}

function commendReason(r: ScoredRow, max: number): Text {
  const g = GRADE_LABELS[r.grade];
  return { zh: `总分 ${pts(r.total)}（满分 ${pts(max)}），第 ${r.rank} 名，考评等次${g.zh}`, en: `${pts(r.total)} of ${pts(max)} points, rank ${r.rank}, graded ${g.en}` };
}

function rectifyReason(r: ScoredRow, max: number): Text {
  const g = GRADE_LABELS[r.grade];
  const zhLost = r.lostMost.map((l) => `${l.label.zh}（−${pts(l.lost)}）`).join('、');
  const enLost = r.lostMost.map((l) => `${l.label.en} (−${pts(l.lost)})`).join(', ');
  return {
    zh: `总分 ${pts(r.total)}（满分 ${pts(max)}），第 ${r.rank} 名，考评等次${g.zh}${zhLost ? `；失分最多：${zhLost}` : ''}，予以通报并限期整改`,
    en: `${pts(r.total)} of ${pts(max)} points, rank ${r.rank}, graded ${g.en}${enLost ? `; most points lost: ${enLost}` : ''}; to be notified and to rectify within a deadline`,
  };
}

function noData(m: AssessmentMetric, year: number): Text {
  const t = METRICS[m].noData ?? { zh: '无记录', en: 'no records' };
  return { zh: t.zh.replace('{y}', String(year)), en: t.en.replace('{y}', String(year)) };
}

/** Points without trailing zeros: 6, 7.5, 0.25. */
function pts(n: number): string {
  return String(round2(n));
}

function pct(share: number): string {
  return `${Math.round(share * 1000) / 10}%`;
}

/** A metric's value as people read it: rates in percent, means with two decimals, counts as they are. */
export function fmt(m: AssessmentMetric, v: number): string {
  const kind = METRICS[m].kind;
  if (kind === 'rate') return pct(v);
  if (kind === 'mean') return v.toFixed(2);
  return String(round2(v));
}
