import { describe, expect, it } from 'vitest';
import {
  buildIndicatorRadarOption,
  formatPoints,
  median,
  medianShares,
  pointsShare,
  wrapLabel,
  type IndicatorRadarData,
} from './indicatorRadar';
import type { Loose } from './testRows';

// docs/assessment.md worked example (2023): weights 40 list, 30 acts, 30 sat.
const row = (list: number, acts: number, sat: number) => ({
  indicators: [
    { key: 'list', points: list, maxPoints: 40 },
    { key: 'acts', points: acts, maxPoints: 30 },
    { key: 'sat', points: sat, maxPoints: 30 },
  ],
});
const J = row(40, 30, 22.5);
const M = row(20, 22.5, 15);
const H = row(40, 15, 0);
const U = row(0, 7.5, 0);

describe('indicator radar', () => {
  it('takes points as a share of the maximum, within 0–1', () => {
    expect(pointsShare(22.5, 30)).toBe(0.75);
    expect(pointsShare(45, 30)).toBe(1);
    expect(pointsShare(3, 0)).toBe(0);
    expect(pointsShare(Number.NaN, 10)).toBe(0);
  });

  it('finds medians of odd and even counts, none for nothing', () => {
    expect(median([3, 1, 2])).toBe(2);
    expect(median([0.5, 1, 0, 1])).toBe(0.75);
    expect(median([])).toBeNull();
  });

  it('takes each indicator’s median share over every agency', () => {
    // list: 1, .5, 1, 0 → .75; acts: 1, .75, .5, .25 → .625; sat: .75, .5, 0, 0 → .25.
    expect(medianShares([J, M, H, U], ['list', 'acts', 'sat', 'missing'])).toEqual([0.75, 0.625, 0.25, 0]);
  });

  it('writes points as the hub rounds them, without trailing zeros', () => {
    expect(formatPoints(25.71, 'zh-CN')).toBe('25.71');
    expect(formatPoints(22.5, 'zh-CN')).toBe('22.5');
    expect(formatPoints(15, 'en')).toBe('15');
    expect(formatPoints(0.3, 'en')).toBe('0.3');
    expect(formatPoints(1250.5, 'en')).toBe('1,250.5');
    expect(formatPoints(null, 'en')).toBe('—');
  });

  it('breaks long indicator names into lines', () => {
    expect(wrapLabel('群众知晓率（第三方测评）', 8)).toBe('群众知晓率（第三\n方测评）');
    expect(wrapLabel('满意度', 8)).toBe('满意度');
    expect(wrapLabel('Awareness (third-party survey)', 16)).toBe('Awareness\n(third-party\nsurvey)');
    expect(wrapLabel('Public-service ads', 16)).toBe('Public-service\nads');
    expect(wrapLabel('Activities', 16)).toBe('Activities');
  });

  const data: IndicatorRadarData = {
    title: '指标得分率：市市场监督管理局',
    indicators: [
      { key: 'list', label: '清单完成', maxPoints: 40 },
      { key: 'acts', label: '活动场次', maxPoints: 30 },
      { key: 'sat', label: '满意度', maxPoints: 30 },
    ],
    agency: { label: '市市场监督管理局', points: [20, 22.5, 15] },
    median: [0.75, 0.625, 0.25],
  };

  it('draws the agency’s shares against the city median', () => {
    const option: Loose = buildIndicatorRadarOption(data, 'zh-CN');
    expect(option.radar.indicator).toEqual([
      { name: '清单完成', min: 0, max: 1 },
      { name: '活动场次', min: 0, max: 1 },
      { name: '满意度', min: 0, max: 1 },
    ]);
    const [agency, city] = option.series[0].data;
    expect(agency).toMatchObject({ name: '市市场监督管理局', value: [0.5, 0.75, 0.5] });
    expect(city).toMatchObject({ name: '全市中位数', value: [0.75, 0.625, 0.25] });
    expect(city.lineStyle.type).toBe('dashed');
    expect(option.legend.data).toEqual(['市市场监督管理局', '全市中位数']);
    expect(option.radar.axisName.formatter('群众知晓率（第三方测评）')).toBe('群众知晓率（第三\n方测评）');
  });

  it('explains points in the tooltip and describes the radar', () => {
    const option: Loose = buildIndicatorRadarOption(data, 'zh-CN');
    expect(option.tooltip.formatter({ dataIndex: 0 })).toBe(
      '<strong>市市场监督管理局</strong><br/>清单完成：20 / 40 分（50.0%）<br/>活动场次：22.5 / 30 分（75.0%）<br/>满意度：15 / 30 分（50.0%）',
    );
    expect(option.tooltip.formatter({ dataIndex: 1 })).toBe(
      '<strong>全市中位数</strong><br/>清单完成：75.0%<br/>活动场次：62.5%<br/>满意度：25.0%',
    );
    expect(option.aria.label.description).toBe(
      '指标得分率：市市场监督管理局：清单完成 50.0%（全市中位数 75.0%）；活动场次 75.0%（全市中位数 62.5%）；满意度 50.0%（全市中位数 25.0%）。',
    );
  });

  it('draws no median for a reader of its own row only, and speaks English', () => {
    const option: Loose = buildIndicatorRadarOption({ ...data, title: 'Share of points', median: null }, 'en');
    expect(option.series[0].data).toHaveLength(1);
    expect(option.legend.data).toEqual(['市市场监督管理局']);
    expect(option.tooltip.formatter({ dataIndex: 0 })).toContain('活动场次: 22.5 of 30 points (75.0%)');
    expect(option.aria.label.description).toBe('Share of points: 清单完成 50.0%; 活动场次 75.0%; 满意度 50.0%.');
  });
});
