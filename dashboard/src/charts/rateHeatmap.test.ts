import { describe, expect, it } from 'vitest';
import { buildRateHeatmapOption, RATE_BANDS, rateHeatmapHeight, type RateMatrix } from './rateHeatmap';
import type { Loose } from './testRows';

const matrix: RateMatrix = {
  rows: [
    { id: 'Agency:2', label: '市公安局' },
    { id: 'Agency:1', label: '市司法局' },
  ],
  columns: [
    { id: 'LEADING_CADRE_STUDY', label: '领导干部学法' },
    { id: 'STAFF_TRAINING', label: '执法人员培训' },
  ],
  cells: [
    { x: 0, y: 0, rate: 0.5 },
    { x: 1, y: 1, rate: 1 },
  ],
};

describe('rate heatmap', () => {
  it('draws each rate with its figure, white on the deepest band, rows from the top', () => {
    const option: Loose = buildRateHeatmapOption(matrix, { series: '参训率', description: 'd' }, 'zh-CN');
    expect(option.yAxis).toMatchObject({ type: 'category', inverse: true, data: ['市公安局', '市司法局'] });
    expect(option.xAxis).toMatchObject({ type: 'category', position: 'top', data: ['领导干部学法', '执法人员培训'] });
    expect(option.series[0].data).toEqual([
      { value: [0, 0, 0.5], label: { color: '#1f2a37' } },
      { value: [1, 1, 1], label: { color: '#ffffff' } },
    ]);
    expect(option.series[0].label.formatter({ value: [0, 0, 0.5] })).toBe('50.0%');
    expect(option.tooltip.formatter({ value: [1, 1, 1] })).toBe('市司法局<br/>执法人员培训：参训率 100.0%');
    expect(option.aria.label.description).toBe('d');
  });

  it('bands rates so that every rate from 0 to 100% falls in exactly one', () => {
    const option: Loose = buildRateHeatmapOption(matrix, { series: 's', description: 'd' }, 'en');
    const pieces = option.visualMap.pieces;
    expect(pieces.map((p: Loose) => p.label)).toEqual(RATE_BANDS.map((b) => b.label));
    const inBand = (v: number) =>
      pieces.filter((p: Loose) => v >= p.gte && (p.lt === undefined || v < p.lt) && (p.lte === undefined || v <= p.lte)).length;
    for (const v of [0, 0.59, 0.6, 0.8, 0.9499, 0.95, 1]) expect(inBand(v), String(v)).toBe(1);
    expect(option.tooltip.formatter({ value: [0, 0, 0.5] })).toBe('市公安局<br/>领导干部学法: s 50.0%');
  });

  it('sizes to the rows', () => {
    expect(rateHeatmapHeight(46)).toBe(104 + 46 * 24);
  });
});
