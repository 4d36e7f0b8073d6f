import { describe, expect, it } from 'vitest';
import { apiLocale, translate } from './i18n';

describe('i18n', () => {
  it('translates to Chinese and English', () => {
    expect(translate('zh-CN', 'app.title')).toBe('普法数据中枢');
    expect(translate('en', 'app.title')).toBe('Pufa Hub');
    expect(translate('zh-CN', 'state.empty')).toBe('该时段暂无数据');
    expect(translate('en', 'state.empty')).toBe('No data for this period');
    expect(translate('zh-CN', 'demo.badge')).toBe('演示数据');
  });

  it('fills placeholders and leaves unknown ones visible', () => {
    expect(translate('zh-CN', 'filters.year', { year: 2024 })).toBe('2024年');
    expect(translate('en', 'filters.year', { year: 2024 })).toBe('2024');
    expect(translate('en', 'app.footerVersion', {})).toBe('version {version}');
  });

  it('maps UI languages to the API locale', () => {
    expect(apiLocale('zh-CN')).toBe('ZH_CN');
    expect(apiLocale('en')).toBe('EN');
  });
});
