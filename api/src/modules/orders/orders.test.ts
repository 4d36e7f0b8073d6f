import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { backends, startTestHub, type TestHub } from '../../test/hub.js';
import { ANALYTICS_FIXTURE } from '../analytics/analytics.fixture.js';
import { Role } from '../auth/role.js';
import { todayInShanghai } from '../ingestion/rows.js';
import { loadFixture, PORTAL_FIXTURE } from '../portal/portal.fixture.js';
import { ORDERS_FIXTURE } from './orders.fixture.js';

const ORDER = `mutation($input: EducationOrderInput!) { orderLegalEducation(input: $input) { orderId domains { code } routedTo { code } } }`;
const LIST = `query($f: OrderFilter) { educationOrders(filter: $f, first: 10) { totalCount nodes { id requesterName contactName contactPhone topic district { name } domains { code } routes { agency { code } status } } } }`;
const ANSWER = `mutation($input: OrderAnswerInput!) { answerOrder(input: $input) { agency { code } status plannedOn declineReason activityId answeredAt } }`;

const day = (n: number) => new Date(Date.parse(`${todayInShanghai()}T00:00:00Z`) + n * 86_400_000).toISOString().slice(0, 10);
const order = (over: Record<string, unknown> = {}) => ({
  requesterKind: 'SCHOOL', requesterName: '乙区第一中学', contactName: '张老师', contactPhone: '138 0000 0001', topic: '食品安全进校园',
  domainId: 'EnforcementDomain:1', districtId: 'Region:3', wishedFrom: day(10), wishedTo: day(40), audienceSize: 300, ...over,
});

