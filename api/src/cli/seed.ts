/**
 * `npm run seed`: loads the demo city into the configured database (DATABASE_URL, or the embedded
 * one in PUFA_DATA_DIR) after applying migrations. Refuses a database that already holds records,
 * so demo rows never mix with real ones.
 */
import 'reflect-metadata';
import { loadConfig } from '../config.js';
import { isEmpty, loadDemoData } from '../db/demo.js';
import { migrate, openDatabase } from '../db/orm.js';

const config = loadConfig();
const db = await openDatabase(config);
try {
  await migrate(db);
  const em = db.orm.em.fork();
  if (!(await isEmpty(em))) {
    console.error('This database already holds records; demo data is only loaded into an empty database.');
    process.exitCode = 1;
  } else {
    const counts = await loadDemoData(em);
    console.log(`Loaded demo data into ${db.kind}:`, counts);
  }
} finally {
  await db.close();
}
