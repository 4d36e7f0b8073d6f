import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { backends, startTestHub, type TestHub } from '../../test/hub.js';
import { ANALYTICS_FIXTURE } from '../analytics/analytics.fixture.js';
import { Role } from '../auth/role.js';
import { todayInShanghai } from './rows.js';

const SAVE = `mutation($key: String!, $rows: [CaseRowInput!]!) {
  saveCases(idempotencyKey: $key, rows: $rows) { batchId accepted inserted updated replayed }
}`;
const TOTALS = `{ analytics(measures: [CASE_COUNT]) { totals { value } } }`;

const row = (over: Record<string, unknown> = {}) => ({
  agencyId: 'Agency:2', title: '虚假宣传保健食品案', summary: '商家夸大保健食品功效被依法查处。', body: '【基本案情】……【处理结果】……【以案释法】……',
  domainId: 'EnforcementDomain:1', regionId: 'Region:4', lawIds: ['Law:2'], decidedOn: '2020-02-01', published: true, publishedOn: '2020-03-01', ...over,
});
const second = () => row({ title: '无证经营小作坊案', domainId: null, regionId: null, lawIds: ['Law:1', 'Law:2'], published: false, publishedOn: null });
const parse = (v: unknown) => (typeof v === 'string' ? JSON.parse(v) : v) as Record<string, any>;

