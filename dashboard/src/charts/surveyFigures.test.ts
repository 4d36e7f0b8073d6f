import { describe, expect, it } from 'vitest';
import {
  formatAxisValue,
  formatEstimate,
  formatInterval,
  labelColon,
  measureName,
  measureScale,
  tierLabel,
} from './surveyFigures';

describe('survey figures', () => {
  it('reads a rate as a percentage and a mean on the 1–5 scale', () => {
    // docs/metrics.md worked example: law 2, 49 of 71 aware; agency 2, mean 25/7.
    expect(formatEstimate('AWARENESS', 49 / 71, 'zh-CN')).toBe('69.0%');
    expect(formatEstimate('SATISFACTION', 25 / 7, 'zh-CN')).toBe('3.57');
    expect(formatEstimate('SATISFACTION', 25 / 7, 'en')).toBe('3.57');
    expect(formatEstimate('AWARENESS', null, 'en')).toBe('—');
  });

  it('writes an interval in the estimate’s unit, "—" without one', () => {
    expect(formatInterval('AWARENESS', { low: 0.575187, high: 0.785576 }, 'zh-CN')).toBe('57.5% – 78.6%');
    expect(formatInterval('SATISFACTION', { low: 2.843764, high: 4.299093 }, 'en')).toBe('2.84 – 4.30');
    expect(formatInterval('SATISFACTION', null, 'en')).toBe('—');
  });

  it('names tiers in both languages', () => {
    expect(tierLabel(1, 'zh-CN')).toBe('第1档');
    expect(tierLabel(2, 'en')).toBe('Tier 2');
    expect(tierLabel(null, 'zh-CN')).toBe('—');
  });

  it('scales the axis: 0–100% for a rate, 1–5 for satisfaction', () => {
    expect(measureScale('AWARENESS')).toEqual({ min: 0, max: 1, interval: 0.2 });
    expect(measureScale('SATISFACTION')).toEqual({ min: 1, max: 5, interval: 1 });
    expect(formatAxisValue('AWARENESS', 0.6, 'zh-CN')).toBe('60%');
    expect(formatAxisValue('SATISFACTION', 4, 'en')).toBe('4');
  });

  it('names the measures', () => {
    expect(measureName('AWARENESS', 'zh-CN')).toBe('法律知晓率');
    expect(measureName('SATISFACTION', 'en')).toBe('Satisfaction');
    expect(labelColon('zh-CN')).toBe('：');
    expect(labelColon('en')).toBe(': ');
  });
});
