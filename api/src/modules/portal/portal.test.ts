import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { backends, countStatements, startTestHub, type TestHub } from '../../test/hub.js';
import { ANALYTICS_FIXTURE } from '../analytics/analytics.fixture.js';
import { loadFixture, PORTAL_FIXTURE } from './portal.fixture.js';

const AGENCIES = `query($y: Int!) { portalAgencies(year: $y) { agency { id code } publishedItems calendarActivities publishedCases } }`;
const PORTAL = `query($a: ID!, $y: Int!) { agencyPortal(agencyId: $a, year: $y) {
  agency { name } year
  items { id title audiences forms venueTypes plannedCount startsOn endsOn responsibleLeader responsibleDepartment published laws { name } targetDistricts { name } }
  activities { id title date form organiser { name } coOrganisers { name } laws { name } region { name } items { id title } }
  cases { id title publishedOn laws { name } }
} }`;
const MENU = `query($a: ID!, $y: Int!) { menu(agencyId: $a, year: $y) { id title published } }`;
const FIGURES = `query($y: Int!) { portalFigures(year: $y) { year activities participants materialsDistributed consultations publishedCases publishedItems agenciesWithPublishedList } }`;
const LIBRARY = `query($q: String) { caseLibrary(query: $q) { totalCount hits { case { id title } } } }`;

/** Every trace of the unpublished records of the fixture: titles and ids. */
const UNPUBLISHED = ['内部草案事项', '卫生未公开事项', '未公开案例', 'ResponsibilityItem:2', 'ResponsibilityItem:4', 'CaseStudy:2'];

