import { activityBatch } from './activity.ingest.js';
import { attendanceBatch } from './attendance.ingest.js';
import type { BatchHandler } from './batch.service.js';
import { broadcastSlotBatch } from './broadcast.ingest.js';
import { caseBatch } from './case.ingest.js';
import { responsibilityItemBatch } from './responsibility.ingest.js';
import { surveyResponseBatch } from './survey.ingest.js';

/**
 * Every kind of batch, by the name used in the GraphQL mutations' results, the file-import URL
 * (/import/<kind>) and the audit trail.
 */
export const BATCH_HANDLERS: Record<string, BatchHandler<any, any>> = {
  activities: activityBatch,
  'broadcast-slots': broadcastSlotBatch,
  attendance: attendanceBatch,
  /** Rows carry their waveId (the mutation copies its waveId argument into each row). */
  'survey-responses': surveyResponseBatch,
  /** Changes to published or closed-year items need an administrator and a reason (BatchOptions.reason). */
  'responsibility-items': responsibilityItemBatch,
  cases: caseBatch,
};
