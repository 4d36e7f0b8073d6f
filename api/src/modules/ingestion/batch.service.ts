import { createHash } from 'node:crypto';
import type { EntityManager } from '@mikro-orm/core';
import { Field, Int, ObjectType } from 'type-graphql';
import type { Viewer } from '../../graphql/access.js';
import { userError } from '../../shared/errors.js';
import { requireRole } from '../../graphql/access.js';
import { Role } from '../auth/role.js';
import { sql } from '../../db/sql.js';

export const MAX_BATCH_ROWS = 5000;

/** A problem with one row of a batch: its index (0-based), the field, and what to do. */
export interface RowError {
  row: number;
  field: string;
  message: string;
}

@ObjectType({ description: 'What a batch did. A replay with the same key answers the first result again.' })
export class BatchResult {
  @Field(() => String, { description: 'Batch id, named in the audit trail' }) batchId!: string;
  @Field(() => Int) accepted!: number;
  @Field(() => Int, { description: 'Rows that were new' }) inserted!: number;
  @Field(() => Int, { description: 'Rows whose natural key existed: updated in place' }) updated!: number;
  @Field(() => Boolean, { description: 'True when this key was seen before and nothing was written now' }) replayed!: boolean;
}

/** What a batch says besides its rows. */
export interface BatchOptions {
  /**
   * Why locked records (published responsibility lists, closed years) are changed: checked by
   * checkReason, part of the payload hash, and stored in every audit row of the batch.
   */
  reason?: string | null;
}

export interface BatchHandler<Row, Prepared> {
  kind: string;
  /** Validates every row in memory (reference look-ups are set-based); never writes. */
  validate(em: EntityManager, viewer: Extract<Viewer, { kind: 'user' }>, rows: Row[], options?: BatchOptions): Promise<{ errors: RowError[]; forbidden: boolean; prepared: Prepared }>;
  /** Writes the prepared rows inside the batch's transaction. */
  write(em: EntityManager, viewer: Extract<Viewer, { kind: 'user' }>, prepared: Prepared, batchId: string, options?: BatchOptions): Promise<{ inserted: number; updated: number }>;
}

export const REASON_LIMITS = { min: 5, max: 1000 };

/**
 * A reason for changing locked records: trimmed; blank is no reason (null); otherwise 5–1000
 * characters, or BAD_USER_INPUT naming the argument.
 */
export function checkReason(reason: string | null | undefined): string | null {
  const r = reason?.trim();
  if (!r) return null;
  if (r.length < REASON_LIMITS.min || r.length > REASON_LIMITS.max) {
    throw userError('BAD_USER_INPUT', `reason must be ${REASON_LIMITS.min}–${REASON_LIMITS.max} characters: say why the locked records are changed`, {
      problems: [{ path: ['reason'], message: `${REASON_LIMITS.min}–${REASON_LIMITS.max} characters` }],
    });
  }
  return r;
}

/**
 * Stable JSON: object keys sorted and undefined members left out, so the same payload always
 * hashes the same. JSON.stringify does the walk; the replacer hands it each object with its keys in
 * order (the text is the same as earlier versions hashed, so stored hashes stay valid).
 */
export function canonicalJson(value: unknown): string {
  return JSON.stringify(value, (_key, v: unknown) => {
    if (!v || typeof v !== 'object' || Array.isArray(v)) return v;
    const sorted: Record<string, unknown> = {};
    for (const k of Object.keys(v).sort()) sorted[k] = (v as Record<string, unknown>)[k];
    return sorted;
  });
}

export function canonicalHash(value: unknown): string {
  return createHash('sha256').update(canonicalJson(value)).digest('hex');
}

export function rowErrorsError(kind: string, errors: RowError[], forbidden: boolean) {
  const shown = errors.slice(0, 1000);
  const first = shown[0]!;
  return userError(
    forbidden ? 'FORBIDDEN' : 'BAD_USER_INPUT',
    `The batch was refused and nothing was written: ${errors.length} problem${errors.length === 1 ? '' : 's'} in ${new Set(errors.map((e) => e.row)).size} row(s) of ${kind}; first: row ${first.row + 1}, ${first.field}: ${first.message}`,
    { rowErrors: shown, rowErrorCount: errors.length },
  );
}

/**
 * Thrown inside a batch's transaction when what it read was overtaken by another batch (a record
 * created between its lock and its write): runBatch rolls back and runs the batch again.
 */
