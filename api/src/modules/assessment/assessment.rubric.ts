/**
 * The rubric format (docs/assessment.md, "Rubric format"): the metrics a rubric may name, and the
 * strict validation of a definition, with the JSON path of every problem.
 */
import { z } from 'zod';
import { badInput, type FieldProblem } from '../../shared/errors.js';

/** Chinese and English text side by side: stored scorecards keep both, a query picks one. */
export interface Text {
  zh: string;
  en: string;
}

export enum AssessmentMetric {
  COVERAGE_COMPLETION = 'COVERAGE_COMPLETION',
  COVERAGE_RATE = 'COVERAGE_RATE',
  ACTIVITY_COUNT = 'ACTIVITY_COUNT',
  PARTICIPANTS = 'PARTICIPANTS',
  MATERIALS_DISTRIBUTED = 'MATERIALS_DISTRIBUTED',
  CONSULTATIONS = 'CONSULTATIONS',
  ONLINE_VIEWS = 'ONLINE_VIEWS',
  BROADCAST_COUNT = 'BROADCAST_COUNT',
  BROADCAST_MINUTES = 'BROADCAST_MINUTES',
  PUBLIC_SERVICE_ADS = 'PUBLIC_SERVICE_ADS',
  CASE_COUNT = 'CASE_COUNT',
  TRAINING_ATTENDANCE_RATE = 'TRAINING_ATTENDANCE_RATE',
  LEADING_CADRE_ATTENDANCE_RATE = 'LEADING_CADRE_ATTENDANCE_RATE',
  TRAINING_PASS_RATE = 'TRAINING_PASS_RATE',
  TRAINING_HOURS = 'TRAINING_HOURS',
  AWARENESS_RATE = 'AWARENESS_RATE',
  SATISFACTION_MEAN = 'SATISFACTION_MEAN',
}

export type MetricSource = 'coverage' | 'analytics' | 'awareness' | 'satisfaction';

export interface MetricDef {
  /** Which service answers it: coverage, the analytics measure of the same name, or survey results. */
  source: MetricSource;
  /** A count is 0 without records; a rate (0–1) or mean (1–5) is null ("no data"). */
  kind: 'count' | 'rate' | 'mean';
  label: Text;
  /** Why the value is null, for the year {y}. */
  noData?: Text;
}

const TRAINING_NO_DATA: Text = { zh: '{y}年无应参训记录', en: 'nobody was required to attend training in {y}' };

export const METRICS: Record<AssessmentMetric, MetricDef> = {
  COVERAGE_COMPLETION: {
    source: 'coverage', kind: 'rate', label: { zh: '责任清单完成率', en: 'List completion' },
    noData: { zh: '{y}年无普法责任清单事项', en: 'no responsibility-list items for {y}' },
  },
  COVERAGE_RATE: {
    source: 'coverage', kind: 'rate', label: { zh: '清单事项覆盖率', en: 'Items covered' },
    noData: { zh: '{y}年无普法责任清单事项', en: 'no responsibility-list items for {y}' },
  },
  ACTIVITY_COUNT: { source: 'analytics', kind: 'count', label: { zh: '普法活动场次', en: 'Activities' } },
  PARTICIPANTS: { source: 'analytics', kind: 'count', label: { zh: '参与人次', en: 'Participants' } },
  MATERIALS_DISTRIBUTED: { source: 'analytics', kind: 'count', label: { zh: '发放资料份数', en: 'Materials handed out' } },
  CONSULTATIONS: { source: 'analytics', kind: 'count', label: { zh: '解答咨询人次', en: 'Consultations' } },
  ONLINE_VIEWS: { source: 'analytics', kind: 'count', label: { zh: '网络浏览次数', en: 'Online views' } },
  BROADCAST_COUNT: { source: 'analytics', kind: 'count', label: { zh: '媒体刊播次数', en: 'Broadcast slots' } },
  BROADCAST_MINUTES: { source: 'analytics', kind: 'count', label: { zh: '媒体刊播分钟数', en: 'Broadcast minutes' } },
  PUBLIC_SERVICE_ADS: { source: 'analytics', kind: 'count', label: { zh: '公益广告次数', en: 'Public-service ads' } },
  CASE_COUNT: { source: 'analytics', kind: 'count', label: { zh: '发布典型案例件数', en: 'Published cases' } },
  TRAINING_ATTENDANCE_RATE: { source: 'analytics', kind: 'rate', label: { zh: '培训参训率', en: 'Training attendance' }, noData: TRAINING_NO_DATA },
  LEADING_CADRE_ATTENDANCE_RATE: {
    source: 'analytics', kind: 'rate', label: { zh: '领导干部学法参学率', en: 'Leading cadres’ attendance' },
    noData: { zh: '{y}年无领导干部应参学记录', en: 'no leading cadre was required to attend in {y}' },
  },
  TRAINING_PASS_RATE: {
    source: 'analytics', kind: 'rate', label: { zh: '培训考试合格率', en: 'Training pass rate' },
    noData: { zh: '{y}年无培训考试成绩', en: 'no exam scores in {y}' },
  },
  TRAINING_HOURS: { source: 'analytics', kind: 'count', label: { zh: '培训学时', en: 'Training hours' } },
  AWARENESS_RATE: {
    source: 'awareness', kind: 'rate', label: { zh: '群众知晓率', en: 'Public awareness' },
    noData: { zh: '{y}年无涉及其执法领域法律的知晓率答卷', en: 'no awareness answers in {y} on the laws of its domains' },
  },
  SATISFACTION_MEAN: {
    source: 'satisfaction', kind: 'mean', label: { zh: '群众满意度', en: 'Public satisfaction' },
    noData: { zh: '{y}年无对其普法工作的满意度答卷', en: 'no satisfaction answers about it in {y}' },
  },
};

