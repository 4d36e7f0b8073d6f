import { describe, expect, it } from 'vitest';
import { canReadScorecards } from '../../app/roles';
import type { RecordDrill, ScorecardRow } from './assessment.queries';
import {
  assessmentYear,
  changedSinceFreeze,
  describeFilter,
  drillTarget,
  frozenFigures,
  queryName,
  radarData,
} from './scorecard';
import { withSearchParam } from './searchParam';

const entry = (query: string, filter: Record<string, unknown>, note: string | null = null): RecordDrill => ({ query, filter, note });

function row(agencyId: string, label: string, points: [number, number, number], total: number, rank: number): ScorecardRow {
  const keys = [
    ['list', '清单完成', 40],
    ['acts', '活动场次', 30],
    ['sat', '满意度', 30],
  ] as const;
  return {
    agencyId,
    label,
    rank,
    total,
    subtotal: total,
    deducted: 0,
    grade: 'PASS',
    gradeLabel: '合格',
    indicators: keys.map(([key, name, max], i) => ({
      key,
      label: name,
      metric: 'ACTIVITY_COUNT',
      value: null,
      points: points[i]!,
      maxPoints: max,
      lost: max - points[i]!,
      noData: false,
      reason: null,
      drill: [],
    })),
    deductions: [],
  };
}

// docs/assessment.md worked example, 2023.
const J = row('Agency:1', 'J 市司法局', [40, 30, 22.5], 92.5, 1);
const M = row('Agency:2', 'M 市市场监督管理局', [20, 22.5, 15], 53.5, 2);
const H = row('Agency:3', 'H 市卫生健康委员会', [40, 15, 0], 53.5, 2);
const U = row('Agency:4', 'U 甲区城管局', [0, 7.5, 0], 3.5, 4);

