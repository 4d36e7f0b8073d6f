import { describe, expect, it } from 'vitest';
import { MAX_FILTER_IDS } from '../../shared/filters.js';
import { compareAgencies, compareSets, figures, itemDrill, ratio, unionDrills } from './coverage.compute.js';

describe('coverage arithmetic', () => {
  it('divides only by something: null, never NaN or Infinity', () => {
    expect(ratio(0, 0)).toBeNull();
    expect(ratio(3, 0)).toBeNull();
    expect(ratio(3, 4)).toBe(0.75);
  });

  it('caps each item at its plan before summing, and takes rates from the sums', () => {
    // Capped: min(5, 2) + min(1, 3) + min(0, 0) = 3 of 5 planned; uncapped 6 of 5; 2 of 3 items covered.
    expect(figures([{ planned: 2, delivered: 5 }, { planned: 3, delivered: 1 }, { planned: 0, delivered: 0 }])).toEqual({
      planned: 5, delivered: 6, deliveredCapped: 3, itemCount: 3, coveredItemCount: 2,
      completionCapped: 0.6, completionUncapped: 1.2, coverageRate: 2 / 3,
    });
    // An item planned at 0 with an activity is covered but adds nothing to completion.
    expect(figures([{ planned: 0, delivered: 2 }])).toMatchObject({ deliveredCapped: 0, coveredItemCount: 1, completionCapped: null, coverageRate: 1 });
    expect(figures([])).toEqual({
      planned: 0, delivered: 0, deliveredCapped: 0, itemCount: 0, coveredItemCount: 0, completionCapped: null, completionUncapped: null, coverageRate: null,
    });
  });

  it('splits named values into reached and missing, and lists the extra ones sorted', () => {
    expect(compareSets(['YOUTH', 'STUDENTS', 'ELDERLY'], ['WOMEN', 'STUDENTS', 'DRIVERS', 'STUDENTS'])).toEqual({
      named: ['YOUTH', 'STUDENTS', 'ELDERLY'], reached: ['STUDENTS'], missing: ['YOUTH', 'ELDERLY'], extra: ['DRIVERS', 'WOMEN'],
    });
    expect(compareSets([3, 2], [10, 2, 9])).toEqual({ named: [3, 2], reached: [2], missing: [3], extra: [9, 10] });
    expect(compareSets([], [])).toEqual({ named: [], reached: [], missing: [], extra: [] });
  });

  it('drills an item by its window, and a set of items by one drill per window', () => {
    expect(itemDrill({ id: 7, startsOn: '2019-03-01', endsOn: '2019-03-31' })).toEqual({ from: '2019-03-01', to: '2019-03-31', itemIds: ['ResponsibilityItem:7'] });
    const year = { startsOn: '2019-01-01', endsOn: '2019-12-31' };
    expect(unionDrills([{ id: 9, ...year }, { id: 2, startsOn: '2019-03-01', endsOn: '2019-03-31' }, { id: 4, ...year }])).toEqual([
      { from: '2019-01-01', to: '2019-12-31', itemIds: ['ResponsibilityItem:4', 'ResponsibilityItem:9'] },
      { from: '2019-03-01', to: '2019-03-31', itemIds: ['ResponsibilityItem:2'] },
    ]);
    expect(unionDrills([])).toEqual([]);
    // A window with more items than a filter accepts is split.
    const many = Array.from({ length: MAX_FILTER_IDS + 1 }, (_, i) => ({ id: i + 1, ...year }));
    expect(unionDrills(many).map((d) => d.itemIds.length)).toEqual([MAX_FILTER_IDS, 1]);
  });

  it('orders agencies worst first, those without a rate last, ties by name then id', () => {
    const rows = [
      { id: 1, label: '市司法局', completionCapped: 0.5 },
      { id: 2, label: '市公安局', completionCapped: null },
      { id: 3, label: '市财政局', completionCapped: 0.5 },
      { id: 4, label: '市财政局', completionCapped: 0.5 },
      { id: 5, label: '市教育局', completionCapped: 0 },
    ];
    // Pinyin order: cai (财政) < si (司法).
    expect([...rows].sort((a, b) => compareAgencies(a, b, 'zh-CN')).map((r) => r.id)).toEqual([5, 3, 4, 1, 2]);
  });
});
