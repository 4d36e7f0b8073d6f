import { describe, expect, it } from 'vitest';
import { afterSignInHref, loginHref, safeNext } from './authNav';

describe('sign-in links', () => {
  it('remember where the person was, with its filters', () => {
    expect(loginHref('/?year=2024&district=Region%3A3&lang=zh', 'zh-CN', '/')).toBe(
      '/login?lang=zh&next=%2F%3Fyear%3D2024%26district%3DRegion%253A3%26lang%3Dzh',
    );
    expect(loginHref('/report?lang=en', 'en', '/')).toBe('/login?lang=en&next=%2Freport%3Flang%3Den');
  });

  it('need no "next" for the home page or the sign-in page itself', () => {
    expect(loginHref('/', 'zh-CN', '/')).toBe('/login?lang=zh');
    expect(loginHref('/login?lang=zh&next=%2Freport', 'zh-CN', '/')).toBe('/login?lang=zh');
  });

  it('respect a base path', () => {
    expect(loginHref('/pufa/report', 'zh-CN', '/pufa/')).toBe('/pufa/login?lang=zh&next=%2Fpufa%2Freport');
    expect(safeNext('/other/app', '/pufa/')).toBeNull();
  });
});

describe('returning after sign-in', () => {
  it('goes back to the page, in the language chosen on the sign-in page', () => {
    expect(afterSignInHref('/?year=2024&lang=zh', 'en', '/')).toBe('/?year=2024&lang=en');
    expect(afterSignInHref('/report', 'zh-CN', '/')).toBe('/report?lang=zh');
  });

  it('goes home without a usable "next"', () => {
    expect(afterSignInHref(null, 'zh-CN', '/')).toBe('/?lang=zh');
    expect(afterSignInHref('/login?next=%2Flogin', 'en', '/')).toBe('/?lang=en');
  });

  it('never leaves the app', () => {
    for (const evil of ['https://evil.example/', '//evil.example/x', '/\\evil.example', 'javascript:alert(1)', 'report', '/\n//evil']) {
      expect(safeNext(evil, '/'), evil).toBeNull();
      expect(afterSignInHref(evil, 'zh-CN', '/'), evil).toBe('/?lang=zh');
    }
    // Encoded characters stay a path of this app.
    expect(afterSignInHref('/%2F%2Fevil.example', 'en', '/')).toBe('/%2F%2Fevil.example?lang=en');
  });
});
