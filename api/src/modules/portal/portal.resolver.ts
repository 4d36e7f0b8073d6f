import { Arg, Ctx, ID, Int, Mutation, Query, Resolver } from 'type-graphql';
import type { Context } from '../../graphql/context.js';
import { ResponsibilityItem } from '../responsibility/responsibility-item.entity.js';
import { SurveyWave } from '../surveys/survey.entity.js';
import { todayInShanghai } from '../ingestion/rows.js';
import { FeedbackInput, PUBLIC_METHODS, submitFeedback } from './feedback.service.js';
import { agencyArg, agencyPortal, checkYear, menu, portalAgencies, portalFigures } from './portal.service.js';
import { AgencyPortal, FeedbackReceipt, PortalAgency, PortalFigures } from './portal.types.js';

/** The public portal: no sign-in, and only what was published (docs/portal.md). */
@Resolver()
export class PortalResolver {
  @Query(() => [PortalAgency], { description: 'Public portal: agencies that published a responsibility list or cases for the year, by code' })
  portalAgencies(@Ctx() ctx: Context, @Arg('year', () => Int) year: number) {
    return portalAgencies(ctx.em, year);
  }

  @Query(() => AgencyPortal, { description: 'Public portal: an agency’s published list and plan, activities calendar and typical cases of a year' })
  agencyPortal(@Ctx() ctx: Context, @Arg('agencyId', () => ID) agencyId: string, @Arg('year', () => Int) year: number) {
    return agencyPortal(ctx.em, agencyId, year);
  }

  @Query(() => [ResponsibilityItem], { description: 'An agency’s menu (菜单) for a year: its published responsibility items, which audiences may order' })
  async menu(@Ctx() ctx: Context, @Arg('agencyId', () => ID) agencyId: string, @Arg('year', () => Int) year: number) {
    checkYear(year);
    return menu(ctx.em, (await agencyArg(ctx.em, agencyId)).id, year);
  }

  @Query(() => PortalFigures, { description: 'Public portal: city-wide figures of a year' })
  portalFigures(@Ctx() ctx: Context, @Arg('year', () => Int) year: number) {
    return portalFigures(ctx.em, year);
  }

  @Query(() => [SurveyWave], { description: 'Quiz and online waves open today, which the public feedback form takes' })
  openFeedbackWaves(@Ctx() ctx: Context) {
    const today = todayInShanghai();
    return ctx.em.find(SurveyWave, { method: { $in: [...PUBLIC_METHODS] }, startsOn: { $lte: today }, endsOn: { $gte: today } }, { orderBy: { endsOn: 'asc', id: 'asc' } });
  }

  @Mutation(() => FeedbackReceipt, { description: 'Public feedback form and quiz (有奖问答) entry, no sign-in: one response to an open wave per device; rate-limited per address' })
  submitFeedback(@Ctx() ctx: Context, @Arg('input', () => FeedbackInput) input: FeedbackInput) {
    return submitFeedback(ctx.em, input);
  }
}
