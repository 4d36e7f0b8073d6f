import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { backends, countStatements, startTestHub, type TestHub } from '../../test/hub.js';
import { Role } from '../auth/role.js';
import { OVERLAPS_FIXTURE, OVERLAPS_MORE } from './overlaps.fixture.js';

const DRILL = 'drill { from to years domainIds agencyIds regionIds audiences }';
const Q = `query($f: OverlapFilter!, $loc: Locale) {
  overlapGaps(filter: $f, locale: $loc) {
    domain { id name }
    holders { agency { id name } isLead activityCount audiencesReached districtsReached { id } ${DRILL} }
    leads { id }
    activityCount audiencesReached districtsReached { id }
    severity
    flags { kind message act { id } district { id } audience ${DRILL} }
    ${DRILL}
  }
}`;
const ACTIVITIES = `query($f: ActivityFilter) { activities(first: 500, filter: $f) { nodes { id } } }`;

const num = (id: string) => Number(id.slice(id.indexOf(':') + 1));
const nums = (xs: { id: string }[]) => xs.map((x) => num(x.id));

/** An overlap as [domain, severity, activity count, audiences, districts, leads]. */
const head = (o: any) => [num(o.domain.id), o.severity, o.activityCount, o.audiencesReached, nums(o.districtsReached), nums(o.leads)];
/** Holders as [agency, lead, activities, audiences, districts]. */
const holders = (o: any) => o.holders.map((h: any) => [num(h.agency.id), h.isLead, h.activityCount, h.audiencesReached, nums(h.districtsReached)]);
/** Flags as [kind, acting agencies, district, audience]. */
const flags = (o: any) => o.flags.map((f: any) => [f.kind, nums(f.act), f.district ? num(f.district.id) : null, f.audience]);

const Y2019 = { years: [2019] };

