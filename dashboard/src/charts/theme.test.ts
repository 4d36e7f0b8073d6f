import { describe, expect, it } from 'vitest';
import { baseOption, FONT_FAMILY, PALETTE } from './theme';
import type { Loose } from './testRows';

describe('base chart option', () => {
  it('sets palette, CJK-capable fonts, aria and save-as-PNG', () => {
    const option: Loose = baseOption('zh-CN', { fileName: 'f', description: 'd' });
    expect(option.color).toEqual([...PALETTE]);
    expect(option.textStyle.fontFamily).toBe(FONT_FAMILY);
    expect(FONT_FAMILY).toContain('"Noto Sans CJK SC"');
    expect(FONT_FAMILY).toContain('"PingFang SC"');
    expect(FONT_FAMILY).toContain('"Microsoft YaHei"');
    expect(option.aria).toEqual({ enabled: true, label: { enabled: true, description: 'd' } });
    expect(option.toolbox.feature.saveAsImage).toEqual({
      title: '保存为图片',
      name: 'f',
      type: 'png',
      pixelRatio: 2,
      backgroundColor: '#ffffff',
    });
  });
});
