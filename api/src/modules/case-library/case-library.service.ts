import type { EntityManager } from '@mikro-orm/core';
import { sql } from '../../db/sql.js';
import { badInput } from '../../shared/errors.js';
import { existingIds } from '../../shared/validate.js';
import { CaseStudy } from '../cases/case.entity.js';
import type { CaseLibraryFilter, CaseLibraryHit, CaseLibraryPage } from './case-library.types.js';
import { caseSearchQuery, MAX_QUERY_LENGTH } from './search-query.js';

export const MAX_LIBRARY_PAGE = 100;
export const MAX_LIBRARY_OFFSET = 10_000;

export interface CaseLibraryQuery {
  query?: string | null;
  filter?: CaseLibraryFilter | null;
  first?: number | null;
  offset?: number | null;
}

/**
 * Searches the published cases — for every viewer, the admins included: the library is the public
 * one; unpublished cases are read through `cases`. Ranked by ts_rank over the bigram documents of
 * case_search. Statements: one per id list to check, one search (count and page together), one load.
 */
export async function searchCaseLibrary(em: EntityManager, q: CaseLibraryQuery): Promise<CaseLibraryPage> {
  const first = q.first ?? 20;
  const offset = q.offset ?? 0;
  if (first < 1 || first > MAX_LIBRARY_PAGE) throw badInput(`first must be between 1 and ${MAX_LIBRARY_PAGE}`, [{ path: ['first'], message: 'out of range' }]);
  if (offset < 0 || offset > MAX_LIBRARY_OFFSET) throw badInput(`offset must be between 0 and ${MAX_LIBRARY_OFFSET}`, [{ path: ['offset'], message: 'out of range' }]);
  const text = q.query?.trim() ?? '';
  if (text.length > MAX_QUERY_LENGTH) throw badInput(`The query is ${text.length} characters long; search with at most ${MAX_QUERY_LENGTH}`, [{ path: ['query'], message: 'too long' }]);
  const tsquery = text ? caseSearchQuery(text) : null;
  if (text && !tsquery) {
    throw badInput(`"${text}" holds nothing to search for: give Chinese characters, letters or digits`, [{ path: ['query'], message: 'nothing to search for' }]);
  }
  const f = q.filter ?? {};
  const laws = await existingIds(em, 'Law', f.lawIds, ['filter', 'lawIds']);
  const domains = await existingIds(em, 'EnforcementDomain', f.domainIds, ['filter', 'domainIds']);
  const agencies = await existingIds(em, 'Agency', f.agencyIds, ['filter', 'agencyIds']);

  const params: unknown[] = [];
  const from = ['case_study c'];
  if (tsquery) {
    from.push(`join case_search s on s.case_id = c.id cross join to_tsquery('simple', ?) as q(q)`);
    params.push(tsquery);
  }
  const where = ['c.published'];
  if (tsquery) where.push('s.document @@ q.q');
  const add = (condition: string, value: unknown) => {
    where.push(condition);
    params.push(value);
  };
  if (laws) add('exists (select 1 from case_study_laws l where l.case_id = c.id and l.law_id = any(?))', laws);
  if (domains) add('c.domain_id = any(?)', domains);
  if (agencies) add('c.agency_id = any(?)', agencies);
  if (f.years) add('extract(year from coalesce(c.published_on, c.decided_on))::int = any(?)', f.years);
  params.push(first, offset);
  const [row] = await sql<{ total: number; page: { id: number; rank: number | null }[] | string }>(em, `
    with hits as (
      select c.id, ${tsquery ? 'ts_rank(s.document, q.q)' : 'null::real'} as rank, coalesce(c.published_on, c.decided_on) as day
      from ${from.join(' ')} where ${where.join(' and ')}
    ), page as (
      select id, rank, row_number() over (order by rank desc nulls last, day desc, id desc) as ord from hits order by ord limit ? offset ?
    )
    select (select count(*)::int from hits) as total,
      coalesce((select json_agg(json_build_object('id', id, 'rank', rank) order by ord) from page), '[]') as page`, params);
  const page = typeof row!.page === 'string' ? (JSON.parse(row!.page) as { id: number; rank: number | null }[]) : row!.page;
  const found = page.length ? await em.find(CaseStudy, { id: { $in: page.map((p) => p.id) } }) : [];
  const byId = new Map(found.map((c) => [c.id, c]));
  const hits: CaseLibraryHit[] = page.map((p) => ({ caseStudy: byId.get(p.id)!, rank: p.rank }));
  return { totalCount: row!.total, hits };
}
