import { describe, expect, it } from 'vitest';
import type { AnalyticsRow } from '../../app/api-types';
import { row } from '../../charts/testRows';
import { agencyItems, attendanceMatrix, kindItems, lowestLeadingCadres, trainingFigures, trainingFilter } from './trainingData';

function pair(agency: string, label: string, kind: string, kindLabel: string, rate: number | null): AnalyticsRow {
  return {
    keys: [
      { dimension: 'AGENCY', value: agency, label },
      { dimension: 'SESSION_KIND', value: kind, label: kindLabel },
    ],
    values: [{ measure: 'TRAINING_ATTENDANCE_RATE', value: rate }],
  };
}

// The worked example of docs/metrics.md: agency 1 attended 2 of 3 required, agency 2 0 of 2,
// agency 3 had one attendee who was not required.
const agencyRows = [
  row('AGENCY', 'Agency:1', '市司法局', { TRAINING_REQUIRED: 3, TRAINING_ATTENDED: 2, TRAINING_ATTENDANCE_RATE: 2 / 3, LEADING_CADRE_ATTENDANCE_RATE: 1, TRAINING_HOURS: 6, TRAINING_PASS_RATE: 1 }),
  row('AGENCY', 'Agency:2', '市公安局', { TRAINING_REQUIRED: 2, TRAINING_ATTENDED: 0, TRAINING_ATTENDANCE_RATE: 0, LEADING_CADRE_ATTENDANCE_RATE: 0, TRAINING_HOURS: 0, TRAINING_PASS_RATE: null }),
  row('AGENCY', 'Agency:3', '市教育局', { TRAINING_REQUIRED: 0, TRAINING_ATTENDED: 0, TRAINING_ATTENDANCE_RATE: null, LEADING_CADRE_ATTENDANCE_RATE: null, TRAINING_HOURS: 1.5, TRAINING_PASS_RATE: null }),
];

describe('training data', () => {
  it('drops the domain (sessions have none) and keeps period, district and agency', () => {
    expect(
      trainingFilter({ period: { kind: 'year', year: 2025 }, district: 'Region:2', domain: 'EnforcementDomain:3', agency: 'Agency:4' }),
    ).toEqual({ from: '2025-01-01', to: '2025-12-31', regionIds: ['Region:2'], agencyIds: ['Agency:4'] });
  });

  it('reads the figures, with rates over nothing as null and counts over nothing as 0', () => {
    expect(trainingFigures([{ measure: 'TRAINING_ATTENDANCE_RATE', value: 0.4 }])).toEqual({
      required: 0,
      attended: 0,
      rate: 0.4,
      leadingRate: null,
      hours: 0,
      passRate: null,
    });
    expect(agencyItems(agencyRows).map((a) => [a.id, a.required, a.attended, a.rate, a.hours])).toEqual([
      ['Agency:1', 3, 2, 2 / 3, 6],
      ['Agency:2', 2, 0, 0, 0],
      ['Agency:3', 0, 0, null, 1.5],
    ]);
  });

  it('orders session kinds with leading cadres’ study first', () => {
    const rows = [
      row('SESSION_KIND', 'LECTURER_GROUP', '讲师团授课', { TRAINING_HOURS: 192 }),
      row('SESSION_KIND', 'STAFF_TRAINING', '执法人员培训', { TRAINING_HOURS: 368 }),
      row('SESSION_KIND', 'LEADING_CADRE_STUDY', '领导干部学法', { TRAINING_HOURS: 126 }),
      row('SESSION_KIND', 'NEW_KIND', '新类型', { TRAINING_HOURS: 1 }),
    ];
    expect(kindItems(rows).map((k) => [k.kind, k.label, k.hours])).toEqual([
      ['LEADING_CADRE_STUDY', '领导干部学法', 126],
      ['STAFF_TRAINING', '执法人员培训', 368],
      ['LECTURER_GROUP', '讲师团授课', 192],
      ['NEW_KIND', '新类型', 1],
    ]);
  });

  it('builds the agency × kind matrix, lowest overall rate first, without cells for rates over nothing', () => {
    const pairs = [
      pair('Agency:1', '市司法局', 'STAFF_TRAINING', '执法人员培训', 0.5),
      pair('Agency:1', '市司法局', 'LEADING_CADRE_STUDY', '领导干部学法', 1),
      pair('Agency:2', '市公安局', 'STAFF_TRAINING', '执法人员培训', 0),
      pair('Agency:3', '市教育局', 'LECTURER_GROUP', '讲师团授课', null),
    ];
    const m = attendanceMatrix(pairs, agencyItems(agencyRows), 'zh-CN');
    expect(m.columns.map((c) => c.id)).toEqual(['LEADING_CADRE_STUDY', 'STAFF_TRAINING']);
    expect(m.rows.map((r) => r.label)).toEqual(['市公安局', '市司法局']);
    expect(m.cells).toEqual([
      { x: 1, y: 1, rate: 0.5 },
      { x: 0, y: 1, rate: 1 },
      { x: 1, y: 0, rate: 0 },
    ]);
    expect(attendanceMatrix([], [], 'zh-CN')).toEqual({ rows: [], columns: [], cells: [] });
  });

  it('finds the agencies whose leading cadres did not all attend, lowest first', () => {
    const items = [
      ...agencyItems(agencyRows),
      ...agencyItems([
        row('AGENCY', 'Agency:4', '市民政局', { LEADING_CADRE_ATTENDANCE_RATE: 0.5 }),
        row('AGENCY', 'Agency:5', '市财政局', { LEADING_CADRE_ATTENDANCE_RATE: 0.5 }),
      ]),
    ];
    // Agency 1 (100%) and 3 (none required) are not listed; ties by name (pinyin: cai before min).
    expect(lowestLeadingCadres(items, 'zh-CN').map((a) => [a.id, a.leadingRate])).toEqual([
      ['Agency:2', 0],
      ['Agency:5', 0.5],
      ['Agency:4', 0.5],
    ]);
    expect(lowestLeadingCadres(items, 'zh-CN', 1).map((a) => a.id)).toEqual(['Agency:2']);
  });
});
