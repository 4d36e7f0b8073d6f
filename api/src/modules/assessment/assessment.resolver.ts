import { GraphQLJSON } from 'graphql-scalars';
import { Arg, Ctx, Int, Mutation, Query, Resolver } from 'type-graphql';
import type { Context } from '../../graphql/context.js';
import { Locale } from '../analytics/analytics.types.js';
import { findRubric, freezeScorecard, listRubrics, saveRubric, scorecard, scorecardAccess, scorecardWhatIf } from './assessment.service.js';
import { RubricInfo, Scorecard } from './assessment.types.js';

const LOCALE = { nullable: true, defaultValue: Locale.ZH_CN } as const;

@Resolver()
export class AssessmentResolver {
  @Query(() => [RubricInfo], { description: 'Assessment rubrics, newest first (readers of scorecards)' })
  rubrics(@Ctx() ctx: Context): Promise<RubricInfo[]> {
    scorecardAccess(ctx.viewer);
    return listRubrics(ctx.em);
  }

  @Query(() => RubricInfo, { nullable: true, description: 'One rubric version, or null when there is none' })
  rubric(@Ctx() ctx: Context, @Arg('version', () => String) version: string): Promise<RubricInfo | null> {
    scorecardAccess(ctx.viewer);
    return findRubric(ctx.em, version);
  }

  @Mutation(() => RubricInfo, {
    description: 'Creates a rubric version, or changes one no frozen scorecard uses (admins). The definition is validated (docs/assessment.md); a version used by a frozen scorecard is a CONFLICT: save the edit under a new version',
  })
  saveRubric(
    @Ctx() ctx: Context,
    @Arg('version', () => String) version: string,
    @Arg('name', () => String) name: string,
    @Arg('definition', () => GraphQLJSON) definition: unknown,
    @Arg('description', () => String, { nullable: true }) description?: string,
  ): Promise<RubricInfo> {
    return saveRubric(ctx.em, ctx.viewer, { version, name, description, definition });
  }

  @Query(() => Scorecard, {
    // A fixed number of statements whatever is selected (see the service).
    complexity: () => 100,
    description: 'The assessment (考评) of a year under a rubric version: the frozen snapshot when there is one, else computed now (docs/assessment.md)',
  })
  scorecard(
    @Ctx() ctx: Context,
    @Arg('year', () => Int) year: number,
    @Arg('rubricVersion', () => String) rubricVersion: string,
    @Arg('live', () => Boolean, { nullable: true, defaultValue: false, description: 'Compute now even when a frozen snapshot exists' }) live?: boolean,
    @Arg('locale', () => Locale, LOCALE) locale?: Locale,
  ): Promise<Scorecard> {
    const only = scorecardAccess(ctx.viewer);
    return scorecard(ctx.em, { year, rubricVersion, live, locale }, only);
  }

  @Query(() => Scorecard, { complexity: () => 100, description: 'Scores a year under an edited rubric definition without saving anything' })
  scorecardWhatIf(
    @Ctx() ctx: Context,
    @Arg('year', () => Int) year: number,
    @Arg('definition', () => GraphQLJSON) definition: unknown,
    @Arg('locale', () => Locale, LOCALE) locale?: Locale,
  ): Promise<Scorecard> {
    const only = scorecardAccess(ctx.viewer);
    return scorecardWhatIf(ctx.em, year, definition, locale, only);
  }

  @Mutation(() => Scorecard, { complexity: () => 100, description: 'Freezes the scorecard of a year under a rubric version (admins): later data changes do not alter it; a second freeze is a CONFLICT' })
  freezeScorecard(
    @Ctx() ctx: Context,
    @Arg('year', () => Int) year: number,
    @Arg('rubricVersion', () => String) rubricVersion: string,
    @Arg('locale', () => Locale, LOCALE) locale?: Locale,
  ): Promise<Scorecard> {
    return freezeScorecard(ctx.em, ctx.viewer, { year, rubricVersion, locale });
  }
}
