import { describe, expect, it } from 'vitest';
import { buildOverlapHeatmapOption, overlapHeatmapHeight, overlapHeatmapMinWidth, overlapMatrix, type OverlapInput } from './overlapHeatmap';
import type { Loose } from './testRows';

const agency = (id: number, name: string, nameEn: string | null = null) => ({ id: `Agency:${id}`, name, nameEn });
const gaps: OverlapInput[] = [
  {
    domain: { id: 'EnforcementDomain:1', name: '道路交通', nameEn: 'Road traffic' },
    holders: [
      { agency: agency(5, '市公安局', 'Public Security'), isLead: false, activityCount: 0 },
      { agency: agency(1, '市司法局', 'Justice'), isLead: false, activityCount: 0 },
    ],
  },
  {
    domain: { id: 'EnforcementDomain:2', name: '安全生产', nameEn: null },
    holders: [
      { agency: agency(5, '市公安局', 'Public Security'), isLead: true, activityCount: 2 },
      { agency: agency(2, '市市场监管局'), isLead: false, activityCount: 12 },
    ],
  },
];

describe('overlap heatmap', () => {
  it('puts domains in the API order and agencies in order of first appearance; a cell per holder only', () => {
    const m = overlapMatrix(gaps, 'zh-CN');
    expect(m.domains.map((d) => d.label)).toEqual(['道路交通', '安全生产']);
    expect(m.agencies.map((a) => a.label)).toEqual(['市公安局', '市司法局', '市市场监管局']);
    expect(m.cells).toEqual([
      { x: 0, y: 0, count: 0, lead: false, gap: 0, holder: 0 },
      { x: 1, y: 0, count: 0, lead: false, gap: 0, holder: 1 },
      { x: 0, y: 1, count: 2, lead: true, gap: 1, holder: 0 },
      { x: 2, y: 1, count: 12, lead: false, gap: 1, holder: 1 },
    ]);
    // English names where there are, Chinese otherwise.
    const en = overlapMatrix(gaps, 'en');
    expect(en.domains.map((d) => d.label)).toEqual(['Road traffic', '安全生产']);
    expect(en.agencies.map((a) => a.label)).toEqual(['Public Security', 'Justice', '市市场监管局']);
  });

  it('draws counts with bands, marks and frames lead agencies, and names the unit', () => {
    const m = overlapMatrix(gaps, 'zh-CN');
    const option: Loose = buildOverlapHeatmapOption(m, 'zh-CN');
    expect(option.yAxis).toMatchObject({ type: 'category', inverse: true, data: ['道路交通', '安全生产'] });
    expect(option.xAxis).toMatchObject({ type: 'category', data: ['市公安局', '市司法局', '市市场监管局'] });
    expect(option.xAxis.axisLabel).toMatchObject({ interval: 0, rotate: 40, overflow: 'truncate' });
    const data = option.series[0].data;
    expect(data.map((d: Loose) => d.value)).toEqual([
      [0, 0, 0],
      [1, 0, 0],
      [0, 1, 2],
      [2, 1, 12],
    ]);
    expect(data[2].itemStyle).toEqual({ borderColor: '#1f2a37', borderWidth: 2 });
    expect(data[3].label.color).toBe('#ffffff');
    expect(option.series[0].label.formatter({ data: data[2] })).toBe('★2');
    expect(option.series[0].label.formatter({ data: data[3] })).toBe('12');
    expect(option.visualMap.pieces.map((p: Loose) => p.label)).toEqual(['0 场（未开展）', '1–4 场', '5–9 场', '10–19 场', '20 场及以上']);
    expect(option.visualMap.pieces[0]).toMatchObject({ gte: 0, lte: 0 });
    expect(option.visualMap.pieces[4]).toEqual(expect.objectContaining({ gte: 20 }));
    expect(option.visualMap.pieces[4].lte).toBeUndefined();
    expect(option.tooltip.formatter({ data: data[2] })).toBe('安全生产<br/>市公安局 （牵头单位）：2 场');
    expect(option.aria.label.description).toBe(
      '交叉领域普法活动热力图：2 个领域，3 个执法单位，共 4 个单位与领域的组合，其中 2 个未开展普法活动。',
    );
  });

  it('speaks English and escapes names in the tooltip', () => {
    const odd = [{ domain: { id: 'D:1', name: '<b>x</b>', nameEn: null }, holders: [{ agency: agency(1, 'A&B'), isLead: false, activityCount: 1 }] }];
    const option: Loose = buildOverlapHeatmapOption(overlapMatrix(odd, 'en'), 'en');
    expect(option.visualMap.pieces.map((p: Loose) => p.label)).toEqual(['0 (none)', '1–4', '5–9', '10–19', '20 or more']);
    expect(option.tooltip.formatter({ data: option.series[0].data[0] })).toBe('&#60;b&#62;x&#60;/b&#62;<br/>A&#38;B: activities 1');
  });

  it('sizes the chart to its rows and keeps columns readable', () => {
    const m = overlapMatrix(gaps, 'zh-CN');
    expect(overlapHeatmapHeight(m, 'zh-CN')).toBe(56 + 2 * 30 + 170 * 0.7 + 24);
    expect(overlapHeatmapMinWidth(m, 'zh-CN')).toBe(130 + 24 + 3 * 28);
    expect(overlapHeatmapMinWidth(m, 'en')).toBe(170 + 24 + 3 * 28);
    // No overlaps: an empty chart, never NaN.
    const empty = overlapMatrix([], 'zh-CN');
    expect(overlapHeatmapHeight(empty, 'zh-CN')).toBeGreaterThan(0);
    expect((buildOverlapHeatmapOption(empty, 'zh-CN') as Loose).series[0].data).toEqual([]);
  });
});
