/**
 * Moves a deployment between databases, e.g. from the embedded default to PostgreSQL:
 *   npm run db:export -- pufa.jsonl                          (reads PUFA_DATA_DIR or DATABASE_URL)
 *   DATABASE_URL=postgres://… npm run db:import -- pufa.jsonl (into an empty, migrated database)
 * The file holds one JSON line per row, table by table in dependency order, ids kept.
 */
import 'reflect-metadata';
import fs from 'node:fs';
import readline from 'node:readline';
import { TABLE_ORDER } from '@pufa/seeds';
import { loadConfig } from '../config.js';
import { insertRows, isEmpty } from '../db/demo.js';
import { migrate, openDatabase } from '../db/orm.js';

const TABLES = ['hub_meta', ...TABLE_ORDER];
const BATCH = 5000;

const [command, file] = process.argv.slice(2);
if (!file || (command !== 'export' && command !== 'import')) {
  console.error('usage: db-transfer export|import <file.jsonl>');
  process.exit(2);
}

const db = await openDatabase(loadConfig());
try {
  await migrate(db);
  const em = db.orm.em.fork();
  const conn = em.getConnection();
  if (command === 'export') {
    const out = fs.createWriteStream(file);
    for (const table of TABLES) {
      // row_to_json lets the database write dates as "YYYY-MM-DD" and timestamps with their offset,
      // whatever the time zone of this process.
      const rows: { j: unknown }[] = await conn.execute(`select row_to_json(t) as j from "${table}" t`);
      for (const { j } of rows) out.write(JSON.stringify({ t: table, r: typeof j === 'string' ? JSON.parse(j) : j }) + '\n');
      console.log(`${table}: ${rows.length}`);
    }
    await new Promise<void>((resolve) => out.end(resolve));
  } else {
    if (!(await isEmpty(em))) throw new Error('The target database already holds records; import only into an empty database.');
    await em.transactional(async (tx) => {
      const pending = new Map<string, Record<string, unknown>[]>();
      const flush = async (table: string) => {
        await insertRows(tx, table, pending.get(table) ?? []);
        pending.set(table, []);
      };
      let current: string | undefined;
      for await (const line of readline.createInterface({ input: fs.createReadStream(file) })) {
        if (!line) continue;
        const { t, r } = JSON.parse(line) as { t: string; r: Record<string, unknown> };
        if (!TABLES.includes(t)) throw new Error(`unknown table ${t} in ${file}`);
        if (current && t !== current) await flush(current);
        current = t;
        const list = pending.get(t) ?? [];
        list.push(r);
        pending.set(t, list);
        if (list.length >= BATCH) await flush(t);
      }
      if (current) await flush(current);
    });
    console.log(`Imported ${file} into ${db.kind}`);
  }
} finally {
  await db.close();
}
