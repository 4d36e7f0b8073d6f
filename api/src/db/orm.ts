import { DataloaderType, MikroORM, type Options } from '@mikro-orm/core';
import { Migrator } from '@mikro-orm/migrations';
import { PostgreSqlDriver } from '@mikro-orm/postgresql';
import { PGlite } from '@electric-sql/pglite';
import path from 'node:path';
import { PGliteDriver, type PGliteConnectionConfig } from 'mikro-orm-pglite';
import { entities } from './entities.js';
import { lockDataDir } from './lock.js';
import { migrationsList } from './migrations/index.js';
import { countPgliteStatements, countPgStatements } from './statements.js';

const DATE_OID = 1082;

export type DatabaseKind = 'pglite' | 'postgresql';

export interface Database {
  orm: MikroORM;
  kind: DatabaseKind;
  close(): Promise<void>;
}

const common: Partial<Options> = {
  entities,
  dataloader: DataloaderType.ALL,
  extensions: [Migrator],
  migrations: { migrationsList, transactional: true, allOrNothing: true, snapshot: false, silent: true },
  debug: process.env.PUFA_DEBUG_SQL === '1',
  // Entities are validated by their decorators at startup; discovery must not need TS sources at runtime.
  discovery: { warnWhenNoEntities: true },
  // Rollup tables are kept by triggers, not entities (see the rollup migration).
  schemaGenerator: { skipTables: [/^rollup_/] },
};

/** Opens the embedded PGlite database in `dataDir` (file-backed, locked against a second process). */
export async function openPglite(dataDir: string): Promise<Database> {
  const release = lockDataDir(dataDir);
  let pglite: PGlite | undefined;
  try {
    // The data folder holds the lock file beside PGlite's own folder (PGlite wants an empty folder to itself).
    // Dates stay "YYYY-MM-DD" strings, as MikroORM gives them on PostgreSQL (PGlite would make UTC Date objects).
    pglite = countPgliteStatements(await PGlite.create(path.join(dataDir, 'pgdata'), { parsers: { [DATE_OID]: (v: string) => v } }));
    const db = pglite;
    const orm = await MikroORM.init({
      ...common,
      driver: PGliteDriver,
      dbName: 'postgres',
      driverOptions: { connection: { pglite: () => db } satisfies PGliteConnectionConfig },
    } as Options);
    return {
      orm,
      kind: 'pglite',
      async close() {
        await orm.close();
        await db.close();
        release();
      },
    };
  } catch (err) {
    await pglite?.close().catch(() => undefined);
    release();
    throw err;
  }
}

export async function openPostgres(url: string): Promise<Database> {
  countPgStatements();
  // JIT compilation costs tens of milliseconds per statement and only pays off on long analytical
  // scans; the hub's statements read rollups and are short (a 28 ms query took 260 ms with JIT).
  const orm = await MikroORM.init({
    ...common, driver: PostgreSqlDriver, clientUrl: url, pool: { min: 2, max: 10 }, driverOptions: { connection: { options: '-c jit=off' } },
  } as Options);
  return { orm, kind: 'postgresql', close: () => orm.close() };
}

export function openDatabase(cfg: { databaseUrl: string | null; dataDir: string }): Promise<Database> {
  return cfg.databaseUrl ? openPostgres(cfg.databaseUrl) : openPglite(cfg.dataDir);
}

/** Applies pending migrations; never drops anything. */
export async function migrate(db: Database): Promise<string[]> {
  const done = await db.orm.getMigrator().up();
  return done.map((m) => m.name);
}
