import { Arg, Ctx, Query, Resolver } from 'type-graphql';
import { analyticsScope } from '../../graphql/access.js';
import type { Context } from '../../graphql/context.js';
import { Locale } from '../analytics/analytics.types.js';
import { coverageAccess, runCoverage } from './coverage.service.js';
import { CoverageFilter, CoverageResult } from './coverage.types.js';

@Resolver()
export class CoverageResolver {
  @Query(() => CoverageResult, {
    // One set-based statement whatever is selected, so a fixed cost: the nested lists (agencies →
    // items → reached sets) would otherwise be estimated far above the limit for an ordinary query.
    complexity: () => 100,
    description: 'Coverage of the responsibility lists per agency (see docs/metrics.md, "Coverage of the responsibility list")',
  })
  async coverage(
    @Ctx() ctx: Context,
    @Arg('filter', () => CoverageFilter) filter: CoverageFilter,
    @Arg('locale', () => Locale, { nullable: true, defaultValue: Locale.ZH_CN }) locale?: Locale,
  ): Promise<CoverageResult> {
    const onlyAgencies = coverageAccess(analyticsScope(ctx.viewer), filter);
    const result = await runCoverage(ctx.em, filter, locale === Locale.EN ? 'EN' : 'ZH_CN', onlyAgencies);
    // The item rows name records (titles, planned counts): an inspector's look is logged like a list's.
    ctx.noteViewed('ResponsibilityItem', result.agencies.flatMap((a) => a.items.map((i) => i.id.slice('ResponsibilityItem:'.length))));
    return result;
  }
}
