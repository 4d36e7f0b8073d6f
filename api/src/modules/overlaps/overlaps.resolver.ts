import { Arg, Ctx, Query, Resolver } from 'type-graphql';
import type { Context } from '../../graphql/context.js';
import { Locale } from '../analytics/analytics.types.js';
import { overlapAccess, overlapGaps } from './overlaps.service.js';
import { OverlapFilter, OverlapGap } from './overlaps.types.js';

@Resolver()
export class OverlapResolver {
  @Query(() => [OverlapGap], {
    // A fixed number of set-based statements whatever is selected; the nested lists (overlaps →
    // holders, flags → agencies) would otherwise be estimated far above the limit.
    complexity: () => 100,
    description: 'Domains where agencies that are not parent and child of each other hold enforcement power, with their gaps (see docs/metrics.md, "Overlap gaps")',
  })
  overlapGaps(
    @Ctx() ctx: Context,
    @Arg('filter', () => OverlapFilter) filter: OverlapFilter,
    @Arg('locale', () => Locale, { nullable: true, defaultValue: Locale.ZH_CN }) locale?: Locale,
  ): Promise<OverlapGap[]> {
    return overlapGaps(ctx.em, filter, locale === Locale.EN ? 'EN' : 'ZH_CN', overlapAccess(ctx.viewer));
  }
}
