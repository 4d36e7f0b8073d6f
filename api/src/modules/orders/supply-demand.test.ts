import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { backends, startTestHub, type TestHub } from '../../test/hub.js';
import { ANALYTICS_FIXTURE } from '../analytics/analytics.fixture.js';
import { Role } from '../auth/role.js';
import { loadFixture, PORTAL_FIXTURE } from '../portal/portal.fixture.js';
import { ORDERS_FIXTURE, SUPPLY_FIXTURE } from './orders.fixture.js';

const FIGURES = 'routed answered waiting overdue accepted declined done medianDaysToAnswer';
const Q = `query($y: Int!, $n: Int, $asOf: Date, $a: [ID!]) { supplyDemand(year: $y, overdueDays: $n, asOf: $asOf, agencyIds: $a) {
  year asOf overdueDays orders unroutedOrders
  totals { ${FIGURES} }
  byAgency { agency { code } figures { ${FIGURES} } }
  byDomain { domain { code } figures { ${FIGURES} } }
  unmetDemand { law { code } domain { code } orders }
} }`;

const fig = (routed: number, answered: number, waiting: number, overdue: number, accepted: number, declined: number, done: number, medianDaysToAnswer: number | null) =>
  ({ routed, answered, waiting, overdue, accepted, declined, done, medianDaysToAnswer });

/**
 * The 2025 requests of SUPPLY_FIXTURE (ordered → first answer, Asia/Shanghai):
 *   101×M ACCEPTED 03-01 10:00 → 03-03 10:00 = 2 days;   101×H WAITING since 03-01
 *   102×M DONE     03-10 09:00 → 03-11 21:00 = 1.5 days; 102×H DECLINED 03-10 09:00 → 03-15 09:00 = 5 days
 *   102×MA WAITING since 03-10;                          103×H WAITING since 04-01
 * As of 2025-04-10 with 14 days: 101×H (40 days) and 102×MA (31 days) are overdue, 103×H (9) not.
 * Orders 101–106; 104 (宪法, no domain), 105 and 106 (TRAFFIC, nobody's) are unrouted.
 * Menus of 2025 (published): M's item teaches 食品安全法 in FOOD, J's teaches 宪法; H's 环境保护法
 * item is unpublished. Unmet: TRAFFIC (105, 106) and 环境保护法 + TRAFFIC (103).
 */
