import { describe, expect, it } from 'vitest';
import { buildGroupedBarsOption, formatBarValue, horizontalBarsHeight, SERIES_COLORS } from './groupedBars';
import { PALETTE } from './theme';
import type { Loose } from './testRows';

describe('grouped bars', () => {
  it('formats values by kind and language', () => {
    expect(formatBarValue(1250, 'integer', 'zh-CN')).toBe('1,250');
    expect(formatBarValue(12.25, 'decimal', 'en')).toBe('12.3');
    expect(formatBarValue(0.9085, 'percent', 'zh-CN')).toBe('90.9%');
    expect(formatBarValue(null, 'percent', 'en')).toBe('—');
    expect(formatBarValue('x', 'integer', 'en')).toBe('—');
  });

  it('stacks month bars per outlet with the unit on the value axis and a legend', () => {
    const option: Loose = buildGroupedBarsOption(
      {
        categories: ['1月', '2月'],
        series: [
          { name: '乌海日报', values: [3, 0] },
          { name: '乌海电视台', values: [1, 2] },
        ],
        format: 'integer',
        unit: '次',
        stacked: true,
        description: 'd',
      },
      'zh-CN',
    );
    expect(option.xAxis).toMatchObject({ type: 'category', data: ['1月', '2月'] });
    expect(option.yAxis).toMatchObject({ type: 'value', name: '次', minInterval: 1 });
    expect(option.yAxis.axisLabel.formatter(12000)).toBe('12,000');
    expect(option.series.map((s: Loose) => [s.type, s.name, s.stack, s.data])).toEqual([
      ['bar', '乌海日报', 'total', [3, 0]],
      ['bar', '乌海电视台', 'total', [1, 2]],
    ]);
    expect(option.legend).toMatchObject({ type: 'scroll' });
    expect(option.tooltip.valueFormatter(1250)).toBe('1,250');
    expect(option.aria.label.description).toBe('d');
    expect(option.color.slice(0, PALETTE.length)).toEqual([...PALETTE]);
    // A dozen outlets get a dozen distinct colours.
    expect(new Set(SERIES_COLORS).size).toBe(SERIES_COLORS.length);
    expect(SERIES_COLORS.length).toBeGreaterThanOrEqual(12);
  });

  it('draws rates as 0–1 on a percent axis, with labels, horizontally when asked', () => {
    const option: Loose = buildGroupedBarsOption(
      {
        categories: ['Wuhai Daily', 'Wuhai TV'],
        series: [{ name: 'Prime-time share', values: [0.5, null] }],
        format: 'percent',
        unit: '%',
        horizontal: true,
        labels: true,
        description: 'd',
      },
      'en',
    );
    expect(option.xAxis).toMatchObject({ type: 'value', name: '%', min: 0, max: 1 });
    expect(option.xAxis.axisLabel.formatter(0.8)).toBe('80%');
    expect(option.yAxis).toMatchObject({ type: 'category', inverse: true, data: ['Wuhai Daily', 'Wuhai TV'] });
    expect(option.yAxis.axisLabel).toMatchObject({ width: 220, overflow: 'truncate' });
    expect(option.series[0].data).toEqual([0.5, null]);
    expect(option.series[0].label.formatter({ value: 0.5 })).toBe('50.0%');
    expect(option.series[0].stack).toBeUndefined();
    // One series: no legend.
    expect(option.legend).toBeUndefined();
  });

  it('gives horizontal bars room per category', () => {
    expect(horizontalBarsHeight(0)).toBe(200);
    expect(horizontalBarsHeight(15)).toBe(72 + 15 * 28);
    expect(horizontalBarsHeight(4, 2)).toBe(72 + 4 * 44);
  });
});
