import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { backends, countStatements, startTestHub, type TestHub } from '../../test/hub.js';
import { Role } from '../auth/role.js';
import { COVERAGE_FIXTURE } from './coverage.fixture.js';

const SET = '{ named { value } reached { value } missing { value } extra { value } }';
const FIGURES = 'planned delivered deliveredCapped itemCount coveredItemCount completionCapped completionUncapped coverageRate drills { from to itemIds }';
const Q = `query($f: CoverageFilter!, $loc: Locale) { coverage(filter: $f, locale: $loc) {
  agencies { agencyId label ${FIGURES}
    items { id title year startsOn endsOn planned delivered deliveredCapped covered
      audiences ${SET} venueTypes ${SET} districts ${SET} drill { from to itemIds } } }
  totals { agencyCount ${FIGURES} }
  reason
} }`;
const ACTIVITIES = `query($f: ActivityFilter) { activities(filter: $f, first: 500) { nodes { id } } }`;

/** A compared set as { named, reached, missing, extra } of plain values. */
const values = (s: any) => Object.fromEntries(Object.entries(s).map(([k, v]) => [k, (v as { value: string }[]).map((x) => x.value)]));
const ids = (...n: number[]) => n.map((i) => `ResponsibilityItem:${i}`);

describe.each(backends())('coverage of the responsibility lists on %s', (kind) => {
  let hub: TestHub;
  const run = async (f: Record<string, unknown>, loc?: string, token?: string | null) => {
    const res = token === undefined ? await hub.gql(Q, { f, loc }) : await hub.gqlAs(token, Q, { f, loc });
    expect(res.errors).toBeUndefined();
    return res.data.coverage;
  };
  const activityIds = async (filter: Record<string, unknown>) => {
    const res = await hub.gql(ACTIVITIES, { f: filter });
    expect(res.errors).toBeUndefined();
    return res.data.activities.nodes.map((n: { id: string }) => Number(n.id.split(':')[1])).sort((a: number, b: number) => a - b);
  };

  beforeAll(async () => {
    hub = await startTestHub(kind);
    for (const stmt of COVERAGE_FIXTURE.split(';').map((s) => s.trim()).filter(Boolean)) await hub.sql(stmt);
  });
  afterAll(() => hub?.close());

  it('computes every figure of 2019 by hand, worst agency first', async () => {
    const c = await run({ years: [2019] });
    /*
     * I1: A1, A2, A3 inside 01-01…12-31 → delivered 3, capped min(3, 2) = 2.
     * I2: A4 inside 05-01…06-30, A5 (07-05) outside → delivered 1, capped 1.
     * Agency 1: planned 2 + 3 = 5, delivered 3 + 1 = 4, capped 2 + 1 = 3 → 3/5 = 0.6, 4/5 = 0.8, 2 of 2 covered.
     * I3: A6, A7 inside 03-01…03-31, A8 (04-02) outside → 2, capped 2. I4: A6 → 1, capped 1.
     * Agency 2: planned 2 + 1 = 3, delivered 3, capped 3 → 1, 1, 2 of 2 covered (A6 counts for I3 and I4).
     * I5: nothing names it (A7 is co-organised by agency 3 but names I3 only; A10 names no item) → 0.
     * Agency 3: planned 4, delivered 0 → 0, 0, 0 of 1 covered.
     * Totals: planned 5 + 3 + 4 = 12, delivered 4 + 3 + 0 = 7, capped 3 + 3 + 0 = 6 → 6/12 = 0.5, 7/12; 4 of 5 items covered = 0.8.
     */
    expect(c.agencies.map((a: any) => [a.agencyId, a.label, a.planned, a.delivered, a.deliveredCapped, a.itemCount, a.coveredItemCount, a.completionCapped, a.completionUncapped, a.coverageRate])).toEqual([
      ['Agency:3', '甲区卫生健康局', 4, 0, 0, 1, 0, 0, 0, 0],
      ['Agency:1', '市司法局', 5, 4, 3, 2, 2, 0.6, 0.8, 1],
      ['Agency:2', '市市场监督管理局', 3, 3, 3, 2, 2, 1, 1, 1],
    ]);
    const t = c.totals;
    expect([t.agencyCount, t.planned, t.delivered, t.deliveredCapped, t.itemCount, t.coveredItemCount, t.completionCapped, t.coverageRate]).toEqual([3, 12, 7, 6, 5, 4, 0.5, 0.8]);
    expect(t.completionUncapped).toBeCloseTo(7 / 12, 12);
    expect(c.reason).toBeNull();

    const items = Object.fromEntries(c.agencies.flatMap((a: any) => a.items).map((i: any) => [i.id, i]));
    expect(Object.values(items).map((i: any) => [i.id, i.planned, i.delivered, i.deliveredCapped, i.covered])).toEqual([
      ['ResponsibilityItem:5', 4, 0, 0, false],
      ['ResponsibilityItem:1', 2, 3, 2, true],
      ['ResponsibilityItem:2', 3, 1, 1, true],
      ['ResponsibilityItem:3', 2, 2, 2, true],
      ['ResponsibilityItem:4', 1, 1, 1, true],
    ]);
    expect(items['ResponsibilityItem:2']).toMatchObject({ title: '民法典进社区', year: 2019, startsOn: '2019-05-01', endsOn: '2019-06-30' });
  });

  it('compares named audiences, venue types and districts with those of the counted activities only', async () => {
    const c = await run({ years: [2019] });
    const item = (id: number) => c.agencies.flatMap((a: any) => a.items).find((i: any) => i.id === `ResponsibilityItem:${id}`);
    // I1: A1 STUDENTS, A2 STUDENTS YOUTH, A3 FARMERS_HERDERS; SCHOOL, SCHOOL, VILLAGE; districts A, B, B.
    expect(values(item(1).audiences)).toEqual({ named: ['STUDENTS', 'YOUTH'], reached: ['STUDENTS', 'YOUTH'], missing: [], extra: ['FARMERS_HERDERS'] });
    expect(values(item(1).venueTypes)).toEqual({ named: ['SCHOOL'], reached: ['SCHOOL'], missing: [], extra: ['VILLAGE'] });
    expect(values(item(1).districts)).toEqual({ named: ['Region:2', 'Region:3'], reached: ['Region:2', 'Region:3'], missing: [], extra: [] });
    // I2: only A4 counts; A5 reached ELDERLY but after the window, so ELDERLY stays missing.
    expect(values(item(2).audiences)).toEqual({ named: ['COMMUNITY_RESIDENTS', 'ELDERLY'], reached: ['COMMUNITY_RESIDENTS'], missing: ['ELDERLY'], extra: [] });
    // I3: A6 (PUBLIC_SPACE, district A) and A7 (no venue, the city: no district); A8's ENTERPRISE is outside the window.
    expect(values(item(3).venueTypes)).toEqual({ named: ['ENTERPRISE', 'COMMUNITY'], reached: [], missing: ['ENTERPRISE', 'COMMUNITY'], extra: ['PUBLIC_SPACE'] });
    expect(values(item(3).districts)).toEqual({ named: ['Region:2', 'Region:3'], reached: ['Region:2'], missing: ['Region:3'], extra: [] });
    expect(values(item(3).audiences)).toEqual({ named: ['BUSINESS_OWNERS', 'GENERAL_PUBLIC'], reached: ['BUSINESS_OWNERS', 'GENERAL_PUBLIC'], missing: [], extra: [] });
    expect(values(item(4).audiences)).toEqual({ named: ['GENERAL_PUBLIC'], reached: ['GENERAL_PUBLIC'], missing: [], extra: ['BUSINESS_OWNERS'] });
    // I5: nothing counted, everything named is missing.
    expect(values(item(5).audiences)).toEqual({ named: ['ELDERLY', 'PATIENTS'], reached: [], missing: ['ELDERLY', 'PATIENTS'], extra: [] });
    expect(values(item(5).districts)).toEqual({ named: ['Region:2'], reached: [], missing: ['Region:2'], extra: [] });
  });

  it('labels agencies, audiences, venue types and districts in the locale', async () => {
    const L = `query($f: CoverageFilter!, $loc: Locale) { coverage(filter: $f, locale: $loc) { agencies { label items {
      audiences { extra { value label } } venueTypes { extra { value label } } districts { named { value label } } } } } }`;
    const run = async (f: Record<string, unknown>, loc?: string) => {
      const res = await hub.gql(L, { f, loc });
      expect(res.errors).toBeUndefined();
      return res.data.coverage;
    };
    const zh = await run({ agencyIds: ['Agency:1'], years: [2019] });
    expect(zh.agencies[0].items[0].audiences.extra).toEqual([{ value: 'FARMERS_HERDERS', label: '农牧民' }]);
    expect(zh.agencies[0].items[0].districts.named).toEqual([{ value: 'Region:2', label: '甲区' }, { value: 'Region:3', label: '乙区' }]);
    const en = await run({ agencyIds: ['Agency:1'], years: [2019] }, 'EN');
    expect(en.agencies[0].label).toBe('Justice Bureau');
    expect(en.agencies[0].items[0].venueTypes.extra).toEqual([{ value: 'VILLAGE', label: 'Villages' }]);
    expect(en.agencies[0].items[0].districts.named.map((d: any) => d.label)).toEqual(['District A', 'District B']);
  });

  it('gives drills that select exactly the counted activities through activities(filter:)', async () => {
    const c = await run({ years: [2019] });
    const expected: Record<string, number[]> = { 'ResponsibilityItem:1': [1, 2, 3], 'ResponsibilityItem:2': [4], 'ResponsibilityItem:3': [6, 7], 'ResponsibilityItem:4': [6], 'ResponsibilityItem:5': [] };
    for (const item of c.agencies.flatMap((a: any) => a.items)) {
      expect(item.drill).toEqual({ from: item.startsOn, to: item.endsOn, itemIds: [item.id] });
      const got = await activityIds(item.drill);
      expect(got, item.id).toEqual(expected[item.id]);
      expect(got).toHaveLength(item.delivered);
    }
    // Without the window the item filter alone also finds A5, which does not count.
    expect(await activityIds({ itemIds: ids(2) })).toEqual([4, 5]);

    // Agency 1's items have different windows: one drill each; their union is A1–A4 (not A5).
    const agency1 = c.agencies.find((a: any) => a.agencyId === 'Agency:1');
    expect(agency1.drills).toEqual([
      { from: '2019-01-01', to: '2019-12-31', itemIds: ids(1) },
      { from: '2019-05-01', to: '2019-06-30', itemIds: ids(2) },
    ]);
    const union = async (drills: any[]) => [...new Set((await Promise.all(drills.map(activityIds))).flat())].sort((a, b) => a - b);
    expect(await union(agency1.drills)).toEqual([1, 2, 3, 4]);
    // Agency 2: A6 names both items (counted twice in delivered = 3, listed once), A7 once; A8 is outside.
    expect(await union(c.agencies.find((a: any) => a.agencyId === 'Agency:2').drills)).toEqual([6, 7]);
    // Totals: I1 and I5 share a window, so one drill names both.
    expect(c.totals.drills).toEqual([
      { from: '2019-01-01', to: '2019-12-31', itemIds: ids(1, 5) },
      { from: '2019-03-01', to: '2019-03-31', itemIds: ids(3) },
      { from: '2019-03-10', to: '2019-03-20', itemIds: ids(4) },
      { from: '2019-05-01', to: '2019-06-30', itemIds: ids(2) },
    ]);
    expect(await union(c.totals.drills)).toEqual([1, 2, 3, 4, 6, 7]);

    // One drill for items sharing a window: an activity naming two of them is listed once.
    expect(await activityIds({ from: '2019-03-01', to: '2019-03-31', itemIds: ids(3, 4) })).toEqual([6, 7]);
    const unknown = await hub.gql(ACTIVITIES, { f: { itemIds: ['ResponsibilityItem:999'] } });
    expect(unknown.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', problems: [{ path: ['filter', 'itemIds', 0] }] });
  });

  it('selects items by overlapping window, list year, region of the agency and domain', async () => {
    /*
     * Windows overlapping 2019-12: I1, I5 (to 12-31) and I6 (from 12-15, a 2020 item).
     * Agency 1: I1 (2, 3, capped 2) + I6 (1, A9 → 1, capped 1) → planned 3, delivered 4, capped 3 → 1 and 4/3.
     * Agency 3: I5 → 0. Totals: planned 7, delivered 4, capped 3 → 3/7, 4/7; 2 of 3 covered.
     */
    const dec = await run({ from: '2019-12-01', to: '2019-12-31' });
    expect(dec.agencies.map((a: any) => [a.agencyId, a.items.map((i: any) => i.id), a.planned, a.delivered, a.deliveredCapped, a.completionCapped])).toEqual([
      ['Agency:3', ids(5), 4, 0, 0, 0],
      ['Agency:1', ids(1, 6), 3, 4, 3, 1],
    ]);
    expect(dec.agencies[1].completionUncapped).toBeCloseTo(4 / 3, 12);
    expect([dec.totals.planned, dec.totals.delivered, dec.totals.deliveredCapped, dec.totals.itemCount, dec.totals.coveredItemCount]).toEqual([7, 4, 3, 3, 2]);
    expect(dec.totals.completionCapped).toBeCloseTo(3 / 7, 12);
    expect(dec.totals.coverageRate).toBeCloseTo(2 / 3, 12);

    const y2020 = await run({ years: [2020] });
    expect(y2020.agencies.map((a: any) => [a.agencyId, a.items.map((i: any) => i.id), a.delivered, a.completionCapped])).toEqual([['Agency:1', ids(6), 1, 1]]);
    // Region: agencies located in the region or below it (agency 3 sits in district A; 1 and 2 in the city).
    expect((await run({ years: [2019], regionIds: ['Region:2'] })).agencies.map((a: any) => a.agencyId)).toEqual(['Agency:3']);
    expect((await run({ years: [2019], regionIds: ['Region:1'] })).totals.itemCount).toBe(5);
    expect((await run({ years: [2019], regionIds: ['Region:3'] })).agencies).toEqual([]);
    const food = await run({ years: [2019], domainIds: ['EnforcementDomain:1'] });
    expect(food.agencies.map((a: any) => [a.agencyId, a.items.map((i: any) => i.id)])).toEqual([['Agency:2', ids(3, 4)]]);
  });

  it('answers empty with null rates and a reason when nothing is selected', async () => {
    for (const f of [{ years: [2030] }, { agencyIds: [] }, { years: [2019], regionIds: ['Region:3'] }]) {
      const c = await run(f);
      expect(c.agencies).toEqual([]);
      expect(c.totals).toEqual({
        agencyCount: 0, planned: 0, delivered: 0, deliveredCapped: 0, itemCount: 0, coveredItemCount: 0,
        completionCapped: null, completionUncapped: null, coverageRate: null, drills: [],
      });
      expect(c.reason).toMatch(/No responsibility items match/);
    }
  });

  it('refuses unknown and malformed ids and a reversed period with BAD_USER_INPUT and a path', async () => {
    const cases: [Record<string, unknown>, (string | number)[]][] = [
      [{ agencyIds: ['Agency:1', 'Agency:99'] }, ['filter', 'agencyIds', 1]],
      [{ agencyIds: ['Region:1'] }, ['filter', 'agencyIds', 0]],
      [{ regionIds: ['Region:99'] }, ['filter', 'regionIds', 0]],
      [{ domainIds: ['EnforcementDomain:9'] }, ['filter', 'domainIds', 0]],
      [{ from: '2019-12-31', to: '2019-01-01' }, ['filter', 'from']],
    ];
    for (const [f, path] of cases) {
      const res = await hub.gql(Q, { f });
      expect(res.data ?? null).toBeNull();
      expect(res.errors?.[0]?.extensions, JSON.stringify(f)).toMatchObject({ code: 'BAD_USER_INPUT', problems: [{ path }] });
    }
  });

  it('shows every agency to the readers of everything, only its own to a reporter, and nothing to others', async () => {
    const all = ['Agency:3', 'Agency:1', 'Agency:2'];
    const agencies = async (token: string, f: Record<string, unknown> = { years: [2019] }) => (await run(f, undefined, token)).agencies.map((a: any) => a.agencyId);
    // District admins read every record (docs/roles.md), so every agency's coverage too.
    expect(await agencies(await hub.login(Role.DISTRICT_ADMIN, { districtId: 3 }))).toEqual(all);
    expect(await agencies(await hub.login(Role.LEADER))).toEqual(all);
    const inspector = await hub.login(Role.INSPECTOR);
    expect(await agencies(inspector)).toEqual(all);
    // The inspector's look at the five item rows is in the audit trail.
    const [{ n }] = await hub.sql(`select count(distinct entity_id)::int as n from audit_entry where action = 'VIEW' and entity = 'ResponsibilityItem'`);
    expect(n).toBe(5);

    const reporter = await hub.login(Role.AGENCY_REPORTER, { agencyId: 2 });
    const own = await run({ years: [2019] }, undefined, reporter);
    expect(own.agencies.map((a: any) => a.agencyId)).toEqual(['Agency:2']);
    expect([own.totals.agencyCount, own.totals.planned, own.totals.delivered]).toEqual([1, 3, 3]);
    expect(await agencies(reporter, { years: [2019], agencyIds: ['Agency:2'] })).toEqual(['Agency:2']);
    const other = await hub.gqlAs(reporter, Q, { f: { agencyIds: ['Agency:2', 'Agency:1'] } });
    expect(other.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    expect(other.errors?.[0]?.message).toContain('Agency:1');

    for (const role of [Role.MEDIA_PARTNER, Role.SURVEY_OPERATOR]) {
      const res = await hub.gqlAs(await hub.login(role, role === Role.MEDIA_PARTNER ? { outletId: 1 } : {}), Q, { f: { years: [2019] } });
      expect(res.errors?.[0]?.extensions?.code, role).toBe('FORBIDDEN');
      expect(res.data ?? null).toBeNull();
    }
    const anonymous = await hub.gqlAs(null, Q, { f: { years: [2019] } });
    expect(anonymous.errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
  });

  it('uses the same few statements for one agency or all of them', async () => {
    const one = await countStatements(() => hub.gql(Q, { f: { years: [2019], agencyIds: ['Agency:1'] } }));
    const three = await countStatements(() => hub.gql(Q, { f: { years: [2019], agencyIds: ['Agency:1', 'Agency:2', 'Agency:3'] } }));
    expect(one.result.errors).toBeUndefined();
    expect(three.result.data.coverage.agencies).toHaveLength(3);
    // The viewer's token, the agency id check, the items with their activities, the district labels.
    expect(three.count, three.log.join('\n')).toBeLessThanOrEqual(4);
    expect(three.count).toBe(one.count);
  });
});
