import { Arg, Ctx, ID, Mutation, Resolver } from 'type-graphql';
import type { Context } from '../../graphql/context.js';
import { ActivityRowInput, activityBatch } from './activity.ingest.js';
import { AttendanceRowInput, attendanceBatch } from './attendance.ingest.js';
import { BatchResult, runBatch } from './batch.service.js';
import { BroadcastSlotRowInput, broadcastSlotBatch } from './broadcast.ingest.js';
import { SurveyResponseRowInput, surveyResponseBatch } from './survey.ingest.js';

@Resolver()
export class IngestionResolver {
  @Mutation(() => BatchResult, {
    description: 'Reports up to 5,000 activities all-or-nothing. A replay with the same key answers the first result and writes nothing; the same key with other rows is a CONFLICT.',
  })
  reportActivities(
    @Ctx() ctx: Context,
    @Arg('idempotencyKey', () => String) key: string,
    // Rows are validated by the batch service (all errors at once, by row); class-validator would add nothing but time.
    @Arg('rows', () => [ActivityRowInput], { validate: false }) rows: ActivityRowInput[],
  ): Promise<BatchResult> {
    return runBatch(ctx.em, ctx.viewer, activityBatch, key, rows);
  }

  @Mutation(() => BatchResult, {
    description: 'Reports up to 5,000 broadcast slots all-or-nothing (a media partner: its own outlet’s). A replay with the same key answers the first result and writes nothing; the same key with other rows is a CONFLICT.',
  })
  reportBroadcastSlots(
    @Ctx() ctx: Context,
    @Arg('idempotencyKey', () => String) key: string,
    @Arg('rows', () => [BroadcastSlotRowInput]) rows: BroadcastSlotRowInput[],
  ): Promise<BatchResult> {
    return runBatch(ctx.em, ctx.viewer, broadcastSlotBatch, key, rows);
  }

  @Mutation(() => BatchResult, {
    description: 'Reports up to 5,000 training attendance rows all-or-nothing (a reporter: its own agency’s). A replay with the same key answers the first result and writes nothing; the same key with other rows is a CONFLICT.',
  })
  reportAttendance(
    @Ctx() ctx: Context,
    @Arg('idempotencyKey', () => String) key: string,
    @Arg('rows', () => [AttendanceRowInput]) rows: AttendanceRowInput[],
  ): Promise<BatchResult> {
    return runBatch(ctx.em, ctx.viewer, attendanceBatch, key, rows);
  }

  @Mutation(() => BatchResult, {
    description: 'Submits up to 5,000 questionnaires of one wave all-or-nothing; a resend under a respondentRef replaces that response and its answers. A replay with the same key answers the first result and writes nothing; the same key with other rows is a CONFLICT.',
  })
  submitSurveyResponses(
    @Ctx() ctx: Context,
    @Arg('idempotencyKey', () => String) key: string,
    @Arg('waveId', () => ID) waveId: string,
    @Arg('rows', () => [SurveyResponseRowInput]) rows: SurveyResponseRowInput[],
  ): Promise<BatchResult> {
    return runBatch(ctx.em, ctx.viewer, surveyResponseBatch, key, rows.map((r) => ({ ...r, waveId })));
  }
}
