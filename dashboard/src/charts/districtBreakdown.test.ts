import { describe, expect, it } from 'vitest';
import { buildDistrictBreakdownOption, districtItems, districtLabelWidth, FADED_OPACITY } from './districtBreakdown';
import { row, type Loose } from './testRows';

const period = { kind: 'range', from: '2025-01-01', to: '2025-06-30' } as const;
const rows = [
  row('DISTRICT', 'd2', '乌达区', { ACTIVITY_COUNT: 38, PARTICIPANTS: 9120 }),
  row('DISTRICT', 'd1', '海勃湾区', { ACTIVITY_COUNT: 61, PARTICIPANTS: 15400 }),
  row('DISTRICT', 'd3', '海南区', { ACTIVITY_COUNT: 27, PARTICIPANTS: null }),
  row('DISTRICT', 'd4', '空区', { ACTIVITY_COUNT: 0, PARTICIPANTS: 0 }),
];

describe('district breakdown', () => {
  it('orders districts by activities and drops empty ones', () => {
    expect(districtItems(rows, 'zh-CN')).toEqual([
      { id: 'd1', label: '海勃湾区', activities: 61, participants: 15400 },
      { id: 'd2', label: '乌达区', activities: 38, participants: 9120 },
      { id: 'd3', label: '海南区', activities: 27, participants: 0 },
    ]);
  });

  it('builds paired bars on two axes', () => {
    const option: Loose = buildDistrictBreakdownOption({ rows, period }, 'zh-CN');
    expect(option.xAxis).toMatchObject({ type: 'category', data: ['海勃湾区', '乌达区', '海南区'] });
    expect(option.xAxis.axisLabel).toMatchObject({ interval: 0, overflow: 'break' });
    expect(option.yAxis.map((a: Loose) => a.name)).toEqual(['场', '人次']);
    expect(option.legend.data).toEqual(['活动场次', '参与人次']);
    expect(option.series[0]).toMatchObject({ type: 'bar', name: '活动场次', yAxisIndex: 0, data: [61, 38, 27] });
    expect(option.series[1]).toMatchObject({ type: 'bar', name: '参与人次', yAxisIndex: 1, data: [15400, 9120, 0] });
    expect(option.yAxis[1].axisLabel.formatter(15400)).toBe('15,400');
    expect(option.tooltip.valueFormatter(null)).toBe('—');
  });

  it('describes the chart', () => {
    const option: Loose = buildDistrictBreakdownOption({ rows, period }, 'zh-CN');
    expect(option.aria.label.description).toBe(
      '各区域普法活动分布：海勃湾区 61 场、15,400 人次；乌达区 38 场、9,120 人次；海南区 27 场、0 人次。',
    );
  });

  it('speaks English', () => {
    const option: Loose = buildDistrictBreakdownOption(
      { rows: [row('DISTRICT', 'd1', 'Haibowan District', { ACTIVITY_COUNT: 61, PARTICIPANTS: 15400 })], period },
      'en',
    );
    expect(option.legend.data).toEqual(['Activities', 'Participants']);
    expect(option.yAxis.map((a: Loose) => a.name)).toEqual(['events', 'people']);
    expect(option.aria.label.description).toBe('Activities by area: Haibowan District 61 activities, 15,400 participants.');
  });

  it('fades the other districts when one is chosen', () => {
    const option: Loose = buildDistrictBreakdownOption({ rows, period }, 'zh-CN', 'd2');
    const faded = { itemStyle: { opacity: FADED_OPACITY } };
    expect(option.series[0].data).toEqual([{ value: 61, ...faded }, 38, { value: 27, ...faded }]);
    expect(option.series[1].data).toEqual([{ value: 15400, ...faded }, 9120, { value: 0, ...faded }]);
    expect(option.xAxis.data).toEqual(['海勃湾区', '乌达区', '海南区']);
  });

  it('narrows the district names on a phone so they wrap instead of colliding', () => {
    expect(districtLabelWidth(3, null)).toBe(110);
    expect(districtLabelWidth(3, 520)).toBe(110);
    expect(districtLabelWidth(3, 330)).toBe(72);
    expect(districtLabelWidth(12, 330)).toBe(48);
    const option: Loose = buildDistrictBreakdownOption({ rows, period }, 'en', null, 330);
    expect(option.xAxis.axisLabel).toMatchObject({ width: 72, overflow: 'break', interval: 0 });
  });
});
