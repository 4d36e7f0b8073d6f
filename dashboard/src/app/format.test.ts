import { describe, expect, it } from 'vitest';
import {
  changeValue,
  formatChange,
  formatDate,
  formatDateRange,
  formatDateTime,
  formatDecimal,
  formatFileSize,
  formatHubDateTime,
  formatInteger,
  formatMonth,
  formatPercent,
} from './format';

describe('numbers', () => {
  it('groups digits the same way in both languages', () => {
    expect(formatInteger(50123, 'zh-CN')).toBe('50,123');
    expect(formatInteger(50123, 'en')).toBe('50,123');
    expect(formatInteger(1234567.6, 'en')).toBe('1,234,568');
    expect(formatInteger(0, 'zh-CN')).toBe('0');
  });

  it('shows a dash for missing values', () => {
    expect(formatInteger(null, 'zh-CN')).toBe('—');
    expect(formatInteger(undefined, 'en')).toBe('—');
    expect(formatInteger(Number.NaN, 'en')).toBe('—');
    expect(formatPercent(null, 'zh-CN')).toBe('—');
    expect(formatDecimal(null, 2, 'en')).toBe('—');
  });

  it('formats rates as percentages with one decimal', () => {
    expect(formatPercent(0.8534, 'zh-CN')).toBe('85.3%');
    expect(formatPercent(0.8534, 'en')).toBe('85.3%');
    expect(formatPercent(1, 'en')).toBe('100.0%');
    expect(formatPercent(0, 'zh-CN')).toBe('0.0%');
  });

  it('formats decimals with fixed digits', () => {
    expect(formatDecimal(4.256, 2, 'zh-CN')).toBe('4.26');
    expect(formatDecimal(4, 2, 'en')).toBe('4.00');
    expect(formatDecimal(1234.5, 1, 'en')).toBe('1,234.5');
  });
});

describe('dates', () => {
  it('formats a day per language without time-zone drift', () => {
    expect(formatDate('2025-03-08', 'zh-CN')).toBe('2025年3月8日');
    expect(formatDate('2025-03-08', 'en')).toBe('Mar 8, 2025');
    expect(formatDate('2025-01-01', 'en')).toBe('Jan 1, 2025');
    expect(formatDate('2025-12-31', 'zh-CN')).toBe('2025年12月31日');
  });

  it('leaves an unparseable day as written', () => {
    expect(formatDate('soon', 'en')).toBe('soon');
  });

  it('formats ranges', () => {
    expect(formatDateRange('2025-01-01', '2025-06-30', 'zh-CN')).toBe('2025年1月1日 – 2025年6月30日');
    expect(formatDateRange('2025-01-01', '2025-06-30', 'en')).toBe('Jan 1, 2025 – Jun 30, 2025');
  });

  it('formats month keys with or without the year', () => {
    expect(formatMonth('2025-03', 'zh-CN', false)).toBe('3月');
    expect(formatMonth('2025-03', 'en', false)).toBe('Mar');
    expect(formatMonth('2024-12', 'zh-CN', true)).toBe('2024年12月');
    expect(formatMonth('2024-12', 'en', true)).toBe('Dec 2024');
    expect(formatMonth('2024-Q1', 'en', true)).toBe('2024-Q1');
  });
});

describe('change against last year', () => {
  it('computes relative change and percentage points', () => {
    expect(changeValue(110, 100, 'relative')).toBeCloseTo(0.1, 10);
    expect(changeValue(90, 100, 'relative')).toBeCloseTo(-0.1, 10);
    expect(changeValue(0.85, 0.8, 'points')).toBeCloseTo(5, 10);
    expect(changeValue(5, 0, 'relative')).toBeNull();
    expect(changeValue(0.5, 0, 'points')).toBeCloseTo(50, 10);
    expect(changeValue(null, 3, 'relative')).toBeNull();
    expect(changeValue(3, null, 'relative')).toBeNull();
  });

  it('shows an up arrow and the percentage', () => {
    expect(formatChange(1123, 1000, 'relative', 'zh-CN')).toEqual({
      text: '▲ 12.3%',
      direction: 'up',
      label: '较上年同期 上升 12.3%',
    });
    expect(formatChange(1123, 1000, 'relative', 'en')).toEqual({
      text: '▲ 12.3%',
      direction: 'up',
      label: 'vs same period last year up 12.3%',
    });
  });

  it('shows a down arrow for a fall', () => {
    expect(formatChange(96, 100, 'relative', 'zh-CN').text).toBe('▼ 4.0%');
    expect(formatChange(96, 100, 'relative', 'zh-CN').direction).toBe('down');
  });

  it('expresses rate changes in percentage points', () => {
    expect(formatChange(0.853, 0.832, 'points', 'zh-CN').text).toBe('▲ 2.1 个百分点');
    expect(formatChange(0.812, 0.832, 'points', 'en').text).toBe('▼ 2.0 pp');
  });

  it('shows a dash when there is nothing to compare with', () => {
    expect(formatChange(10, null, 'relative', 'zh-CN')).toEqual({
      text: '—',
      direction: 'none',
      label: '上年同期无数据',
    });
    expect(formatChange(10, 0, 'relative', 'en').text).toBe('—');
    expect(formatChange(null, 0.8, 'points', 'en').text).toBe('—');
  });

  it('shows no arrow when the change rounds to zero', () => {
    expect(formatChange(100001, 100000, 'relative', 'zh-CN')).toEqual({
      text: '0.0%',
      direction: 'flat',
      label: '较上年同期 持平',
    });
    expect(formatChange(0.8001, 0.8, 'points', 'en').text).toBe('0.0 pp');
  });
});

describe('percentage points agree with the displayed rates', () => {
  it('subtracts the rounded percentages', () => {
    // 91.25% shows as 91.3%; against 90.0% that is 1.3 points, not 1.25 → "1.2".
    expect(formatChange(0.9125, 0.9, 'points', 'zh-CN').text).toBe('▲ 1.3 个百分点');
  });
});

describe('file sizes and moments', () => {
  it('formats file sizes', () => {
    expect(formatFileSize(812, 'zh-CN')).toBe('812 B');
    expect(formatFileSize(12_700, 'en')).toBe('12.4 KB');
    expect(formatFileSize(3_250_000, 'zh-CN')).toBe('3.1 MB');
  });

  it("formats a broadcast's start in the hub's time zone", () => {
    expect(formatHubDateTime('2025-12-09T22:00:00.000Z', 'zh-CN')).toBe('2025年12月10日 06:00');
    expect(formatHubDateTime('2025-12-09T22:00:00.000Z', 'en')).toBe('Dec 10, 2025, 06:00');
    expect(formatHubDateTime('not a time', 'en')).toBe('not a time');
  });

  it("formats a moment in the reader's time zone", () => {
    const moment = new Date('2026-11-27T18:48:38Z');
    expect(formatDateTime(moment, 'zh-CN', 'Asia/Shanghai')).toBe('2026年11月28日 02:48');
    expect(formatDateTime(new Date('x'), 'en')).toBe('—');
  });
});
