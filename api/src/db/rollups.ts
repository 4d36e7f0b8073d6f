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
      .catch(onError)
      .finally(() => (running = undefined));
  }, ms);
  timer.unref();
  return async () => {
    clearInterval(timer);
    await running;
  };
}

export async function compactRollups(db: Database): Promise<void> {
  await db.orm.em.fork().getConnection().execute('select pufa_compact_rollups()');
}