describe.each(backends())('supply and demand on %s', (kind) => {
  let hub: TestHub;
  const run = async (vars: Record<string, unknown>, token?: string | null) => {
    const res = token === undefined ? await hub.gql(Q, vars) : await hub.gqlAs(token, Q, vars);
    expect(res.errors).toBeUndefined();
    return res.data.supplyDemand;
  };

  beforeAll(async () => {
    hub = await startTestHub(kind);
    await loadFixture(hub, ANALYTICS_FIXTURE, PORTAL_FIXTURE, ORDERS_FIXTURE('2025-04-01'), SUPPLY_FIXTURE);
  });
  afterAll(() => hub?.close());

  it('counts requests answered, waiting and overdue per agency and domain, with the median time to answer', async () => {
    const r = await run({ y: 2025, n: 14, asOf: '2025-04-10' });
    expect([r.year, r.asOf, r.overdueDays, r.orders, r.unroutedOrders]).toEqual([2025, '2025-04-10', 14, 6, 3]);
    // Median of 2, 1.5 and 5 days.
    expect(r.totals).toEqual(fig(6, 3, 3, 2, 1, 1, 1, 2));
    expect(r.byAgency).toEqual([
      { agency: { code: 'H' }, figures: fig(3, 1, 2, 1, 0, 1, 0, 5) },
      // Median of 2 and 1.5 days.
      { agency: { code: 'M' }, figures: fig(2, 2, 0, 0, 1, 0, 1, 1.75) },
      { agency: { code: 'MA' }, figures: fig(1, 0, 1, 1, 0, 0, 0, null) },
    ]);
    // Order 103 counts under both its domains.
    expect(r.byDomain).toEqual([
      { domain: { code: 'ECO' }, figures: fig(1, 0, 1, 0, 0, 0, 0, null) },
      { domain: { code: 'FOOD' }, figures: fig(5, 3, 2, 2, 1, 1, 1, 2) },
      { domain: { code: 'TRAFFIC' }, figures: fig(1, 0, 1, 0, 0, 0, 0, null) },
    ]);
    expect(r.unmetDemand).toEqual([
      { law: null, domain: { code: 'TRAFFIC' }, orders: 2 },
      { law: { code: 'ENVLAW' }, domain: { code: 'TRAFFIC' }, orders: 1 },
    ]);
  });

  it('moves the overdue line with overdueDays and asOf', async () => {
    expect((await run({ y: 2025, n: 35, asOf: '2025-04-10' })).totals.overdue).toBe(1);
    // On 03-16 only 101×H (15 days) is late; 103 was not yet ordered.
    expect((await run({ y: 2025, n: 14, asOf: '2025-03-16' })).totals.overdue).toBe(1);
    expect((await run({ y: 2025, n: 0, asOf: '2025-04-10' })).totals.overdue).toBe(3);
  });

  it('publishing a menu item meets the demand it covers', async () => {
    await hub.sql(`update responsibility_item set published = true where id = 22`);
    expect((await run({ y: 2025, asOf: '2025-04-10' })).unmetDemand).toEqual([{ law: null, domain: { code: 'TRAFFIC' }, orders: 2 }]);
    await hub.sql(`update responsibility_item set published = false where id = 22`);
  });

  it('gives an agency reporter its own requests only, and refuses other agencies and other roles', async () => {
    const reporter = await hub.login(Role.AGENCY_REPORTER, { agencyId: 2 });
    const own = await run({ y: 2025, asOf: '2025-04-10' }, reporter);
    expect(own.byAgency).toEqual([{ agency: { code: 'M' }, figures: fig(2, 2, 0, 0, 1, 0, 1, 1.75) }]);
    expect(own.totals).toEqual(fig(2, 2, 0, 0, 1, 0, 1, 1.75));
    expect(own.byDomain).toEqual([{ domain: { code: 'FOOD' }, figures: fig(2, 2, 0, 0, 1, 0, 1, 1.75) }]);
    // Demand is city-wide: what the public asked for, not any unit's records.
    expect([own.orders, own.unroutedOrders, own.unmetDemand.length]).toEqual([6, 3, 2]);
    expect((await run({ y: 2025, asOf: '2025-04-10', a: ['Agency:2'] }, reporter)).totals.routed).toBe(2);
    const other = await hub.gqlAs(reporter, Q, { y: 2025, a: ['Agency:3'] });
    expect(other.errors![0]!.extensions!.code).toBe('FORBIDDEN');
    expect(other.errors![0]!.message).toBe('Your account may see only its own agency (Agency:2)');
    expect((await hub.gqlAs(await hub.login(Role.MEDIA_PARTNER, { outletId: 1 }), Q, { y: 2025 })).errors![0]!.extensions!.code).toBe('FORBIDDEN');
    expect((await hub.gqlAs(null, Q, { y: 2025 })).errors![0]!.extensions!.code).toBe('UNAUTHENTICATED');
    // The readers of every record may narrow to agencies.
    const inspector = await hub.login(Role.INSPECTOR);
    expect((await run({ y: 2025, asOf: '2025-04-10', a: ['Agency:3', 'Agency:4'] }, inspector)).totals).toEqual(fig(4, 1, 3, 2, 0, 1, 0, 5));
  });

  it('answers zeros and nulls for a year without orders, and refuses bad arguments', async () => {
    const empty = await run({ y: 2030 });
    expect([empty.orders, empty.unroutedOrders, empty.totals, empty.byAgency, empty.byDomain, empty.unmetDemand])
      .toEqual([0, 0, fig(0, 0, 0, 0, 0, 0, 0, null), [], [], []]);
    // Order 100 wished for 2024.
    expect((await run({ y: 2024, asOf: '2024-06-01' })).totals).toEqual(fig(1, 1, 0, 0, 0, 0, 1, 1));
    for (const [vars, path] of [[{ y: 1999 }, ['year']], [{ y: 2025, n: -1 }, ['overdueDays']], [{ y: 2025, a: ['Agency:99'] }, ['agencyIds', 0]]] as const) {
      const res = await hub.gql(Q, vars);
      expect(res.errors![0]!.extensions!.code).toBe('BAD_USER_INPUT');
      expect(res.errors![0]!.extensions!.problems[0].path).toEqual(path);
    }
  });
});
