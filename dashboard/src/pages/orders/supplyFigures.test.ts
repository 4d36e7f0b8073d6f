import { describe, expect, it } from 'vitest';
import { agencyRows, chartAgencies, domainRows, keyFigures, orderYears, overdueBefore, parseOrderYear, parseOverdueDays, unmetOrderCount, unmetRows, type OrderFigures } from './supplyFigures';

const fig = (routed: number, answered: number, waiting: number, overdue: number, accepted: number, declined: number, done: number, median: number | null): OrderFigures => ({
  routed, answered, waiting, overdue, accepted, declined, done, medianDaysToAnswer: median,
});

/** The worked example of docs/metrics.md (orders.fixture.ts, 2025, as of 2025-04-10, 14 days). */
const DATA = {
  orders: 6,
  unroutedOrders: 3,
  totals: fig(6, 3, 3, 2, 1, 1, 1, 2),
  byAgency: [
    { agency: { id: 'Agency:3', name: '市卫健委', nameEn: 'Health' }, figures: fig(3, 1, 2, 1, 0, 1, 0, 5) },
    { agency: { id: 'Agency:2', name: '市市场监管局', nameEn: 'Market' }, figures: fig(2, 2, 0, 0, 1, 0, 1, 1.75) },
    { agency: { id: 'Agency:4', name: '甲区市场监管局', nameEn: null }, figures: fig(1, 0, 1, 1, 0, 0, 0, null) },
    { agency: { id: 'Agency:9', name: '无订单单位', nameEn: null }, figures: fig(0, 0, 0, 0, 0, 0, 0, null) },
  ],
  byDomain: [
    { domain: { id: 'EnforcementDomain:2', name: '生态环境', nameEn: 'Ecology' }, figures: fig(1, 0, 1, 0, 0, 0, 0, null) },
    { domain: { id: 'EnforcementDomain:1', name: '食品安全', nameEn: 'Food' }, figures: fig(5, 3, 2, 2, 1, 1, 1, 2) },
  ],
  unmetDemand: [
    { law: null, domain: { id: 'EnforcementDomain:3', name: '道路交通', nameEn: 'Road traffic' }, orders: 2 },
    { law: { id: 'Law:3', name: '环境保护法', nameEn: 'Environmental Protection Law' }, domain: { id: 'EnforcementDomain:3', name: '道路交通', nameEn: 'Road traffic' }, orders: 1 },
  ],
};

describe('supply and demand figures', () => {
  it('gives the key figures with the answer rate over routed requests', () => {
    expect(keyFigures(DATA)).toEqual({ orders: 6, unrouted: 3, routed: 6, answered: 3, waiting: 3, overdue: 2, medianDays: 2, answerRate: 0.5 });
    expect(keyFigures({ ...DATA, totals: fig(0, 0, 0, 0, 0, 0, 0, null) }).answerRate).toBeNull();
  });

  it('puts the agencies with most requests first, with waiting split into on time and overdue', () => {
    const rows = agencyRows(DATA, 'zh-CN');
    expect(rows.map((r) => [r.name, r.routed, r.onTime, r.overdue, r.answerRate])).toEqual([
      ['市卫健委', 3, 1, 1, 1 / 3],
      ['市市场监管局', 2, 0, 0, 1],
      ['甲区市场监管局', 1, 0, 1, 0],
      ['无订单单位', 0, 0, 0, null],
    ]);
    // English names where there are; Chinese otherwise.
    expect(agencyRows(DATA, 'en').map((r) => r.name)).toEqual(['Health', 'Market', '甲区市场监管局', '无订单单位']);
    // The chart leaves out agencies without requests.
    expect(chartAgencies(rows).map((r) => r.id)).toEqual(['Agency:3', 'Agency:2', 'Agency:4']);
    expect(chartAgencies(rows, 1)).toHaveLength(1);
    expect(domainRows(DATA, 'zh-CN').map((r) => [r.name, r.routed])).toEqual([['食品安全', 5], ['生态环境', 1]]);
  });

  it('names the demand no menu offers by law and domain, and counts its orders', () => {
    expect(unmetRows(DATA.unmetDemand, 'zh-CN')).toEqual([
      { key: '-|EnforcementDomain:3', law: '', domain: '道路交通', label: '道路交通', orders: 2 },
      { key: 'Law:3|EnforcementDomain:3', law: '环境保护法', domain: '道路交通', label: '环境保护法 · 道路交通', orders: 1 },
    ]);
    expect(unmetOrderCount(DATA.unmetDemand)).toBe(3);
    expect(unmetOrderCount([])).toBe(0);
  });

  it("keeps the page's own year and deadline within what the hub takes", () => {
    const today = new Date(2026, 10, 27);
    expect(orderYears(today)[0]).toBe(2027);
    expect(orderYears(today).at(-1)).toBe(2021);
    expect(parseOrderYear('2025', today)).toBe(2025);
    // Anything else: the year the dashboard opens on (the latest with records), if orders can be of it.
    expect(parseOrderYear('2019', today, 2025)).toBe(2025);
    expect(parseOrderYear(null, today, 2025)).toBe(2025);
    expect(parseOrderYear('20x5', today, 2025)).toBe(2025);
    expect(parseOrderYear(null, today, 2018)).toBe(2026);
    expect([parseOverdueDays('30'), parseOverdueDays('5'), parseOverdueDays(null)]).toEqual([30, 14, 14]);
    // As of 2025-04-10 with 14 days, an order of 03-27 is not yet overdue, one of 03-26 is (metrics.md's worked example).
    expect(overdueBefore('2025-04-10', 14)).toBe('2025-03-27');
    expect(overdueBefore('2025-03-01', 1)).toBe('2025-02-28');
  });
});
