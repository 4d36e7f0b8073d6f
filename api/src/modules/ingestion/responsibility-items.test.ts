import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { backends, startTestHub, type TestHub } from '../../test/hub.js';
import { ANALYTICS_FIXTURE } from '../analytics/analytics.fixture.js';
import { Role } from '../auth/role.js';
import { LOCK_MESSAGE } from './locks.js';
import { todayInShanghai } from './rows.js';

const SAVE = `mutation($key: String!, $rows: [ResponsibilityItemRowInput!]!, $reason: String) {
  saveResponsibilityItems(idempotencyKey: $key, rows: $rows, reason: $reason) { batchId accepted inserted updated replayed }
}`;
const ITEMS = `{ responsibilityItems(filter: { agencyIds: ["Agency:2"] }) { edges { node {
  title year plannedCount published startsOn endsOn audiences forms venueTypes responsibleLeader responsibleDepartment
  domain { id } laws { id } targetDistricts { id } } } } }`;

/** The current year in Asia/Shanghai: its lists are open; the years before are closed. */
const Y = Number(todayInShanghai().slice(0, 4));

const row = (over: Record<string, unknown> = {}) => ({
  agencyId: 'Agency:2', year: Y, title: '食品安全法进社区', domainId: 'EnforcementDomain:1', lawIds: ['Law:2'],
  audiences: ['ELDERLY', 'COMMUNITY_RESIDENTS'], forms: ['LECTURE'], venueTypes: ['COMMUNITY'], targetDistrictIds: ['Region:2', 'Region:3'],
  plannedCount: 10, startsOn: `${Y}-03-01`, endsOn: `${Y}-12-31`, responsibleLeader: '王副局长', responsibleDepartment: '法规科', published: false, ...over,
});
const second = () => row({ title: '消费者权益日宣传', lawIds: ['Law:1', 'Law:2'], targetDistrictIds: ['Region:3'], plannedCount: 4, startsOn: `${Y}-03-01`, endsOn: `${Y}-03-31`, published: true });
const parse = (v: unknown) => (typeof v === 'string' ? JSON.parse(v) : v) as Record<string, any>;

