import { describe, expect, it } from 'vitest';
import { baseOption, FONT_FAMILY, PALETTE } from './theme';
import type { Loose } from './testRows';

describe('base chart option', () => {
  it('sets palette, CJK-capable fonts and aria; no canvas toolbox (the wrapper has a save button)', () => {
    const option: Loose = baseOption({ description: 'd' });
    expect(option.color).toEqual([...PALETTE]);
    expect(option.textStyle.fontFamily).toBe(FONT_FAMILY);
    expect(FONT_FAMILY).toContain('"Noto Sans CJK SC"');
    expect(FONT_FAMILY).toContain('"PingFang SC"');
    expect(FONT_FAMILY).toContain('"Microsoft YaHei"');
    expect(option.aria).toEqual({ enabled: true, label: { enabled: true, description: 'd' } });
    expect(option.toolbox).toBeUndefined();
  });
});
