import { Arg, Ctx, Int, Query, Resolver } from 'type-graphql';
import { analyticsScope } from '../../graphql/access.js';
import type { Context } from '../../graphql/context.js';
import { AnalyticsFilter, AnalyticsResult, Compare, Dimension, Locale, Measure } from './analytics.types.js';
import { runAnalytics } from './analytics.service.js';

@Resolver()
export class AnalyticsResolver {
  @Query(() => AnalyticsResult, { complexity: 100, description: 'Measures over the facts, grouped by dimensions (see docs/metrics.md for every measure × dimension pair)' })
  analytics(
    @Ctx() ctx: Context,
    @Arg('measures', () => [Measure]) measures: Measure[],
    @Arg('groupBy', () => [Dimension], { nullable: true }) groupBy?: Dimension[],
    @Arg('filter', () => AnalyticsFilter, { nullable: true }) filter?: AnalyticsFilter,
    @Arg('orderBy', () => Measure, { nullable: true, description: 'Sort rows by this measure, largest first' }) orderBy?: Measure,
    @Arg('limit', () => Int, { nullable: true, description: 'At most this many rows (1–10,000)' }) limit?: number,
    @Arg('locale', () => Locale, { nullable: true, defaultValue: Locale.ZH_CN }) locale?: Locale,
    @Arg('compare', () => Compare, { nullable: true, description: 'Also compute each value over a compared period: previous and change' }) compare?: Compare,
  ): Promise<AnalyticsResult> {
    return runAnalytics(ctx.em, { measures, groupBy, filter, orderBy, limit, locale, compare }, analyticsScope(ctx.viewer));
  }
}
