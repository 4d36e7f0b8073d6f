import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEFAULT_ORDER_CONTACT_DAYS, loadConfig } from '../../config.js';
import { backends, countStatements, startTestHub, type TestHub } from '../../test/hub.js';
import { ANALYTICS_FIXTURE } from '../analytics/analytics.fixture.js';
import { Role } from '../auth/role.js';
import { todayInShanghai } from '../ingestion/rows.js';
import { loadFixture, PORTAL_FIXTURE } from '../portal/portal.fixture.js';
import { eraseDueContacts } from './contact-erasure.service.js';
import { ORDERS_FIXTURE } from './orders.fixture.js';

const N = DEFAULT_ORDER_CONTACT_DAYS; // 90
const ORDER = `mutation($input: EducationOrderInput!) { orderLegalEducation(input: $input) { orderId routedTo { code } } }`;
const ANSWER = `mutation($input: OrderAnswerInput!) { answerOrder(input: $input) { status } }`;
const LIST = `query($first: Int) { educationOrders(first: $first) { nodes { id requesterName contactName contactPhone contactErasedOn
  routes { agency { code } status activityId activity { title date } } } } }`;
const DONE_LIST = `query($first: Int) { educationOrders(first: $first, filter: { statuses: [DONE] }) { nodes { id routes { status activity { title date } } } } }`;
const ERASE = `mutation($id: ID!, $reason: String!) { eraseOrderContact(orderId: $id, reason: $reason) { id contactName contactPhone contactErasedOn } }`;
const ERASED_AUDIT = `query { auditTrail(first: 20, filter: { entity: "EducationOrder", action: "ERASE" }) { nodes { actor entityId before after reason } } }`;

const day = (n: number) => new Date(Date.parse(`${todayInShanghai()}T00:00:00Z`) + n * 86_400_000).toISOString().slice(0, 10);
/** FOOD in district B: routed to M (Agency:2) and H (Agency:3), ORDERS_FIXTURE. Phones 138 0000 01xx, so a leak is easy to find. */
const order = (name: string, phone: string, wishedFrom: string, wishedTo: string) => ({
  requesterKind: 'SCHOOL', requesterName: name, contactName: '张老师', contactPhone: `138 0000 ${phone}`, topic: '食品安全进校园',
  domainId: 'EnforcementDomain:1', districtId: 'Region:3', wishedFrom, wishedTo, audienceSize: 300,
});
/** Activity 51: M's, held today (H's is 50), so that two DONE routes name two activities. */
const M_ACTIVITY = `insert into activity (id, title, date, region_id, organiser_id, form, venue_type, audiences, domain_id, participants, materials, consultations, online_views) values
  (51, '食品安全课堂', '${day(0)}', 5, 2, 'LECTURE', 'SCHOOL', array['STUDENTS'], 1, 40, 40, 0, 0)`;

describe('PUFA_ORDER_CONTACT_DAYS', () => {
  it('defaults to 90 days and takes a whole number of days from 1 to 3650', () => {
    expect(loadConfig({}).orderContactDays).toBe(90);
    expect(loadConfig({ PUFA_ORDER_CONTACT_DAYS: '30' }).orderContactDays).toBe(30);
    expect(() => loadConfig({ PUFA_ORDER_CONTACT_DAYS: '0' })).toThrow('PUFA_ORDER_CONTACT_DAYS must be a positive whole number, not "0"');
    expect(() => loadConfig({ PUFA_ORDER_CONTACT_DAYS: '30d' })).toThrow('PUFA_ORDER_CONTACT_DAYS must be a positive whole number, not "30d"');
    expect(() => loadConfig({ PUFA_ORDER_CONTACT_DAYS: '3651' })).toThrow('PUFA_ORDER_CONTACT_DAYS must be at most 3650 (ten years), not "3651"');
  });
});

