import type { EntityManager } from '@mikro-orm/core';
import { generateDemo, TABLE_ORDER, type DemoData, type RegionRow } from '@pufa/seeds';

/** Rows per INSERT statement: large enough to be fast, small enough for PGlite's memory. */
const CHUNK = 1000;

export async function isDemoInstallation(em: EntityManager): Promise<boolean> {
  const rows: { value: string }[] = await em.getConnection().execute(`select value from hub_meta where key = 'demo_data'`);
  return rows[0]?.value === 'true';
}

export async function isEmpty(em: EntityManager): Promise<boolean> {
  const rows: { n: number }[] = await em.getConnection().execute('select (select count(*) from agency) + (select count(*) from region) as n');
  return Number(rows[0]?.n) === 0;
}

/** Adds each region's district and materialised path, derived from the parent chain. */
export function withRegionPaths(regions: RegionRow[]): (RegionRow & { district_id: number | null; path: string })[] {
  const byId = new Map(regions.map((r) => [r.id, r]));
  const derived = new Map<number, { district_id: number | null; path: string }>();
  const derive = (r: RegionRow): { district_id: number | null; path: string } => {
    const known = derived.get(r.id);
    if (known) return known;
    const parent = r.parent_id === null ? null : byId.get(r.parent_id);
    if (r.parent_id !== null && !parent) throw new Error(`region ${r.code} has an unknown parent ${r.parent_id}`);
    const up = parent ? derive(parent) : { district_id: null, path: '/' };
    const out = { district_id: r.level === 'DISTRICT' ? r.id : up.district_id, path: `${up.path}${r.id}/` };
    derived.set(r.id, out);
    return out;
  };
  return regions.map((r) => ({ ...r, ...derive(r) }));
}

/**
 * Loads the generated demo city in one transaction with multi-row inserts, then marks the
 * installation as demo so every response says so.
 */
export async function loadDemoData(em: EntityManager, data: DemoData = generateDemo()): Promise<Record<string, number>> {
  const counts: Record<string, number> = {};
  await em.transactional(async (tx) => {
    const conn = tx.getConnection();
    const tables: Record<string, Record<string, unknown>[]> = { ...data, region: withRegionPaths(data.region) } as never;
    for (const table of TABLE_ORDER) {
      counts[table] = tables[table]!.length;
      await insertRows(tx, table, tables[table]!);
    }
    await conn.execute(
      `insert into hub_meta (key, value) values ('demo_data', 'true') on conflict (key) do update set value = excluded.value`,
      [], 'run', tx.getTransactionContext(),
    );
  });
  return counts;
}

/** Multi-row inserts of plain rows with their ids, then the id sequence moved past them. */
export async function insertRows(em: EntityManager, table: string, rows: Record<string, unknown>[]): Promise<void> {
  if (rows.length === 0) return;
  const conn = em.getConnection();
  const ctx = em.getTransactionContext();
  const columns = Object.keys(rows[0]!);
  for (let i = 0; i < rows.length; i += CHUNK) {
    const values = rows.slice(i, i + CHUNK).map((row) => `(${columns.map((c) => literal(row[c])).join(', ')})`).join(',\n');
    await conn.execute(`insert into "${table}" (${columns.map((c) => `"${c}"`).join(', ')}) values ${values}`, [], 'run', ctx);
  }
  if (columns.includes('id')) {
    await conn.execute(`select setval(pg_get_serial_sequence('"${table}"', 'id'), (select max(id) from "${table}"))`, [], 'all', ctx);
  }
}

/** SQL literal for plain values: numbers, booleans, strings, string arrays (text[]), JSON objects (jsonb), null. */
export function literal(v: unknown): string {
  if (v === null || v === undefined) return 'null';
  if (typeof v === 'number') {
    if (!Number.isFinite(v)) throw new Error(`not a finite number: ${v}`);
    return String(v);
  }
  if (typeof v === 'boolean') return v ? 'true' : 'false';
  if (Array.isArray(v)) return `array[${v.map(literal).join(', ')}]::text[]`;
  // Objects are JSON documents (the audit trail's before/after, a batch's result).
  if (typeof v === 'object') return `'${JSON.stringify(v).replace(/'/g, "''")}'::jsonb`;
  return `'${String(v).replace(/'/g, "''")}'`;
}