describe.each(backends())('public portal on %s', (kind) => {
  let hub: TestHub;
  const anon = async (query: string, variables: Record<string, unknown>) => {
    const res = await hub.gqlAs(null, query, variables);
    expect(res.errors).toBeUndefined();
    return res.data;
  };

  beforeAll(async () => {
    hub = await startTestHub(kind);
    await loadFixture(hub, ANALYTICS_FIXTURE, PORTAL_FIXTURE);
  });
  afterAll(() => hub?.close());

  it('lists the agencies that published for the year, counting only published records', async () => {
    const { portalAgencies } = await anon(AGENCIES, { y: 2019 });
    // H: item 4 unpublished, activity 3 delivers only it, case 3 published; J: item 3, activity 1;
    // M: item 1 (not 2), activities 1 (co-organiser) and 2, case 1 (not 2).
    expect(portalAgencies).toEqual([
      { agency: { id: 'Agency:3', code: 'H' }, publishedItems: 0, calendarActivities: 0, publishedCases: 1 },
      { agency: { id: 'Agency:1', code: 'J' }, publishedItems: 1, calendarActivities: 1, publishedCases: 0 },
      { agency: { id: 'Agency:2', code: 'M' }, publishedItems: 1, calendarActivities: 2, publishedCases: 1 },
    ]);
    expect((await anon(AGENCIES, { y: 2021 })).portalAgencies).toEqual([]);
  });

  it('shows an agency’s published list and plan, its calendar of published work and its cases, without sign-in', async () => {
    const { agencyPortal } = await anon(PORTAL, { a: 'Agency:2', y: 2019 });
    expect(agencyPortal.agency.name).toBe('市市场监督管理局');
    expect(agencyPortal.items).toEqual([{
      id: 'ResponsibilityItem:1', title: '食品安全法进社区', audiences: ['ELDERLY', 'COMMUNITY_RESIDENTS'], forms: ['CONSULTATION', 'MATERIAL_HANDOUT'], venueTypes: ['COMMUNITY'],
      plannedCount: 4, startsOn: '2019-03-01', endsOn: '2019-12-31', responsibleLeader: '王副局长', responsibleDepartment: '法规科', published: true,
      laws: [{ name: '食品安全法' }], targetDistricts: [{ name: '乙区' }],
    }]);
    expect(agencyPortal.activities).toEqual([
      { id: 'Activity:1', title: '宪法进校园', date: '2019-03-10', form: 'LECTURE', organiser: { name: '市司法局' }, coOrganisers: [{ name: '市市场监督管理局' }],
        laws: [{ name: '宪法' }], region: { name: '甲一街道' }, items: [{ id: 'ResponsibilityItem:3', title: '宪法宣传周' }] },
      // Activity 2 also delivers the unpublished item 2, which is left out.
      { id: 'Activity:2', title: '食品安全咨询', date: '2019-03-25', form: 'CONSULTATION', organiser: { name: '市市场监督管理局' }, coOrganisers: [],
        laws: [{ name: '食品安全法' }], region: { name: '乙一街道' }, items: [{ id: 'ResponsibilityItem:1', title: '食品安全法进社区' }] },
    ]);
    expect(agencyPortal.cases).toEqual([{ id: 'CaseStudy:1', title: '过期食品案', publishedOn: '2019-06-01', laws: [{ name: '食品安全法' }] }]);

    const health = (await anon(PORTAL, { a: 'Agency:3', y: 2019 })).agencyPortal;
    expect([health.items, health.activities, health.cases.map((c: any) => c.id)]).toEqual([[], [], ['CaseStudy:3']]);
    const justice2020 = (await anon(PORTAL, { a: 'Agency:1', y: 2020 })).agencyPortal;
    expect([justice2020.items, justice2020.activities, justice2020.cases.map((c: any) => c.id)]).toEqual([[], [], ['CaseStudy:4']]);
  });

  it('never shows an unpublished item or case, to the public or to an admin, in lists, counts or search', async () => {
    const answers: unknown[] = [await anon(AGENCIES, { y: 2019 })];
    for (const a of ['Agency:1', 'Agency:2', 'Agency:3']) {
      answers.push(await anon(PORTAL, { a, y: 2019 }), await anon(MENU, { a, y: 2019 }));
      answers.push((await hub.gql(PORTAL, { a, y: 2019 })).data);
    }
    for (const q of [null, '食品', '过期食品', '案', '未公开']) answers.push(await anon(LIBRARY, { q }), (await hub.gql(LIBRARY, { q })).data);
    const text = JSON.stringify(answers);
    for (const secret of UNPUBLISHED) expect(text).not.toContain(secret);
    // The admin sees the public portal too, not more.
    expect((await hub.gql(PORTAL, { a: 'Agency:2', y: 2019 })).data).toEqual(await anon(PORTAL, { a: 'Agency:2', y: 2019 }));
    expect((await anon(LIBRARY, { q: '未公开' })).caseLibrary).toEqual({ totalCount: 0, hits: [] });
  });

  it('serves the menu: the published items only', async () => {
    expect((await anon(MENU, { a: 'Agency:2', y: 2019 })).menu).toEqual([{ id: 'ResponsibilityItem:1', title: '食品安全法进社区', published: true }]);
    expect((await anon(MENU, { a: 'Agency:3', y: 2019 })).menu).toEqual([]);
  });

  it('gives the city-wide figures of a year, zeros for a year without records', async () => {
    // 2019: activities 1–3 (100 + 50 + 300 participants, 200 + 80 + 0 materials, 10 + 30 + 5 consultations);
    // cases published in 2019: 1 and 3; published items: 1 and 3, of agencies M and J.
    expect((await anon(FIGURES, { y: 2019 })).portalFigures).toEqual({
      year: 2019, activities: 3, participants: 450, materialsDistributed: 280, consultations: 45, publishedCases: 2, publishedItems: 2, agenciesWithPublishedList: 2,
    });
    expect((await anon(FIGURES, { y: 2030 })).portalFigures).toEqual({
      year: 2030, activities: 0, participants: 0, materialsDistributed: 0, consultations: 0, publishedCases: 0, publishedItems: 0, agenciesWithPublishedList: 0,
    });
  });

  it('reads a portal page in a constant number of statements', async () => {
    const flat = PORTAL.replace(' targetDistricts { name }', '');
    const big = await countStatements(() => hub.gqlAs(null, flat, { a: 'Agency:2', y: 2019 }));
    const small = await countStatements(() => hub.gqlAs(null, flat, { a: 'Agency:1', y: 2019 }));
    expect(big.result.errors).toBeUndefined();
    expect(big.count).toBe(small.count);
    expect(big.count).toBeLessThanOrEqual(16);
  });

  it('refuses a malformed agency or year with the argument named', async () => {
    const cases: [Record<string, unknown>, string, string][] = [
      [{ a: 'Law:1', y: 2019 }, 'agencyId', '"Law:1" is not an Agency id (expected the form Agency:123)'],
      [{ a: 'Agency:99', y: 2019 }, 'agencyId', 'Agency:99 does not exist'],
      [{ a: 'Agency:1', y: 1999 }, 'year', 'year must be between 2000 and 2100, not 1999'],
    ];
    for (const [vars, path, message] of cases) {
      const res = await hub.gqlAs(null, PORTAL, vars);
      expect(res.errors![0]!.extensions!.code).toBe('BAD_USER_INPUT');
      expect(res.errors![0]!.message).toBe(message);
      expect(res.errors![0]!.extensions!.problems[0].path).toEqual([path]);
    }
    expect((await hub.gqlAs(null, MENU, { a: 'Agency:99', y: 2019 })).errors![0]!.extensions!.code).toBe('BAD_USER_INPUT');
  });
});
