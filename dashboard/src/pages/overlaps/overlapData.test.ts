import { describe, expect, it } from 'vitest';
import { mayReadOverlaps } from './access';
import { actText, flagDrillTitle, flagRows, holderDrillTitle, overlapFilter, overlapSummary, SEVERITY } from './overlapData';
import type { OverlapGap } from './overlaps.queries';

const agency = (id: number, name: string, nameEn: string | null) => ({ id: `Agency:${id}`, name, nameEn });
const P = agency(5, '市公安局', 'Public Security Bureau');
const J = agency(1, '市司法局', 'Justice Bureau');
const drill = (agencyIds: string[], extra: object = {}) => ({
  __typename: 'OverlapDrill',
  from: '2019-01-01',
  to: '2019-12-31',
  years: null,
  agencyIds,
  domainIds: ['EnforcementDomain:7'],
  regionIds: null,
  audiences: null,
  ...extra,
});

// The worked example's 道路交通 (docs/metrics.md, "Overlap gaps"): no activity, three districts, no lead.
const road = {
  activityCount: 0,
  severity: 'NO_ACTIVITY',
  domain: { id: 'EnforcementDomain:7', name: '道路交通', nameEn: 'Road traffic' },
  holders: [
    { isLead: false, activityCount: 0, agency: P, drill: drill([P.id]) },
    { isLead: false, activityCount: 0, agency: J, drill: drill([J.id]) },
  ],
  flags: [
    { kind: 'NO_ACTIVITY', message: '2019年，道路交通领域的2个执法单位（市公安局、市司法局）均未开展普法活动。', act: [P, J], drill: drill([P.id, J.id]) },
    { kind: 'UNREACHED_DISTRICT', message: '…甲区…', act: [P, J], drill: drill([P.id, J.id], { regionIds: ['Region:2'] }) },
    { kind: 'NO_LEAD', message: '…指定牵头单位。', act: [], drill: drill([P.id, J.id]) },
  ],
} as unknown as OverlapGap;
const health = {
  activityCount: 4,
  severity: null,
  domain: { id: 'EnforcementDomain:9', name: '医疗卫生', nameEn: null },
  holders: [{ isLead: true, activityCount: 4, agency: J, drill: drill([J.id]) }],
  flags: [],
} as unknown as OverlapGap;

describe('overlap data', () => {
  it('asks for the view’s period, district and domain, never an agency', () => {
    expect(
      overlapFilter({ period: { kind: 'year', year: 2019 }, district: 'Region:2', domain: 'EnforcementDomain:7', agency: 'Agency:1' }),
    ).toEqual({ from: '2019-01-01', to: '2019-12-31', regionIds: ['Region:2'], domainIds: ['EnforcementDomain:7'] });
    expect(overlapFilter({ period: { kind: 'range', from: '2024-03-01', to: '2024-06-30' }, district: null })).toEqual({
      from: '2024-03-01',
      to: '2024-06-30',
    });
  });

  it('lists one row per flag in the API’s order with severity and who should act', () => {
    const rows = flagRows([road, health], 'zh-CN');
    expect(rows.map((r) => [r.domain, r.kind, r.severity, r.act])).toEqual([
      ['道路交通', 'NO_ACTIVITY', 'high', '市公安局、市司法局'],
      ['道路交通', 'UNREACHED_DISTRICT', 'medium', '市公安局、市司法局'],
      ['道路交通', 'NO_LEAD', 'low', '普法办（指定牵头单位）'],
    ]);
    expect(rows[0]!.message).toBe('2019年，道路交通领域的2个执法单位（市公安局、市司法局）均未开展普法活动。');
    expect(new Set(rows.map((r) => r.key)).size).toBe(3);
    // The flag's drill as an activities filter: set fields only, no __typename.
    expect(rows[1]!.drill).toEqual({
      from: '2019-01-01',
      to: '2019-12-31',
      agencyIds: [P.id, J.id],
      domainIds: ['EnforcementDomain:7'],
      regionIds: ['Region:2'],
    });
    expect(flagRows([road], 'en').map((r) => [r.domain, r.act])).toEqual([
      ['Road traffic', 'Public Security Bureau, Justice Bureau'],
      ['Road traffic', 'Public Security Bureau, Justice Bureau'],
      ['Road traffic', 'Legal-education office (to designate a lead)'],
    ]);
    expect(flagRows([], 'zh-CN')).toEqual([]);
  });

  it('ranks every kind of gap', () => {
    expect(SEVERITY).toEqual({
      NO_ACTIVITY: 'high',
      SINGLE_HOLDER: 'high',
      UNREACHED_DISTRICT: 'medium',
      UNREACHED_AUDIENCE: 'medium',
      NO_LEAD: 'low',
    });
    expect(actText({ kind: 'SINGLE_HOLDER', act: [] }, 'zh-CN')).toBe('—');
  });

  it('sums up the overlaps', () => {
    expect(overlapSummary([road, health])).toEqual({ overlaps: 2, withGaps: 1, flags: 3, idleHolders: 2 });
    expect(overlapSummary([])).toEqual({ overlaps: 0, withGaps: 0, flags: 0, idleHolders: 0 });
  });

  it('titles the drawer', () => {
    expect(holderDrillTitle(road, 1, 'zh-CN')).toBe('市司法局在道路交通领域的普法活动');
    expect(holderDrillTitle(road, 0, 'en')).toBe('Activities of Public Security Bureau in Road traffic');
    expect(flagDrillTitle(flagRows([road], 'zh-CN')[2]!, 'zh-CN')).toBe('道路交通：无牵头单位');
  });

  it('is for the roles the hub answers', () => {
    expect(['ADMIN', 'DISTRICT_ADMIN', 'LEADER', 'INSPECTOR', 'AGENCY_REPORTER'].every(mayReadOverlaps)).toBe(true);
    expect([null, undefined, 'MEDIA_PARTNER', 'SURVEY_OPERATOR', 'admin'].some(mayReadOverlaps)).toBe(false);
  });
});
