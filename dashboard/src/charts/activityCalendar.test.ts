import { describe, expect, it } from 'vitest';
import { buildActivityCalendarOption, calendarDays, countByDay } from './activityCalendar';
import type { Loose } from './testRows';

const range = { from: '2025-01-01', to: '2025-12-31' };
const counts = countByDay(['2025-03-08', '2025-03-08', '2025-12-04', '2025-03-08', '2025-01-02', '2024-12-31']);

describe('activity calendar', () => {
  it('counts activities per day', () => {
    expect([...counts]).toEqual([
      ['2025-03-08', 3],
      ['2025-12-04', 1],
      ['2025-01-02', 1],
      ['2024-12-31', 1],
    ]);
  });

  it('keeps the days of the range with activities, in date order', () => {
    expect(calendarDays({ counts, range })).toEqual([
      ['2025-01-02', 1],
      ['2025-03-08', 3],
      ['2025-12-04', 1],
    ]);
    expect(calendarDays({ counts: new Map([['2025-05-01', 0]]), range })).toEqual([]);
    expect(calendarDays({ counts, range: { from: '2025-03-01', to: '2025-06-30' } })).toEqual([['2025-03-08', 3]]);
  });

  it('draws a calendar of the range with a heatmap of the days', () => {
    const option: Loose = buildActivityCalendarOption({ counts, range }, 'zh-CN');
    expect(option.calendar.range).toEqual(['2025-01-01', '2025-12-31']);
    expect(option.calendar.dayLabel).toMatchObject({ firstDay: 1, nameMap: ['日', '一', '二', '三', '四', '五', '六'] });
    expect(option.calendar.monthLabel.nameMap).toEqual(['1月', '2月', '3月', '4月', '5月', '6月', '7月', '8月', '9月', '10月', '11月', '12月']);
    expect(option.series).toEqual([
      { type: 'heatmap', coordinateSystem: 'calendar', name: '普法活动', data: calendarDays({ counts, range }) },
    ]);
    expect(option.visualMap).toMatchObject({ min: 1, max: 3, text: ['多', '少'] });
    expect(option.tooltip.formatter({ value: ['2025-03-08', 3] })).toBe('2025年3月8日：3 场普法活动');
    expect(option.aria.label.description).toBe(
      '2025年1月1日至2025年12月31日每日普法活动：共 5 场，分布在 3 天；最多的一天是2025年3月8日（3 场）。',
    );
  });

  it('speaks English and keeps a scale for a single activity', () => {
    const option: Loose = buildActivityCalendarOption({ counts: new Map([['2025-06-01', 1]]), range }, 'en');
    expect(option.calendar.dayLabel.nameMap[1]).toBe('Mon');
    expect(option.calendar.monthLabel.nameMap[0]).toBe('Jan');
    expect(option.visualMap).toMatchObject({ min: 1, max: 2, text: ['More', 'Fewer'] });
    expect(option.tooltip.formatter({ value: ['2025-06-01', 1] })).toBe('Jun 1, 2025 — activities: 1');
    expect(option.aria.label.description).toBe(
      'Activities per day from Jan 1, 2025 to Dec 31, 2025: 1 in total; days with activities: 1; busiest day: Jun 1, 2025 (1).',
    );
  });

  it('counts other dated records in their own words', () => {
    const texts = {
      series: 'inspections.calendar.series',
      tooltip: 'inspections.calendar.tooltip',
      aria: 'inspections.calendar.aria',
      ariaEmpty: 'inspections.calendar.ariaEmpty',
    } as const;
    const option: Loose = buildActivityCalendarOption({ counts: new Map([['2025-06-10', 2]]), range }, 'zh-CN', texts);
    expect(option.series[0].name).toBe('检查');
    expect(option.tooltip.formatter({ value: ['2025-06-10', 2] })).toBe('2025年6月10日：2 次检查');
    expect(option.aria.label.description).toBe('2025年1月1日至2025年12月31日每日检查：共 2 次，分布在 1 天；最多的一天是2025年6月10日（2 次）。');
    const empty: Loose = buildActivityCalendarOption({ counts: new Map(), range }, 'en', texts);
    expect(empty.aria.label.description).toBe('No inspections from Jan 1, 2025 to Dec 31, 2025.');
  });

  it('describes an empty calendar without NaN', () => {
    const option: Loose = buildActivityCalendarOption({ counts: new Map(), range }, 'zh-CN');
    expect(option.series[0].data).toEqual([]);
    expect(option.visualMap.max).toBe(2);
    expect(option.aria.label.description).toBe('2025年1月1日至2025年12月31日没有普法活动。');
  });
});
