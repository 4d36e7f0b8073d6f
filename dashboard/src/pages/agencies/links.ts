/**
 * Links to one agency's page, "/agencies/12": the number of the global id
 * "Agency:12" (a colon would be escaped in a path). Links keep the query
 * string, so the period and language stay as they were.
 */
const BASE = import.meta.env.BASE_URL; // always ends with "/"

/** The route of an agency's page (routes.ts). */
export const AGENCY_PAGE = 'agencies/:id';

export function agencyPath(agencyId: string, search = ''): string {
  const number = /^Agency:(\d+)$/.exec(agencyId)?.[1];
  if (!number) throw new Error(`not an agency id: ${agencyId}`);
  return `${BASE}agencies/${number}${search}`;
}

export function agenciesPath(search = ''): string {
  return `${BASE}agencies${search}`;
}

/** The agency a page parameter names ("12" → "Agency:12"), or null for anything else. */
export function agencyIdOf(param: string | undefined): string | null {
  return param && /^[1-9]\d{0,9}$/.test(param) ? `Agency:${param}` : null;
}
