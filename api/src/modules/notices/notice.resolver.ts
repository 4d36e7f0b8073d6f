import { Arg, Ctx, Int, Query, Resolver } from 'type-graphql';
import type { Context } from '../../graphql/context.js';
import { Locale } from '../analytics/analytics.types.js';
import { notice } from './notice.service.js';
import { Notice } from './notice.types.js';

@Resolver()
export class NoticeResolver {
  @Query(() => Notice, {
    // The scorecard behind it is a fixed number of statements, plus one for the rectification items.
    complexity: () => 100,
    description: 'The yearly notice (通报): commended units and units ordered to rectify, with reasons traced to indicators, from the scorecard (frozen if frozen); also as PDF and a printable page at pdfUrl and htmlUrl',
  })
  notice(
    @Ctx() ctx: Context,
    @Arg('year', () => Int) year: number,
    @Arg('rubricVersion', () => String) rubricVersion: string,
    @Arg('locale', () => Locale, { nullable: true, defaultValue: Locale.ZH_CN }) locale?: Locale,
  ): Promise<Notice> {
    return notice(ctx.em, ctx.viewer, year, rubricVersion, locale);
  }
}
