import { describe, expect, it } from 'vitest';
import { GraphQLError } from 'graphql';
import { DEFAULT_RUBRIC } from '../../db/migrations/Migration20261127205515.js';
import { maxScore, parseRubric, round2 } from './assessment.rubric.js';

const valid = () => ({
  indicators: [
    { key: 'list', label: { zh: '清单', en: 'List' }, metric: 'COVERAGE_COMPLETION', weight: 40, curve: { type: 'LINEAR', min: 0, max: 1 } },
    { key: 'acts', label: { zh: '活动', en: 'Activities' }, metric: 'ACTIVITY_COUNT', weight: 30, curve: { type: 'STEP', steps: [{ atLeast: 1, share: 0.5 }, { atLeast: 4, share: 1 }] } },
    { key: 'sat', label: { zh: '满意度', en: 'Satisfaction' }, metric: 'SATISFACTION_MEAN', weight: 30, curve: { type: 'TARGET', target: 4 } },
  ],
  deductions: [{ key: 'cases', label: { zh: '案例不足', en: 'Few cases' }, metric: 'CASE_COUNT', below: 4, per: 1.5, max: 4 }],
  grades: [{ grade: 'EXCELLENT', minScore: 85 }, { grade: 'PASS', minScore: 50 }, { grade: 'FAIL', minScore: 0 }],
  commend: { grades: ['EXCELLENT'], top: 3 },
  rectify: { grades: ['FAIL'] },
});

/** The problems of an invalid definition as "path: message" lines. */
function problems(def: unknown): string[] {
  try {
    parseRubric(def);
  } catch (err) {
    expect(err).toBeInstanceOf(GraphQLError);
    const e = err as GraphQLError;
    expect(e.extensions.code).toBe('BAD_USER_INPUT');
    return (e.extensions.problems as { path: (string | number)[]; message: string }[]).map((p) => `${p.path.join('.')}: ${p.message}`);
  }
  throw new Error('expected the definition to be refused');
}

describe('rubric definitions', () => {
  it('accept a well-formed definition and default the deductions to none', () => {
    const { deductions: _, ...noDeductions } = valid();
    expect(parseRubric(valid()).indicators).toHaveLength(3);
    expect(parseRubric(noDeductions).deductions).toEqual([]);
    expect(maxScore(parseRubric(valid()))).toBe(100);
  });

  it('the default rubric the migration installs is valid and worth 100 points', () => {
    expect(maxScore(parseRubric(DEFAULT_RUBRIC.definition))).toBe(100);
  });

  it('refuse each malformed part with its JSON path', () => {
    const d: any = valid();
    d.indicators[0].weight = 0;
    d.indicators[0].curve = { type: 'LINEAR', min: 1, max: 1 };
    d.indicators[1].curve.steps = [{ atLeast: 4, share: 1 }, { atLeast: 1, share: 0.5 }];
    d.indicators[2].metric = 'NOT_A_METRIC';
    d.indicators[2].weigth = 3;
    d.deductions[0].key = 'acts';
    d.deductions[0].per = -1;
    d.grades = [{ grade: 'PASS', minScore: 50 }, { grade: 'EXCELLENT', minScore: 85 }, { grade: 'FAIL', minScore: 10 }];
    d.commend.grades = ['GOOD'];
    d.rectify.grades = ['FAIL', 'FAIL'];
    expect(problems(d)).toEqual([
      'definition.indicators.0.weight: Too small: expected number to be >0',
      'definition.indicators.0.curve.max: max (1) must be greater than min (1)',
      'definition.indicators.1.curve.steps.1.atLeast: steps ascend: 1 must be greater than 4',
      'definition.indicators.1.curve.steps.1.share: a higher step never earns less: 0.5 is below 1',
      expect.stringMatching(/^definition\.indicators\.2\.metric: Invalid option/),
      'definition.indicators.2.weigth: unknown field "weigth"',
      'definition.deductions.0.per: Too small: expected number to be >0',
      'definition.grades.1.minScore: bands descend: 85 must be below 50',
      'definition.grades.1.grade: EXCELLENT cannot come after PASS: bands run EXCELLENT, GOOD, PASS, FAIL, each at most once',
      'definition.grades.2.minScore: the lowest band starts at 0, so every score has a grade',
    ]);
  });

  it('check what spans parts once the parts are well-formed', () => {
    const d: any = valid();
    d.deductions[0].key = 'acts';
    d.grades[0].minScore = 120;
    d.commend.grades = ['GOOD'];
    d.rectify.grades = ['FAIL', 'FAIL', 'EXCELLENT'];
    d.commend.grades = ['GOOD', 'EXCELLENT'];
    expect(problems(d)).toEqual([
      'definition.deductions.0.key: key "acts" is already used at indicators[1]',
      'definition.grades.0.minScore: 120 is above the most an agency can score (100, the sum of the weights)',
      'definition.commend.grades.0: GOOD is not one of the grade bands',
      'definition.rectify.grades.1: FAIL is listed twice',
      'definition.rectify.grades.2: EXCELLENT cannot be both commended and made to rectify',
    ]);
  });

  it('refuse what is not a rubric at all', () => {
    expect(problems('a rubric')).toEqual(['definition: Invalid input: expected object, received string']);
    expect(problems({})).toEqual([
      'definition.indicators: Invalid input: expected array, received undefined',
      'definition.grades: Invalid input: expected array, received undefined',
      'definition.commend: Invalid input: expected object, received undefined',
      'definition.rectify: Invalid input: expected object, received undefined',
    ]);
    const d: any = valid();
    d.indicators[0].curve = { type: 'CURVY' };
    d.indicators[1].weight = Number.POSITIVE_INFINITY;
    expect(problems(d)).toEqual([
      "definition.indicators.0.curve.type: Invalid discriminator value. Expected 'LINEAR' | 'STEP' | 'TARGET'",
      'definition.indicators.1.weight: Invalid input: expected number, received Infinity',
    ]);
  });

  it('round points half away from zero to hundredths', () => {
    expect([round2(7.125), round2(0.005), round2(2 / 3), round2(53.5)]).toEqual([7.13, 0.01, 0.67, 53.5]);
  });
});
