import { describe, expect, it } from 'vitest';
import { itemProgress, reachChips } from './responsibilityList';

describe('responsibility items', () => {
  it('shows named values as reached or missing in the item’s order, then the extra ones', () => {
    const chips = reachChips({
      named: [
        { value: 'Region:2', label: '海勃湾区' },
        { value: 'Region:3', label: '海南区' },
        { value: 'Region:4', label: '乌达区' },
      ],
      reached: [{ value: 'Region:4' }, { value: 'Region:2' }],
      missing: [{ value: 'Region:3' }],
      extra: [{ value: 'Region:9', label: '某区' }],
    });
    expect(chips).toEqual([
      { value: 'Region:2', label: '海勃湾区', status: 'reached' },
      { value: 'Region:3', label: '海南区', status: 'missing' },
      { value: 'Region:4', label: '乌达区', status: 'reached' },
      { value: 'Region:9', label: '某区', status: 'extra' },
    ]);
    expect(reachChips({ named: [], reached: [], missing: [], extra: [] })).toEqual([]);
  });

  it('tells done, short and untouched items apart', () => {
    expect(itemProgress({ planned: 4, delivered: 6 })).toBe('done');
    expect(itemProgress({ planned: 4, delivered: 4 })).toBe('done');
    expect(itemProgress({ planned: 4, delivered: 1 })).toBe('short');
    expect(itemProgress({ planned: 4, delivered: 0 })).toBe('none');
    expect(itemProgress({ planned: 0, delivered: 0 })).toBe('none');
  });
});
