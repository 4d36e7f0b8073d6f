import 'reflect-metadata';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { loadConfig } from './config.js';
import { isDemoInstallation, isEmpty, loadDemoData } from './db/demo.js';
import { migrate, openDatabase } from './db/orm.js';
import { compactRollupsEvery } from './db/rollups.js';
import { startServer } from './http/server.js';
import { createDemoAccounts } from './modules/auth/demo-accounts.js';
import { loadDemoInspections } from './modules/inspections/demo.js';
import { eraseContactsEvery } from './modules/orders/contact-erasure.service.js';
import { loadDemoOrders } from './modules/orders/demo.js';
import { addOpenDemoQuiz } from './modules/portal/demo.js';

const here = path.dirname(fileURLToPath(import.meta.url));

async function main() {
  const config = loadConfig();
  const db = await openDatabase(config);
  const where = db.kind === 'pglite' ? `embedded database in ${config.dataDir}` : 'PostgreSQL';
  console.log(`Pufa Hub: ${where}`);
  const applied = await migrate(db);
  if (applied.length) console.log(`Applied migrations: ${applied.join(', ')}`);

  const em = db.orm.em.fork();
  // Demo data: on first start of the embedded database unless PUFA_DEMO=0; on PostgreSQL only with PUFA_DEMO=1.
  const wantDemo = config.demo === 'yes' || (config.demo === 'auto' && db.kind === 'pglite');
  if (wantDemo && (await isEmpty(em))) {
    const started = Date.now();
    const counts = await loadDemoData(em);
    console.log(`Loaded demo data (${Object.values(counts).reduce((a, b) => a + b, 0)} rows) in ${Date.now() - started} ms`);
    const accounts = await createDemoAccounts(em);
    console.log('\nDemo accounts for this installation (passwords shown this once / 演示账号，密码仅显示一次):');
    console.table(accounts);
    const inspectionsStarted = Date.now();
    const rectification = await loadDemoInspections(em);
    console.log(`Demo inspections: ${rectification.inspections}, rectification items: ${rectification.items} (${Date.now() - inspectionsStarted} ms)`);
    await loadDemoOrders(em);
    const quiz = await addOpenDemoQuiz(em);
    if (quiz.code) console.log(`Opened the demo quiz ${quiz.code} for the public feedback form`);
  }
  const hub = { demoData: await isDemoInstallation(em), database: db.kind, version: '0.1.0' };
  // Contacts of orders no longer needed are erased before the hub serves, then hourly (docs/portal.md).
  const stopErasure = await eraseContactsEvery(db, config.orderContactDays);

  const server = await startServer({
    db,
    hub,
    host: config.host,
    port: config.port,
    production: config.production,
    dashboardDir: config.dashboardDir ?? path.resolve(here, '../../dashboard/dist'),
    limits: config.limits,
    introspection: config.introspection,
  });
  const stopCompaction = compactRollupsEvery(db, config.compactMs);
  console.log(`Pufa Hub is running: dashboard ${server.url}/  GraphQL ${server.url}/graphql${hub.demoData ? '  (演示数据 / demo data)' : ''}`);

  const shutdown = async (signal: string) => {
    console.log(`${signal}: stopping`);
    await server.stop();
    await stopCompaction();
    await stopErasure();
    await db.close();
    process.exit(0);
  };
  process.once('SIGINT', () => void shutdown('SIGINT'));
  process.once('SIGTERM', () => void shutdown('SIGTERM'));
}

main().catch((err) => {
  console.error(err instanceof Error && err.name === 'DataDirLockedError' ? err.message : err);
  process.exit(1);
});
