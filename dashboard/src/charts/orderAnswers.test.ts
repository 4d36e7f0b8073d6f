import { describe, expect, it } from 'vitest';
import { ANSWER_COLORS, buildOrderAnswersOption, orderAnswersHeight } from './orderAnswers';
import type { Loose } from './testRows';

const names = { done: '已完成', accepted: '已接单', declined: '已婉拒', onTime: '待答复（未超期）', overdue: '超期未答复' };

describe('order answers per agency', () => {
  it('stacks the five states per agency in a fixed order, overdue last and red', () => {
    const option: Loose = buildOrderAnswersOption(
      {
        agencies: [
          { name: '市市场监督管理局', done: 2, accepted: 1, declined: 1, onTime: 0, overdue: 3 },
          { name: '市司法局', done: 1, accepted: 0, declined: 0, onTime: 2, overdue: 0 },
        ],
        names,
        unit: '件',
        description: 'd',
      },
      'zh-CN',
    );
    expect(option.yAxis).toMatchObject({ type: 'category', data: ['市市场监督管理局', '市司法局'], inverse: true });
    expect(option.xAxis).toMatchObject({ type: 'value', name: '件', minInterval: 1 });
    expect(option.series.map((s: Loose) => [s.name, s.stack, s.data])).toEqual([
      ['已完成', 'total', [2, 1]],
      ['已接单', 'total', [1, 0]],
      ['已婉拒', 'total', [1, 0]],
      ['待答复（未超期）', 'total', [0, 2]],
      ['超期未答复', 'total', [3, 0]],
    ]);
    expect(option.color).toEqual([ANSWER_COLORS.done, ANSWER_COLORS.accepted, ANSWER_COLORS.declined, ANSWER_COLORS.onTime, ANSWER_COLORS.overdue]);
    // A bar's parts add up to the requests routed to the agency.
    const total = (i: number) => option.series.reduce((n: number, s: Loose) => n + s.data[i], 0);
    expect([total(0), total(1)]).toEqual([7, 3]);
    expect(option.aria.label.description).toBe('d');
    expect(option.tooltip.valueFormatter(1250)).toBe('1,250');
  });

  it('grows with the number of agencies and leaves English names more room', () => {
    expect(orderAnswersHeight(20)).toBeGreaterThan(orderAnswersHeight(3));
    const en: Loose = buildOrderAnswersOption({ agencies: [], names, unit: 'requests', description: 'd' }, 'en');
    expect(en.yAxis.axisLabel.width).toBe(240);
  });
});