describe.each(backends())('orders for legal education on %s', (kind) => {
  let hub: TestHub;
  const t: Record<string, string> = {};
  const ids: Record<string, string> = {};
  const place = async (input: Record<string, unknown>) => {
    const res = await hub.gqlAs(null, ORDER, { input });
    expect(res.errors).toBeUndefined();
    return res.data.orderLegalEducation;
  };
  const answer = (token: string | null, input: Record<string, unknown>) => hub.gqlAs(token, ANSWER, { input });
  const code = (res: { errors?: { extensions?: Record<string, any> }[] }) => res.errors?.[0]?.extensions?.code;

  beforeAll(async () => {
    hub = await startTestHub(kind, { limits: { perMinute: 100_000, signInPerMinute: 10_000, publicSubmitPerMinute: 1_000 } });
    await loadFixture(hub, ANALYTICS_FIXTURE, PORTAL_FIXTURE, ORDERS_FIXTURE(day(0)));
    t.m = await hub.login(Role.AGENCY_REPORTER, { agencyId: 2 });
    t.h = await hub.login(Role.AGENCY_REPORTER, { agencyId: 3 });
    t.ma = await hub.login(Role.AGENCY_REPORTER, { agencyId: 4 });
    t.leader = await hub.login(Role.LEADER);
    t.media = await hub.login(Role.MEDIA_PARTNER, { outletId: 1 });
    t.districtA = await hub.login(Role.DISTRICT_ADMIN, { districtId: 2 });
    t.districtB = await hub.login(Role.DISTRICT_ADMIN, { districtId: 3 });
  });
  afterAll(() => hub?.close());

  it('routes an order to the agencies holding powers in its domains for its district, and no others', async () => {
    // FOOD in district B: the city's M and H; not MA (district A), not X (gone since 2018).
    const a = await place(order());
    expect(a).toMatchObject({ domains: [{ code: 'FOOD' }], routedTo: [{ code: 'H' }, { code: 'M' }] });
    // 食品安全法 → FOOD, in district A: MA too.
    const b = await place(order({ requesterName: '甲区幸福社区', requesterKind: 'COMMUNITY', contactName: '李主任', domainId: null, lawId: 'Law:2', districtId: 'Region:2' }));
    expect(b).toMatchObject({ domains: [{ code: 'FOOD' }], routedTo: [{ code: 'H' }, { code: 'M' }, { code: 'MA' }] });
    // 环境保护法 → ECO, plus TRAFFIC, which nobody holds: H alone.
    const c = await place(order({ requesterName: '乙区化工厂', requesterKind: 'ENTERPRISE', lawId: 'Law:3', domainId: 'EnforcementDomain:3' }));
    expect(c).toMatchObject({ domains: [{ code: 'ECO' }, { code: 'TRAFFIC' }], routedTo: [{ code: 'H' }] });
    // 宪法 names no domain: kept, routed to nobody.
    const d = await place(order({ requesterName: '甲区某村', requesterKind: 'VILLAGE', lawId: 'Law:1', domainId: null, districtId: 'Region:2' }));
    expect(d).toMatchObject({ domains: [], routedTo: [] });
    Object.assign(ids, { a: a.orderId, b: b.orderId, c: c.orderId, d: d.orderId });
    expect(await hub.sql(`select order_id, agency_id, status from education_order_agency order by order_id, agency_id`)).toEqual([
      { order_id: 1, agency_id: 2, status: 'WAITING' }, { order_id: 1, agency_id: 3, status: 'WAITING' },
      { order_id: 2, agency_id: 2, status: 'WAITING' }, { order_id: 2, agency_id: 3, status: 'WAITING' }, { order_id: 2, agency_id: 4, status: 'WAITING' },
      { order_id: 3, agency_id: 3, status: 'WAITING' },
    ]);
    // The audit keeps what was ordered and where it went, never the contact.
    const audit = await hub.sql(`select actor, after::text as after from audit_entry where entity = 'EducationOrder' order by id`);
    expect(audit).toHaveLength(4);
    expect(audit[0].actor).toBeNull();
    expect(audit.map((x: any) => x.after).join()).not.toMatch(/张老师|李主任|138/);
  });

  it('refuses an order it cannot route or read, naming each field, and stores nothing', async () => {
    const res = await hub.gqlAs(null, ORDER, { input: order({ domainId: null, districtId: 'Region:4', wishedFrom: day(5), wishedTo: day(1) }) });
    expect(code(res)).toBe('BAD_USER_INPUT');
    expect(res.errors![0]!.extensions!.problems).toEqual([
      { path: ['input', 'lawId'], message: 'name a law (lawId) or a domain (domainId), so the order can reach the agencies that teach it' },
      { path: ['input', 'wishedTo'], message: `ends ${day(1)}, before it starts (${day(5)})` },
    ]);
    const refs = await hub.gqlAs(null, ORDER, { input: order({ lawId: 'Law:99', districtId: 'Region:4', wishedFrom: day(-10), wishedTo: day(-1) }) });
    expect(refs.errors![0]!.extensions!.problems).toEqual([{ path: ['input', 'wishedTo'], message: `${day(-1)} is past; wish for a period that ends today (${day(0)}) or later` }]);
    const unknown = await hub.gqlAs(null, ORDER, { input: order({ lawId: 'Law:99', districtId: 'Region:4' }) });
    expect(unknown.errors![0]!.extensions!.problems).toEqual([
      { path: ['input', 'lawId'], message: 'Law:99 does not exist' },
      { path: ['input', 'districtId'], message: 'Region:4 is a STREET; give the district (a DISTRICT-level region)' },
    ]);
    const phone = await hub.gqlAs(null, ORDER, { input: order({ contactPhone: 'call me' }) });
    expect(phone.errors![0]!.extensions!.problems).toEqual([{ path: ['contactPhone'], message: 'contactPhone must be 5–20 digits, spaces, +, - or parentheses' }]);
    expect((await hub.sql(`select count(*)::int as n from education_order`))[0].n).toBe(4);
  });

  it('shows a reporter the orders routed to its agency with the contact; others without it; refuses the rest', async () => {
    const list = async (token: string | null, f?: Record<string, unknown>) => hub.gqlAs(token, LIST, { f });
    const res = await list(t.ma);
    expect(res.errors).toBeUndefined();
    const ma = res.data.educationOrders;
    expect(ma.totalCount).toBe(1);
    expect(ma.nodes[0]).toMatchObject({ id: ids.b, requesterName: '甲区幸福社区', contactName: '李主任', contactPhone: '138 0000 0001', district: { name: '甲区' } });
    expect(ma.nodes[0].routes).toEqual([{ agency: { code: 'M' }, status: 'WAITING' }, { agency: { code: 'H' }, status: 'WAITING' }, { agency: { code: 'MA' }, status: 'WAITING' }]);
    expect((await list(t.m)).data.educationOrders.nodes.map((n: any) => n.id)).toEqual([ids.b, ids.a]);
    const leader = (await list(t.leader)).data.educationOrders;
    expect(leader.nodes.map((n: any) => [n.id, n.contactName, n.contactPhone])).toEqual([[ids.d, null, null], [ids.c, null, null], [ids.b, null, null], [ids.a, null, null]]);
    const admin = (await hub.gql(LIST, {})).data.educationOrders;
    expect(admin.nodes.map((n: any) => n.contactName)).toEqual(['张老师', '张老师', '李主任', '张老师']);
    expect((await hub.gql(LIST, { f: { domainIds: ['EnforcementDomain:2'] } })).data.educationOrders.nodes.map((n: any) => n.id)).toEqual([ids.c]);
    expect((await hub.gql(LIST, { f: { agencyIds: ['Agency:4'] } })).data.educationOrders.nodes.map((n: any) => n.id)).toEqual([ids.b]);
    expect(code(await list(t.media))).toBe('FORBIDDEN');
    expect(code(await list(null))).toBe('UNAUTHENTICATED');
    expect(code(await list(t.m, { agencyIds: ['Agency:3'] }))).toBe('FORBIDDEN');
  });

  it('lets the routed agency accept, move the date, and mark done with its own activity', async () => {
    const accepted = await answer(t.m, { orderId: ids.a, decision: 'ACCEPT', plannedOn: day(15) });
    expect(accepted.errors).toBeUndefined();
    expect(accepted.data.answerOrder).toMatchObject({ agency: { code: 'M' }, status: 'ACCEPTED', plannedOn: day(15), declineReason: null, activityId: null });
    const first = accepted.data.answerOrder.answeredAt;
    expect(first).toEqual(expect.any(String));
    const moved = await answer(t.m, { orderId: ids.a, decision: 'ACCEPT', plannedOn: day(20) });
    // Moving the date is not a new answer: answeredAt stays the first one.
    expect(moved.data.answerOrder).toMatchObject({ status: 'ACCEPTED', plannedOn: day(20), answeredAt: first });

    const early = await answer(t.h, { orderId: ids.a, decision: 'DONE', activityId: 'Activity:3' });
    expect(early.errors![0]!.extensions!.problems).toEqual([{ path: ['input', 'activityId'], message: `Activity:3 was held 2019-07-01, before the order (${day(0)})` }]);
    const notOurs = await answer(t.h, { orderId: ids.a, decision: 'DONE', activityId: 'Activity:2' });
    expect(notOurs.errors![0]!.extensions!.problems).toEqual([{ path: ['input', 'activityId'], message: 'Activity:2 was not organised or co-organised by Agency:3' }]);
    const done = await answer(t.h, { orderId: ids.a, decision: 'DONE', activityId: 'Activity:50' });
    expect(done.data.answerOrder).toMatchObject({ agency: { code: 'H' }, status: 'DONE', activityId: 'Activity:50' });
    const again = await answer(t.h, { orderId: ids.a, decision: 'DECLINE', reason: '已经完成了' });
    expect(code(again)).toBe('CONFLICT');
    expect(again.errors![0]!.message).toBe(`Agency:3 already answered ${ids.a} with DONE, which is final`);
  });

  it('lets only the routed agency (or an admin over it) answer', async () => {
    expect(code(await answer(t.h, { orderId: ids.b, agencyId: 'Agency:2', decision: 'ACCEPT', plannedOn: day(12) }))).toBe('FORBIDDEN');
    const notRouted = await answer(t.ma, { orderId: ids.a, decision: 'ACCEPT', plannedOn: day(12) });
    expect(code(notRouted)).toBe('NOT_FOUND');
    expect(notRouted.errors![0]!.message).toBe(`${ids.a} was not routed to Agency:4`);
    expect(code(await answer(t.leader, { orderId: ids.b, agencyId: 'Agency:4', decision: 'ACCEPT', plannedOn: day(12) }))).toBe('FORBIDDEN');
    expect(code(await answer(null, { orderId: ids.b, agencyId: 'Agency:4', decision: 'ACCEPT', plannedOn: day(12) }))).toBe('UNAUTHENTICATED');
    // A district admin answers for the agencies of its district only.
    expect(code(await answer(t.districtB, { orderId: ids.b, agencyId: 'Agency:4', decision: 'DECLINE', reason: '本月人手不足，请改期' }))).toBe('FORBIDDEN');
    const declined = await answer(t.districtA, { orderId: ids.b, agencyId: 'Agency:4', decision: 'DECLINE', reason: '本月人手不足，请改期' });
    expect(declined.data.answerOrder).toMatchObject({ agency: { code: 'MA' }, status: 'DECLINED', declineReason: '本月人手不足，请改期' });
    expect(await hub.sql(`select status from education_order_agency where order_id = 2 order by agency_id`)).toEqual([{ status: 'WAITING' }, { status: 'WAITING' }, { status: 'DECLINED' }]);
  });

  it('refuses an answer without what its decision needs', async () => {
    const problems = async (token: string, input: Record<string, unknown>) => (await answer(token, input)).errors![0]!.extensions!.problems;
    expect(await problems(t.m, { orderId: ids.b, decision: 'ACCEPT' })).toEqual([{ path: ['input', 'plannedOn'], message: 'ACCEPT needs the day planned' }]);
    expect(await problems(t.m, { orderId: ids.b, decision: 'DECLINE', reason: '不行', plannedOn: day(3) })).toEqual([
      { path: ['input', 'plannedOn'], message: 'only with ACCEPT' },
      { path: ['input', 'reason'], message: 'DECLINE needs a reason of 5–500 characters the audience can understand' },
    ]);
    expect(await problems(t.m, { orderId: ids.b, decision: 'ACCEPT', plannedOn: day(-1) })).toEqual([{ path: ['input', 'plannedOn'], message: `${day(-1)} is before the order (${day(0)})` }]);
    expect(await problems(t.m, { orderId: 'Agency:1', decision: 'DONE' })).toEqual([
      { path: ['input', 'orderId'], message: '"Agency:1" is not a EducationOrder id (expected the form EducationOrder:123)' },
      { path: ['input', 'activityId'], message: 'DONE needs the activity that delivered the order' },
    ]);
    const admin = await hub.gql(ANSWER, { input: { orderId: ids.b, decision: 'ACCEPT', plannedOn: day(3) } });
    expect(admin.errors![0]!.extensions!.problems).toEqual([{ path: ['input', 'agencyId'], message: 'give the answering agency' }]);
    const audit = await hub.sql(`select entity_id, actor from audit_entry where entity = 'OrderRoute' order by id`);
    expect(audit.map((a: any) => a.entity_id)).toEqual(['1:2', '1:2', '1:3', '2:4']);
  });
});
