import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestHub, type TestHub } from '../../test/hub.js';
import { DEMO_ORDERS, loadDemoOrders, type DemoOrdersResult } from './demo.js';

const FIGURES = 'routed answered waiting overdue accepted declined done medianDaysToAnswer';

/**
 * The demo orders on the demo city (embedded database; the loader is the same SQL on PostgreSQL),
 * with the clock at 2026-06-15: every order was placed 2–150 days before, all wish for 2026.
 * Hand count from DEMO_ORDERS: 30 orders, 5 naming only a law without domains (宪法 ×2,
 * 反电信网络诈骗法, 国家安全法, 网络安全法) are unrouted; 28 answered requests: 10 done (each with
 * its activity), 6 declined, 12 accepted.
 */
describe('demo orders (pglite)', () => {
  let hub: TestHub;
  let loaded: DemoOrdersResult;
  const TODAY = '2026-06-15';

  beforeAll(async () => {
    hub = await startTestHub('pglite', { demo: true });
    loaded = await loadDemoOrders(hub.db.orm.em.fork(), TODAY);
  }, 180_000);
  afterAll(() => hub?.close());

  it('places every order through routing, and answers as planned', async () => {
    expect(loaded.orders).toBe(DEMO_ORDERS.length);
    expect(loaded.orders).toBe(30);
    expect(loaded.activities).toBe(10);
    // 10 DONE answers are two answers each (accept, then done).
    expect(loaded.answers).toBe(28 + 10);
    const res = await hub.gql(`query($asOf: Date) { supplyDemand(year: 2026, asOf: $asOf) { orders unroutedOrders totals { ${FIGURES} } unmetDemand { orders } } }`, { asOf: TODAY });
    expect(res.errors).toBeUndefined();
    const s = res.data.supplyDemand;
    expect([s.orders, s.unroutedOrders]).toEqual([30, 5]);
    expect(s.totals.routed).toBe(loaded.routes);
    expect([s.totals.answered, s.totals.done, s.totals.declined, s.totals.accepted]).toEqual([28, 10, 6, 12]);
    expect(s.totals.waiting).toBe(loaded.routes - 28);
    // Silent agencies on old orders are overdue; the orders of the last two weeks are not yet.
    expect(s.totals.overdue).toBeGreaterThan(10);
    expect(s.totals.overdue).toBeLessThan(s.totals.waiting);
    // Answers came 1–9 days after the order.
    expect(s.totals.medianDaysToAnswer).toBeGreaterThanOrEqual(1);
    expect(s.totals.medianDaysToAnswer).toBeLessThanOrEqual(9);
    // No menu of 2026 is published in the demo city, so all 30 orders are demand no menu offers.
    expect(s.unmetDemand.reduce((n: number, u: { orders: number }) => n + u.orders, 0)).toBe(30);
  });

  it('dates orders and answers on the clock, not the day the loader ran', async () => {
    const [span] = await hub.sql(`select min((ordered_at at time zone 'Asia/Shanghai')::date)::text as first, max((ordered_at at time zone 'Asia/Shanghai')::date)::text as last,
      (select count(*)::int from education_order_agency r join education_order o on o.id = r.order_id where r.answered_at <= o.ordered_at or r.answered_at > '${TODAY}T23:59:59+08') as misdated
      from education_order`);
    expect(span).toEqual({ first: '2026-01-16', last: '2026-06-13', misdated: 0 });
  });

  it('delivers each DONE order by an activity of the answering agency held after the order', async () => {
    const rows = await hub.sql(`select r.status, a.organiser_id = r.agency_id as own, a.date >= (o.ordered_at at time zone 'Asia/Shanghai')::date as after, a.title
      from education_order_agency r join education_order o on o.id = r.order_id join activity a on a.id = r.activity_id`);
    expect(rows).toHaveLength(10);
    for (const r of rows) expect(r).toMatchObject({ status: 'DONE', own: true, after: true });
    expect(rows.map((r) => r.title)).toContain('应海勃湾区第三中学点单：校园周边小餐馆和外卖的食品安全');
  });

  it('keeps the reasons of declines and audits every order and answer without the contacts', async () => {
    const [declines] = await hub.sql(`select count(*)::int as n, min(length(decline_reason))::int as shortest from education_order_agency where status = 'DECLINED'`);
    expect(declines.n).toBe(6);
    expect(declines.shortest).toBeGreaterThanOrEqual(5);
    const audit = await hub.sql(`select entity, action, count(*)::int as n, bool_or(after::text like '%0473-%') as phone from audit_entry where entity in ('EducationOrder', 'OrderRoute') group by 1, 2 order by 1, 2`);
    expect(audit).toEqual([
      { entity: 'EducationOrder', action: 'CREATE', n: 30, phone: false },
      { entity: 'EducationOrder', action: 'ERASE', n: 2, phone: false },
      { entity: 'OrderRoute', action: 'UPDATE', n: 38, phone: false },
    ]);
  });

  it('erases the contacts no longer needed on the demo day: one order wished for, one settled, more than 90 days before', async () => {
    // Hand count from DEMO_ORDERS with TODAY − 90 days = 2026-03-17. 海勃湾区第三中学 (placed 150 days
    // before, 2026-01-16) wished until 2026-03-07, 100 days before, while other agencies stayed silent;
    // 乌达区某焦化有限公司 (2026-01-31): its three routes done or declined, the last answer (DONE the day
    // after the activity held 20 days after the order) on 2026-02-21, 114 days before. Every other
    // order has a route open and a wished period that ended at most 80 days before.
    expect(loaded.erased).toBe(2);
    const rows = await hub.sql(`select requester_name, contact_name, contact_phone, contact_erased_on::text as erased_on from education_order where contact_erased_on is not null order by id`);
    expect(rows).toEqual([
      { requester_name: '海勃湾区第三中学', contact_name: null, contact_phone: null, erased_on: TODAY },
      { requester_name: '乌达区某焦化有限公司', contact_name: null, contact_phone: null, erased_on: TODAY },
    ]);
    const audit = await hub.sql(`select entity_id, actor, before, after, reason from audit_entry where action = 'ERASE' order by id`);
    expect(audit).toEqual([
      { entity_id: '1', actor: null, before: null, after: { contactName: null, contactPhone: null, contactErasedOn: TODAY }, reason: 'wished period ended on 2026-03-07; contact kept 90 days (PUFA_ORDER_CONTACT_DAYS)' },
      { entity_id: '3', actor: null, before: null, after: { contactName: null, contactPhone: null, contactErasedOn: TODAY }, reason: 'every route settled on 2026-02-21; contact kept 90 days (PUFA_ORDER_CONTACT_DAYS)' },
    ]);
  });

  it('routes the orders on 民法典 and 法律援助法 to the city justice bureau (the demo reporter’s agency)', async () => {
    const [justice] = await hub.sql(`select count(*)::int as n from education_order_agency r join agency a on a.id = r.agency_id where a.code = 'CITY_JUSTICE'`);
    // 民法典, 法律援助法 and 人民调解法 name public legal services; 行政处罚法's domains do not.
    expect(justice.n).toBe(3);
  });
});