describe.each(backends())('saving responsibility items on %s', (kind) => {
  let hub: TestHub;
  let reporter: string;
  const count = async () => (await hub.sql(`select (select count(*)::int from responsibility_item) as items,
    (select count(*)::int from responsibility_item_laws) as laws, (select count(*)::int from responsibility_item_districts) as districts`))[0] as { items: number; laws: number; districts: number };
  const audits = async () => (await hub.sql('select count(*)::int as n from audit_entry'))[0].n as number;
  const item = async (title: string) => (await hub.sql(`select id, planned_count, published,
      (select count(*)::int from activity_items x where x.item_id = i.id)::float8 / nullif(planned_count, 0) as coverage
    from responsibility_item i where agency_id = 2 and year = ${Y} and title = '${title}'`))[0] as { id: number; planned_count: number; published: boolean; coverage: number };

  beforeAll(async () => {
    hub = await startTestHub(kind);
    for (const stmt of ANALYTICS_FIXTURE.split(';').map((s) => s.trim()).filter(Boolean)) await hub.sql(stmt);
    // A district agency (in district A, Region:2) for the district admin.
    await hub.sql(`insert into agency (id, code, name, name_en, kind, level, region_id, valid_from) values (4, 'AJ', '甲区司法局', 'District A Justice', 'ENFORCEMENT', 'DISTRICT', 2, '2016-01-01')`);
    reporter = await hub.login(Role.AGENCY_REPORTER, { agencyId: 2 });
  });
  afterAll(() => hub?.close());

  it('writes a batch with its laws and districts, audited', async () => {
    expect(await count()).toEqual({ items: 0, laws: 0, districts: 0 });
    const res = await hub.gqlAs(reporter, SAVE, { key: 'items-0001', rows: [row(), second()] });
    expect(res.errors).toBeUndefined();
    expect(res.data.saveResponsibilityItems).toMatchObject({ accepted: 2, inserted: 2, updated: 0, replayed: false });
    // Laws 1 + 2 = 3; districts 2 + 1 = 3.
    expect(await count()).toEqual({ items: 2, laws: 3, districts: 3 });
    const items = await hub.gqlAs(reporter, ITEMS);
    expect(items.errors).toBeUndefined();
    const byTitle = Object.fromEntries(items.data.responsibilityItems.edges.map((e: any) => [e.node.title, e.node]));
    expect(byTitle['食品安全法进社区']).toEqual({
      title: '食品安全法进社区', year: Y, plannedCount: 10, published: false, startsOn: `${Y}-03-01`, endsOn: `${Y}-12-31`,
      audiences: ['ELDERLY', 'COMMUNITY_RESIDENTS'], forms: ['LECTURE'], venueTypes: ['COMMUNITY'], responsibleLeader: '王副局长', responsibleDepartment: '法规科',
      domain: { id: 'EnforcementDomain:1' }, laws: [{ id: 'Law:2' }], targetDistricts: [{ id: 'Region:2' }, { id: 'Region:3' }],
    });
    expect(byTitle['消费者权益日宣传']).toMatchObject({ plannedCount: 4, published: true, laws: [{ id: 'Law:1' }, { id: 'Law:2' }], targetDistricts: [{ id: 'Region:3' }] });
    const audit = await hub.sql(`select action, entity, batch, reason, before from audit_entry where entity = 'ResponsibilityItem' order by id`);
    expect(audit).toEqual(Array.from({ length: 2 }, () => ({ action: 'CREATE', entity: 'ResponsibilityItem', batch: res.data.saveResponsibilityItems.batchId, reason: null, before: null })));
  });

  it('answers a replay with the first result and writes nothing; other rows or a reason under the key are a conflict', async () => {
    const before = await count();
    const auditBefore = await audits();
    const replay = await hub.gqlAs(reporter, SAVE, { key: 'items-0001', rows: [row(), second()] });
    expect(replay.data.saveResponsibilityItems).toMatchObject({ accepted: 2, inserted: 2, updated: 0, replayed: true });
    const conflict = await hub.gqlAs(reporter, SAVE, { key: 'items-0001', rows: [row({ plannedCount: 11 })] });
    expect(conflict.errors![0]!.extensions!.code).toBe('CONFLICT');
    const withReason = await hub.gqlAs(reporter, SAVE, { key: 'items-0001', rows: [row(), second()], reason: '补充说明理由' });
    expect(withReason.errors![0]!.extensions!.code).toBe('CONFLICT');
    expect(await count()).toEqual(before);
    expect(await audits()).toBe(auditBefore);
  });

  it('updates an unpublished item of the current year in place when resent, links included, with before and after in the audit trail', async () => {
    const res = await hub.gqlAs(reporter, SAVE, { key: 'items-0002', rows: [row({ plannedCount: 12, targetDistrictIds: ['Region:2'], published: true })] });
    expect(res.errors).toBeUndefined();
    expect(res.data.saveResponsibilityItems).toMatchObject({ inserted: 0, updated: 1 });
    // Still 2 items; districts 3 − 2 + 1 = 2.
    expect(await count()).toEqual({ items: 2, laws: 3, districts: 2 });
    expect(await item('食品安全法进社区')).toMatchObject({ planned_count: 12, published: true });
    const [entry] = await hub.sql(`select before, after, batch, reason from audit_entry where action = 'UPDATE' and entity = 'ResponsibilityItem'`);
    expect(parse(entry.before)).toMatchObject({ planned_count: 10, published: false, target_district_ids: [2, 3], law_ids: [2] });
    expect(parse(entry.after)).toMatchObject({ planned_count: 12, published: true, target_district_ids: [2], law_ids: [2] });
    expect(entry.batch).toBe(res.data.saveResponsibilityItems.batchId);
    expect(entry.reason).toBeNull();
  });

  it('refuses a batch with any bad row, listing every problem by row and field, and writes nothing', async () => {
    const before = await count();
    const auditBefore = await audits();
    const good = row({ title: '好的一行', plannedCount: 3 });
    const res = await hub.gqlAs(reporter, SAVE, {
      key: 'items-0003',
      rows: [
        good,
        row({ title: '年份不对', year: 2015, plannedCount: 1001 }),
        row({ title: '窗口颠倒', startsOn: `${Y}-05-01`, endsOn: `${Y}-04-30`, forms: [], targetDistrictIds: ['Region:4'] }),
        { ...good, lawIds: ['Law:9'] },
        row({ title: '跨年', endsOn: `${Y + 1}-01-01`, responsibleLeader: '   ', domainId: 'Law:1' }),
      ],
    });
    expect(res.errors![0]!.extensions!.code).toBe('BAD_USER_INPUT');
    expect(res.errors![0]!.message).toBe(`The batch was refused and nothing was written: 10 problems in 4 row(s) of responsibility-items; first: row 2, year: must be a whole number from 2016 to ${Y + 1}`);
    expect(res.errors![0]!.extensions!.rowErrors).toEqual([
      { row: 1, field: 'year', message: `must be a whole number from 2016 to ${Y + 1}` },
      { row: 1, field: 'plannedCount', message: 'must be a whole number from 0 to 1000' },
      { row: 2, field: 'endsOn', message: `${Y}-04-30 is before startsOn ${Y}-05-01` },
      { row: 2, field: 'forms', message: 'required: at least one form' },
      { row: 2, field: 'targetDistrictIds.0', message: 'Region:4 is a STREET; give DISTRICT-level regions' },
      { row: 3, field: 'lawIds.0', message: 'Law:9 does not exist' },
      { row: 3, field: 'title', message: 'same agency, year and title as row 1: send each item once' },
      { row: 4, field: 'endsOn', message: `${Y + 1}-01-01 is outside ${Y}-01-01 … ${Y}-12-31` },
      { row: 4, field: 'domainId', message: '"Law:1" is not a EnforcementDomain id (expected EnforcementDomain:123)' },
      { row: 4, field: 'responsibleLeader', message: 'required' },
    ]);
    expect(await count()).toEqual(before);
    expect(await audits()).toBe(auditBefore);
    // The key was not spent: the corrected batch goes through under it. 3 items; laws 3 + 1 = 4; districts 2 + 2 = 4.
    const retry = await hub.gqlAs(reporter, SAVE, { key: 'items-0003', rows: [good] });
    expect(retry.data.saveResponsibilityItems).toMatchObject({ inserted: 1, updated: 0 });
    expect(await count()).toEqual({ items: 3, laws: 4, districts: 4 });
  });

  it('refuses items of another agency, other roles and the public, writing nothing; a district admin writes its district’s agencies', async () => {
    const district = await hub.login(Role.DISTRICT_ADMIN, { districtId: 2 });
    const media = await hub.login(Role.MEDIA_PARTNER, { outletId: 1 });
    const leader = await hub.login(Role.LEADER);
    const before = await count();
    const auditBefore = await audits();
    const forged = await hub.gqlAs(reporter, SAVE, { key: 'items-0004', rows: [row({ title: '冒名' }), row({ agencyId: 'Agency:3', title: '冒名' })] });
    expect(forged.errors![0]!.extensions!.code).toBe('FORBIDDEN');
    expect(forged.errors![0]!.extensions!.rowErrors).toEqual([{ row: 1, field: 'agencyId', message: 'Your account reports for Agency:2; it may not write records of Agency:3' }]);
    const outside = await hub.gqlAs(district, SAVE, { key: 'items-0005', rows: [row({ title: '区外' })] });
    expect(outside.errors![0]!.extensions!.rowErrors).toEqual([{ row: 0, field: 'agencyId', message: 'Your account administers Region:2; Agency:2 is not in that district' }]);
    const wrongRole = await hub.gqlAs(media, SAVE, { key: 'items-0006', rows: [row({ title: '媒体' })] });
    expect(wrongRole.errors![0]!.extensions!.code).toBe('FORBIDDEN');
    expect(wrongRole.errors![0]!.extensions!.rowErrors).toEqual([{ row: 0, field: 'agencyId', message: 'Your account (MEDIA_PARTNER) may not write responsibility item records' }]);
    expect((await hub.gqlAs(leader, SAVE, { key: 'items-0007', rows: [row({ title: '领导' })] })).errors![0]!.extensions!.code).toBe('FORBIDDEN');
    expect((await hub.gqlAs(null, SAVE, { key: 'items-0008', rows: [row({ title: '公众' })] })).errors![0]!.extensions!.code).toBe('UNAUTHENTICATED');
    expect(await count()).toEqual(before);
    expect(await audits()).toBe(auditBefore);
    const inside = await hub.gqlAs(district, SAVE, { key: 'items-0009', rows: [row({ agencyId: 'Agency:4', title: '甲区普法' })] });
    expect(inside.data.saveResponsibilityItems).toMatchObject({ inserted: 1, updated: 0 });
    // 4 items; laws 4 + 1 = 5; districts 4 + 2 = 6.
    expect(await count()).toEqual({ items: 4, laws: 5, districts: 6 });
  });

  it('locks a published item: the reporter cannot lower its planned count to raise its coverage; an administrator with a reason can', async () => {
    const { id } = await item('食品安全法进社区');
    // Three activities deliver the item (published, planned 12): coverage 3 / 12 = 0.25.
    await hub.sql(`insert into activity (id, title, date, region_id, organiser_id, form, audiences, participants, materials, consultations, online_views) values
      (101, '进社区一', '${Y}-03-02', 4, 2, 'LECTURE', array['ELDERLY'], 10, 0, 0, 0), (102, '进社区二', '${Y}-03-03', 4, 2, 'LECTURE', array['ELDERLY'], 10, 0, 0, 0),
      (103, '进社区三', '${Y}-03-04', 4, 2, 'LECTURE', array['ELDERLY'], 10, 0, 0, 0)`);
    await hub.sql(`insert into activity_items (activity_id, item_id) values (101, ${id}), (102, ${id}), (103, ${id})`);
    expect(await item('食品安全法进社区')).toMatchObject({ planned_count: 12, coverage: 0.25 });
    const locked = row({ plannedCount: 12, targetDistrictIds: ['Region:2'], published: true });
    const before = await count();
    const auditBefore = await audits();

    // Lowering 12 → 6 would make it 3 / 6 = 0.5: refused, and nothing changes.
    const lower = await hub.gqlAs(reporter, SAVE, { key: 'items-lock-1', rows: [{ ...locked, plannedCount: 6 }] });
    expect(lower.errors![0]!.extensions!.code).toBe('FORBIDDEN');
    expect(lower.errors![0]!.message).toBe(`The batch was refused and nothing was written: 1 problem in 1 row(s) of responsibility-items; first: row 1, plannedCount: ${LOCK_MESSAGE}`);
    expect(lower.errors![0]!.extensions!.rowErrors).toEqual([{ row: 0, field: 'plannedCount', message: LOCK_MESSAGE }]);
    // Unpublishing is a change too; so is a reason from a reporter.
    const unpublish = await hub.gqlAs(reporter, SAVE, { key: 'items-lock-2', rows: [{ ...locked, published: false }] });
    expect(unpublish.errors![0]!.extensions!.rowErrors).toEqual([{ row: 0, field: 'published', message: LOCK_MESSAGE }]);
    const reporterReason = await hub.gqlAs(reporter, SAVE, { key: 'items-lock-3', rows: [{ ...locked, plannedCount: 6 }], reason: '社区合并，计划调整' });
    expect(reporterReason.errors![0]!.extensions!.rowErrors).toEqual([{ row: 0, field: 'plannedCount', message: LOCK_MESSAGE }]);
    // An administrator without a reason is refused the same way; a reason of a few letters is no reason.
    const noReason = await hub.gql(SAVE, { key: 'items-lock-4', rows: [{ ...locked, plannedCount: 6 }] });
    expect(noReason.errors![0]!.extensions!.code).toBe('FORBIDDEN');
    expect(noReason.errors![0]!.extensions!.rowErrors).toEqual([{ row: 0, field: 'plannedCount', message: LOCK_MESSAGE }]);
    const blank = await hub.gql(SAVE, { key: 'items-lock-5', rows: [{ ...locked, plannedCount: 6 }], reason: '   ' });
    expect(blank.errors![0]!.extensions!.code).toBe('FORBIDDEN');
    const short = await hub.gql(SAVE, { key: 'items-lock-6', rows: [{ ...locked, plannedCount: 6 }], reason: '调整' });
    expect(short.errors![0]!.extensions!.code).toBe('BAD_USER_INPUT');
    expect(short.errors![0]!.extensions!.problems).toEqual([{ path: ['reason'], message: '5–1000 characters' }]);
    expect(await item('食品安全法进社区')).toMatchObject({ planned_count: 12, published: true, coverage: 0.25 });
    expect(await count()).toEqual(before);
    expect(await audits()).toBe(auditBefore);

    // A resend that changes nothing is no change: it passes for the reporter.
    const same = await hub.gqlAs(reporter, SAVE, { key: 'items-lock-7', rows: [locked] });
    expect(same.errors).toBeUndefined();
    expect(same.data.saveResponsibilityItems).toMatchObject({ inserted: 0, updated: 1 });

    // The administrator with a reason: 12 → 6 (coverage 3 / 6 = 0.5), and a new item in the same
    // batch; the reason is in both audit entries.
    const reason = '年中调整：两个社区合并，计划场次减半';
    const admin = await hub.gql(SAVE, { key: 'items-lock-8', rows: [{ ...locked, plannedCount: 6 }, row({ title: '宪法宣传周', plannedCount: 2 })], reason });
    expect(admin.errors).toBeUndefined();
    expect(admin.data.saveResponsibilityItems).toMatchObject({ accepted: 2, inserted: 1, updated: 1 });
    expect(await item('食品安全法进社区')).toMatchObject({ planned_count: 6, published: true, coverage: 0.5 });
    const entries = await hub.sql(`select action, before, after, reason from audit_entry where batch = '${admin.data.saveResponsibilityItems.batchId}' order by action desc`);
    expect(entries.map((e: any) => [e.action, e.reason])).toEqual([['UPDATE', reason], ['CREATE', reason]]);
    expect(parse(entries[0].before).planned_count).toBe(12);
    expect(parse(entries[0].after).planned_count).toBe(6);
  });

  it('locks every item of a closed year, new ones included', async () => {
    const closed = row({ year: Y - 1, title: '往年事项', startsOn: `${Y - 1}-01-01`, endsOn: `${Y - 1}-12-31` });
    const before = await count();
    const created = await hub.gqlAs(reporter, SAVE, { key: 'items-closed-1', rows: [closed] });
    expect(created.errors![0]!.extensions!.code).toBe('FORBIDDEN');
    expect(created.errors![0]!.extensions!.rowErrors).toEqual([{ row: 0, field: 'year', message: LOCK_MESSAGE }]);
    expect(await count()).toEqual(before);
    const admin = await hub.gql(SAVE, { key: 'items-closed-2', rows: [closed], reason: '补录上一年度任务书' });
    expect(admin.data.saveResponsibilityItems).toMatchObject({ inserted: 1, updated: 0 });
    // Unpublished, but its year is closed.
    const change = await hub.gqlAs(reporter, SAVE, { key: 'items-closed-3', rows: [{ ...closed, responsibleLeader: '李局长' }] });
    expect(change.errors![0]!.extensions!.rowErrors).toEqual([{ row: 0, field: 'responsibleLeader', message: LOCK_MESSAGE }]);
    const [stored] = await hub.sql(`select responsible_leader, published from responsibility_item where year = ${Y - 1}`);
    expect(stored).toEqual({ responsible_leader: '王副局长', published: false });
  });
});
