/**
 * The case library's search in the URL, so a search can be shared:
 *   ?q=食品&law=Law:3&dom=EnforcementDomain:2&org=Agency:12&cy=2024&page=2
 * (`dom`, `org` and `cy`, not the dashboard's `domain`, `agency` and `year`: those belong to the
 * global filters, whose rules — an account's agency scope, the default year —
 * are not the library's.) Invalid values are dropped, since links get edited by hand.
 */
export interface LibraryParams {
  q: string;
  law: string | null;
  domain: string | null;
  agency: string | null;
  year: number | null;
  /** 1-based. */
  page: number;
}

export const LIBRARY_PAGE_SIZE = 10;

const id = (value: string | null, type: string) => (value && new RegExp(`^${type}:\\d+$`).test(value) ? value : null);

export function parseLibraryParams(search: string): LibraryParams {
  const p = new URLSearchParams(search);
  const year = Number(p.get('cy'));
  const page = Number(p.get('page'));
  return {
    q: p.get('q') ?? '',
    law: id(p.get('law'), 'Law'),
    domain: id(p.get('dom'), 'EnforcementDomain'),
    agency: id(p.get('org'), 'Agency'),
    year: Number.isInteger(year) && year >= 2000 && year <= 2100 ? year : null,
    page: Number.isInteger(page) && page >= 1 && page <= 1000 ? page : 1,
  };
}

/** Writes the search into `currentSearch`, keeping other parameters (the language). */
export function serializeLibraryParams(params: LibraryParams, currentSearch = ''): string {
  const out = new URLSearchParams(currentSearch);
  for (const key of ['q', 'law', 'dom', 'org', 'cy', 'page']) out.delete(key);
  if (params.q) out.set('q', params.q);
  if (params.law) out.set('law', params.law);
  if (params.domain) out.set('dom', params.domain);
  if (params.agency) out.set('org', params.agency);
  if (params.year) out.set('cy', String(params.year));
  if (params.page > 1) out.set('page', String(params.page));
  const text = out.toString();
  return text ? `?${text}` : '';
}

/** The caseLibrary variables of a search. */
export function libraryVariables(params: LibraryParams) {
  const filter = {
    ...(params.law ? { lawIds: [params.law] } : {}),
    ...(params.domain ? { domainIds: [params.domain] } : {}),
    ...(params.agency ? { agencyIds: [params.agency] } : {}),
    ...(params.year ? { years: [params.year] } : {}),
  };
  return {
    query: params.q.trim() || null,
    filter: Object.keys(filter).length ? filter : null,
    first: LIBRARY_PAGE_SIZE,
    offset: (params.page - 1) * LIBRARY_PAGE_SIZE,
  };
}

/** The hub's refusal of the query itself (path ["query"]), or null when the error is about something else. */
export function queryRefusal(error: { graphQLErrors?: ReadonlyArray<{ message: string; extensions?: Record<string, unknown> }> } | undefined): string | null {
  for (const e of error?.graphQLErrors ?? []) {
    const problems = Array.isArray(e.extensions?.problems) ? (e.extensions.problems as { path?: unknown }[]) : [];
    if (e.extensions?.code === 'BAD_USER_INPUT' && problems.some((p) => Array.isArray(p.path) && p.path[0] === 'query')) return e.message;
  }
  return null;
}
