import { describe, expect, it } from 'vitest';
import { parseRubric, type Curve } from './assessment.rubric.js';
import { curveShare, scoreYear, type AgencyFacts } from './assessment.score.js';

const rubric = parseRubric({
  indicators: [
    { key: 'list', label: { zh: '清单完成', en: 'List' }, metric: 'COVERAGE_COMPLETION', weight: 40, curve: { type: 'LINEAR', min: 0, max: 1 } },
    { key: 'acts', label: { zh: '活动场次', en: 'Activities' }, metric: 'ACTIVITY_COUNT', weight: 30, curve: { type: 'TARGET', target: 4 } },
    { key: 'sat', label: { zh: '满意度', en: 'Satisfaction' }, metric: 'SATISFACTION_MEAN', weight: 30, curve: { type: 'LINEAR', min: 3, max: 5 } },
  ],
  deductions: [{ key: 'few_cases', label: { zh: '案例不足', en: 'Few cases' }, metric: 'CASE_COUNT', below: 4, per: 1.5, max: 4 }],
  grades: [{ grade: 'EXCELLENT', minScore: 85 }, { grade: 'PASS', minScore: 50 }, { grade: 'FAIL', minScore: 0 }],
  commend: { grades: ['EXCELLENT'] },
  rectify: { grades: ['FAIL'] },
});

const agency = (id: number, zh: string, values: AgencyFacts['values']): AgencyFacts => ({ id, name: { zh, en: `A${id}` }, values, drills: {} });

describe('curves', () => {
  it('LINEAR: 0 up to min, the whole weight from max, linear between', () => {
    const c: Curve = { type: 'LINEAR', min: 3, max: 5 };
    expect([2, 3, 3.5, 4, 5, 6].map((v) => curveShare(c, v))).toEqual([0, 0, 0.25, 0.5, 1, 1]);
  });
  it('STEP: the share of the highest step reached, 0 below the first', () => {
    const c: Curve = { type: 'STEP', steps: [{ atLeast: 1, share: 0.5 }, { atLeast: 2, share: 0.8 }, { atLeast: 4, share: 1 }] };
    expect([0, 1, 1.9, 2, 3, 4, 9].map((v) => curveShare(c, v))).toEqual([0, 0.5, 0.5, 0.8, 0.8, 1, 1]);
  });
  it('TARGET: value ÷ target, at most 1', () => {
    const c: Curve = { type: 'TARGET', target: 4 };
    expect([0, 1, 3, 4, 8].map((v) => curveShare(c, v))).toEqual([0, 0.25, 0.75, 1, 1]);
  });
});

