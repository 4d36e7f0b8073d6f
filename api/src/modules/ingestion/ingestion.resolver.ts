import { Arg, Ctx, Mutation, Resolver } from 'type-graphql';
import type { Context } from '../../graphql/context.js';
import { ActivityRowInput, activityBatch } from './activity.ingest.js';
import { BatchResult, runBatch } from './batch.service.js';

@Resolver()
export class IngestionResolver {
  @Mutation(() => BatchResult, {
    description: 'Reports up to 5,000 activities all-or-nothing. A replay with the same key answers the first result and writes nothing; the same key with other rows is a CONFLICT.',
  })
  reportActivities(
    @Ctx() ctx: Context,
    @Arg('idempotencyKey', () => String) key: string,
    @Arg('rows', () => [ActivityRowInput]) rows: ActivityRowInput[],
  ): Promise<BatchResult> {
    return runBatch(ctx.em, ctx.viewer, activityBatch, key, rows);
  }
}
