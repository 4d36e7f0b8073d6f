import type { EntityManager } from '@mikro-orm/core';
import { sql } from '../../db/sql.js';

/**
 * The latest year, up to today, that holds any activity: the year the dashboard opens on. A hub
 * whose records stop in an earlier year (the demo city ends in 2025; a deployment whose reporting
 * of a new year has not begun) would otherwise open on an empty year. Read from the monthly
 * activity rollup with its pending deltas (a few thousand rows even at province scale), so it is
 * cheap enough to ask each time the dashboard's page is served. Null: no activity at all.
 */
export async function latestYearWithRecords(em: EntityManager, today: string): Promise<number | null> {
  const [row] = await sql<{ year: number | null }>(
    em,
    `select extract(year from max(month))::int as year from (
       select month from (select month, n from rollup_activity union all select month, n from rollup_activity_delta) r
       where month <= ?::date group by month having sum(n) > 0) m`,
    [today],
  );
  return row?.year ?? null;
}