describe('scoring a year', () => {
  // The figures of assessment.fixture.ts (see assessment.test.ts for the arithmetic).
  const agencies = [
    agency(1, '市司法局', { COVERAGE_COMPLETION: 1, ACTIVITY_COUNT: 4, SATISFACTION_MEAN: 4.5, CASE_COUNT: 4 }),
    agency(2, '市市场监督管理局', { COVERAGE_COMPLETION: 0.5, ACTIVITY_COUNT: 3, SATISFACTION_MEAN: 4, CASE_COUNT: 1 }),
    agency(3, '市卫生健康委员会', { COVERAGE_COMPLETION: 1, ACTIVITY_COUNT: 2, SATISFACTION_MEAN: null, CASE_COUNT: 3 }),
    agency(4, '甲区城市管理综合执法局', { ACTIVITY_COUNT: 1, SATISFACTION_MEAN: 2 }),
  ];

  it('gives points, deductions, totals, tied ranks, grades and the two lists', () => {
    const s = scoreYear(rubric, 2023, agencies);
    expect(s.reason).toBeNull();
    expect(s.maxScore).toBe(100);
    expect(s.rows.map((r) => [r.agencyId, r.indicators.map((i) => i.points), r.deductions.map((d) => d.points), r.subtotal, r.total, r.rank, r.grade])).toEqual([
      [1, [40, 30, 22.5], [0], 92.5, 92.5, 1, 'EXCELLENT'],
      // A tie shares rank 2; inside it, by name: 市市场… (shi chang) before 市卫生… (shi wei).
      [2, [20, 22.5, 15], [4], 57.5, 53.5, 2, 'PASS'],
      [3, [40, 15, 0], [1.5], 55, 53.5, 2, 'PASS'],
      [4, [0, 7.5, 0], [4], 7.5, 3.5, 4, 'FAIL'],
    ]);
    expect(s.commended.map((n) => n.agencyId)).toEqual([1]);
    expect(s.rectify.map((n) => n.agencyId)).toEqual([4]);
    const a4 = s.rows.find((r) => r.agencyId === 4)!;
    expect(a4.lostMost.map((l) => [l.key, l.lost])).toEqual([['list', 40], ['sat', 30], ['acts', 22.5]]);
    expect(a4.indicators[0]!.reason).toEqual({ zh: '无数据（2023年无普法责任清单事项），得 0 分，失 40 分', en: 'No data (no responsibility-list items for 2023): 0 of 40 points' });
    expect(a4.indicators[2]!.reason!.zh).toBe('满意度为2.00，未超过起评值3.00，得 0 分，失 30 分');
    expect(a4.deductions[0]!.reason!.en).toBe('Few cases: Published cases 0 is 4 below 4, 1.5 per unit: 4 points deducted (capped at 4)');
    expect(s.rectify[0]!.reason.zh).toBe('总分 3.5（满分 100），第 4 名，考评等次不合格；失分最多：清单完成（−40）、满意度（−30）、活动场次（−22.5），予以通报并限期整改');
    const a2 = s.rows.find((r) => r.agencyId === 2)!;
    expect(a2.indicators[1]!.reason!.zh).toBe('活动场次为3，未达目标4（完成75%），得 22.5 分，失 7.5 分');
    expect(a2.deductions[0]!.reason!.zh).toBe('案例不足：发布典型案例件数为1，低于4，差3，每差1扣1.5分，扣 4 分（上限4分）');
    expect(s.rows[0]!.indicators.map((i) => i.reason)).toEqual([null, null, expect.objectContaining({ en: 'Satisfaction 4.50 is below 5.00, the value for full points: 22.5 of 30 points' })]);
  });

  it('a deduction without data takes its cap; totals never go below 0', () => {
    const r = parseRubric({ ...rubric, deductions: [{ key: 'sat_low', label: { zh: '满意度低', en: 'Low satisfaction' }, metric: 'SATISFACTION_MEAN', below: 3, per: 10, max: 50 }] });
    const s = scoreYear(r, 2023, [agency(1, '甲', { ACTIVITY_COUNT: 1, SATISFACTION_MEAN: null }), agency(2, '乙', { ACTIVITY_COUNT: 4, SATISFACTION_MEAN: 2.5 })]);
    expect(s.rows.map((x) => [x.agencyId, x.subtotal, x.deducted, x.total, x.rank])).toEqual([[2, 30, 5, 25, 1], [1, 7.5, 50, 0, 2]]);
  });

  it('an empty year is an empty list with a reason, never NaN', () => {
    expect(scoreYear(rubric, 2030, []).reason?.en).toMatch(/^No agency was active in 2030/);
    const s = scoreYear(rubric, 2030, [agency(1, '甲', {}), agency(2, '乙', { COVERAGE_COMPLETION: null, SATISFACTION_MEAN: null })]);
    expect(s.rows).toEqual([]);
    expect(s.reason?.zh).toBe('2030年没有该考评细则所计指标的任何记录（责任清单完成率、普法活动场次、群众满意度、发布典型案例件数），无可考评');
  });

  it('commends only the top ranks when `top` is set, ties at the cut included', () => {
    const r = parseRubric({ ...rubric, commend: { grades: ['EXCELLENT', 'PASS'], top: 2 } });
    const s = scoreYear(r, 2023, agencies);
    expect(s.commended.map((n) => n.agencyId).sort()).toEqual([1, 2, 3]);
  });
});
