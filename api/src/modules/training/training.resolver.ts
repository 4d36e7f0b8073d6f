import { Arg, Args, Ctx, Field, FieldResolver, ID, InputType, Query, Resolver, Root } from 'type-graphql';
import { ArrayMaxSize } from 'class-validator';
import type * as m from '@pufa/seeds';
import type { Context } from '../../graphql/context.js';
import { TrainingKind } from '../../shared/enums.js';
import { MAX_FILTER_IDS, PeriodFilter, periodWhere, scopeWhere } from '../../shared/filters.js';
import { connectionOf, PageArgs, paginate } from '../../shared/pagination.js';
import { checkDateRange, existingIds } from '../../shared/validate.js';
import { Agency } from '../agencies/agency.entity.js';
import { Region } from '../regions/region.entity.js';
import { TrainingAttendance, TrainingSession } from './training.entity.js';

@InputType()
class SessionFilter extends PeriodFilter {
  @Field(() => [TrainingKind], { nullable: true }) kinds?: m.TrainingKind[];
}

@InputType()
class AttendanceFilter {
  @Field(() => [ID], { nullable: true }) @ArrayMaxSize(MAX_FILTER_IDS) sessionIds?: string[];
  @Field(() => [ID], { nullable: true }) @ArrayMaxSize(MAX_FILTER_IDS) agencyIds?: string[];
  @Field(() => Boolean, { nullable: true }) leadingCadre?: boolean;
}

const SessionConnection = connectionOf(TrainingSession, 'TrainingSession');
const AttendanceConnection = connectionOf(TrainingAttendance, 'TrainingAttendance');

@Resolver(() => TrainingSession)
export class SessionResolver {
  @Query(() => SessionConnection, { description: 'Training sessions, newest first' })
  trainingSessions(@Ctx() ctx: Context, @Args(() => PageArgs) page: PageArgs, @Arg('filter', () => SessionFilter, { nullable: true }) f?: SessionFilter) {
    ctx.scope('TrainingSession');
    checkDateRange(f?.from, f?.to, ['filter']);
    const and = periodWhere('startsOn', f);
    if (f?.kinds?.length) and.push({ kind: { $in: f.kinds } });
    return paginate(ctx, TrainingSession, { $and: and }, page, { startsOn: 'desc' });
  }

  @FieldResolver(() => Agency)
  organiser(@Root() s: TrainingSession) {
    return s.organiser.load();
  }

  @FieldResolver(() => Region)
  region(@Root() s: TrainingSession) {
    return s.region.load();
  }
}

@Resolver(() => TrainingAttendance)
export class AttendanceResolver {
  @Query(() => AttendanceConnection, { description: 'Required and actual attendance' })
  async trainingAttendance(@Ctx() ctx: Context, @Args(() => PageArgs) page: PageArgs, @Arg('filter', () => AttendanceFilter, { nullable: true }) f?: AttendanceFilter) {
    const scope = scopeWhere(ctx.scope('TrainingAttendance'), { agency: ['agency'] });
    const sessions = await existingIds(ctx.em, 'TrainingSession', f?.sessionIds, ['filter', 'sessionIds']);
    const agencies = await existingIds(ctx.em, 'Agency', f?.agencyIds, ['filter', 'agencyIds']);
    const and: Record<string, unknown>[] = [scope];
    if (sessions) and.push({ session: { $in: sessions } });
    if (agencies) and.push({ agency: { $in: agencies } });
    if (f?.leadingCadre !== undefined && f?.leadingCadre !== null) and.push({ leadingCadre: f.leadingCadre });
    return paginate(ctx, TrainingAttendance, { $and: and }, page, { session: 'asc', agency: 'asc' });
  }

  @FieldResolver(() => TrainingSession)
  session(@Root() a: TrainingAttendance) {
    return a.session.load();
  }

  @FieldResolver(() => Agency)
  agency(@Root() a: TrainingAttendance) {
    return a.agency.load();
  }
}
