import { describe, expect, it } from 'vitest';
import {
  defaultYear,
  formatPeriod,
  LAST_YEAR,
  isValidDay,
  isValidRange,
  monthsInRange,
  periodRange,
  periodSlug,
  previousYearRange,
  selectableYears,
  shiftDayByYears,
} from './period';

describe('period', () => {
  it('offers 2016 to this year, newest first', () => {
    const years = selectableYears();
    expect(years[0]).toBe(LAST_YEAR);
    expect(LAST_YEAR).toBe(new Date(Date.now() + 8 * 3_600_000).getUTCFullYear());
    expect(years[years.length - 1]).toBe(2016);
    expect(years).toHaveLength(LAST_YEAR - 2016 + 1);
  });

  it('opens on the latest year the hub has records of, when it is selectable', () => {
    expect(defaultYear('2025', 2026)).toBe(2025);
    expect(defaultYear('2026', 2026)).toBe(2026);
    // No meta (a dev server), nonsense, or a year outside 2016…this year: this year.
    for (const latest of [null, undefined, '', 'abc', '25', '2015', '2027']) expect(defaultYear(latest, 2026)).toBe(2026);
  });

  it('turns a year into its first and last day', () => {
    expect(periodRange({ kind: 'year', year: 2024 })).toEqual({ from: '2024-01-01', to: '2024-12-31' });
    expect(periodRange({ kind: 'range', from: '2024-03-01', to: '2024-05-31' })).toEqual({
      from: '2024-03-01',
      to: '2024-05-31',
    });
  });

  it('validates days and ranges', () => {
    expect(isValidDay('2024-02-29')).toBe(true);
    expect(isValidDay('2025-02-29')).toBe(false);
    expect(isValidDay('2025-13-01')).toBe(false);
    expect(isValidDay('2025-1-01')).toBe(false);
    expect(isValidRange('2025-01-01', '2025-01-01')).toBe(true);
    expect(isValidRange('2025-02-01', '2025-01-31')).toBe(false);
  });

  it('finds the same period last year', () => {
    expect(previousYearRange({ from: '2025-01-01', to: '2025-12-31' })).toEqual({
      from: '2024-01-01',
      to: '2024-12-31',
    });
    expect(shiftDayByYears('2024-02-29', -1)).toBe('2023-02-28');
    expect(previousYearRange({ from: '2024-02-01', to: '2024-02-29' })).toEqual({
      from: '2023-02-01',
      to: '2023-02-28',
    });
  });

  it('lists the months of a range', () => {
    expect(monthsInRange({ from: '2025-01-01', to: '2025-12-31' })).toHaveLength(12);
    expect(monthsInRange({ from: '2024-11-15', to: '2025-02-03' })).toEqual([
      '2024-11',
      '2024-12',
      '2025-01',
      '2025-02',
    ]);
    expect(monthsInRange({ from: '2025-05-10', to: '2025-05-20' })).toEqual(['2025-05']);
  });

  it('names periods for people and for files', () => {
    expect(formatPeriod({ kind: 'year', year: 2025 }, 'zh-CN')).toBe('2025年');
    expect(formatPeriod({ kind: 'year', year: 2025 }, 'en')).toBe('2025');
    expect(formatPeriod({ kind: 'range', from: '2025-01-01', to: '2025-06-30' }, 'en')).toBe(
      'Jan 1, 2025 – Jun 30, 2025',
    );
    expect(periodSlug({ kind: 'year', year: 2025 })).toBe('2025');
    expect(periodSlug({ kind: 'range', from: '2025-01-01', to: '2025-06-30' })).toBe('2025-01-01_2025-06-30');
  });
});
