import { describe, expect, it } from 'vitest';
import { parseLang, parseViewState, serializeViewState } from './url';
import { DEFAULT_YEAR } from './period';

describe('view state in the URL', () => {
  it('defaults to the latest year with records, the whole city and Chinese', () => {
    expect(parseViewState('')).toEqual({
      lang: 'zh-CN',
      period: { kind: 'year', year: DEFAULT_YEAR },
      district: null,
      domain: null,
      agency: null,
    });
  });

  it('reads year, district and language', () => {
    expect(parseViewState('?year=2019&district=r-haibowan&lang=en')).toEqual({
      lang: 'en',
      period: { kind: 'year', year: 2019 },
      district: 'r-haibowan',
      domain: null,
      agency: null,
    });
  });

  it('reads domain and agency ids', () => {
    const state = parseViewState('?domain=EnforcementDomain:3&agency=Agency:12');
    expect([state.domain, state.agency]).toEqual(['EnforcementDomain:3', 'Agency:12']);
    // Encoded as a browser writes them.
    expect(parseViewState('?domain=EnforcementDomain%3A3&agency=%20Agency%3A12%20')).toMatchObject({
      domain: 'EnforcementDomain:3',
      agency: 'Agency:12',
    });
  });

  it('ignores ids of the wrong kind or shape, which the API would refuse', () => {
    for (const search of ['?agency=EnforcementDomain:3', '?agency=Agency:', '?agency=Agency:1x', '?agency=12', '?agency=']) {
      expect(parseViewState(search).agency, search).toBeNull();
    }
    expect(parseViewState('?domain=Agency:12').domain).toBeNull();
    expect(parseViewState('?domain=enforcementdomain:3').domain).toBeNull();
  });

  it('prefers a valid custom range over the year', () => {
    expect(parseViewState('?year=2019&from=2024-03-01&to=2024-05-31').period).toEqual({
      kind: 'range',
      from: '2024-03-01',
      to: '2024-05-31',
    });
  });

  it('falls back to defaults for values edited into nonsense', () => {
    expect(parseViewState('?year=2099').period).toEqual({ kind: 'year', year: DEFAULT_YEAR });
    expect(parseViewState('?year=abc').period).toEqual({ kind: 'year', year: DEFAULT_YEAR });
    expect(parseViewState('?from=2024-05-31&to=2024-03-01').period).toEqual({ kind: 'year', year: DEFAULT_YEAR });
    expect(parseViewState('?from=2024-03-01').period).toEqual({ kind: 'year', year: DEFAULT_YEAR });
    expect(parseViewState('?district=').district).toBeNull();
    expect(parseViewState('?lang=fr').lang).toBe('zh-CN');
  });

  it('uses the stored language only when the URL names none', () => {
    expect(parseViewState('', 'en').lang).toBe('en');
    expect(parseViewState('?lang=zh', 'en').lang).toBe('zh-CN');
    expect(parseViewState('', 'garbage').lang).toBe('zh-CN');
  });

  it('parses language codes', () => {
    expect(parseLang('EN')).toBe('en');
    expect(parseLang('en-GB')).toBe('en');
    expect(parseLang('zh-CN')).toBe('zh-CN');
    expect(parseLang('zh')).toBe('zh-CN');
    expect(parseLang(null)).toBeNull();
  });

  it('writes state back, keeping other parameters', () => {
    expect(
      serializeViewState(
        { lang: 'en', period: { kind: 'year', year: 2019 }, district: 'r1', domain: null, agency: null },
        '?debug=1&year=2020',
      ),
    ).toBe('?debug=1&year=2019&district=r1&lang=en');
    expect(
      serializeViewState({
        lang: 'zh-CN',
        period: { kind: 'range', from: '2024-03-01', to: '2024-05-31' },
        district: null,
        domain: null,
        agency: null,
      }),
    ).toBe('?from=2024-03-01&to=2024-05-31&lang=zh');
  });

  it('writes domain and agency, and drops them when cleared', () => {
    const base = { lang: 'zh-CN' as const, period: { kind: 'year' as const, year: DEFAULT_YEAR }, district: null };
    const search = serializeViewState({ ...base, domain: 'EnforcementDomain:3', agency: 'Agency:12' }, '?tab=2');
    expect(search).toBe('?tab=2&domain=EnforcementDomain%3A3&agency=Agency%3A12&lang=zh');
    expect(serializeViewState({ ...base, domain: null, agency: null }, search)).toBe('?tab=2&lang=zh');
  });

  it('omits the default year', () => {
    expect(
      serializeViewState({ lang: 'zh-CN', period: { kind: 'year', year: DEFAULT_YEAR }, district: null, domain: null, agency: null }),
    ).toBe('?lang=zh');
  });

  it('round-trips', () => {
    const state = {
      lang: 'en' as const,
      period: { kind: 'range' as const, from: '2023-02-01', to: '2023-02-28' },
      district: 'Region:9',
      domain: 'EnforcementDomain:3',
      agency: 'Agency:12',
    };
    expect(parseViewState(serializeViewState(state))).toEqual(state);
  });
});
