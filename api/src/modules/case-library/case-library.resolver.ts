import { Arg, Ctx, Int, Query, Resolver } from 'type-graphql';
import type { Context } from '../../graphql/context.js';
import { searchCaseLibrary } from './case-library.service.js';
import { CaseLibraryFilter, CaseLibraryPage } from './case-library.types.js';

@Resolver()
export class CaseLibraryResolver {
  @Query(() => CaseLibraryPage, { description: 'The public case library (以案释法): published cases, searched in Chinese over title, summary and body, filtered by law, domain, agency and year; no sign-in' })
  caseLibrary(
    @Ctx() ctx: Context,
    @Arg('query', () => String, { nullable: true, description: 'Words to find, e.g. "食品 过期"; every word must occur' }) query?: string,
    @Arg('filter', () => CaseLibraryFilter, { nullable: true }) filter?: CaseLibraryFilter,
    @Arg('first', () => Int, { nullable: true, description: 'Page size, 1–100 (default 20)' }) first?: number,
    @Arg('offset', () => Int, { nullable: true, description: 'Hits to skip, 0–10,000' }) offset?: number,
  ): Promise<CaseLibraryPage> {
    return searchCaseLibrary(ctx.em, { query, filter, first, offset });
  }
}
