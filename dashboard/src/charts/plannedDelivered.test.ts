import { describe, expect, it } from 'vitest';
import { buildPlannedDeliveredOption, plannedDeliveredHeight } from './plannedDelivered';
import type { Loose } from './testRows';

const items = [
  { id: 'ResponsibilityItem:1', title: '宪法进社区', planned: 4, delivered: 6 },
  { id: 'ResponsibilityItem:2', title: '民法典宣传月', planned: 3, delivered: 0 },
];

describe('planned vs delivered', () => {
  it('draws planned and delivered per item, first item at the top', () => {
    const option: Loose = buildPlannedDeliveredOption(items, 'zh-CN');
    expect(option.yAxis).toMatchObject({ type: 'category', inverse: true, data: ['宪法进社区', '民法典宣传月'] });
    expect(option.legend.data).toEqual(['计划场次', '完成场次']);
    expect(option.series.map((s: Loose) => [s.type, s.name, s.data])).toEqual([
      ['bar', '计划场次', [4, 3]],
      ['bar', '完成场次', [6, 0]],
    ]);
    // The target is outlined, what was done is solid.
    expect(option.series[0].itemStyle.borderWidth).toBe(1);
    expect(option.series[1].itemStyle.borderWidth).toBeUndefined();
    expect(option.xAxis).toMatchObject({ type: 'value', name: '场', minInterval: 1 });
    expect(option.series[1].label.formatter({ value: 1200 })).toBe('1,200');
    expect(option.aria.label.description).toBe('各事项计划与完成的普法活动场次：宪法进社区 计划 4 场、完成 6 场；民法典宣传月 计划 3 场、完成 0 场。');
  });

  it('speaks English', () => {
    const option: Loose = buildPlannedDeliveredOption(items, 'en', 400);
    expect(option.legend.data).toEqual(['Planned', 'Delivered']);
    expect(option.yAxis.axisLabel.width).toBe(168);
    expect(option.aria.label.description).toBe(
      'Planned and delivered activities per item: 宪法进社区 planned 4, delivered 6; 民法典宣传月 planned 3, delivered 0.',
    );
  });

  it('sizes the chart to the number of items', () => {
    expect(plannedDeliveredHeight(0)).toBe(200);
    expect(plannedDeliveredHeight(5)).toBe(312);
  });
});
