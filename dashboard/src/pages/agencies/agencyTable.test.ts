import { describe, expect, it } from 'vitest';
import { row } from '../../charts/testRows';
import { agencyRows, type AgencyTableInput } from './agencyTable';

const agencies = [
  { id: 'Agency:4', name: '市司法局', nameEn: 'Wuhai Justice Bureau', validFrom: '2016-01-01', validTo: null },
  { id: 'Agency:9', name: '市工商行政管理局', nameEn: null, validFrom: '2016-01-01', validTo: '2019-01-31' },
  { id: 'Agency:38', name: '乌海日报社', nameEn: 'Wuhai Daily', validFrom: '2016-01-01', validTo: null },
];
const drill = { from: '2025-01-01', to: '2025-12-31', itemIds: ['ResponsibilityItem:1'] };
const responses = { from: null, to: null, years: [2025], waveIds: null, districtIds: null };

const input: AgencyTableInput = {
  agencies,
  coverage: [{ agencyId: 'Agency:4', planned: 21, delivered: 18, completionCapped: 0.8571, coverageRate: 1, itemCount: 5, coveredItemCount: 5, drills: [drill] }],
  analytics: [
    row('AGENCY', 'Agency:4', '市司法局', { ACTIVITY_COUNT: 55, TRAINING_ATTENDANCE_RATE: 0.9 }),
    // A unit of another year's answer is ignored: it is not listed.
    row('AGENCY', 'Agency:9', '市工商行政管理局', { ACTIVITY_COUNT: 3, TRAINING_ATTENDANCE_RATE: null }),
  ],
  awareness: [{ unit: { id: 'Agency:4' }, n: 487, estimate: 0.8172, smallSample: false, drill: { responses } }],
  satisfaction: [{ unit: { id: 'Agency:4' }, n: 12, estimate: 4.39, smallSample: true, drill: { responses } }],
  scores: [{ agencyId: 'Agency:4', total: 82.93, rank: 1, grade: 'GOOD', gradeLabel: '良好' }],
};

describe('agencies table rows', () => {
  it('merges the figures of each unit that existed in the year', () => {
    const rows = agencyRows(input, 2025, 'zh-CN');
    expect(rows.map((r) => r.id)).toEqual(['Agency:4', 'Agency:38']);
    expect(rows[0]).toEqual({
      id: 'Agency:4',
      name: '市司法局',
      activities: 55,
      coverage: input.coverage[0],
      completion: 0.8571,
      coverageRate: 1,
      training: 0.9,
      awareness: { value: 0.8172, n: 487, smallSample: false, responses: { years: [2025] } },
      satisfaction: { value: 4.39, n: 12, smallSample: true, responses: { years: [2025] } },
      score: input.scores![0],
    });
  });

  it('shows what a unit did not do as 0 for counts and nothing for rates and scores', () => {
    const daily = agencyRows(input, 2025, 'en')[1]!;
    expect(daily).toEqual({
      id: 'Agency:38',
      name: 'Wuhai Daily',
      activities: 0,
      coverage: null,
      completion: null,
      coverageRate: null,
      training: null,
      awareness: null,
      satisfaction: null,
      score: null,
    });
  });

  it('leaves scores unknown while the scorecard is not known', () => {
    const rows = agencyRows({ ...input, scores: undefined }, 2025, 'zh-CN');
    expect(rows.every((r) => r.score === undefined)).toBe(true);
  });

  it('lists a unit merged away during the year in that year', () => {
    expect(agencyRows(input, 2019, 'zh-CN').map((r) => r.id)).toEqual(['Agency:4', 'Agency:9', 'Agency:38']);
    expect(agencyRows({ ...input, agencies: [] }, 2025, 'zh-CN')).toEqual([]);
  });
});
