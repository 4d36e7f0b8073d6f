import { activityBatch } from './activity.ingest.js';
import type { BatchHandler } from './batch.service.js';

/**
 * Every kind of batch, by the name used in the GraphQL mutations' results, the file-import URL
 * (/import/<kind>) and the audit trail.
 */
export const BATCH_HANDLERS: Record<string, BatchHandler<any, any>> = {
  activities: activityBatch,
};
