import { describe, expect, it } from 'vitest';
import {
  BAR_LAYOUT,
  buildIntervalOption,
  errorBarRenderer,
  figureLabel,
  intervalChartHeight,
  intervalLabelWidth,
  SMALL_SAMPLE_DECAL,
  SMALL_SAMPLE_OPACITY,
  type IntervalChartData,
  type IntervalPoint,
} from './intervalBars';
import type { Loose } from './testRows';

// docs/metrics.md, "Survey results": awareness per law over both waves of the fixture.
const constitution: IntervalPoint = { estimate: 7 / 9, interval: { low: 0.452554, high: 0.936783 }, n: 9, smallSample: true, tier: 1 };
const foodSafety: IntervalPoint = { estimate: 49 / 71, interval: { low: 0.575187, high: 0.785576 }, n: 71, smallSample: false, tier: 1 };
const epidemics: IntervalPoint = { estimate: 1 / 14, interval: { low: 0.012734, high: 0.314673 }, n: 14, smallSample: true, tier: 2 };

const byLaw: IntervalChartData = {
  measure: 'AWARENESS',
  title: '各法律的群众知晓率',
  categories: [
    { id: 'Law:1', label: '宪法' },
    { id: 'Law:2', label: '食品安全法' },
    { id: 'Law:3', label: '传染病防治法' },
  ],
  series: [{ name: '法律知晓率', points: [constitution, foodSafety, epidemics] }],
};

/** A stand-in for the custom series' renderItem api: values by dimension, 100 px per unit on x, 40 px per category. */
function fakeApi(values: readonly (number | string)[], layout = [{ offsetCenter: 0, width: 16 }]) {
  const barLayoutCalls: unknown[] = [];
  return {
    barLayoutCalls,
    api: {
      value: (dim: number) => (typeof values[dim] === 'number' ? (values[dim] as number) : NaN),
      coord: ([x, y]: [number, number]) => [100 + x * 100, 20 + y * 40],
      barLayout: (options: Record<string, unknown>) => {
        barLayoutCalls.push(options);
        return layout;
      },
    },
  };
}

