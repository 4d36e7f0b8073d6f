import type { Database } from './orm.js';

/**
 * Folds the rollup deltas the triggers append into the rollups every `ms` milliseconds (see the
 * rollup migration). Figures never wait for it: queries read rollup + delta. Returns a stop function.
 */
export function compactRollupsEvery(db: Database, ms: number, onError: (err: unknown) => void = (err) => console.error('Rollup compaction failed:', err)): () => Promise<void> {
  let running: Promise<void> | undefined;
  const timer = setInterval(() => {
    if (running) return;
    running = compactRollups(db)
      .then(() => undefined, onError)
      .finally(() => (running = undefined));
  }, ms);
  timer.unref();
  return async () => {
    clearInterval(timer);
    await running;
  };
}

export const DELTA_TABLES = ['activity', 'activity_agency', 'activity_law', 'activity_agency_month', 'activity_day', 'overlap_reach', 'overlap_shared', 'broadcast', 'broadcast_agency', 'broadcast_outlet', 'training', 'survey'].map((t) => `rollup_${t}_delta`);

/**
 * Folds the deltas in; when it moved any, vacuums the delta tables so that their emptied pages are
 * reused and every query's scan of them stays short (left to autovacuum, a big batch's deltas leave
 * a large empty heap behind for a while).
 */
export async function compactRollups(db: Database): Promise<number> {
  const conn = db.orm.em.fork().getConnection();
  const [row] = await conn.execute<{ moved: string | number }[]>('select pufa_compact_rollups() as moved');
  const moved = Number(row?.moved ?? 0);
  if (moved > 0) await conn.execute(`vacuum ${DELTA_TABLES.join(', ')}`);
  return moved;
}
