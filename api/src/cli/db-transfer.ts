/**
 * Moves a deployment between databases, e.g. from the embedded default to PostgreSQL:
 *   npm run db:export -- pufa.jsonl                          (reads PUFA_DATA_DIR or DATABASE_URL)
 *   DATABASE_URL=postgres://… npm run db:import -- pufa.jsonl (into an empty, migrated database)
 * The file holds one JSON line per row, table by table in dependency order, ids kept.
 */
import 'reflect-metadata';
import { loadConfig } from '../config.js';
import { migrate, openDatabase } from '../db/orm.js';
import { exportTo, importFrom } from '../db/transfer.js';

const [command, file] = process.argv.slice(2);
if (!file || (command !== 'export' && command !== 'import')) {
  console.error('usage: db-transfer export|import <file.jsonl>');
  process.exit(2);
}

const db = await openDatabase(loadConfig());
try {
  await migrate(db);
  if (command === 'export') await exportTo(db.orm.em.fork(), file, console.log);
  else {
    await importFrom(db.orm.em.fork(), file);
    console.log(`Imported ${file} into ${db.kind}`);
  }
} catch (err) {
  console.error(err instanceof Error ? err.message : err);
  process.exitCode = 1;
} finally {
  await db.close();
}
