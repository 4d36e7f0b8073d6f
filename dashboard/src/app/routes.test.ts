import { describe, expect, it } from 'vitest';
import { matchPath, matchRoute, navRoutes, routeParams } from './routes';

describe('routes', () => {
  it('matches fixed segments exactly and parameters by position', () => {
    expect(matchPath('agencies', 'agencies')).toEqual({});
    expect(matchPath('', '')).toEqual({});
    expect(matchPath('agencies/:id', 'agencies/12')).toEqual({ id: '12' });
    expect(matchPath('a/:x/b/:y', 'a/1/b/2')).toEqual({ x: '1', y: '2' });
    expect(matchPath('agencies/:id', 'agencies')).toBeNull();
    expect(matchPath('agencies/:id', 'agencies/12/more')).toBeNull();
    expect(matchPath('agencies/:id', 'overlaps/12')).toBeNull();
    expect(matchPath('agencies', 'agencies/12')).toBeNull();
    // An empty segment is no value.
    expect(matchPath('agencies/:id', 'agencies/')).toBeNull();
  });

  it('decodes parameters, and refuses malformed escapes', () => {
    expect(matchPath('agencies/:id', 'agencies/Agency%3A12')).toEqual({ id: 'Agency:12' });
    expect(matchPath('agencies/:id', 'agencies/%E4%B')).toBeNull();
  });

  it('finds the page of a location, with or without trailing slashes', () => {
    expect(matchRoute('/')?.id).toBe('overview');
    expect(matchRoute('/index.html')?.id).toBe('overview');
    expect(matchRoute('/agencies')?.path).toBe('agencies');
    expect(matchRoute('/agencies/')?.path).toBe('agencies');
    expect(matchRoute('/agencies/12')?.path).toBe('agencies/:id');
    expect(matchRoute('/agencies/12/')?.path).toBe('agencies/:id');
    expect(matchRoute('/agencies/12/x')).toBeUndefined();
    expect(matchRoute('/nowhere')).toBeUndefined();
  });

  it("reads a page's parameters from the location", () => {
    expect(routeParams('agencies/:id', '/agencies/12')).toEqual({ id: '12' });
    expect(routeParams('agencies/:id', '/agencies')).toBeNull();
  });

  it('offers the agencies page to the readers of every record and to agency reporters only, once', () => {
    const agencies = (role: string | null) => navRoutes(role).filter((r) => r.id === 'agencies').map((r) => r.path);
    for (const role of ['ADMIN', 'DISTRICT_ADMIN', 'LEADER', 'INSPECTOR', 'AGENCY_REPORTER']) {
      expect(agencies(role), role).toEqual(['agencies']);
    }
    for (const role of [null, 'MEDIA_PARTNER', 'SURVEY_OPERATOR']) expect(agencies(role), String(role)).toEqual([]);
  });
});
