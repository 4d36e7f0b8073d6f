import { describe, expect, it } from 'vitest';
import { compareHref, snapshotTable } from './snapshotTables';

// Trimmed answers as the hub stores them (api/src/modules/inspections/snapshot.service.ts).
const scorecardAnswer = {
  year: 2024,
  rubricVersion: '2021版',
  rows: [
    { agencyId: 'Agency:5', label: '市公安局', total: 61.5, rank: 2, grade: 'PASS', gradeLabel: '合格', indicators: [] },
    { agencyId: 'Agency:4', label: '市司法局', total: 83.93, rank: 1, grade: 'GOOD', gradeLabel: '良好', indicators: [] },
    { agencyId: 'Agency:9', label: '市卫生健康委员会', total: 0, rank: 3, grade: 'FAIL', gradeLabel: '不合格' },
  ],
};

const coverageAnswer = {
  agencies: [
    { agencyId: 'Agency:5', label: '市公安局', itemCount: 5, coveredItemCount: 5, planned: 14, delivered: 14, deliveredCapped: 13, completionCapped: 0.9285714285714286 },
    { agencyId: 'Agency:4', label: '市司法局', itemCount: 2, coveredItemCount: 1, planned: 4, delivered: 1, deliveredCapped: 1 },
  ],
  totals: { agencyCount: 2 },
};

const overlapAnswer = [
  {
    domain: { id: 'EnforcementDomain:6', name: '自然资源' },
    holders: [
      { agency: { id: 'Agency:18', name: '市自然资源局' }, activityCount: 3 },
      { agency: { id: 'Agency:28', name: '市林业和草原局' }, activityCount: 0 },
    ],
    activityCount: 3,
    flags: [{ kind: 'UNREACHED_DISTRICT', message: '2024年，自然资源领域的执法单位在海勃湾区没有开展普法活动。' }],
  },
  { domain: { id: 'EnforcementDomain:1', name: '食品安全' }, holders: [], activityCount: 7, flags: [] },
];

describe('snapshot tables', () => {
  it('lists a scorecard by rank with total and grade, marking the units visited', () => {
    expect(snapshotTable('SCORECARD', { year: 2024, rubricVersion: '2021版' }, scorecardAnswer, ['Agency:5'])).toEqual({
      kind: 'SCORECARD',
      year: 2024,
      rubricVersion: '2021版',
      rows: [
        { agencyId: 'Agency:4', unit: '市司法局', total: 83.93, rank: 1, grade: 'GOOD', gradeLabel: '良好', visited: false },
        { agencyId: 'Agency:5', unit: '市公安局', total: 61.5, rank: 2, grade: 'PASS', gradeLabel: '合格', visited: true },
        { agencyId: 'Agency:9', unit: '市卫生健康委员会', total: 0, rank: 3, grade: 'FAIL', gradeLabel: '不合格', visited: false },
      ],
    });
  });

  it("lists coverage per unit, computing completion when the hub's rate is absent", () => {
    const table = snapshotTable('COVERAGE', { filter: { years: [2024] } }, coverageAnswer, ['Agency:4']);
    expect(table).toEqual({
      kind: 'COVERAGE',
      rows: [
        { agencyId: 'Agency:5', unit: '市公安局', items: 5, covered: 5, planned: 14, delivered: 14, completion: 0.9285714285714286, visited: false },
        { agencyId: 'Agency:4', unit: '市司法局', items: 2, covered: 1, planned: 4, delivered: 1, completion: 0.25, visited: true },
      ],
    });
  });

  it('lists overlap domains with their holders and flags', () => {
    expect(snapshotTable('OVERLAP_GAPS', { filter: { years: [2024] } }, overlapAnswer, [])).toEqual({
      kind: 'OVERLAP_GAPS',
      rows: [
        { domainId: 'EnforcementDomain:6', domain: '自然资源', holders: ['市自然资源局', '市林业和草原局'], activityCount: 3, flags: ['2024年，自然资源领域的执法单位在海勃湾区没有开展普法活动。'] },
        { domainId: 'EnforcementDomain:1', domain: '食品安全', holders: [], activityCount: 7, flags: [] },
      ],
    });
  });

  it('reads malformed answers as empty rows, and unknown kinds as nothing', () => {
    expect(snapshotTable('SCORECARD', null, 'oops', [])).toEqual({ kind: 'SCORECARD', year: null, rubricVersion: null, rows: [] });
    expect(snapshotTable('COVERAGE', {}, { agencies: [{ label: 5 }] }, [])).toMatchObject({ rows: [{ unit: '', items: null, completion: null }] });
    expect(snapshotTable('SOMETHING', {}, {}, [])).toBeNull();
  });
});

describe('the same question asked now', () => {
  it('opens the assessment of the year and rubric', () => {
    expect(compareHref('SCORECARD', { year: 2024, rubricVersion: '2021版' }, 'zh')).toBe('/assessment?year=2024&rubric=2021%E7%89%88&lang=zh');
  });

  it("opens one agency's page for its coverage, else the agencies", () => {
    expect(compareHref('COVERAGE', { filter: { years: [2023, 2024], agencyIds: ['Agency:4'] } }, 'en')).toBe('/agencies/4?year=2024&lang=en');
    expect(compareHref('COVERAGE', { filter: { from: '2024-01-01', to: '2024-06-30', agencyIds: ['Agency:4', 'Agency:5'] } }, 'zh')).toBe(
      '/agencies?from=2024-01-01&to=2024-06-30&lang=zh',
    );
  });

  it('opens the overlap view of the period and the one domain', () => {
    expect(compareHref('OVERLAP_GAPS', { filter: { years: [2023], domainIds: ['EnforcementDomain:1'] } }, 'zh')).toBe(
      '/overlaps?year=2023&domain=EnforcementDomain%3A1&lang=zh',
    );
    expect(compareHref('OVERLAP_GAPS', { filter: { years: [2023] } }, 'zh')).toBe('/overlaps?year=2023&lang=zh');
    expect(compareHref('SCORECARD', {}, 'zh')).toBeNull();
  });
});
