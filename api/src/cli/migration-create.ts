/**
 * Developer tool: writes a migration for the difference between the entities and the schema the
 * committed migrations produce. Runs on a throwaway in-memory PGlite database.
 *   npm run build -w @pufa/api && node api/dist/cli/migration-create.js
 */
import 'reflect-metadata';
import { MikroORM, type Options } from '@mikro-orm/core';
import { Migrator } from '@mikro-orm/migrations';
import { PGliteDriver } from 'mikro-orm-pglite';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { entities } from '../db/entities.js';
import { migrationsList } from '../db/migrations/index.js';

const here = path.dirname(fileURLToPath(import.meta.url));
const orm = await MikroORM.init({
  entities,
  driver: PGliteDriver,
  dbName: 'postgres',
  extensions: [Migrator],
  migrations: { migrationsList, path: path.resolve(here, '../../src/db/migrations'), emit: 'ts', snapshot: false },
} as unknown as Options);
await orm.getMigrator().up();
const result = await orm.getMigrator().createMigration(undefined, false, migrationsList.length === 0);
console.log(result.fileName ? `wrote ${result.fileName}; add it to src/db/migrations/index.ts` : 'schema is up to date: no migration needed');
await orm.close();
