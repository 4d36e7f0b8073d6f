import { Arg, Ctx, Query, Resolver } from 'type-graphql';
import { analyticsScope } from '../../graphql/access.js';
import type { Context } from '../../graphql/context.js';
import { Locale } from '../analytics/analytics.types.js';
import { surveyResults } from './survey-results.service.js';
import { SurveyGrouping, SurveyMeasure, SurveyResults, SurveyResultsFilter } from './survey-results.types.js';

@Resolver()
export class SurveyResultsResolver {
  @Query(() => SurveyResults, {
    complexity: 100,
    description: 'Awareness rate or mean satisfaction per law, district, wave or agency, each with n, a 95% interval and a tier (see docs/metrics.md, "Survey results: intervals and tiers"); per-agency figures only for the readers of every record',
  })
  surveyResults(
    @Ctx() ctx: Context,
    @Arg('measure', () => SurveyMeasure) measure: SurveyMeasure,
    @Arg('by', () => SurveyGrouping) by: SurveyGrouping,
    @Arg('filter', () => SurveyResultsFilter, { nullable: true }) filter?: SurveyResultsFilter,
    @Arg('compareWaves', () => Boolean, { nullable: true, defaultValue: false, description: 'Also give each unit’s figure per wave (byWave), tiered within the wave' }) compareWaves?: boolean,
    @Arg('locale', () => Locale, { nullable: true, defaultValue: Locale.ZH_CN }) locale?: Locale,
  ): Promise<SurveyResults> {
    return surveyResults(ctx.em, { measure, by, filter, compareWaves, locale }, analyticsScope(ctx.viewer));
  }
}