describe.each(backends())('overlapGaps on %s', (kind) => {
  let hub: TestHub;
  const run = async (f: Record<string, unknown>, loc?: string, token?: string | null) => {
    const res = token === undefined ? await hub.gql(Q, { f, loc }) : await hub.gqlAs(token, Q, { f, loc });
    expect(res.errors).toBeUndefined();
    return res.data.overlapGaps as any[];
  };
  const refusal = async (f: Record<string, unknown>, token?: string | null) => {
    const res = token === undefined ? await hub.gql(Q, { f }) : await hub.gqlAs(token, Q, { f });
    expect(res.data?.overlapGaps ?? null).toBeNull();
    return res.errors![0]!;
  };
  const drilled = async (drill: Record<string, unknown>) => {
    const res = await hub.gql(ACTIVITIES, { f: drill });
    expect(res.errors).toBeUndefined();
    return nums(res.data.activities.nodes).sort((a, b) => a - b);
  };

  beforeAll(async () => {
    hub = await startTestHub(kind);
    for (const stmt of OVERLAPS_FIXTURE.split(';').map((s) => s.trim()).filter(Boolean)) await hub.sql(stmt);
  });
  afterAll(() => hub?.close());

  it('finds the overlaps of 2019, ordered by their most severe flag, with every figure and flag', async () => {
    const r = await run(Y2019);
    // ECO is held only by M and its child MA in 2019: no overlap.
    expect(r.map(head)).toEqual([
      [2, 'NO_ACTIVITY', 0, [], [], []],
      [3, 'SINGLE_HOLDER', 2, ['MIGRANT_WORKERS', 'ENTERPRISE_STAFF'], [2], [5]],
      [1, 'UNREACHED_DISTRICT', 3, ['GENERAL_PUBLIC', 'STUDENTS', 'ELDERLY', 'BUSINESS_OWNERS'], [2, 3], [2]],
      [5, 'UNREACHED_AUDIENCE', 4, ['GENERAL_PUBLIC', 'ELDERLY', 'COMMUNITY_RESIDENTS', 'PATIENTS'], [2, 3, 4], [4]],
    ]);
    const [traffic, worksafe, food, health] = r;
    // Holders: leads first, then by name in pinyin order (市公安局 before 市司法局).
    expect(holders(traffic)).toEqual([[5, false, 0, [], []], [1, false, 0, [], []]]);
    // J's WORKSAFE power expired at the end of 2018: not a holder.
    expect(holders(worksafe)).toEqual([[5, true, 2, ['MIGRANT_WORKERS', 'ENTERPRISE_STAFF'], [2]], [2, false, 0, [], []]]);
    // M organised activity 1 and co-organised 3; activity 2 (H, co-organised by MA) counts for both;
    // 4 is in 2018 and 5 is J's, not a holder's: 丙区 stays unreached.
    expect(holders(food)).toEqual([
      [2, true, 2, ['GENERAL_PUBLIC', 'ELDERLY', 'BUSINESS_OWNERS'], [2, 3]],
      [3, false, 1, ['STUDENTS'], [3]],
      [4, false, 1, ['STUDENTS'], [3]],
    ]);
    // Activity 14 took place at city level: counted, but it reaches no district.
    expect(holders(health)).toEqual([
      [4, true, 3, ['ELDERLY', 'COMMUNITY_RESIDENTS', 'PATIENTS'], [2, 4]],
      [1, false, 2, ['GENERAL_PUBLIC', 'COMMUNITY_RESIDENTS'], [3, 4]],
    ]);

    expect(flags(traffic)).toEqual([
      ['NO_ACTIVITY', [5, 1], null, null],
      ['UNREACHED_DISTRICT', [5, 1], 2, null],
      ['UNREACHED_DISTRICT', [5, 1], 3, null],
      ['UNREACHED_DISTRICT', [5, 1], 4, null],
      ['UNREACHED_AUDIENCE', [5], null, 'DRIVERS'],
      ['NO_LEAD', [], null, null],
    ]);
    expect(flags(worksafe)).toEqual([
      ['SINGLE_HOLDER', [2], null, null],
      ['UNREACHED_DISTRICT', [5, 2], 3, null],
      ['UNREACHED_DISTRICT', [5, 2], 4, null],
    ]);
    // PATIENTS is named by MA (item 3) and H (item 2) and reached by nobody; YOUTH (a 2018 item) and
    // WOMEN (J's item: J holds no FOOD power) raise nothing.
    expect(flags(food)).toEqual([
      ['UNREACHED_DISTRICT', [2, 3, 4], 4, null],
      ['UNREACHED_AUDIENCE', [3, 4], null, 'PATIENTS'],
    ]);
    // WOMEN: H's item 9 and J's item 10 (its window Jan–Mar meets the period); ELDERLY was reached.
    expect(flags(health)).toEqual([['UNREACHED_AUDIENCE', [4, 1], null, 'WOMEN']]);

    expect(traffic.flags[0].message).toBe('2019年，道路交通领域的2个执法单位（市公安局、市司法局）均未开展普法活动。');
    expect(worksafe.flags[0].message).toBe('2019年，安全生产领域仅市公安局开展了普法活动（2场），市市场监督管理局未开展。');
    expect(food.flags[0].message).toBe('2019年，食品安全领域的执法单位在丙区没有开展普法活动。');
    expect(food.flags[1].message).toBe('甲区市场监督管理局、市卫生健康委员会的责任清单将患者列为食品安全领域的普法对象，但2019年该领域没有一场活动覆盖患者。');
    expect(traffic.flags[5].message).toBe('道路交通领域由2个单位共同执法，但没有牵头单位，请普法办指定牵头单位。');
    for (const o of r) for (const f of o.flags) expect(f.message.length).toBeGreaterThan(10);
  });

  it('speaks English on request, and orders holders and acting agencies by their English names', async () => {
    const r = await run(Y2019, 'EN');
    expect(r.map((o) => num(o.domain.id))).toEqual([2, 3, 1, 5]);
    const traffic = r[0];
    expect(holders(traffic).map((h: any) => h[0])).toEqual([1, 5]);
    expect(traffic.flags.map((f: any) => f.message)).toEqual([
      'In 2019, none of the 2 agencies holding enforcement power in Road traffic (Justice Bureau, Public Security Bureau) held a legal-education activity in it.',
      'In 2019, no agency holding enforcement power in Road traffic held an activity in it in District A.',
      'In 2019, no agency holding enforcement power in Road traffic held an activity in it in District B.',
      'In 2019, no agency holding enforcement power in Road traffic held an activity in it in District C.',
      'The responsibility list of Public Security Bureau names drivers as an audience in Road traffic, but no activity in it reached them in 2019.',
      '2 agencies hold enforcement power in Road traffic but none is its lead agency; the legal-education office (普法办) should designate one.',
    ]);
    expect(nums(traffic.flags[0].act)).toEqual([1, 5]);
    expect(r[1].flags[0].message).toBe('In 2019, only Public Security Bureau held legal-education activities in Work safety (2); Market Regulation held none.');
  });

  it('drills: activities(filter: drill) returns exactly the activities behind every figure', async () => {
    const expected: Record<number, { all: number[]; by: Record<number, number[]> }> = {
      1: { all: [1, 2, 3], by: { 2: [1, 3], 3: [2], 4: [2] } },
      2: { all: [], by: { 5: [], 1: [] } },
      3: { all: [8, 9], by: { 5: [8, 9], 2: [] } },
      5: { all: [11, 12, 13, 14], by: { 4: [11, 13, 14], 1: [12, 13] } },
    };
    for (const f of [Y2019, { from: '2019-01-01', to: '2019-12-31' }]) {
      const r = await run(f);
      for (const o of r) {
        const want = expected[num(o.domain.id)]!;
        expect(await drilled(o.drill)).toEqual(want.all);
        for (const h of o.holders) {
          expect(await drilled(h.drill)).toEqual(want.by[num(h.agency.id)]);
          expect(h.activityCount).toBe(want.by[num(h.agency.id)]!.length);
        }
        // A gap flag's drill shows the activities it is about: none for the "no activity / unreached" flags.
        for (const flag of o.flags) expect(await drilled(flag.drill)).toEqual(flag.kind === 'SINGLE_HOLDER' || flag.kind === 'NO_LEAD' ? want.all : []);
      }
    }
    const r = await run(Y2019);
    expect(r[2].holders[0].drill).toEqual({ from: null, to: null, years: [2019], domainIds: ['EnforcementDomain:1'], agencyIds: ['Agency:2'], regionIds: null, audiences: null });
    expect(r[2].flags[1].drill).toEqual({
      from: null, to: null, years: [2019], domainIds: ['EnforcementDomain:1'], agencyIds: ['Agency:2', 'Agency:3', 'Agency:4'], regionIds: null, audiences: ['PATIENTS'],
    });
    expect(r[2].flags[0].drill.regionIds).toEqual(['Region:4']);
  });

  it('limits districts and counted activities to the filter regions', async () => {
    const r = await run({ ...Y2019, regionIds: ['Region:2'] });
    expect(r.map(head)).toEqual([
      [2, 'NO_ACTIVITY', 0, [], [], []],
      [1, 'SINGLE_HOLDER', 1, ['ELDERLY', 'BUSINESS_OWNERS'], [2], [2]],
      [3, 'SINGLE_HOLDER', 2, ['MIGRANT_WORKERS', 'ENTERPRISE_STAFF'], [2], [5]],
      [5, 'SINGLE_HOLDER', 1, ['ELDERLY', 'PATIENTS'], [2], [4]],
    ]);
    expect(r.map(flags)).toEqual([
      [['NO_ACTIVITY', [5, 1], null, null], ['UNREACHED_DISTRICT', [5, 1], 2, null], ['UNREACHED_AUDIENCE', [5], null, 'DRIVERS'], ['NO_LEAD', [], null, null]],
      [['SINGLE_HOLDER', [3, 4], null, null], ['UNREACHED_AUDIENCE', [3, 4], null, 'PATIENTS']],
      [['SINGLE_HOLDER', [2], null, null]],
      [['SINGLE_HOLDER', [1], null, null], ['UNREACHED_AUDIENCE', [4, 1], null, 'WOMEN']],
    ]);
    expect(holders(r[3])).toEqual([[4, true, 1, ['ELDERLY', 'PATIENTS'], [2]], [1, false, 0, [], []]]);
    expect(await drilled(r[1].holders[0].drill)).toEqual([1]);
    expect(await drilled(r[3].holders[0].drill)).toEqual([11]);

    // A street: its district is the one considered; the district flag drills into the street.
    const street = await run({ ...Y2019, regionIds: ['Region:6'] });
    expect(street.map((o) => [num(o.domain.id), o.severity])).toEqual([[3, 'NO_ACTIVITY'], [2, 'NO_ACTIVITY'], [5, 'NO_ACTIVITY'], [1, 'UNREACHED_AUDIENCE']]);
    expect(flags(street[3])).toEqual([
      ['UNREACHED_AUDIENCE', [2, 4], null, 'ELDERLY'],
      ['UNREACHED_AUDIENCE', [2], null, 'BUSINESS_OWNERS'],
      ['UNREACHED_AUDIENCE', [3, 4], null, 'PATIENTS'],
    ]);
    expect(holders(street[3])).toEqual([[2, true, 0, [], []], [3, false, 1, ['STUDENTS'], [3]], [4, false, 1, ['STUDENTS'], [3]]]);
    expect(flags(street[2])).toEqual([
      ['NO_ACTIVITY', [4, 1], null, null],
      ['UNREACHED_DISTRICT', [4, 1], 3, null],
      ['UNREACHED_AUDIENCE', [1], null, 'ELDERLY'],
      ['UNREACHED_AUDIENCE', [4, 1], null, 'WOMEN'],
      ['UNREACHED_AUDIENCE', [4], null, 'PATIENTS'],
    ]);
    expect(street[1].flags[1].drill.regionIds).toEqual(['Region:6']);
    expect(await drilled(street[3].drill)).toEqual([2]);
  });

  it('orders equally severe overlaps by number of holders, then by name in the locale', async () => {
    // 2020: no activity at all; H's ECO power starts, so ECO (M, MA, H) becomes an overlap of three.
    const zh = await run({ years: [2020] });
    expect(zh.map((o) => [num(o.domain.id), o.severity, o.holders.length])).toEqual([
      [4, 'NO_ACTIVITY', 3], [1, 'NO_ACTIVITY', 3], [3, 'NO_ACTIVITY', 2], [2, 'NO_ACTIVITY', 2], [5, 'NO_ACTIVITY', 2],
    ]);
    expect(flags(zh[0])).toEqual([
      ['NO_ACTIVITY', [3, 2, 4], null, null],
      ['UNREACHED_DISTRICT', [3, 2, 4], 2, null],
      ['UNREACHED_DISTRICT', [3, 2, 4], 3, null],
      ['UNREACHED_DISTRICT', [3, 2, 4], 4, null],
      ['NO_LEAD', [], null, null],
    ]);
    const en = await run({ years: [2020] }, 'EN');
    expect(en.map((o) => num(o.domain.id))).toEqual([4, 1, 5, 2, 3]);
    // Two years: powers valid in either count; the sentences name both.
    const both = await run({ years: [2019, 2020] });
    expect(both.map((o) => num(o.domain.id))).toEqual([2, 4, 3, 1, 5]);
    expect(both[0].flags[0].message.startsWith('2019年、2020年，')).toBe(true);
  });

  it('answers an empty list when the filter selects nothing', async () => {
    expect(await run({ ...Y2019, domainIds: ['EnforcementDomain:4'] })).toEqual([]);
    expect(await run({ ...Y2019, domainIds: [] })).toEqual([]);
    expect(await run({ ...Y2019, regionIds: [] })).toEqual([]);
    expect(await run({ years: [2010] })).toEqual([]);
    const one = await run({ ...Y2019, domainIds: ['EnforcementDomain:5', 'EnforcementDomain:4'] });
    expect(one.map((o) => num(o.domain.id))).toEqual([5]);
  });

  it('refuses a missing period and unknown ids with BAD_USER_INPUT naming the argument', async () => {
    const none = await refusal({});
    expect(none.extensions?.code).toBe('BAD_USER_INPUT');
    expect(none.extensions?.problems[0].path).toEqual(['filter']);
    expect(none.message).toContain('Give the period');
    const half = await refusal({ from: '2019-01-01' });
    expect(half.extensions?.code).toBe('BAD_USER_INPUT');
    expect(half.extensions?.problems[0].path).toEqual(['filter', 'to']);
    const reversed = await refusal({ from: '2019-12-31', to: '2019-01-01' });
    expect(reversed.extensions?.code).toBe('BAD_USER_INPUT');
    const disjoint = await refusal({ years: [2019], from: '2020-01-01', to: '2020-06-30' });
    expect(disjoint.extensions?.problems[0].path).toEqual(['filter', 'years']);
    const domain = await refusal({ ...Y2019, domainIds: ['EnforcementDomain:1', 'EnforcementDomain:99'] });
    expect(domain.extensions?.code).toBe('BAD_USER_INPUT');
    expect(domain.extensions?.problems[0].path).toEqual(['filter', 'domainIds', 1]);
    const wrongType = await refusal({ ...Y2019, domainIds: ['Agency:1'] });
    expect(wrongType.extensions?.code).toBe('BAD_USER_INPUT');
    const region = await refusal({ ...Y2019, regionIds: ['Region:99'] });
    expect(region.extensions?.problems[0].path).toEqual(['filter', 'regionIds', 0]);
    const noFilter = await hub.gql(`{ overlapGaps { domain { id } } }`);
    expect(noFilter.errors?.[0]?.extensions?.code).toBe('GRAPHQL_VALIDATION_FAILED');
  });

  it('shows the readers of everything all overlaps, a district admin its district, a reporter its agency’s; refuses the rest', async () => {
    const all = (await run(Y2019)).map((o) => num(o.domain.id));
    for (const role of [Role.LEADER, Role.INSPECTOR]) expect((await run(Y2019, undefined, await hub.login(role))).map((o) => num(o.domain.id))).toEqual(all);

    const districtAdmin = await hub.login(Role.DISTRICT_ADMIN, { districtId: 2 });
    const own = await run(Y2019, undefined, districtAdmin);
    expect(own.map(flags)).toEqual((await run({ ...Y2019, regionIds: ['Region:2'] })).map(flags));
    expect(own[1].holders[0].drill.regionIds).toEqual(['Region:2']);
    expect((await run({ ...Y2019, regionIds: ['Region:5'] }, undefined, districtAdmin)).length).toBe(4);
    for (const outside of ['Region:3', 'Region:1']) {
      const e = await refusal({ ...Y2019, regionIds: ['Region:5', outside] }, districtAdmin);
      expect(e.extensions?.code).toBe('FORBIDDEN');
      expect(e.message).toContain(outside);
    }

    const police = await hub.login(Role.AGENCY_REPORTER, { agencyId: 5 });
    const policeView = await run(Y2019, undefined, police);
    expect(policeView.map((o) => num(o.domain.id))).toEqual([2, 3]);
    expect(holders(policeView[1])).toEqual(holders((await run(Y2019))[1]));
    const districtMarket = await hub.login(Role.AGENCY_REPORTER, { agencyId: 3 });
    expect((await run(Y2019, undefined, districtMarket)).map((o) => num(o.domain.id))).toEqual([1]);

    const anonymous = await refusal(Y2019, null);
    expect(anonymous.extensions?.code).toBe('UNAUTHENTICATED');
    for (const [role, scope] of [[Role.MEDIA_PARTNER, { outletId: 1 }], [Role.SURVEY_OPERATOR, {}]] as const) {
      const e = await refusal(Y2019, await hub.login(role, scope));
      expect(e.extensions?.code).toBe('FORBIDDEN');
    }
  });

  // Last: it adds agencies, domains and powers.
  it('issues a fixed number of statements however many overlaps and agencies; succession and ceased units make no overlap', async () => {
    const before = await countStatements(() => hub.gql(Q, { f: Y2019 }));
    expect(before.result.errors).toBeUndefined();
    for (const stmt of OVERLAPS_MORE.split(';').map((s) => s.trim()).filter(Boolean)) await hub.sql(stmt);
    const after = await countStatements(() => hub.gql(Q, { f: Y2019 }));
    const r = after.result.data.overlapGaps;
    // DRUG (6): the former FDA merged into M, one unit over time; URBAN (7): 城管局 ceased in 2018, so T and P.
    expect(r.map((o: any) => [num(o.domain.id), o.severity, nums(o.holders.map((h: any) => h.agency))])).toEqual([
      [2, 'NO_ACTIVITY', [5, 7, 1]],
      [7, 'NO_ACTIVITY', [5, 7]],
      [3, 'SINGLE_HOLDER', [5, 2]],
      [1, 'UNREACHED_DISTRICT', [2, 3, 4]],
      [5, 'UNREACHED_AUDIENCE', [4, 1]],
    ]);
    expect(after.count).toBe(before.count);
    expect(after.count).toBeLessThanOrEqual(6);
    expect(after.log.filter((s) => s.includes('with recursive'))).toHaveLength(1);
  });
});
