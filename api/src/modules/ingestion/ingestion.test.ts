import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { backends, startTestHub, type TestHub } from '../../test/hub.js';
import { ANALYTICS_FIXTURE } from '../analytics/analytics.fixture.js';
import { Role } from '../auth/role.js';

const REPORT = `mutation($key: String!, $rows: [ActivityRowInput!]!) {
  reportActivities(idempotencyKey: $key, rows: $rows) { batchId accepted inserted updated replayed }
}`;
const TOTALS = `{ analytics(measures: [ACTIVITY_COUNT, PARTICIPANTS], filter: { agencyIds: ["Agency:2"] }) { totals { value } } }`;

const row = (over: Record<string, unknown> = {}) => ({
  title: '食品安全进社区', date: '2019-06-15', regionId: 'Region:4', organiserId: 'Agency:2', form: 'LECTURE',
  venueType: 'COMMUNITY', audiences: ['ELDERLY', 'COMMUNITY_RESIDENTS'], lawIds: ['Law:2'], participants: 80, materials: 120, consultations: 6, ...over,
});

describe.each(backends())('reporting activities on %s', (kind) => {
  let hub: TestHub;
  let reporter: string;
  const count = async () => (await hub.sql('select count(*)::int as n from activity'))[0].n as number;
  const totals = async () => (await hub.gql(TOTALS)).data.analytics.totals.map((t: any) => t.value);

  beforeAll(async () => {
    hub = await startTestHub(kind);
    for (const stmt of ANALYTICS_FIXTURE.split(';').map((s) => s.trim()).filter(Boolean)) await hub.sql(stmt);
    await hub.sql(`insert into responsibility_item (id, agency_id, year, title, domain_id, audiences, forms, venue_types, planned_count, starts_on, ends_on, responsible_leader, responsible_department, published)
      values (1, 2, 2019, '食品安全法进社区', 1, array['ELDERLY'], array['LECTURE'], array['COMMUNITY'], 4, '2019-01-01', '2019-12-31', '王副局长', '法规科', true),
             (2, 3, 2019, '卫生健康法宣传', 1, array['PATIENTS'], array['LECTURE'], array['COMMUNITY'], 2, '2019-01-01', '2019-12-31', '赵副主任', '法规科', true)`);
    reporter = await hub.login(Role.AGENCY_REPORTER, { agencyId: 2 });
  });
  afterAll(() => hub?.close());

  it('writes a batch and moves every figure by exactly what it added', async () => {
    expect(await totals()).toEqual([3, 450]);
    const res = await hub.gqlAs(reporter, REPORT, {
      key: 'batch-0001',
      rows: [row({ coOrganiserIds: ['Agency:1'], itemIds: ['ResponsibilityItem:1'] }), row({ title: '消费者权益日咨询', date: '2019-03-15', participants: 40, form: 'CONSULTATION' })],
    });
    expect(res.errors).toBeUndefined();
    expect(res.data.reportActivities).toMatchObject({ accepted: 2, inserted: 2, updated: 0, replayed: false });
    expect(await totals()).toEqual([5, 570]);
    const [pivots] = await hub.sql(`select (select count(*)::int from activity_co_organisers) as co, (select count(*)::int from activity_items) as items`);
    expect(pivots).toEqual({ co: 3, items: 1 });
    const audit = await hub.sql(`select action, entity, batch from audit_entry where entity = 'Activity' order by id`);
    expect(audit).toEqual([
      { action: 'CREATE', entity: 'Activity', batch: res.data.reportActivities.batchId },
      { action: 'CREATE', entity: 'Activity', batch: res.data.reportActivities.batchId },
    ]);
  });

  it('answers a replay with the first result and writes nothing; another payload under the key is a conflict', async () => {
    const before = await count();
    const auditBefore = (await hub.sql('select count(*)::int as n from audit_entry'))[0].n;
    const replay = await hub.gqlAs(reporter, REPORT, {
      key: 'batch-0001',
      rows: [row({ coOrganiserIds: ['Agency:1'], itemIds: ['ResponsibilityItem:1'] }), row({ title: '消费者权益日咨询', date: '2019-03-15', participants: 40, form: 'CONSULTATION' })],
    });
    expect(replay.data.reportActivities).toMatchObject({ accepted: 2, inserted: 2, updated: 0, replayed: true });
    const conflict = await hub.gqlAs(reporter, REPORT, { key: 'batch-0001', rows: [row({ participants: 81 })] });
    expect(conflict.errors![0]!.extensions!.code).toBe('CONFLICT');
    expect(await count()).toBe(before);
    expect((await hub.sql('select count(*)::int as n from audit_entry'))[0].n).toBe(auditBefore);
  });

  it('updates in place when a corrected row is resent under its natural key, with before and after in the audit trail', async () => {
    const before = await count();
    const res = await hub.gqlAs(reporter, REPORT, { key: 'batch-0002', rows: [row({ participants: 95 })] });
    expect(res.data.reportActivities).toMatchObject({ inserted: 0, updated: 1 });
    expect(await count()).toBe(before);
    expect(await totals()).toEqual([5, 585]);
    const [entry] = await hub.sql(`select before, after from audit_entry where action = 'UPDATE' and entity = 'Activity'`);
    const parse = (v: unknown) => (typeof v === 'string' ? JSON.parse(v) : v) as Record<string, unknown>;
    expect(parse(entry.before).participants).toBe(80);
    expect(parse(entry.after).participants).toBe(95);
    // Both images carry the links: before, as batch-0001 wrote them; after, as resent (none).
    expect(parse(entry.before)).toMatchObject({ coOrganisers: [1], items: [1], laws: [2] });
    expect(parse(entry.after)).toMatchObject({ coOrganisers: [], items: [], laws: [2] });
    // The resend named no co-organiser or item: the activity's links follow the latest report.
    const [pivots] = await hub.sql(`select (select count(*)::int from activity_co_organisers) as co, (select count(*)::int from activity_items) as items`);
    expect(pivots).toEqual({ co: 2, items: 0 });
  });

  it('stores any text exactly as sent, and a resend of it finds the same record', async () => {
    const titles = ['引号 "双" \'单\'', 'back\\slash \\"', '{花括号,逗号}', 'NULL', '  前后空格会去掉  ', 'emoji 🎉 与 tab\t', 'a\nb'];
    const rows = titles.map((title, i) => row({ title, date: `2019-10-${String(i + 1).padStart(2, '0')}`, troupe: title.trim(), audiences: ['ELDERLY'] }));
    const res = await hub.gqlAs(reporter, REPORT, { key: 'batch-text-1', rows });
    expect(res.data.reportActivities).toMatchObject({ inserted: titles.length, updated: 0 });
    const stored = await hub.sql(`select title, troupe from activity where date between '2019-10-01' and '2019-10-31' order by date`);
    expect(stored).toEqual(titles.map((t) => ({ title: t.trim(), troupe: t.trim() })));
    const again = await hub.gqlAs(reporter, REPORT, { key: 'batch-text-2', rows: rows.map((r) => ({ ...r, participants: 1 })) });
    expect(again.data.reportActivities).toMatchObject({ inserted: 0, updated: titles.length });
    // PostgreSQL text cannot hold U+0000: refused by row, not a server error.
    const nul = await hub.gqlAs(reporter, REPORT, { key: 'batch-text-3', rows: [row({ title: 'a\u0000b' })] });
    expect(nul.errors![0]!.extensions).toMatchObject({ code: 'BAD_USER_INPUT', rowErrors: [{ row: 0, field: 'title', message: 'must not contain the NUL character (U+0000)' }] });
  });

  it('refuses a batch with any bad row, listing every problem by row and field, and writes nothing', async () => {
    const before = await count();
    const res = await hub.gqlAs(reporter, REPORT, {
      key: 'batch-0003',
      rows: [
        row({ title: '好的一行' }),
        row({ title: '坏的一行', regionId: 'Region:99', participants: -5, date: '2099-01-01' }),
        row({ title: '别人的任务', itemIds: ['ResponsibilityItem:2'] }),
        row({ title: "'; drop table activity; --", coOrganiserIds: ['Agency:2'], lawIds: ['Law:7'] }),
      ],
    });
    expect(res.errors![0]!.extensions!.code).toBe('BAD_USER_INPUT');
    expect(res.errors![0]!.message).toMatch(/^The batch was refused and nothing was written: 6 problems in 3 row\(s\) of activities; first: row 2, date/);
    expect(res.errors![0]!.extensions!.rowErrors).toEqual([
      { row: 1, field: 'date', message: '2099-01-01 is outside 2000-01-01 … ' + new Date(Date.now() + 8 * 3600e3).toISOString().slice(0, 10) },
      { row: 1, field: 'participants', message: 'must be a whole number from 0 to 100000' },
      { row: 1, field: 'regionId', message: 'Region:99 does not exist' },
      { row: 2, field: 'itemIds.0', message: 'ResponsibilityItem:2 belongs to Agency:3, neither the organiser nor a co-organiser' },
      { row: 3, field: 'lawIds.0', message: 'Law:7 does not exist' },
      { row: 3, field: 'coOrganiserIds.0', message: 'the organiser cannot also be a co-organiser' },
    ]);
    expect(await count()).toBe(before);
    // The key was not spent: the corrected batch goes through under it.
    const retry = await hub.gqlAs(reporter, REPORT, { key: 'batch-0003', rows: [row({ title: '好的一行' })] });
    expect(retry.data.reportActivities.inserted).toBe(1);
  });

  it('refuses rows for another agency, other roles and the public, writing nothing', async () => {
    const before = await count();
    const forged = await hub.gqlAs(reporter, REPORT, { key: 'batch-0004', rows: [row({ organiserId: 'Agency:1', title: '冒名' })] });
    expect(forged.errors![0]!.extensions!.code).toBe('FORBIDDEN');
    expect(forged.errors![0]!.extensions!.rowErrors[0]).toMatchObject({ row: 0, field: 'organiserId' });
    const media = await hub.login(Role.MEDIA_PARTNER, { outletId: 1 });
    expect((await hub.gqlAs(media, REPORT, { key: 'batch-0005', rows: [row()] })).errors![0]!.extensions!.code).toBe('FORBIDDEN');
    expect((await hub.gqlAs(null, REPORT, { key: 'batch-0006', rows: [row()] })).errors![0]!.extensions!.code).toBe('UNAUTHENTICATED');
    const tooMany = await hub.gqlAs(reporter, REPORT, { key: 'batch-0007', rows: Array.from({ length: 5001 }, (_, i) => row({ title: `行${i}` })) });
    expect(tooMany.errors![0]!.extensions!.code).toBe('BAD_USER_INPUT');
    expect(await count()).toBe(before);
  });
});
