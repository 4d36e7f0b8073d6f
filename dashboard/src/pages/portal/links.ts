/**
 * The portal's addresses: "/portal/12" for Agency:12, "/cases/34" for
 * CaseStudy:34 (the number of the global id: a colon would be escaped in a
 * path). Links carry the year and language along in the query string.
 */
const BASE = import.meta.env.BASE_URL; // always ends with "/"

/** The routes (routes.ts). */
export const PORTAL_AGENCY_PAGE = 'portal/:id';
export const CASE_PAGE = 'cases/:id';

function numberOf(id: string, type: string): string {
  const number = new RegExp(`^${type}:(\\d+)$`).exec(id)?.[1];
  if (!number) throw new Error(`not a ${type} id: ${id}`);
  return number;
}

/** `?lang=…&year=…` of the current page, for links that keep them. */
export function keptSearch(search: string, keys: readonly string[] = ['lang', 'year']): string {
  const from = new URLSearchParams(search);
  const kept = new URLSearchParams();
  for (const key of keys) {
    const value = from.get(key);
    if (value) kept.set(key, value);
  }
  const text = kept.toString();
  return text ? `?${text}` : '';
}

export const portalPath = (search = '') => `${BASE}portal${search}`;
export const portalAgencyPath = (agencyId: string, search = '') => `${BASE}portal/${numberOf(agencyId, 'Agency')}${search}`;
export const casesPath = (search = '') => `${BASE}cases${search}`;
export const casePath = (caseId: string, search = '') => `${BASE}cases/${numberOf(caseId, 'CaseStudy')}${search}`;
export const feedbackPath = (search = '') => `${BASE}feedback${search}`;

/** The orders helper's public ordering form, with the agency chosen when given. */
export function orderPath(agencyId: string | null, search = ''): string {
  const params = new URLSearchParams(keptSearch(search, ['lang']));
  if (agencyId) params.set('agencyId', agencyId);
  const text = params.toString();
  return `${BASE}order${text ? `?${text}` : ''}`;
}

/** The record a page parameter names ("12" → "Agency:12"), or null for anything else. */
export function idOf(param: string | undefined, type: 'Agency' | 'CaseStudy'): string | null {
  return param && /^[1-9]\d{0,9}$/.test(param) ? `${type}:${param}` : null;
}
