import { describe, expect, it } from 'vitest';
import { buildMonthlyTrendOption, hasMonthlyData, monthlySeries } from './monthlyTrend';
import { row, type Loose } from './testRows';

const year2025 = { kind: 'year', year: 2025 } as const;
const rows = [
  row('MONTH', '2025-03', '2025年3月', { ACTIVITY_COUNT: 12, PARTICIPANTS: 3400 }),
  row('MONTH', '2025-01', '2025年1月', { ACTIVITY_COUNT: 5, PARTICIPANTS: 820 }),
  row('MONTH', '2025-12', '2025年12月', { ACTIVITY_COUNT: 30, PARTICIPANTS: 12050 }),
  // Outside the period: ignored.
  row('MONTH', '2024-12', '2024年12月', { ACTIVITY_COUNT: 99, PARTICIPANTS: 99 }),
];

describe('monthly trend', () => {
  it('zero-fills every month of the period', () => {
    expect(monthlySeries({ rows, period: year2025 })).toEqual({
      months: ['2025-01', '2025-02', '2025-03', '2025-04', '2025-05', '2025-06', '2025-07', '2025-08', '2025-09', '2025-10', '2025-11', '2025-12'],
      activities: [5, 0, 12, 0, 0, 0, 0, 0, 0, 0, 0, 30],
      participants: [820, 0, 3400, 0, 0, 0, 0, 0, 0, 0, 0, 12050],
    });
  });

  it('knows when a period is empty', () => {
    expect(hasMonthlyData({ rows, period: year2025 })).toBe(true);
    expect(hasMonthlyData({ rows: [], period: year2025 })).toBe(false);
    expect(
      hasMonthlyData({ rows: [row('MONTH', '2025-02', '', { ACTIVITY_COUNT: 0, PARTICIPANTS: 0 })], period: year2025 }),
    ).toBe(false);
  });

  it('builds two lines on two axes with Chinese labels', () => {
    const option: Loose = buildMonthlyTrendOption({ rows, period: year2025 }, 'zh-CN');
    expect(option.xAxis.type).toBe('category');
    expect(option.xAxis.data).toEqual(['1月', '2月', '3月', '4月', '5月', '6月', '7月', '8月', '9月', '10月', '11月', '12月']);
    expect(option.legend.data).toEqual(['活动场次', '参与人次']);
    expect(option.yAxis.map((a: Loose) => a.name)).toEqual(['场', '人次']);
    expect(option.yAxis.map((a: Loose) => a.position)).toEqual(['left', 'right']);
    expect(option.series).toHaveLength(2);
    expect(option.series[0]).toMatchObject({
      type: 'line',
      name: '活动场次',
      yAxisIndex: 0,
      data: [5, 0, 12, 0, 0, 0, 0, 0, 0, 0, 0, 30],
    });
    expect(option.series[1]).toMatchObject({
      type: 'line',
      name: '参与人次',
      yAxisIndex: 1,
      data: [820, 0, 3400, 0, 0, 0, 0, 0, 0, 0, 0, 12050],
    });
    expect(option.yAxis[1].axisLabel.formatter(12050)).toBe('12,050');
    expect(option.tooltip.valueFormatter(3400)).toBe('3,400');
    expect(option.dataZoom).toBeUndefined();
  });

  it('describes the chart', () => {
    const option: Loose = buildMonthlyTrendOption({ rows, period: year2025 }, 'zh-CN');
    expect(option.aria.enabled).toBe(true);
    expect(option.aria.label.description).toBe(
      '2025年月度趋势：活动共 47 场，参与共 16,270 人次；活动最多的月份为 2025年12月（30 场）。',
    );
  });

  it('uses English labels and shows years when the range spans two', () => {
    const period = { kind: 'range', from: '2024-11-01', to: '2025-02-28' } as const;
    const option: Loose = buildMonthlyTrendOption({ rows, period }, 'en');
    expect(option.xAxis.data).toEqual(['Nov 2024', 'Dec 2024', 'Jan 2025', 'Feb 2025']);
    expect(option.series[0].data).toEqual([0, 99, 5, 0]);
    expect(option.legend.data).toEqual(['Activities', 'Participants']);
    expect(option.yAxis.map((a: Loose) => a.name)).toEqual(['events', 'people']);
    expect(option.aria.label.description).toBe(
      'Monthly trend, Nov 1, 2024 – Feb 28, 2025: 104 activities and 919 participants in total; the busiest month was Dec 2024 (99 activities).',
    );
  });

  it('adds a zoom for periods longer than two years', () => {
    const period = { kind: 'range', from: '2016-01-01', to: '2025-12-31' } as const;
    const option: Loose = buildMonthlyTrendOption({ rows, period }, 'zh-CN');
    expect(option.xAxis.data).toHaveLength(120);
    expect(option.xAxis.data[0]).toBe('2016年1月');
    expect(option.dataZoom.map((z: Loose) => z.type)).toEqual(['inside', 'slider']);
  });
});