export class RetryBatch extends Error {}

/** Attempts of a batch before a transient failure (deadlock, serialization, RetryBatch) reaches the client. */
const ATTEMPTS = 5;

/** PostgreSQL's deadlock_detected and serialization_failure, as the driver or MikroORM report them. */
function isTransient(err: unknown): boolean {
  if (err instanceof RetryBatch) return true;
  const e = err as { code?: string; name?: string; cause?: { code?: string } } | null;
  const code = e?.code ?? e?.cause?.code;
  return code === '40P01' || code === '40001' || e?.name === 'DeadlockException';
}

/**
 * Runs a batch all-or-nothing in one transaction: the idempotency key is claimed first (a
 * concurrent batch with the same key waits on it, then sees the result), every row is
 * validated, and only a clean batch is written, with its audit rows. A transaction that
 * PostgreSQL aborts as a deadlock victim (or that RetryBatch abandons) is run again from the start.
 */
export async function runBatch<Row, Prepared>(
  em: EntityManager,
  viewer: Viewer,
  handler: BatchHandler<Row, Prepared>,
  key: string,
  rows: Row[],
  source = 'graphql',
  options: BatchOptions = {},
): Promise<BatchResult> {
  const user = requireRole(viewer, Object.values(Role), `report ${handler.kind}`);
  const reason = checkReason(options.reason);
  if (!/^[\w.:-]{8,100}$/.test(key)) {
    throw userError('BAD_USER_INPUT', 'idempotencyKey must be 8–100 letters, digits, dots, colons, dashes or underscores (a UUID is fine)', { problems: [{ path: ['idempotencyKey'], message: 'invalid' }] });
  }
  if (rows.length === 0 || rows.length > MAX_BATCH_ROWS) {
    throw userError('BAD_USER_INPUT', `A batch holds 1–${MAX_BATCH_ROWS} rows; this one has ${rows.length}. Split it into several batches with their own keys.`, { problems: [{ path: ['rows'], message: 'size' }] });
  }
  // A reason is part of the payload (absent, the hash is the same as before reasons existed).
  const hash = canonicalHash({ kind: handler.kind, rows, reason: reason ?? undefined });

  const attempt = () => em.transactional(async (tx) => {
    const claimed = await sql<{ id: number }>(
      tx,
      `insert into ingestion_batch (user_id, key, kind, payload_hash, row_count, source) values (?, ?, ?, ?, ?, ?) on conflict (user_id, key) do nothing returning id`,
      [user.id, key, handler.kind, hash, rows.length, source],
    );
    if (claimed.length === 0) {
      const [seen] = await sql<{ kind: string; payload_hash: string; result: unknown }>(tx, `select kind, payload_hash, result from ingestion_batch where user_id = ? and key = ?`, [user.id, key]);
      if (!seen) throw userError('CONFLICT', `The idempotency key ${key} is being used by another batch that has not finished; try again shortly`);
      if (seen.payload_hash !== hash || seen.kind !== handler.kind) {
        throw userError('CONFLICT', `The idempotency key ${key} was used for a different batch; use a new key for new data`);
      }
      const result = typeof seen.result === 'string' ? JSON.parse(seen.result) : seen.result;
      return { ...result, replayed: true } as BatchResult;
    }
    const batchId = `batch:${claimed[0]!.id}`;
    // JIT compiling pays for long analytical queries; for a batch's statements its 0.1–0.2 s is most of the work.
    await sql(tx, 'set local jit = off');
    const { errors, forbidden, prepared } = await handler.validate(tx, user, rows, { reason });
    if (errors.length) throw rowErrorsError(handler.kind, errors, forbidden);
    const { inserted, updated } = await handler.write(tx, user, prepared, batchId, { reason });
    const result: BatchResult = { batchId, accepted: rows.length, inserted, updated, replayed: false };
    await sql(tx, `update ingestion_batch set result = ?::jsonb where id = ?`, [JSON.stringify(result), claimed[0]!.id]);
    return result;
  });

  for (let n = 1; ; n++) {
    try {
      return await attempt();
    } catch (err) {
      if (!isTransient(err)) throw err;
      if (n >= ATTEMPTS) throw userError('CONFLICT', `Other batches kept writing the same records at the same time; nothing of this batch was written: send it again with the same key`);
    }
  }
}
