import { describe, expect, it } from 'vitest';
import { Compare, Dimension } from './analytics.types.js';
import { addMonths, comparedPeriod, shiftPeriodKey, splitMonths } from './periods.js';

describe('periods', () => {
  it('split a period into whole months and the partial months at its edges', () => {
    expect(splitMonths('2024-03-15', '2024-06-10')).toEqual({
      months: { from: '2024-04-01', to: '2024-05-01' },
      edges: [{ from: '2024-03-15', to: '2024-03-31' }, { from: '2024-06-01', to: '2024-06-10' }],
    });
    expect(splitMonths('2024-01-01', '2024-12-31')).toEqual({ months: { from: '2024-01-01', to: '2024-12-01' }, edges: [] });
    expect(splitMonths('2024-02-01', '2024-02-29')).toEqual({ months: { from: '2024-02-01', to: '2024-02-01' }, edges: [] });
    expect(splitMonths('2024-02-03', '2024-02-20')).toEqual({ edges: [{ from: '2024-02-03', to: '2024-02-20' }] });
    // Two partial neighbouring months: no whole month in between.
    expect(splitMonths('2024-02-03', '2024-03-20')).toEqual({ months: undefined, edges: [{ from: '2024-02-03', to: '2024-02-29' }, { from: '2024-03-01', to: '2024-03-20' }] });
    expect(splitMonths(undefined, '2024-03-20')).toEqual({ months: { from: undefined, to: '2024-02-01' }, edges: [{ from: '2024-03-01', to: '2024-03-20' }] });
    expect(splitMonths('2024-03-20', undefined)).toEqual({ months: { from: '2024-04-01', to: undefined }, edges: [{ from: '2024-03-20', to: '2024-03-31' }] });
    expect(splitMonths(undefined, undefined)).toEqual({ months: { from: undefined, to: undefined }, edges: [] });
  });

  it('find the compared period', () => {
    expect(comparedPeriod(Compare.SAME_PERIOD_LAST_YEAR, '2024-02-29', '2024-03-31', [])).toEqual({ from: '2023-02-28', to: '2023-03-31', shiftMonths: 12 });
    expect(comparedPeriod(Compare.PREVIOUS_PERIOD, '2024-04-01', '2024-06-30', [Dimension.MONTH])).toEqual({ from: '2024-01-01', to: '2024-03-31', shiftMonths: 3 });
    expect(comparedPeriod(Compare.PREVIOUS_PERIOD, '2024-03-10', '2024-03-19', [])).toEqual({ from: '2024-02-29', to: '2024-03-09', shiftMonths: 0 });
    expect(() => comparedPeriod(Compare.PREVIOUS_PERIOD, '2024-03-10', '2024-03-19', [Dimension.MONTH])).toThrow(/whole months/);
    expect(() => comparedPeriod(Compare.PREVIOUS_PERIOD, '2024-04-01', '2024-06-30', [Dimension.YEAR])).toThrow(/whole years/);
    expect(() => comparedPeriod(Compare.PREVIOUS_PERIOD, undefined, '2024-06-30', [])).toThrow(/needs a period/);
  });

  it('move time keys and days by months', () => {
    expect(shiftPeriodKey('2023-03', 12)).toBe('2024-03');
    expect(shiftPeriodKey('2023-11', 3)).toBe('2024-02');
    expect(shiftPeriodKey('2023-Q4', 3)).toBe('2024-Q1');
    expect(shiftPeriodKey('2023', 12)).toBe('2024');
    expect(addMonths('2024-03-31', -1)).toBe('2024-02-29');
    expect(addMonths('2023-12-15', 1)).toBe('2024-01-15');
  });
});
