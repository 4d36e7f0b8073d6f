import pg from 'pg';
import type { PGlite } from '@electric-sql/pglite';

/**
 * Counts SQL statements where they reach the database driver (pg's Client.query, PGlite's
 * query/exec) — below the ORM and its logger, so nothing the ORM batches or hides goes uncounted.
 */
export const statementCounter = { count: 0, log: [] as string[], calls: [] as { text: string; values?: unknown[] }[], keepLog: false };

function record(sql: unknown, values?: unknown): void {
  statementCounter.count++;
  if (!statementCounter.keepLog) return;
  const config = sql as { text?: string; values?: unknown[] };
  const text = typeof sql === 'string' ? sql : String(config?.text ?? sql);
  statementCounter.log.push(text);
  // The parameters too, so a benchmark can replay the exact statements straight to the database.
  statementCounter.calls.push({ text, values: Array.isArray(values) ? values : typeof sql === 'object' ? config?.values : undefined });
}

let pgPatched = false;
export function countPgStatements(): void {
  if (pgPatched) return;
  pgPatched = true;
  const original = pg.Client.prototype.query;
  pg.Client.prototype.query = function patched(this: pg.Client, ...args: unknown[]) {
    record(args[0], args[1]);
    return (original as (...a: unknown[]) => unknown).apply(this, args);
  } as typeof original;
}

export function countPgliteStatements(db: PGlite): PGlite {
  const query = db.query.bind(db);
  const exec = db.exec.bind(db);
  db.query = ((sql: string, ...rest: unknown[]) => {
    record(sql, rest[0]);
    return (query as (...a: unknown[]) => unknown)(sql, ...rest);
  }) as typeof db.query;
  db.exec = ((sql: string, ...rest: unknown[]) => {
    record(sql);
    return (exec as (...a: unknown[]) => unknown)(sql, ...rest);
  }) as typeof db.exec;
  return db;
}
