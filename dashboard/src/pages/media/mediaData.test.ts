import { describe, expect, it } from 'vitest';
import { row } from '../../charts/testRows';
import type { AnalyticsRow } from '../../app/api-types';
import { byAds, byPrimeShare, mediaFilter, monthlyBars, outletItems, shanghaiDay, slotFigures, slotsDrill, slotsPerDay } from './mediaData';

const year = { from: '2025-01-01', to: '2025-12-31' };
/** A row grouped by OUTLET × MONTH. */
function pair(outlet: string, label: string, month: string, slots: number, minutes: number): AnalyticsRow {
  return {
    keys: [
      { dimension: 'OUTLET', value: outlet, label },
      { dimension: 'MONTH', value: month, label: month },
    ],
    values: [
      { measure: 'BROADCAST_COUNT', value: slots },
      { measure: 'BROADCAST_MINUTES', value: minutes },
    ],
  };
}

describe('media data', () => {
  it('drops the district (broadcasts have no place) and keeps period, domain and agency', () => {
    expect(
      mediaFilter({ period: { kind: 'year', year: 2025 }, district: 'Region:2', domain: 'EnforcementDomain:3', agency: 'Agency:4' }),
    ).toEqual({ ...year, domainIds: ['EnforcementDomain:3'], agencyIds: ['Agency:4'] });
  });

  it('stacks one series per outlet over every month, largest first, empty outlets left out', () => {
    const rows = [
      pair('MediaOutlet:1', '乌海日报', '2025-01', 2, 10),
      pair('MediaOutlet:3', '乌海电视台', '2025-01', 1, 30),
      pair('MediaOutlet:3', '乌海电视台', '2025-03', 4, 60),
      pair('MediaOutlet:9', '显示屏', '2025-02', 0, 0),
      pair('MediaOutlet:1', '乌海日报', '2024-12', 99, 99), // outside the period
    ];
    const bars = monthlyBars(rows, year, 'BROADCAST_COUNT', 'zh-CN', '全市');
    expect(bars.months).toHaveLength(12);
    expect(bars.categories.slice(0, 3)).toEqual(['1月', '2月', '3月']);
    expect(bars.series.map((s) => [s.id, s.name, s.values.slice(0, 3)])).toEqual([
      ['MediaOutlet:3', '乌海电视台', [1, 0, 4]],
      ['MediaOutlet:1', '乌海日报', [2, 0, 0]],
    ]);
    const minutes = monthlyBars(rows, year, 'BROADCAST_MINUTES', 'en', 'Whole city');
    expect(minutes.series.map((s) => s.values[0])).toEqual([30, 10]);
    expect(minutes.categories[0]).toBe('Jan');
  });

  it('draws the city as one series when rows are by month only, with years on a multi-year axis', () => {
    const rows = [row('MONTH', '2024-12', '2024年12月', { BROADCAST_COUNT: 5 }), row('MONTH', '2025-01', '2025年1月', { BROADCAST_COUNT: 3 })];
    const bars = monthlyBars(rows, { from: '2024-12-01', to: '2025-01-31' }, 'BROADCAST_COUNT', 'zh-CN', '全市');
    expect(bars.categories).toEqual(['2024年12月', '2025年1月']);
    expect(bars.series).toEqual([{ id: null, name: '全市', values: [5, 3] }]);
    expect(monthlyBars([], year, 'BROADCAST_COUNT', 'zh-CN', '全市').series).toEqual([]);
  });

  it('reads outlets for the table and orders the share and ads bars', () => {
    const rows = [
      row('OUTLET', 'MediaOutlet:2', '广播', { BROADCAST_COUNT: 3, BROADCAST_MINUTES: 90, PRIME_TIME_SHARE: 0.5, PUBLIC_SERVICE_ADS: 0, BROADCAST_REACH: 1000 }),
      row('OUTLET', 'MediaOutlet:1', '日报', { BROADCAST_COUNT: 7, BROADCAST_MINUTES: 0, PRIME_TIME_SHARE: null, PUBLIC_SERVICE_ADS: 2 }),
      row('OUTLET', 'MediaOutlet:4', '网站', { BROADCAST_COUNT: 3, BROADCAST_MINUTES: 30, PRIME_TIME_SHARE: 1, PUBLIC_SERVICE_ADS: 1 }),
    ];
    const items = outletItems(rows, 'zh-CN');
    expect(items.map((i) => [i.id, i.slots, i.minutes, i.primeShare, i.ads, i.reach])).toEqual([
      ['MediaOutlet:1', 7, 0, null, 2, 0],
      ['MediaOutlet:2', 3, 90, 0.5, 0, 1000],
      ['MediaOutlet:4', 3, 30, 1, 1, 0],
    ]);
    expect(byPrimeShare(items).map((i) => i.id)).toEqual(['MediaOutlet:4', 'MediaOutlet:2']);
    expect(byAds(items).map((i) => i.id)).toEqual(['MediaOutlet:1', 'MediaOutlet:4']);
  });

  it('counts days and figures from slot records in Shanghai time', () => {
    // 16:30 UTC on 31 March is 00:30 on 1 April in Shanghai.
    expect(shanghaiDay('2019-03-31T15:30:00.000Z')).toBe('2019-03-31');
    expect(shanghaiDay('2019-03-31T16:30:00.000Z')).toBe('2019-04-01');
    const slots = [
      { startsAt: '2025-03-08T01:00:00.000Z', durationMinutes: 30, primeTime: true, kind: 'PROGRAMME' },
      { startsAt: '2025-03-08T12:00:00.000Z', durationMinutes: 10, primeTime: false, kind: 'PUBLIC_SERVICE_AD' },
      { startsAt: '2025-03-08T17:00:00.000Z', durationMinutes: 20, primeTime: false, kind: 'COLUMN' },
    ];
    expect([...slotsPerDay(slots)]).toEqual([
      ['2025-03-08', 2],
      ['2025-03-09', 1],
    ]);
    // 30 prime-time minutes of 60.
    expect(slotFigures(slots)).toEqual({ count: 3, minutes: 60, primeShare: 0.5, ads: 1 });
    expect(slotFigures([])).toEqual({ count: 0, minutes: 0, primeShare: null, ads: 0 });
  });

  it('drills into slots', () => {
    expect(slotsDrill('t', { from: '2025-03-08', to: '2025-03-08' })).toEqual({
      title: 't',
      source: { kind: 'broadcastSlots', filters: [{ from: '2025-03-08', to: '2025-03-08' }] },
    });
  });
});