export const GRADES = ['EXCELLENT', 'GOOD', 'PASS', 'FAIL'] as const;
export type Grade = (typeof GRADES)[number];
export const GRADE_LABELS: Record<Grade, Text> = {
  EXCELLENT: { zh: '优秀', en: 'Excellent' },
  GOOD: { zh: '良好', en: 'Good' },
  PASS: { zh: '合格', en: 'Pass' },
  FAIL: { zh: '不合格', en: 'Fail' },
};

const num = z.number();
const text = z.strictObject({ zh: z.string().trim().min(1).max(100), en: z.string().trim().min(1).max(100) });
const key = z.string().regex(/^[A-Za-z][A-Za-z0-9_]{0,39}$/, 'a key is 1–40 letters, digits or underscores, starting with a letter');
const metric = z.enum(Object.values(AssessmentMetric) as [AssessmentMetric, ...AssessmentMetric[]]);
const grade = z.enum(GRADES);

const curve = z.discriminatedUnion('type', [
  z.strictObject({ type: z.literal('LINEAR'), min: num, max: num }).superRefine((c, ctx) => {
    if (c.min >= c.max) ctx.addIssue({ code: 'custom', path: ['max'], message: `max (${c.max}) must be greater than min (${c.min})` });
  }),
  z.strictObject({
    type: z.literal('STEP'),
    steps: z.array(z.strictObject({ atLeast: num, share: num.min(0).max(1) })).min(1).max(20),
  }).superRefine((c, ctx) => {
    c.steps.forEach((s, i) => {
      const prev = c.steps[i - 1];
      if (!prev) return;
      if (s.atLeast <= prev.atLeast) ctx.addIssue({ code: 'custom', path: ['steps', i, 'atLeast'], message: `steps ascend: ${s.atLeast} must be greater than ${prev.atLeast}` });
      if (s.share < prev.share) ctx.addIssue({ code: 'custom', path: ['steps', i, 'share'], message: `a higher step never earns less: ${s.share} is below ${prev.share}` });
    });
  }),
  z.strictObject({ type: z.literal('TARGET'), target: num.positive() }),
]);

const indicator = z.strictObject({ key, label: text, metric, weight: num.positive().max(1000), curve });
const deduction = z.strictObject({ key, label: text, metric, below: num, per: num.positive(), max: num.positive() });
const band = z.strictObject({ grade, minScore: num.min(0) });

