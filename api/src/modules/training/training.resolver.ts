import { Arg, Args, Ctx, Field, FieldResolver, InputType, Query, Resolver, Root } from 'type-graphql';
import type * as m from '@pufa/seeds';
import type { Context } from '../../graphql/context.js';
import { TrainingKind } from '../../shared/enums.js';
import { PeriodFilter, periodWhere, scopeWhere } from '../../shared/filters.js';
import { connectionOf, PageArgs, paginate } from '../../shared/pagination.js';
import { checkDateRange } from '../../shared/validate.js';
import { Agency } from '../agencies/agency.entity.js';
import { Region } from '../regions/region.entity.js';
import { TrainingAttendance, TrainingSession } from './training.entity.js';
import { AttendanceFilter, attendanceWhere } from './training.service.js';

@InputType()
class SessionFilter extends PeriodFilter {
  @Field(() => [TrainingKind], { nullable: true }) kinds?: m.TrainingKind[];
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
  @Query(() => AttendanceConnection, { description: 'Required and actual attendance, by session then agency; the rows behind the training figures' })
  async trainingAttendance(@Ctx() ctx: Context, @Args(() => PageArgs) page: PageArgs, @Arg('filter', () => AttendanceFilter, { nullable: true }) f?: AttendanceFilter) {
    const scope = scopeWhere(ctx.scope('TrainingAttendance'), { agency: ['agency'] });
    return paginate(ctx, TrainingAttendance, { $and: [await attendanceWhere(ctx.em, f), scope] }, page, { session: 'asc', agency: 'asc' });
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
