import { Arg, Ctx, ID, Mutation, Resolver } from 'type-graphql';
import type { Context } from '../../graphql/context.js';
import { ActivityRowInput, activityBatch } from './activity.ingest.js';
import { AttendanceRowInput, attendanceBatch } from './attendance.ingest.js';
import { BatchResult, runBatch } from './batch.service.js';
import { BroadcastSlotRowInput, broadcastSlotBatch } from './broadcast.ingest.js';
import { CaseRowInput, caseBatch } from './case.ingest.js';
import { DeleteResult, deleteRecords, MAX_DELETE_IDS } from './delete.js';
import { ResponsibilityItemRowInput, responsibilityItemBatch } from './responsibility.ingest.js';
import { SurveyResponseRowInput, surveyResponseBatch } from './survey.ingest.js';

/** Batch rows are validated by the batch service (every error at once, by row), so class-validator is off for them. */
@Resolver()
export class IngestionResolver {
  @Mutation(() => BatchResult, {
    description: 'Reports up to 5,000 activities all-or-nothing. A replay with the same key answers the first result and writes nothing; the same key with other rows is a CONFLICT.',
  })
  reportActivities(
    @Ctx() ctx: Context,
    @Arg('idempotencyKey', () => String) key: string,
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
    @Arg('rows', () => [BroadcastSlotRowInput], { validate: false }) rows: BroadcastSlotRowInput[],
  ): Promise<BatchResult> {
    return runBatch(ctx.em, ctx.viewer, broadcastSlotBatch, key, rows);
  }

  @Mutation(() => BatchResult, {
    description: 'Reports up to 5,000 training attendance rows all-or-nothing (a reporter: its own agency’s). A replay with the same key answers the first result and writes nothing; the same key with other rows is a CONFLICT.',
  })
  reportAttendance(
    @Ctx() ctx: Context,
    @Arg('idempotencyKey', () => String) key: string,
    @Arg('rows', () => [AttendanceRowInput], { validate: false }) rows: AttendanceRowInput[],
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
    @Arg('rows', () => [SurveyResponseRowInput], { validate: false }) rows: SurveyResponseRowInput[],
  ): Promise<BatchResult> {
    return runBatch(ctx.em, ctx.viewer, surveyResponseBatch, key, rows.map((r) => ({ ...r, waveId })));
  }

  @Mutation(() => BatchResult, {
    description: 'Saves up to 5,000 responsibility-list items (任务书) all-or-nothing (a reporter: its own agency’s; a district admin: its district’s agencies’). '
      + 'A change to a published item (unpublishing included) or to any item of a closed year (before the current year) needs an administrator and a reason, kept in the audit trail; otherwise that row is refused (FORBIDDEN). '
      + 'A replay with the same key (and reason) answers the first result and writes nothing; the same key with other rows is a CONFLICT.',
  })
  saveResponsibilityItems(
    @Ctx() ctx: Context,
    @Arg('idempotencyKey', () => String) key: string,
    @Arg('rows', () => [ResponsibilityItemRowInput], { validate: false }) rows: ResponsibilityItemRowInput[],
    @Arg('reason', () => String, { nullable: true, description: 'Why locked items are changed (5–1,000 characters); stored in every audit entry of the batch' }) reason?: string | null,
  ): Promise<BatchResult> {
    return runBatch(ctx.em, ctx.viewer, responsibilityItemBatch, key, rows, 'graphql', { reason });
  }

  @Mutation(() => BatchResult, {
    description: 'Saves up to 5,000 typical cases (以案释法) all-or-nothing (a reporter: its own agency’s; a district admin: its district’s agencies’). A replay with the same key answers the first result and writes nothing; the same key with other rows is a CONFLICT.',
  })
  saveCases(
    @Ctx() ctx: Context,
    @Arg('idempotencyKey', () => String) key: string,
    @Arg('rows', () => [CaseRowInput], { validate: false }) rows: CaseRowInput[],
  ): Promise<BatchResult> {
    return runBatch(ctx.em, ctx.viewer, caseBatch, key, rows);
  }

  @Mutation(() => DeleteResult, {
    description: `Deletes up to ${MAX_DELETE_IDS.toLocaleString('en')} activities, broadcast slots, attendance rows, survey responses, responsibility items or cases, all-or-nothing, with their links. `
      + 'Each record is checked like a write of its agency or outlet; a published or closed-year responsibility item needs an administrator and a reason. '
      + 'An unknown id or any refusal deletes nothing. Every deleted record is kept in the audit trail (action DELETE, the record as it was, the reason).',
  })
  deleteRecords(
    @Ctx() ctx: Context,
    @Arg('ids', () => [ID]) ids: string[],
    @Arg('reason', () => String, { nullable: true, description: 'Why (5–1,000 characters); required to delete published or closed-year responsibility items' }) reason?: string | null,
  ): Promise<DeleteResult> {
    return deleteRecords(ctx.em, ctx.viewer, ids, reason);
  }
}
