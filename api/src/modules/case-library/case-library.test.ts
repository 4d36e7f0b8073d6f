import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { backends, startTestHub, type TestHub } from '../../test/hub.js';
import { ANALYTICS_FIXTURE } from '../analytics/analytics.fixture.js';
import { loadFixture, PORTAL_FIXTURE } from '../portal/portal.fixture.js';

const LIBRARY = `query($q: String, $f: CaseLibraryFilter, $first: Int, $offset: Int) {
  caseLibrary(query: $q, filter: $f, first: $first, offset: $offset) { totalCount hits { rank case { id title agency { name } } } }
}`;

/**
 * Published cases of the fixture: 1 过期食品案 (M, summary 摘要, body 正文, 2019-06-01), 3 餐饮店无证经营案
 * (H, summary …食品经营许可, body …《食品安全法》…, 2019-08-01), 4 宪法宣誓制度解读 (J, 2020-12-04).
 * Case 2 未公开案例 (M) is not published; its body says 超市销售过期食品.
 */
describe.each(backends())('case library on %s', (kind) => {
  let hub: TestHub;
  const search = async (vars: Record<string, unknown>) => {
    const res = await hub.gqlAs(null, LIBRARY, vars);
    expect(res.errors).toBeUndefined();
    return res.data.caseLibrary as { totalCount: number; hits: { rank: number | null; case: { id: string; title: string; agency: { name: string } } }[] };
  };
  const ids = async (vars: Record<string, unknown>) => {
    const r = await search(vars);
    return { total: r.totalCount, ids: r.hits.map((h) => h.case.id) };
  };

  beforeAll(async () => {
    hub = await startTestHub(kind);
    await loadFixture(hub, ANALYTICS_FIXTURE, PORTAL_FIXTURE);
  });
  afterAll(() => hub?.close());

  it('finds 过期食品案 for 食品, title matches first, and never the unpublished case', async () => {
    const r = await search({ q: '食品' });
    expect(r.hits.map((h) => h.case.id)).toEqual(['CaseStudy:1', 'CaseStudy:3']);
    expect(r.totalCount).toBe(2);
    expect(r.hits[0]!.case.title).toBe('过期食品案');
    // Title (weight A) outranks summary and body (B, C).
    expect(r.hits[0]!.rank!).toBeGreaterThan(r.hits[1]!.rank!);
    expect(r.hits[1]!.case.agency.name).toBe('市卫生健康委员会');
  });

  it('needs every word of a two-word query, and the characters of a word together', async () => {
    expect(await ids({ q: '食品 许可' })).toEqual({ total: 1, ids: ['CaseStudy:3'] });
    expect(await ids({ q: '食品，过期' })).toEqual({ total: 1, ids: ['CaseStudy:1'] });
    expect(await ids({ q: '过期食品' })).toEqual({ total: 1, ids: ['CaseStudy:1'] });
    // 食 and 许 both occur in case 3, but never side by side.
    expect(await ids({ q: '食许' })).toEqual({ total: 0, ids: [] });
    expect(await ids({ q: '食品安全法' })).toEqual({ total: 1, ids: ['CaseStudy:3'] });
  });

  it('finds a single character wherever it stands, the last of a title included', async () => {
    // Both titles end with 案 (weight A once each): equal ranks, the newer first.
    expect(await ids({ q: '案' })).toEqual({ total: 2, ids: ['CaseStudy:3', 'CaseStudy:1'] });
    expect(await ids({ q: '宪' })).toEqual({ total: 1, ids: ['CaseStudy:4'] });
  });

  it('answers an empty page for a query matching nothing', async () => {
    expect(await search({ q: '交通事故' })).toEqual({ totalCount: 0, hits: [] });
  });

  it('filters by law, domain, agency and year, newest first without a query', async () => {
    expect(await ids({ f: { domainIds: ['EnforcementDomain:1'] } })).toEqual({ total: 2, ids: ['CaseStudy:3', 'CaseStudy:1'] });
    expect(await ids({ f: { lawIds: ['Law:1'] } })).toEqual({ total: 1, ids: ['CaseStudy:4'] });
    expect(await ids({ f: { lawIds: ['Law:2'] }, q: '案' })).toEqual({ total: 2, ids: ['CaseStudy:3', 'CaseStudy:1'] });
    expect(await ids({ f: { agencyIds: ['Agency:3'] }, q: '食品' })).toEqual({ total: 1, ids: ['CaseStudy:3'] });
    expect(await ids({ f: { years: [2020] } })).toEqual({ total: 1, ids: ['CaseStudy:4'] });
    expect(await ids({})).toEqual({ total: 3, ids: ['CaseStudy:4', 'CaseStudy:3', 'CaseStudy:1'] });
    expect(await ids({ f: { agencyIds: [] } })).toEqual({ total: 0, ids: [] });
    expect((await search({})).hits.every((h) => h.rank === null)).toBe(true);
  });

  it('pages with first and offset; the total counts every hit', async () => {
    expect(await ids({ first: 2 })).toEqual({ total: 3, ids: ['CaseStudy:4', 'CaseStudy:3'] });
    expect(await ids({ first: 2, offset: 2 })).toEqual({ total: 3, ids: ['CaseStudy:1'] });
    expect(await ids({ offset: 10 })).toEqual({ total: 3, ids: [] });
  });

  it('follows edits: a case published or retitled is found by its new text at once', async () => {
    await hub.sql(`update case_study set published = true, published_on = '2019-09-01' where id = 2`);
    expect(await ids({ q: '过期食品' })).toEqual({ total: 2, ids: ['CaseStudy:1', 'CaseStudy:2'] });
    await hub.sql(`update case_study set title = '过期药品案' where id = 1`);
    expect(await ids({ q: '药品' })).toEqual({ total: 1, ids: ['CaseStudy:1'] });
    expect(await ids({ q: '过期食品' })).toEqual({ total: 1, ids: ['CaseStudy:2'] });
    await hub.sql(`delete from case_study_laws where case_id = 2`);
    await hub.sql(`delete from case_study where id = 2`);
    expect(await hub.sql(`select case_id from case_search where case_id = 2`)).toEqual([]);
  });

  it('refuses what it cannot search, naming the argument', async () => {
    const cases: [Record<string, unknown>, (string | number)[]][] = [
      [{ q: '？！……' }, ['query']],
      [{ q: '法'.repeat(101) }, ['query']],
      [{ f: { lawIds: ['Law:99'] } }, ['filter', 'lawIds', 0]],
      [{ f: { domainIds: ['Agency:1'] } }, ['filter', 'domainIds', 0]],
      [{ first: 0 }, ['first']],
      [{ offset: -1 }, ['offset']],
    ];
    for (const [vars, path] of cases) {
      const res = await hub.gqlAs(null, LIBRARY, vars);
      expect(res.errors![0]!.extensions!.code, JSON.stringify(vars)).toBe('BAD_USER_INPUT');
      expect(res.errors![0]!.extensions!.problems[0].path).toEqual(path);
    }
    expect((await hub.gqlAs(null, LIBRARY, { q: '？！' })).errors![0]!.message).toBe('"？！" holds nothing to search for: give Chinese characters, letters or digits');
  });
});
