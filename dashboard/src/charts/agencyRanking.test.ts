import { describe, expect, it } from 'vitest';
import { agencyLabelWidth, agencyRankingHeight, buildAgencyRankingOption, rankedAgencies } from './agencyRanking';
import { row, type Loose } from './testRows';

const period = { kind: 'year', year: 2025 } as const;
const rows = [
  row('AGENCY', 'a3', '市公安局', { ACTIVITY_COUNT: 40 }),
  row('AGENCY', 'a1', '市司法局', { ACTIVITY_COUNT: 1250 }),
  row('AGENCY', 'a2', '市市场监督管理局', { ACTIVITY_COUNT: 40 }),
  row('AGENCY', 'a4', '市林草局', { ACTIVITY_COUNT: 0 }),
  row('AGENCY', 'a5', '市档案馆', { ACTIVITY_COUNT: null }),
];

describe('agency ranking', () => {
  it('ranks by activities, drops agencies with none, breaks ties by name', () => {
    expect(rankedAgencies(rows, 'zh-CN').map((r) => [r.key, r.value])).toEqual([
      ['a1', 1250],
      ['a3', 40],
      ['a2', 40],
    ]);
  });

  it('keeps the top 15', () => {
    const many = Array.from({ length: 20 }, (_, i) => row('AGENCY', `a${i}`, `单位${i}`, { ACTIVITY_COUNT: 100 - i }));
    const ranked = rankedAgencies(many, 'zh-CN');
    expect(ranked).toHaveLength(15);
    expect(ranked[14]!.value).toBe(86);
  });

  it('builds horizontal bars, first at the top', () => {
    const option: Loose = buildAgencyRankingOption({ rows, period }, 'zh-CN');
    expect(option.yAxis).toMatchObject({
      type: 'category',
      inverse: true,
      data: ['市司法局', '市公安局', '市市场监督管理局'],
    });
    expect(option.yAxis.axisLabel).toMatchObject({ width: 168, overflow: 'truncate' });
    // English names run longer and get more room.
    expect((buildAgencyRankingOption({ rows, period }, 'en') as Loose).yAxis.axisLabel.width).toBe(240);
    expect(option.xAxis).toMatchObject({ type: 'value', name: '场', minInterval: 1 });
    expect(option.xAxis.axisLabel.formatter(1250)).toBe('1,250');
    expect(option.series).toHaveLength(1);
    expect(option.series[0]).toMatchObject({ type: 'bar', name: '活动场次', data: [1250, 40, 40] });
    expect(option.series[0].label.formatter({ value: 1250 })).toBe('1,250');
    expect(option.tooltip.valueFormatter(1250)).toBe('1,250');
  });

  it('describes the ranking', () => {
    const option: Loose = buildAgencyRankingOption({ rows, period }, 'zh-CN');
    expect(option.aria.label.description).toBe(
      '各单位普法活动场次排名：市司法局 1,250 场；市公安局 40 场；市市场监督管理局 40 场。',
    );
  });

  it('speaks English', () => {
    const enRows = [
      row('AGENCY', 'a1', 'Municipal Justice Bureau', { ACTIVITY_COUNT: 1250 }),
      row('AGENCY', 'a3', 'Municipal Public Security Bureau', { ACTIVITY_COUNT: 40 }),
    ];
    const option: Loose = buildAgencyRankingOption({ rows: enRows, period }, 'en');
    expect(option.xAxis.name).toBe('events');
    expect(option.series[0].name).toBe('Activities');
    expect(option.aria.label.description).toBe(
      'Agencies ranked by number of activities: Municipal Justice Bureau 1,250; Municipal Public Security Bureau 40.',
    );
  });

  it('sizes the chart to the number of bars', () => {
    expect(agencyRankingHeight(15)).toBe(468);
    expect(agencyRankingHeight(1)).toBe(200);
  });

  it('fits the names and ticks to a narrow chart', () => {
    expect(agencyLabelWidth('en', null)).toBe(240);
    expect(agencyLabelWidth('en', 900)).toBe(240);
    expect(agencyLabelWidth('zh-CN', 900)).toBe(168);
    // A phone: the chart is ~330 px wide, so English names get ~139 px, not 240.
    expect(agencyLabelWidth('en', 330)).toBe(139);
    expect(agencyLabelWidth('en', 150)).toBe(96);
    const phone: Loose = buildAgencyRankingOption({ rows, period }, 'en', 330);
    expect(phone.yAxis.axisLabel.width).toBe(139);
    expect(phone.xAxis.splitNumber).toBe(3);
    const desktop: Loose = buildAgencyRankingOption({ rows, period }, 'en', 700);
    expect(desktop.xAxis.splitNumber).toBeUndefined();
  });
});
