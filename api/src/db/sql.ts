import type { EntityManager } from '@mikro-orm/core';
import type { Knex } from '@mikro-orm/postgresql';

/**
 * Runs SQL with bound parameters through the driver (`?` placeholders; a JavaScript array binds as a
 * PostgreSQL array, so write `= any(?)`), inside the EntityManager's transaction when it has one. Unlike
 * `Connection.execute`, which inlines every value into the SQL text, large multi-row writes stay
 * parameterised: no quoting work in JavaScript and no giant statements to parse.
 */
export async function sql<T = Record<string, unknown>>(em: EntityManager, text: string, params: unknown[] = []): Promise<T[]> {
  const conn = em.getConnection() as unknown as { getKnex(): Knex };
  const trx = em.getTransactionContext<Knex.Transaction>();
  const query = (trx ?? conn.getKnex()).raw(text, params as Knex.RawBinding[]);
  const res = (await query) as { rows?: T[] } | T[];
  return Array.isArray(res) ? res : (res.rows ?? []);
}
