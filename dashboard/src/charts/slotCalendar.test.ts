import { describe, expect, it } from 'vitest';
import { buildSlotCalendarOption, calendarDay, calendarYears, slotCalendarHeight } from './slotCalendar';
import type { Loose } from './testRows';

const counts = new Map([
  ['2025-03-08', 2],
  ['2025-01-02', 1],
  ['2025-12-31', 6],
  ['2024-12-31', 9], // outside the period
]);
const year = { counts, range: { from: '2025-01-01', to: '2025-12-31' } };

describe('slot calendar', () => {
  it('keeps the days of the period in date order', () => {
    expect(calendarYears(year)).toEqual([
      {
        range: { from: '2025-01-01', to: '2025-12-31' },
        days: [
          ['2025-01-02', 1],
          ['2025-03-08', 2],
          ['2025-12-31', 6],
        ],
      },
    ]);
    expect(calendarDay(year, 0, 1)).toBe('2025-03-08');
    expect(calendarDay(year, 1, 0)).toBeUndefined();
  });

  it('splits a range over several years into one calendar (and series) per year', () => {
    const data = { counts, range: { from: '2024-12-15', to: '2025-01-10' } };
    const years = calendarYears(data);
    expect(years.map((y) => y.range)).toEqual([
      { from: '2024-12-15', to: '2024-12-31' },
      { from: '2025-01-01', to: '2025-01-10' },
    ]);
    expect(calendarDay(data, 0, 0)).toBe('2024-12-31');
    expect(calendarDay(data, 1, 0)).toBe('2025-01-02');
    const option: Loose = buildSlotCalendarOption(data, 'zh-CN');
    expect(option.calendar.map((c: Loose) => c.range)).toEqual([
      ['2024-12-15', '2024-12-31'],
      ['2025-01-01', '2025-01-10'],
    ]);
    expect(option.series.map((s: Loose) => [s.type, s.coordinateSystem, s.calendarIndex, s.data])).toEqual([
      ['heatmap', 'calendar', 0, [['2024-12-31', 9]]],
      ['heatmap', 'calendar', 1, [['2025-01-02', 1]]],
    ]);
    expect(slotCalendarHeight(data.range)).toBe(48 + 2 * 150);
  });

  it('labels days, months, bands and the tooltip in Chinese, weeks from Monday', () => {
    const option: Loose = buildSlotCalendarOption(year, 'zh-CN');
    const calendar = option.calendar[0];
    expect(calendar.dayLabel.firstDay).toBe(1);
    expect(calendar.dayLabel.nameMap).toEqual(['日', '一', '二', '三', '四', '五', '六']);
    expect(calendar.monthLabel.nameMap[0]).toBe('1月');
    expect(calendar.monthLabel.nameMap[11]).toBe('12月');
    expect(option.visualMap.pieces.map((p: Loose) => p.label)).toEqual(['1 次', '2 次', '3–4 次', '5 次及以上']);
    expect(option.tooltip.formatter({ value: ['2025-03-08', 2] })).toBe('2025年3月8日<br/>刊播 2 次');
    expect(option.aria.label.description).toBe('每日刊播日历：共 9 次，分布在 3 天。');
  });

  it('speaks English', () => {
    const option: Loose = buildSlotCalendarOption(year, 'en');
    expect(option.calendar[0].dayLabel.nameMap).toEqual(['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat']);
    expect(option.calendar[0].monthLabel.nameMap[2]).toBe('Mar');
    expect(option.visualMap.pieces.map((p: Loose) => p.label)).toEqual(['1', '2', '3–4', '5 or more']);
    expect(option.tooltip.formatter({ value: ['2025-03-08', 2] })).toBe('Mar 8, 2025<br/>Slots: 2');
  });

  it('draws an empty period without days', () => {
    const option: Loose = buildSlotCalendarOption({ counts: new Map(), range: year.range }, 'en');
    expect(option.series[0].data).toEqual([]);
    expect(option.aria.label.description).toBe('Broadcast slots per day: 0 in total, on 0 days.');
  });
});