describe('interval bars', () => {
  it('draws one bar per unit, first at the top, on a 0–100% axis', () => {
    const option: Loose = buildIntervalOption(byLaw, 'zh-CN', 900);
    expect(option.yAxis).toMatchObject({ type: 'category', inverse: true, data: ['宪法', '食品安全法', '传染病防治法'] });
    expect(option.xAxis).toMatchObject({ type: 'value', min: 0, max: 1, name: '知晓率' });
    expect(option.xAxis.axisLabel.formatter(0.4)).toBe('40%');
    expect(option.series).toHaveLength(2);
    const [bars, errors] = option.series;
    expect(bars).toMatchObject({ type: 'bar', name: '法律知晓率', ...BAR_LAYOUT });
    expect(bars.data.map((d: Loose) => d.value)).toEqual([7 / 9, 49 / 71, 1 / 14]);
    expect(errors).toMatchObject({ type: 'custom', name: '法律知晓率', encode: { x: [1, 2], y: 0 } });
    expect(errors.data).toEqual([
      [0, 0.452554, 0.936783, 7 / 9, 1],
      [1, 0.575187, 0.785576, 49 / 71, 1],
      [2, 0.012734, 0.314673, 1 / 14, 1],
    ]);
    expect(option.legend).toBeUndefined();
  });

  it('draws small samples light and hatched, the others plain', () => {
    const option: Loose = buildIntervalOption(byLaw, 'zh-CN');
    const [small, plain] = option.series[0].data;
    expect(small.itemStyle.opacity).toBe(SMALL_SAMPLE_OPACITY);
    expect(small.itemStyle.decal).toEqual(SMALL_SAMPLE_DECAL);
    expect(plain.itemStyle.opacity).toBe(1);
    expect(plain.itemStyle.decal).toBeUndefined();
  });

  it('writes the tier after each figure, and a unit without interval without tier', () => {
    expect(figureLabel('AWARENESS', foodSafety, true, 'zh-CN')).toBe('69.0% · 第1档');
    expect(figureLabel('AWARENESS', epidemics, true, 'en')).toBe('7.1% · Tier 2');
    expect(figureLabel('AWARENESS', foodSafety, false, 'zh-CN')).toBe('69.0%');
    const single: IntervalPoint = { estimate: 2, interval: null, n: 1, smallSample: true, tier: null };
    expect(figureLabel('SATISFACTION', single, true, 'zh-CN')).toBe('2.00');
  });

  it('renders an error bar with caps over its bar, the label after the interval', () => {
    const labels = ['77.8% · 第1档'];
    const { api, barLayoutCalls } = fakeApi([0, 0.452554, 0.936783, 7 / 9, 1]);
    const shape: Loose = errorBarRenderer(0, 1, labels)({ dataIndex: 0 }, api);
    expect(barLayoutCalls).toEqual([{ count: 1, ...BAR_LAYOUT }]);
    expect(shape.type).toBe('group');
    const [line, capLow, capHigh, text] = shape.children;
    // y = 20 + 0 * 40; x = 100 + value * 100.
    expect(line.shape).toEqual({ x1: 145.2554, y1: 20, x2: 193.6783, y2: 20 });
    expect(capLow.shape).toEqual({ x1: 145.2554, y1: 14, x2: 145.2554, y2: 26 });
    expect(capHigh.shape).toMatchObject({ x1: 193.6783, x2: 193.6783 });
    expect(text).toMatchObject({ type: 'text', x: 199.6783, y: 20 });
    expect(text.style.text).toBe('77.8% · 第1档');
  });

  it('places each wave’s error bar on its own bar of the group', () => {
    const layout = [
      { offsetCenter: -9, width: 12 },
      { offsetCenter: 9, width: 12 },
    ];
    const { api, barLayoutCalls } = fakeApi([2, 0.3, 0.5, 0.4, 1], layout);
    const shape: Loose = errorBarRenderer(1, 2, [])({ dataIndex: 2 }, api);
    expect(barLayoutCalls).toEqual([{ count: 2, ...BAR_LAYOUT }]);
    // Category 2 is at y = 100; the second bar sits 9 px below its centre.
    expect(shape.children[0].shape).toEqual({ x1: 130, y1: 109, x2: 150, y2: 109 });
    // Caps are half the bar's width.
    expect(shape.children[1].shape).toEqual({ x1: 130, y1: 103, x2: 130, y2: 115 });
    expect(shape.children).toHaveLength(3);
  });

  it('draws no error bar for a mean of one answer, and nothing for a missing figure', () => {
    const one = fakeApi([0, 2, 2, 2, 0]);
    const shape: Loose = errorBarRenderer(0, 1, ['2.00'])({ dataIndex: 0 }, one.api);
    expect(shape.children).toHaveLength(1);
    expect(shape.children[0]).toMatchObject({ type: 'text', x: 306 });
    const missing = fakeApi(['-', '-', '-', '-', 0]);
    expect(errorBarRenderer(0, 1, [''])({ dataIndex: 0 }, missing.api)).toBeNull();
  });

  it('uses the 1–5 scale for satisfaction', () => {
    const option: Loose = buildIntervalOption(
      {
        measure: 'SATISFACTION',
        title: '各单位的群众满意度',
        categories: [{ id: 'Agency:2', label: '乙局' }],
        series: [{ name: '群众满意度', points: [{ estimate: 25 / 7, interval: { low: 2.843764, high: 4.299093 }, n: 7, smallSample: true, tier: 1 }] }],
      },
      'en',
    );
    expect(option.xAxis).toMatchObject({ min: 1, max: 5, interval: 1, name: 'Mean score (1–5)' });
    expect(option.series[1].data).toEqual([[0, 2.843764, 4.299093, 25 / 7, 1]]);
    expect(option.series[1].renderItem).toBeTypeOf('function');
  });

  it('compares waves side by side, with a legend of the waves and no tier labels', () => {
    const data: IntervalChartData = {
      measure: 'AWARENESS',
      title: '法律知晓率：各法律的调查批次对比',
      categories: byLaw.categories.slice(0, 2),
      series: [
        { name: '2019年调查', points: [{ estimate: 0.6, interval: { low: 0.2307, high: 0.8824 }, n: 5, smallSample: true, tier: 1 }, null] },
        { name: '2020年调查', points: [{ estimate: 1, interval: { low: 0.5101, high: 1 }, n: 4, smallSample: true, tier: 1 }, foodSafety] },
      ],
    };
    const option: Loose = buildIntervalOption(data, 'zh-CN');
    expect(option.series.map((s: Loose) => [s.type, s.name])).toEqual([
      ['bar', '2019年调查'],
      ['bar', '2020年调查'],
      ['custom', '2019年调查'],
      ['custom', '2020年调查'],
    ]);
    expect(option.series[0].data[1]).toBe('-');
    expect(option.series[2].data[1]).toEqual(['-', '-', '-', '-', 0]);
    expect(option.legend).toMatchObject({ data: ['2019年调查', '2020年调查'], selectedMode: false });
    expect(option.series[0].itemStyle.color).not.toBe(option.series[1].itemStyle.color);
    // The label is the estimate alone when waves are compared.
    const { api } = fakeApi([1, 0.575187, 0.785576, 49 / 71, 1], [{ offsetCenter: -9, width: 12 }, { offsetCenter: 9, width: 12 }]);
    const shape: Loose = option.series[3].renderItem({ dataIndex: 1 }, api);
    expect(shape.children[3].style.text).toBe('69.0%');
  });

  it('names a single wave in a legend when asked', () => {
    const one: Loose = buildIntervalOption({ ...byLaw, series: [{ name: '2025年调查', points: byLaw.series[0]!.points }], legend: true }, 'zh-CN');
    expect(one.legend.data).toEqual(['2025年调查']);
    expect(one.grid.bottom).toBe(44 + 28);
  });

  it('explains a figure in its tooltip and describes the chart', () => {
    const option: Loose = buildIntervalOption(byLaw, 'zh-CN');
    const tip: string = option.tooltip.formatter({ seriesIndex: 1, dataIndex: 0 });
    expect(tip).toContain('<strong>宪法</strong>');
    expect(tip).toContain('法律知晓率：77.8%');
    expect(tip).toContain('95% 置信区间：45.3% – 93.7%');
    expect(tip).toContain('n = 9');
    expect(tip).toContain('第1档');
    expect(tip).toContain('样本较小（n &#60; 30）');
    expect(option.aria.label.description).toBe(
      '各法律的群众知晓率：宪法 77.8%（95% 置信区间 45.3% – 93.7%，n = 9，第1档）；' +
        '食品安全法 69.0%（95% 置信区间 57.5% – 78.6%，n = 71，第1档）；' +
        '传染病防治法 7.1%（95% 置信区间 1.3% – 31.5%，n = 14，第2档）。',
    );
    const en: Loose = buildIntervalOption({ ...byLaw, title: 'Legal awareness by law' }, 'en');
    expect(en.tooltip.formatter({ seriesIndex: 0, dataIndex: 1 })).toContain('Legal awareness: 69.0%<br/>95% CI: 57.5% – 78.6%');
    expect(en.aria.label.description.startsWith('Legal awareness by law: 宪法 77.8% (95% CI 45.3% – 93.7%, n = 9, Tier 1)')).toBe(true);
  });

  it('escapes names in the tooltip', () => {
    const option: Loose = buildIntervalOption(
      { ...byLaw, categories: [{ id: 'x', label: '<b>A&B</b>' }], series: [{ name: 's', points: [foodSafety] }] },
      'en',
    );
    expect(option.tooltip.formatter({ seriesIndex: 0, dataIndex: 0 })).toContain('&#60;b&#62;A&#38;B&#60;/b&#62;');
  });

  it('fades the units around a highlighted one and sets its name in bold', () => {
    const option: Loose = buildIntervalOption({ ...byLaw, highlight: 'Law:2' }, 'zh-CN');
    expect(option.series[0].data.map((d: Loose) => d.itemStyle.opacity)).toEqual([
      SMALL_SAMPLE_OPACITY * 0.35,
      1,
      SMALL_SAMPLE_OPACITY * 0.35,
    ]);
    expect(option.yAxis.axisLabel.formatter('食品安全法', 1)).toBe('{hi|食品安全法}');
    expect(option.yAxis.axisLabel.formatter('宪法', 0)).toBe('宪法');
    const plain: Loose = buildIntervalOption(byLaw, 'zh-CN');
    expect(plain.yAxis.axisLabel.formatter).toBeUndefined();
  });

  it('sizes the chart and the names', () => {
    expect(intervalChartHeight(3, 1)).toBe(162);
    expect(intervalChartHeight(1, 1)).toBe(160);
    expect(intervalChartHeight(15, 3)).toBe(72 + 68 + 15 * 59);
    // One wave compared: a one-line legend names it.
    expect(intervalChartHeight(3, 1, true)).toBe(72 + 28 + 90);
    expect(intervalLabelWidth('zh-CN')).toBe(180);
    expect(intervalLabelWidth('en', 1200)).toBe(230);
    expect(intervalLabelWidth('en', 330)).toBe(112);
    // A phone: ticks every 50% (every 2 points of satisfaction) instead of 20%.
    expect((buildIntervalOption(byLaw, 'zh-CN', 330) as Loose).xAxis.interval).toBe(0.5);
    expect((buildIntervalOption(byLaw, 'zh-CN', 900) as Loose).xAxis.interval).toBe(0.2);
  });
});