describe('scorecard helpers', () => {
  it('assesses the period’s year, or the year a custom range ends in', () => {
    expect(assessmentYear({ kind: 'year', year: 2023 })).toBe(2023);
    expect(assessmentYear({ kind: 'range', from: '2023-07-01', to: '2024-06-30' })).toBe(2024);
  });

  it('lists activities, slots and responses in the drawer', () => {
    expect(drillTarget([entry('activities', { agencyIds: ['Agency:4'], from: '2025-01-01', to: '2025-12-31' }, '主办或协办的活动均计入')])).toEqual({
      kind: 'records',
      source: { kind: 'activities', filters: [{ agencyIds: ['Agency:4'], from: '2025-01-01', to: '2025-12-31' }] },
    });
    expect(
      drillTarget([entry('broadcastSlots', { agencyIds: ['Agency:4'], from: '2025-01-01', to: '2025-12-31', kinds: ['PUBLIC_SERVICE_AD'] })]),
    ).toEqual({
      kind: 'records',
      source: {
        kind: 'broadcastSlots',
        filters: [{ from: '2025-01-01', to: '2025-12-31', agencyIds: ['Agency:4'], kinds: ['PUBLIC_SERVICE_AD'] }],
      },
    });
    expect(drillTarget([entry('surveyResponses', { years: [2025] })])).toEqual({
      kind: 'records',
      source: { kind: 'surveyResponses', filters: [{ years: [2025] }] },
    });
  });

  it('lists the activities a list completion counts, one item window at a time', () => {
    const target = drillTarget([
      entry('coverage', { years: [2025], agencyIds: ['Agency:4'] }),
      entry('activities', { from: '2025-02-01', to: '2025-11-30', itemIds: ['ResponsibilityItem:482'] }),
      entry('activities', { from: '2025-03-01', to: '2025-06-30', itemIds: ['ResponsibilityItem:484'] }),
    ]);
    expect(target).toEqual({
      kind: 'records',
      source: {
        kind: 'activities',
        filters: [
          { from: '2025-02-01', to: '2025-11-30', itemIds: ['ResponsibilityItem:482'] },
          { from: '2025-03-01', to: '2025-06-30', itemIds: ['ResponsibilityItem:484'] },
        ],
      },
    });
    // Without activity windows: the agency's list items.
    expect(drillTarget([entry('coverage', { years: [2025], agencyIds: ['Agency:4'] })])).toEqual({
      kind: 'records',
      source: { kind: 'responsibilityItems', filters: [{ years: [2025], agencyIds: ['Agency:4'] }] },
    });
  });

  it('puts cases and training attendance in words, and has nothing for no drill', () => {
    const cases = [entry('cases', { agencyIds: ['Agency:4'], published: true }, '计入其中发布日期在 2025 年的案例')];
    expect(drillTarget(cases)).toEqual({ kind: 'words', entries: cases });
    expect(drillTarget([])).toEqual({ kind: 'none' });
  });

  it('writes a filter in words', () => {
    const names = new Map([['Agency:4', '市司法局']]);
    expect(describeFilter(entry('cases', { agencyIds: ['Agency:4'], published: true }), names, 'zh-CN')).toEqual([
      '单位：市司法局',
      '仅已发布的',
    ]);
    expect(
      describeFilter(
        entry('trainingAttendance', { agencyIds: ['Agency:9'], sessionIds: ['TrainingSession:44', 'TrainingSession:45'], leadingCadre: true }),
        names,
        'en',
      ),
    ).toEqual(['Agency: Agency:9', 'Training sessions: 2', 'Leading cadres only']);
    expect(describeFilter(entry('activities', { from: '2025-01-01', to: '2025-12-31', years: [2025], odd: [1, 2] }), names, 'zh-CN')).toEqual([
      '时段：2025年1月1日 – 2025年12月31日',
      '年度：2025年',
      'odd: 1；2',
    ]);
    expect(describeFilter(entry('cases', { to: '2025-12-31' }), names, 'en')).toEqual(['Until Dec 31, 2025']);
    expect(queryName('trainingAttendance', 'zh-CN')).toBe('培训参训记录');
    expect(queryName('somethingNew', 'en')).toBe('somethingNew');
  });

  it('puts an agency on the radar against the median of every agency', () => {
    const data = radarData([J, M, H, U], 'Agency:2', true, 't')!;
    expect(data.agency).toEqual({ label: 'M 市市场监督管理局', points: [20, 22.5, 15] });
    expect(data.indicators.map((i) => [i.key, i.maxPoints])).toEqual([
      ['list', 40],
      ['acts', 30],
      ['sat', 30],
    ]);
    // list 1, .5, 1, 0 → .75; acts 1, .75, .5, .25 → .625; sat .75, .5, 0, 0 → .25.
    expect(data.median).toEqual([0.75, 0.625, 0.25]);
    expect(radarData([J, M, H, U], 'Agency:2', false, 't')!.median).toBeNull();
    expect(radarData([M], 'Agency:2', true, 't')!.median).toBeNull();
    expect(radarData([J], 'Agency:9', true, 't')).toBeNull();
  });

  it('sets the frozen figures beside the live ones and counts what changed', () => {
    // After the freeze, U and M gain points (docs/assessment.md): U 11, M 54.5 rank 2, H rank 3.
    const liveU = { ...U, total: 11 };
    const liveM = { ...M, total: 54.5 };
    const liveH = { ...H, rank: 3 };
    expect(frozenFigures([J, M]).get('Agency:2')).toEqual({ total: 53.5, rank: 2, gradeLabel: '合格' });
    expect(changedSinceFreeze([J, M, H, U], [J, liveM, liveH, liveU])).toBe(3);
    expect(changedSinceFreeze([J, M, H, U], [J, M, H, U])).toBe(0);
    expect(changedSinceFreeze([J], [J, M])).toBe(1);
  });

  it('lets readers of every unit and agency reporters read scorecards', () => {
    expect(['ADMIN', 'DISTRICT_ADMIN', 'LEADER', 'INSPECTOR', 'AGENCY_REPORTER'].every(canReadScorecards)).toBe(true);
    expect([null, 'MEDIA_PARTNER', 'SURVEY_OPERATOR', 'SOMEONE'].some(canReadScorecards)).toBe(false);
  });

  it('keeps the page’s own parameter beside the filters', () => {
    expect(withSearchParam('/assessment', '?year=2024&lang=zh', 'rubric', '2021版')).toBe(
      '/assessment?year=2024&lang=zh&rubric=2021%E7%89%88',
    );
    expect(withSearchParam('/assessment', '?rubric=a&lang=en', 'rubric', null)).toBe('/assessment?lang=en');
    expect(withSearchParam('/assessment', '', 'rubric', '')).toBe('/assessment');
  });
});
