import type { EntityManager } from '@mikro-orm/core';
import { ArrayMaxSize } from 'class-validator';
import { Field, ID, InputType } from 'type-graphql';
import type * as m from '@pufa/seeds';
import { TrainingKind } from '../../shared/enums.js';
import { MAX_FILTER_IDS, PeriodFilter, periodWhere } from '../../shared/filters.js';
import { checkDateRange, existingIds, regionsWithDescendants } from '../../shared/validate.js';

/** A pass in an exam, as TRAINING_PASS_RATE counts it (score out of 100). */
export const PASS_SCORE = 60;

/**
 * Attendance rows by what the training figures filter and group by (FACTS.training in the
 * analytics registry), so each figure's rows can be listed: from/to/years on the session's
 * `starts_on`, the attendee agency's region, the session's kind. An empty list matches nothing,
 * as in analytics.
 */
@InputType()
export class AttendanceFilter extends PeriodFilter {
  @Field(() => [ID], { nullable: true }) @ArrayMaxSize(MAX_FILTER_IDS) sessionIds?: string[];
  @Field(() => [ID], { nullable: true, description: 'The attendee’s agency' }) @ArrayMaxSize(MAX_FILTER_IDS) agencyIds?: string[];
  @Field(() => [ID], { nullable: true, description: 'Regions of the attendee’s agency, each with all its descendants' })
  @ArrayMaxSize(MAX_FILTER_IDS)
  regionIds?: string[];
  @Field(() => [TrainingKind], { nullable: true, description: 'The session’s kind' }) sessionKinds?: m.TrainingKind[];
  @Field(() => Boolean, { nullable: true }) leadingCadre?: boolean;
  @Field(() => Boolean, { nullable: true }) required?: boolean;
  @Field(() => Boolean, { nullable: true }) attended?: boolean;
  @Field(() => Boolean, { nullable: true, description: `true: score ≥ ${PASS_SCORE}; false: score < ${PASS_SCORE}; rows without a score match neither` })
  passed?: boolean;
  @Field(() => Boolean, { nullable: true, description: 'true: an exam score is recorded (the rows TRAINING_PASS_RATE is over); false: none' })
  scored?: boolean;
}

const given = <T>(v: T | null | undefined): v is T => v !== undefined && v !== null;

/** MikroORM condition on TrainingAttendance for a filter; BAD_USER_INPUT for unknown ids or a reversed period. */
export async function attendanceWhere(em: EntityManager, f: AttendanceFilter | undefined): Promise<Record<string, unknown>> {
  if (!f) return {};
  checkDateRange(f.from, f.to, ['filter']);
  const sessions = await existingIds(em, 'TrainingSession', f.sessionIds, ['filter', 'sessionIds']);
  const agencies = await existingIds(em, 'Agency', f.agencyIds, ['filter', 'agencyIds']);
  const regions = await regionsWithDescendants(em, f.regionIds, ['filter', 'regionIds']);
  const and: Record<string, unknown>[] = periodWhere('startsOn', f).map((c) => ({ session: c }));
  if (sessions) and.push({ session: { $in: sessions } });
  if (agencies) and.push({ agency: { $in: agencies } });
  if (regions) and.push({ agency: { region: { $in: regions } } });
  if (f.sessionKinds) and.push({ session: { kind: { $in: f.sessionKinds } } });
  if (given(f.leadingCadre)) and.push({ leadingCadre: f.leadingCadre });
  if (given(f.required)) and.push({ required: f.required });
  if (given(f.attended)) and.push({ attended: f.attended });
  if (given(f.passed)) and.push({ score: f.passed ? { $gte: PASS_SCORE } : { $lt: PASS_SCORE } });
  if (given(f.scored)) and.push({ score: f.scored ? { $ne: null } : null });
  return { $and: and };
}
