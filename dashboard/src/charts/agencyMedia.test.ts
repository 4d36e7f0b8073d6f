import { describe, expect, it } from 'vitest';
import { buildAgencyMediaOption, hasMedia, mediaSeries } from './agencyMedia';
import { row, type Loose } from './testRows';

const range = { from: '2025-01-01', to: '2025-06-30' };
const rows = [
  row('MONTH', '2025-03', '2025年3月', { BROADCAST_COUNT: 4, BROADCAST_MINUTES: 75 }),
  row('MONTH', '2025-01', '2025年1月', { BROADCAST_COUNT: 1, BROADCAST_MINUTES: 1500 }),
  row('MONTH', '2025-09', '2025年9月', { BROADCAST_COUNT: 9, BROADCAST_MINUTES: 9 }),
];

describe('agency media by month', () => {
  it('zero-fills the months of the range', () => {
    expect(mediaSeries({ rows, range })).toEqual({
      months: ['2025-01', '2025-02', '2025-03', '2025-04', '2025-05', '2025-06'],
      slots: [1, 0, 4, 0, 0, 0],
      minutes: [1500, 0, 75, 0, 0, 0],
    });
    expect(hasMedia({ rows, range })).toBe(true);
    expect(hasMedia({ rows: [], range })).toBe(false);
  });

  it('draws slots as bars and minutes as a line on a second axis', () => {
    const option: Loose = buildAgencyMediaOption({ rows, range }, 'zh-CN');
    expect(option.xAxis.data).toEqual(['1月', '2月', '3月', '4月', '5月', '6月']);
    expect(option.yAxis.map((a: Loose) => a.name)).toEqual(['次', '分钟']);
    expect(option.series.map((s: Loose) => [s.type, s.name, s.yAxisIndex, s.data])).toEqual([
      ['bar', '刊播次数', 0, [1, 0, 4, 0, 0, 0]],
      ['line', '刊播时长', 1, [1500, 0, 75, 0, 0, 0]],
    ]);
    expect(option.tooltip.valueFormatter(1500)).toBe('1,500');
    expect(option.aria.label.description).toBe('2025年1月1日至2025年6月30日作为合作单位的媒体刊播：共 5 次、1,575 分钟。');
  });

  it('speaks English, with years on the axis across years', () => {
    const option: Loose = buildAgencyMediaOption({ rows: [], range: { from: '2024-12-01', to: '2025-01-31' } }, 'en');
    expect(option.xAxis.data).toEqual(['Dec 2024', 'Jan 2025']);
    expect(option.legend.data).toEqual(['Slots', 'Airtime']);
    expect(option.aria.label.description).toBe('Broadcasts with the agency as partner from Dec 1, 2024 to Jan 31, 2025: 0 slots, 0 minutes.');
  });
});