describe.each(backends())('saving cases on %s', (kind) => {
  let hub: TestHub;
  let reporter: string;
  const count = async () => (await hub.sql(`select (select count(*)::int from case_study) as cases, (select count(*)::int from case_study_laws) as laws`))[0] as { cases: number; laws: number };
  const audits = async () => (await hub.sql('select count(*)::int as n from audit_entry'))[0].n as number;
  const published = async () => (await hub.gql(TOTALS)).data.analytics.totals[0].value as number;

  beforeAll(async () => {
    hub = await startTestHub(kind);
    for (const stmt of ANALYTICS_FIXTURE.split(';').map((s) => s.trim()).filter(Boolean)) await hub.sql(stmt);
    await hub.sql(`insert into agency (id, code, name, name_en, kind, level, region_id, valid_from) values (4, 'AJ', '甲区司法局', 'District A Justice', 'ENFORCEMENT', 'DISTRICT', 2, '2016-01-01')`);
    reporter = await hub.login(Role.AGENCY_REPORTER, { agencyId: 2 });
  });
  afterAll(() => hub?.close());

  it('writes a batch with its laws, moves the published-case count by what it published, audited', async () => {
    // Fixture: case 1 published, case 2 not; no law links.
    expect(await published()).toBe(1);
    expect(await count()).toEqual({ cases: 2, laws: 0 });
    const res = await hub.gqlAs(reporter, SAVE, { key: 'cases-0001', rows: [row(), second()] });
    expect(res.errors).toBeUndefined();
    expect(res.data.saveCases).toMatchObject({ accepted: 2, inserted: 2, updated: 0, replayed: false });
    // 4 cases; laws 1 + 2 = 3; published 1 + 1 = 2 (the second is not published).
    expect(await count()).toEqual({ cases: 4, laws: 3 });
    expect(await published()).toBe(2);
    const cases = await hub.gqlAs(reporter, `{ cases(filter: { agencyIds: ["Agency:2"] }) { edges { node { title summary decidedOn published publishedOn domain { id } region { id } laws { id } } } } }`);
    const byTitle = Object.fromEntries(cases.data.cases.edges.map((e: any) => [e.node.title, e.node]));
    expect(byTitle['虚假宣传保健食品案']).toEqual({
      title: '虚假宣传保健食品案', summary: '商家夸大保健食品功效被依法查处。', decidedOn: '2020-02-01', published: true, publishedOn: '2020-03-01',
      domain: { id: 'EnforcementDomain:1' }, region: { id: 'Region:4' }, laws: [{ id: 'Law:2' }],
    });
    expect(byTitle['无证经营小作坊案']).toMatchObject({ published: false, publishedOn: null, domain: null, region: null, laws: [{ id: 'Law:1' }, { id: 'Law:2' }] });
    const audit = await hub.sql(`select action, entity, batch from audit_entry where entity = 'CaseStudy' order by id`);
    expect(audit).toEqual(Array.from({ length: 2 }, () => ({ action: 'CREATE', entity: 'CaseStudy', batch: res.data.saveCases.batchId })));
  });

  it('answers a replay with the first result and writes nothing; another payload under the key is a conflict', async () => {
    const before = await count();
    const auditBefore = await audits();
    const replay = await hub.gqlAs(reporter, SAVE, { key: 'cases-0001', rows: [row(), second()] });
    expect(replay.data.saveCases).toMatchObject({ accepted: 2, inserted: 2, updated: 0, replayed: true });
    const conflict = await hub.gqlAs(reporter, SAVE, { key: 'cases-0001', rows: [row({ summary: '改过的摘要' })] });
    expect(conflict.errors![0]!.extensions!.code).toBe('CONFLICT');
    expect(await count()).toEqual(before);
    expect(await audits()).toBe(auditBefore);
    expect(await published()).toBe(2);
  });

  it('updates in place when a corrected case is resent under its natural key, with before and after in the audit trail', async () => {
    // The fixture's unpublished case 2 (Agency:2, 未公开案例) is published, with a law.
    const res = await hub.gqlAs(reporter, SAVE, { key: 'cases-0002', rows: [row({ title: '未公开案例', decidedOn: '2019-05-02', publishedOn: '2019-06-10' })] });
    expect(res.errors).toBeUndefined();
    expect(res.data.saveCases).toMatchObject({ inserted: 0, updated: 1 });
    // Still 4 cases; laws 3 + 1 = 4; published 2 + 1 = 3.
    expect(await count()).toEqual({ cases: 4, laws: 4 });
    expect(await published()).toBe(3);
    const [entry] = await hub.sql(`select entity_id, before, after, batch from audit_entry where action = 'UPDATE' and entity = 'CaseStudy'`);
    expect(entry.entity_id).toBe('2');
    expect(parse(entry.before)).toMatchObject({ id: 2, published: false, published_on: null, summary: '摘要', law_ids: [] });
    expect(parse(entry.after)).toMatchObject({ published: true, published_on: '2019-06-10', law_ids: [2] });
    expect(entry.batch).toBe(res.data.saveCases.batchId);
  });

  it('refuses a batch with any bad row, listing every problem by row and field, and writes nothing', async () => {
    const before = await count();
    const auditBefore = await audits();
    const today = todayInShanghai();
    const good = row({ title: '好的案例' });
    const res = await hub.gqlAs(reporter, SAVE, {
      key: 'cases-0003',
      rows: [
        good,
        row({ title: '太长', summary: '摘'.repeat(501), body: '文'.repeat(20_001) }),
        row({ title: '缺发布日期', publishedOn: null, regionId: 'Region:99' }),
        row({ title: '先发布后决定', decidedOn: '2020-05-01', publishedOn: '2020-04-30' }),
        row({ title: '未发布却有日期', published: false, publishedOn: '2020-03-01', lawIds: [] }),
        row({ title: '未来', decidedOn: '2099-01-01', publishedOn: '2099-02-01' }),
        { ...good, summary: '重复' },
      ],
    });
    expect(res.errors![0]!.extensions!.code).toBe('BAD_USER_INPUT');
    expect(res.errors![0]!.message).toBe('The batch was refused and nothing was written: 10 problems in 6 row(s) of cases; first: row 2, summary: at most 500 characters');
    expect(res.errors![0]!.extensions!.rowErrors).toEqual([
      { row: 1, field: 'summary', message: 'at most 500 characters' },
      { row: 1, field: 'body', message: 'at most 20000 characters' },
      { row: 2, field: 'publishedOn', message: 'required when published is true (YYYY-MM-DD)' },
      { row: 2, field: 'regionId', message: 'Region:99 does not exist' },
      { row: 3, field: 'publishedOn', message: '2020-04-30 is before decidedOn 2020-05-01' },
      { row: 4, field: 'lawIds', message: 'required: at least one Law id' },
      { row: 4, field: 'publishedOn', message: 'must be empty when published is false' },
      { row: 5, field: 'decidedOn', message: `2099-01-01 is outside 2000-01-01 … ${today}` },
      { row: 5, field: 'publishedOn', message: `2099-02-01 is in the future (today is ${today})` },
      { row: 6, field: 'title', message: 'same agency and title as row 1: send each case once' },
    ]);
    expect(await count()).toEqual(before);
    expect(await audits()).toBe(auditBefore);
    // The key was not spent: the corrected batch goes through under it. 5 cases, 5 laws; 4 published.
    const retry = await hub.gqlAs(reporter, SAVE, { key: 'cases-0003', rows: [good] });
    expect(retry.data.saveCases).toMatchObject({ inserted: 1, updated: 0 });
    expect(await count()).toEqual({ cases: 5, laws: 5 });
    expect(await published()).toBe(4);
  });

  it('refuses cases of another agency, other roles and the public, writing nothing; a district admin writes its district’s agencies', async () => {
    const district = await hub.login(Role.DISTRICT_ADMIN, { districtId: 2 });
    const operator = await hub.login(Role.SURVEY_OPERATOR);
    const before = await count();
    const auditBefore = await audits();
    const forged = await hub.gqlAs(reporter, SAVE, { key: 'cases-0004', rows: [row({ title: '冒名' }), row({ agencyId: 'Agency:1', title: '冒名' })] });
    expect(forged.errors![0]!.extensions!.code).toBe('FORBIDDEN');
    expect(forged.errors![0]!.extensions!.rowErrors).toEqual([{ row: 1, field: 'agencyId', message: 'Your account reports for Agency:2; it may not write records of Agency:1' }]);
    const outside = await hub.gqlAs(district, SAVE, { key: 'cases-0005', rows: [row({ title: '区外' })] });
    expect(outside.errors![0]!.extensions!.rowErrors).toEqual([{ row: 0, field: 'agencyId', message: 'Your account administers Region:2; Agency:2 is not in that district' }]);
    const wrongRole = await hub.gqlAs(operator, SAVE, { key: 'cases-0006', rows: [row({ title: '评估' })] });
    expect(wrongRole.errors![0]!.extensions!.code).toBe('FORBIDDEN');
    expect(wrongRole.errors![0]!.extensions!.rowErrors).toEqual([{ row: 0, field: 'agencyId', message: 'Your account (SURVEY_OPERATOR) may not write case study records' }]);
    expect((await hub.gqlAs(null, SAVE, { key: 'cases-0007', rows: [row({ title: '公众' })] })).errors![0]!.extensions!.code).toBe('UNAUTHENTICATED');
    expect(await count()).toEqual(before);
    expect(await audits()).toBe(auditBefore);
    const inside = await hub.gqlAs(district, SAVE, { key: 'cases-0008', rows: [row({ agencyId: 'Agency:4', title: '甲区案例' })] });
    expect(inside.data.saveCases).toMatchObject({ inserted: 1, updated: 0 });
    // 6 cases, 6 laws; 5 published.
    expect(await count()).toEqual({ cases: 6, laws: 6 });
    expect(await published()).toBe(5);
  });
});