const definition = z
  .strictObject({
    indicators: z.array(indicator).min(1).max(50),
    deductions: z.array(deduction).max(50).default([]),
    grades: z.array(band).min(1).max(4).superRefine((bands, ctx) => {
      bands.forEach((b, i) => {
        const prev = bands[i - 1];
        if (prev && b.minScore >= prev.minScore) ctx.addIssue({ code: 'custom', path: [i, 'minScore'], message: `bands descend: ${b.minScore} must be below ${prev.minScore}` });
        if (prev && GRADES.indexOf(b.grade) <= GRADES.indexOf(prev.grade)) {
          ctx.addIssue({ code: 'custom', path: [i, 'grade'], message: `${b.grade} cannot come after ${prev.grade}: bands run EXCELLENT, GOOD, PASS, FAIL, each at most once` });
        }
      });
      const last = bands[bands.length - 1];
      if (last && last.minScore !== 0) ctx.addIssue({ code: 'custom', path: [bands.length - 1, 'minScore'], message: 'the lowest band starts at 0, so every score has a grade' });
    }),
    commend: z.strictObject({ grades: z.array(grade).max(4), top: z.int().min(1).max(1000).optional() }),
    rectify: z.strictObject({ grades: z.array(grade).max(4) }),
  })
  .superRefine((d, ctx) => {
    const keys = new Map<string, (string | number)[]>();
    const unique = (k: string, path: (string | number)[]) => {
      const first = keys.get(k);
      if (first) ctx.addIssue({ code: 'custom', path: [...path, 'key'], message: `key "${k}" is already used at ${pathText(first)}` });
      else keys.set(k, path);
    };
    d.indicators.forEach((x, i) => unique(x.key, ['indicators', i]));
    d.deductions.forEach((x, i) => unique(x.key, ['deductions', i]));
    const total = d.indicators.reduce((s, x) => s + x.weight, 0);
    const top = d.grades[0];
    if (top && top.minScore > total) ctx.addIssue({ code: 'custom', path: ['grades', 0, 'minScore'], message: `${top.minScore} is above the most an agency can score (${total}, the sum of the weights)` });
    const banded = new Set(d.grades.map((b) => b.grade));
    for (const list of ['commend', 'rectify'] as const) {
      d[list].grades.forEach((g, i) => {
        if (!banded.has(g)) ctx.addIssue({ code: 'custom', path: [list, 'grades', i], message: `${g} is not one of the grade bands` });
        if (d[list].grades.indexOf(g) !== i) ctx.addIssue({ code: 'custom', path: [list, 'grades', i], message: `${g} is listed twice` });
      });
    }
    d.rectify.grades.forEach((g, i) => {
      if (d.commend.grades.includes(g)) ctx.addIssue({ code: 'custom', path: ['rectify', 'grades', i], message: `${g} cannot be both commended and made to rectify` });
    });
  });

export type RubricDefinition = z.output<typeof definition>;
export type Indicator = RubricDefinition['indicators'][number];
export type Deduction = RubricDefinition['deductions'][number];
export type Curve = Indicator['curve'];

function pathText(path: readonly PropertyKey[]): string {
  return path.map((p, i) => (typeof p === 'number' ? `[${p}]` : `${i ? '.' : ''}${String(p)}`)).join('');
}

/**
 * The definition, parsed; or BAD_USER_INPUT listing every problem with its path, which starts
 * with `at` (the argument's name). Unknown fields are problems too: a typo must not pass silently.
 */
export function parseRubric(input: unknown, at: (string | number)[] = ['definition']): RubricDefinition {
  const res = definition.safeParse(input);
  if (res.success) return res.data;
  const problems: FieldProblem[] = res.error.issues.flatMap((issue) => {
    const path = issue.path.filter((p): p is string | number => typeof p !== 'symbol');
    if (issue.code === 'unrecognized_keys') return issue.keys.map((k) => ({ path: [...at, ...path, k], message: `unknown field "${k}"` }));
    return [{ path: [...at, ...path], message: issue.message }];
  });
  const list = problems.slice(0, 5).map((p) => `${pathText(p.path)}: ${p.message}`).join('; ');
  throw badInput(`The rubric is not valid (${problems.length} problem${problems.length === 1 ? '' : 's'}, see docs/assessment.md): ${list}${problems.length > 5 ? '; …' : ''}`, problems);
}

/** The most an agency can score: the sum of the weights. */
export function maxScore(d: RubricDefinition): number {
  return round2(d.indicators.reduce((s, x) => s + x.weight, 0));
}

/** Half away from zero, to hundredths: every points figure a scorecard shows. */
export function round2(x: number): number {
  return Math.sign(x) * Math.round(Math.abs(x) * 100 + 1e-9) / 100;
}
