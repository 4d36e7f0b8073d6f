import { describe, expect, it } from 'vitest';
import { keyedValues, measureValue, viewFilter } from './analytics';
import type { AnalyticsRow } from './api-types';

const rows: AnalyticsRow[] = [
  {
    keys: [{ dimension: 'AGENCY', value: 'a1', label: '市司法局' }],
    values: [{ measure: 'ACTIVITY_COUNT', value: 12 }],
  },
  {
    keys: [{ dimension: 'AGENCY', value: 'a2', label: '' }],
    values: [{ measure: 'ACTIVITY_COUNT', value: null }],
  },
  { keys: [{ dimension: 'DISTRICT', value: 'd1', label: '乌达区' }], values: [] },
];

describe('analytics readers', () => {
  it('reads a measure, null when missing', () => {
    expect(measureValue(rows[0]!.values, 'ACTIVITY_COUNT')).toBe(12);
    expect(measureValue(rows[0]!.values, 'PARTICIPANTS')).toBeNull();
    expect(measureValue(rows[1]!.values, 'ACTIVITY_COUNT')).toBeNull();
  });

  it('reads keyed values of one dimension, labelling by id when the label is empty', () => {
    expect(keyedValues(rows, 'AGENCY', 'ACTIVITY_COUNT')).toEqual([
      { key: 'a1', label: '市司法局', value: 12 },
      { key: 'a2', label: 'a2', value: null },
    ]);
  });

  it('builds the filter of a view', () => {
    expect(viewFilter({ period: { kind: 'year', year: 2025 }, district: null })).toEqual({
      from: '2025-01-01',
      to: '2025-12-31',
    });
    expect(
      viewFilter({ period: { kind: 'year', year: 2025 }, district: 'd1' }, { from: '2024-01-01', to: '2024-12-31' }),
    ).toEqual({ from: '2024-01-01', to: '2024-12-31', regionIds: ['d1'] });
    expect(
      viewFilter({ period: { kind: 'year', year: 2024 }, district: null, domain: 'EnforcementDomain:3', agency: 'Agency:12' }),
    ).toEqual({ from: '2024-01-01', to: '2024-12-31', domainIds: ['EnforcementDomain:3'], agencyIds: ['Agency:12'] });
  });
});