describe.each(backends())('order contacts erased when no longer needed, on %s', (kind) => {
  let hub: TestHub;
  const t: Record<string, string> = {};
  const ids: Record<string, string> = {};
  let auditBefore: unknown[] = [];
  const code = (res: { errors?: { extensions?: Record<string, any> }[] }) => res.errors?.[0]?.extensions?.code;
  const place = async (input: Record<string, unknown>) => {
    const res = await hub.gqlAs(null, ORDER, { input });
    expect(res.errors).toBeUndefined();
    expect(res.data.orderLegalEducation.routedTo).toEqual([{ code: 'H' }, { code: 'M' }]);
    return res.data.orderLegalEducation.orderId as string;
  };
  const answer = async (token: string, input: Record<string, unknown>) => expect((await hub.gqlAs(token, ANSWER, { input })).errors).toBeUndefined();
  const list = async (token?: string) => {
    const res = token ? await hub.gqlAs(token, LIST, { first: 10 }) : await hub.gql(LIST, { first: 10 });
    expect(res.errors).toBeUndefined();
    return Object.fromEntries(res.data.educationOrders.nodes.map((n: any) => [n.id, n]));
  };
  const erase = (today: string) => eraseDueContacts(hub.db.orm.em.fork(), N, today);
  const auditRows = () => hub.sql(`select id, actor, action, entity, entity_id, before::text as before, after::text as after, reason from audit_entry order by id`);

  beforeAll(async () => {
    hub = await startTestHub(kind, { limits: { perMinute: 100_000, signInPerMinute: 10_000, publicSubmitPerMinute: 1_000 } });
    await loadFixture(hub, ANALYTICS_FIXTURE, PORTAL_FIXTURE, ORDERS_FIXTURE(day(0)), M_ACTIVITY);
    t.m = await hub.login(Role.AGENCY_REPORTER, { agencyId: 2 });
    t.h = await hub.login(Role.AGENCY_REPORTER, { agencyId: 3 });
    t.leader = await hub.login(Role.LEADER);
    // settled: H delivers it, M declines. settled2: M delivers it, H declines. Both wished for day 10–40.
    ids.settled = await place(order('乙区第一中学', '0101', day(10), day(40)));
    ids.settled2 = await place(order('乙区第二中学', '0102', day(10), day(40)));
    // Still open when their wished periods end on day 5 and day 7: M accepted late, H never answered.
    ids.late = await place(order('乙区第三中学', '0103', day(1), day(5)));
    ids.recent = await place(order('乙区第四中学', '0104', day(1), day(7)));
    ids.admin = await place(order('乙区第五中学', '0105', day(10), day(40)));
    await answer(t.h, { orderId: ids.settled, decision: 'DONE', activityId: 'Activity:50' });
    await answer(t.m, { orderId: ids.settled, decision: 'DECLINE', reason: '已由市局承接，本局不再重复' });
    await answer(t.m, { orderId: ids.settled2, decision: 'DONE', activityId: 'Activity:51' });
    await answer(t.h, { orderId: ids.settled2, decision: 'DECLINE', reason: '已由市场监管局承接' });
    await answer(t.m, { orderId: ids.late, decision: 'ACCEPT', plannedOn: day(3) });
    auditBefore = await auditRows();
  });
  afterAll(() => hub?.close());

  it('names the activity of a DONE route, in one statement for the page; a reporter only its own agency’s', async () => {
    const admin = await list();
    expect(admin[ids.settled].routes).toEqual([
      { agency: { code: 'M' }, status: 'DECLINED', activityId: null, activity: null },
      { agency: { code: 'H' }, status: 'DONE', activityId: 'Activity:50', activity: { title: '餐饮安全进校园', date: day(0) } },
    ]);
    expect(admin[ids.settled2].routes[0]).toEqual({ agency: { code: 'M' }, status: 'DONE', activityId: 'Activity:51', activity: { title: '食品安全课堂', date: day(0) } });
    // M reads its own activity, not H's (a reporter reads its agency's activities only).
    const m = await list(t.m);
    expect(m[ids.settled2].routes[0].activity).toEqual({ title: '食品安全课堂', date: day(0) });
    expect(m[ids.settled].routes[1]).toMatchObject({ status: 'DONE', activity: null });
    expect((await list(t.leader))[ids.settled].routes[1].activity).toEqual({ title: '餐饮安全进校园', date: day(0) });
    // One delivered order with its activity, or both with two: the same statements (the activities come in one).
    const done = (first: number) => countStatements(() => hub.gql(DONE_LIST, { first }));
    const one = await done(1);
    const two = await done(10);
    expect(one.result.data.educationOrders.nodes.flatMap((n: any) => n.routes.flatMap((r: any) => (r.activity ? [r.activity.title] : [])))).toEqual(['食品安全课堂']);
    expect(two.result.data.educationOrders.nodes).toHaveLength(2);
    expect(two.count).toBe(one.count);
  });

  it('keeps the contact of a settled order for 90 days after the last answer, then erases it', async () => {
    // Settled today: on day 90 it is 90 days after — not more — and the contact stays.
    expect(await erase(day(N))).toEqual([]);
    expect(await list()).toMatchObject({ [ids.settled]: { contactName: '张老师', contactPhone: '138 0000 0101', contactErasedOn: null } });
    // Day 91: both settled orders; the open ones wished until day 5 and 7 (86 and 84 days before) stay.
    expect(await erase(day(N + 1))).toEqual([1, 2]);
    const admin = await list();
    expect(admin[ids.settled]).toMatchObject({ contactName: null, contactPhone: null, contactErasedOn: day(N + 1) });
    expect(admin[ids.settled2]).toMatchObject({ contactName: null, contactPhone: null, contactErasedOn: day(N + 1) });
    expect(admin[ids.late]).toMatchObject({ contactName: '张老师', contactPhone: '138 0000 0103', contactErasedOn: null });
    // The routed agency sees it erased too; the rest of the order stays.
    expect((await list(t.h))[ids.settled]).toMatchObject({ requesterName: '乙区第一中学', contactName: null, contactPhone: null, contactErasedOn: day(N + 1) });
    expect(await hub.sql(`select id, contact_name, contact_phone, contact_erased_on::text as erased_on from education_order where id in (1, 2) order by id`)).toEqual([
      { id: 1, contact_name: null, contact_phone: null, erased_on: day(N + 1) },
      { id: 2, contact_name: null, contact_phone: null, erased_on: day(N + 1) },
    ]);
  });

  it('erases an open order’s contact when its wished period ended more than 90 days before, whatever its routes', async () => {
    // Day 96: `late` ended on day 5, 91 days before (N + 1); `recent` on day 7, 89 days before (N − 1).
    expect(await erase(day(5 + N + 1))).toEqual([3]);
    const admin = await list();
    expect(admin[ids.late]).toMatchObject({ contactName: null, contactPhone: null, contactErasedOn: day(5 + N + 1) });
    expect(admin[ids.recent]).toMatchObject({ contactName: '张老师', contactPhone: '138 0000 0104', contactErasedOn: null });
    // An erased order is not erased (nor audited) again.
    expect(await erase(day(5 + N + 1))).toEqual([]);
  });

  it('audits each erasure once, without the erased values, and leaves the earlier audit entries as they were', async () => {
    const res = await hub.gql(ERASED_AUDIT);
    expect(res.errors).toBeUndefined();
    const kept = (at: string) => ({ contactName: null, contactPhone: null, contactErasedOn: at });
    expect(res.data.auditTrail.nodes.map((n: any) => n).sort((a: any, b: any) => a.entityId - b.entityId)).toEqual([
      { actor: null, entityId: '1', before: null, after: kept(day(N + 1)), reason: `every route settled on ${day(0)}; contact kept 90 days (PUFA_ORDER_CONTACT_DAYS)` },
      { actor: null, entityId: '2', before: null, after: kept(day(N + 1)), reason: `every route settled on ${day(0)}; contact kept 90 days (PUFA_ORDER_CONTACT_DAYS)` },
      { actor: null, entityId: '3', before: null, after: kept(day(5 + N + 1)), reason: `wished period ended on ${day(5)}; contact kept 90 days (PUFA_ORDER_CONTACT_DAYS)` },
    ]);
    // The earlier entries (the orders' CREATE, the routes' answers) are untouched; nothing holds a contact.
    const now = await auditRows();
    expect(now.slice(0, auditBefore.length)).toEqual(auditBefore);
    expect(now.slice(auditBefore.length).map((a: any) => a.action)).toEqual(['ERASE', 'ERASE', 'ERASE']);
    expect(now.filter((a: any) => /张老师|138 0000/.test(`${a.before} ${a.after} ${a.reason}`))).toEqual([]);
    const created = now.filter((a: any) => a.action === 'CREATE' && a.entity === 'EducationOrder');
    expect(created).toHaveLength(5);
    expect(Object.keys(JSON.parse(created[0].after)).sort()).toEqual(['districtId', 'domainId', 'domains', 'lawId', 'requesterKind', 'requesterName', 'routedTo', 'topic', 'wishedFrom', 'wishedTo']);
  });

  it('lets an admin erase a contact now, with a reason; refuses everyone else and bad input, writing nothing', async () => {
    const count = async () => (await hub.sql(`select count(*)::int as n from audit_entry where action = 'ERASE'`))[0].n;
    const vars = { id: ids.admin, reason: '点单方来电要求删除联系方式' };
    expect(code(await hub.gqlAs(t.m, ERASE, vars))).toBe('FORBIDDEN');
    expect(code(await hub.gqlAs(t.leader, ERASE, vars))).toBe('FORBIDDEN');
    expect(code(await hub.gqlAs(null, ERASE, vars))).toBe('UNAUTHENTICATED');
    const unknown = await hub.gql(ERASE, { id: 'EducationOrder:999', reason: vars.reason });
    expect(code(unknown)).toBe('BAD_USER_INPUT');
    expect(unknown.errors![0]!.extensions!.problems).toEqual([{ path: ['orderId'], message: 'EducationOrder:999 does not exist' }]);
    const bad = await hub.gql(ERASE, { id: 'Agency:1', reason: ' 太短 ' });
    expect(bad.errors![0]!.extensions!.problems).toEqual([
      { path: ['orderId'], message: '"Agency:1" is not a EducationOrder id (expected the form EducationOrder:123)' },
      { path: ['reason'], message: 'give a reason of 5–500 characters; it is kept in the audit trail' },
    ]);
    expect(code(await hub.gql(ERASE, { id: ids.admin, reason: 'x'.repeat(501) }))).toBe('BAD_USER_INPUT');
    expect(await count()).toBe(3);
    expect((await list())[ids.admin]).toMatchObject({ contactName: '张老师', contactErasedOn: null });

    const erased = await hub.gql(ERASE, vars);
    expect(erased.errors).toBeUndefined();
    expect(erased.data.eraseOrderContact).toEqual({ id: ids.admin, contactName: null, contactPhone: null, contactErasedOn: day(0) });
    const [entry] = await hub.sql(`select actor, entity_id, before, after, reason from audit_entry where action = 'ERASE' order by id desc limit 1`);
    expect(entry).toEqual({ actor: expect.stringMatching(/^t-admin-/), entity_id: '5', before: null, after: { contactName: null, contactPhone: null, contactErasedOn: day(0) }, reason: '点单方来电要求删除联系方式' });
    // Again: the same order, nothing written.
    const again = await hub.gql(ERASE, { id: ids.admin, reason: '再次确认删除' });
    expect(again.data.eraseOrderContact).toEqual(erased.data.eraseOrderContact);
    expect(await count()).toBe(4);
  });
});
