import { describe, expect, it } from 'vitest';
import { collatorFor, compareHolders, compareOverlaps, gapFlags, type HolderFacts } from './gaps.js';
import { periodRanges, periodText } from './period.js';

const problemPath = (fn: () => unknown) => {
  try {
    fn();
  } catch (e: any) {
    return [e.extensions.code, e.extensions.problems[0].path];
  }
  throw new Error('no error');
};

describe('periodRanges', () => {
  it('takes from/to, or each year clipped to from/to', () => {
    expect(periodRanges({ from: '2019-03-01', to: '2019-05-31' })).toEqual([{ from: '2019-03-01', to: '2019-05-31' }]);
    expect(periodRanges({ years: [2020, 2019, 2020] })).toEqual([
      { from: '2019-01-01', to: '2019-12-31' },
      { from: '2020-01-01', to: '2020-12-31' },
    ]);
    expect(periodRanges({ years: [2018, 2019, 2020], from: '2019-07-01' })).toEqual([
      { from: '2019-07-01', to: '2019-12-31' },
      { from: '2020-01-01', to: '2020-12-31' },
    ]);
  });

  it('requires a period and refuses an empty one, naming the argument', () => {
    expect(problemPath(() => periodRanges({}))).toEqual(['BAD_USER_INPUT', ['filter']]);
    expect(problemPath(() => periodRanges({ years: [] }))).toEqual(['BAD_USER_INPUT', ['filter']]);
    expect(problemPath(() => periodRanges({ to: '2019-12-31' }))).toEqual(['BAD_USER_INPUT', ['filter', 'from']]);
    expect(problemPath(() => periodRanges({ from: '2019-12-31', to: '2019-01-01' }))).toEqual(['BAD_USER_INPUT', ['filter', 'from']]);
    expect(problemPath(() => periodRanges({ years: [2018], from: '2019-01-01', to: '2019-12-31' }))).toEqual(['BAD_USER_INPUT', ['filter', 'years']]);
  });

  it('renders whole years as years and other ranges as dates', () => {
    const ranges = periodRanges({ years: [2019, 2020], to: '2020-06-30' });
    expect(periodText(ranges, 'ZH_CN')).toBe('2019年、2020-01-01至2020-06-30');
    expect(periodText(ranges, 'EN')).toBe('2019, 2020-01-01 to 2020-06-30');
  });
});

describe('gapFlags', () => {
  const holder = (agencyId: number, name: string, isLead: boolean, activityCount: number, named: string[] = []): HolderFacts => ({ agencyId, name, isLead, activityCount, named });
  const districts = [{ id: 2, name: '甲区' }, { id: 3, name: '乙区' }];

  it('raises no flag when every holder acted everywhere for everyone named under a lead', () => {
    // One activity co-organised by both holders: both acted, so no SINGLE_HOLDER.
    const o = { domainName: '食品安全', holders: [holder(1, '甲', true, 1, ['ELDERLY']), holder(2, '乙', false, 1)], audiencesReached: ['ELDERLY'], districtsReached: [2, 3] };
    expect(gapFlags(o, districts, '2019年', 'ZH_CN')).toEqual([]);
  });

  it('flags in severity order, each with its acting agencies and a sentence', () => {
    const o = {
      domainName: 'Food safety',
      holders: [holder(7, 'B bureau', false, 3, ['PATIENTS', 'ELDERLY']), holder(4, 'C bureau', false, 0, ['PATIENTS'])],
      audiencesReached: ['STUDENTS'],
      districtsReached: [3],
    };
    const flags = gapFlags(o, districts, '2019', 'EN');
    expect(flags.map((f) => [f.kind, f.act, f.districtId ?? f.audience ?? null])).toEqual([
      ['SINGLE_HOLDER', [4], null],
      ['UNREACHED_DISTRICT', [7, 4], 2],
      ['UNREACHED_AUDIENCE', [7], 'ELDERLY'],
      ['UNREACHED_AUDIENCE', [7, 4], 'PATIENTS'],
      ['NO_LEAD', [], null],
    ]);
    expect(flags[0]!.message).toBe('In 2019, only B bureau held legal-education activities in Food safety (3); C bureau held none.');
    expect(flags[3]!.message).toBe('The responsibility lists of B bureau, C bureau name patients as an audience in Food safety, but no activity in it reached them in 2019.');
  });

  it('raises NO_ACTIVITY for all holders and every district when nobody acted', () => {
    const o = { domainName: '道路交通', holders: [holder(5, '公安局', true, 0), holder(1, '司法局', false, 0)], audiencesReached: [], districtsReached: [] };
    const flags = gapFlags(o, districts, '2019年', 'ZH_CN');
    expect(flags.map((f) => [f.kind, f.act])).toEqual([['NO_ACTIVITY', [5, 1]], ['UNREACHED_DISTRICT', [5, 1]], ['UNREACHED_DISTRICT', [5, 1]]]);
    expect(flags[0]!.message).toBe('2019年，道路交通领域的2个执法单位（公安局、司法局）均未开展普法活动。');
  });
});

describe('ordering', () => {
  it('puts leads first, then names in pinyin order', () => {
    const hs = [{ isLead: false, name: '市司法局' }, { isLead: false, name: '市公安局' }, { isLead: true, name: '市卫生健康委员会' }];
    expect(hs.sort(compareHolders(collatorFor('ZH_CN'))).map((h) => h.name)).toEqual(['市卫生健康委员会', '市公安局', '市司法局']);
  });

  it('orders overlaps by most severe flag (none last), more holders first, then name', () => {
    const os = [
      { severity: null, holderCount: 5, name: 'A' },
      { severity: 'NO_LEAD' as const, holderCount: 2, name: 'B' },
      { severity: 'SINGLE_HOLDER' as const, holderCount: 2, name: 'D' },
      { severity: 'SINGLE_HOLDER' as const, holderCount: 2, name: 'C' },
      { severity: 'SINGLE_HOLDER' as const, holderCount: 3, name: 'E' },
      { severity: 'NO_ACTIVITY' as const, holderCount: 2, name: 'F' },
    ];
    expect(os.sort(compareOverlaps(collatorFor('EN'))).map((o) => o.name)).toEqual(['F', 'E', 'C', 'D', 'B', 'A']);
  });
});
