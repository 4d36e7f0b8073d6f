import 'reflect-metadata';
import type { TestProject } from 'vitest/node';
import { loadDemoData } from '../db/demo.js';
import { migrate, openPostgres } from '../db/orm.js';
import { adminQuery, adminUrl, urlFor } from './pg.js';

declare module 'vitest' {
  export interface ProvidedContext {
    /** Names of the migrated PostgreSQL template databases, or null when PostgreSQL is skipped. */
    pgTemplates: { empty: string; demo: string } | null;
  }
}

const run = `pufa_t${process.pid}`;

/**
 * Builds two migrated PostgreSQL templates once (empty, and with demo data); each test file then
 * gets its own database with CREATE DATABASE … TEMPLATE, so hand-computed figures hold.
 */
export default async function setup(project: TestProject) {
  try {
    await adminQuery('select 1');
  } catch (err) {
    const why = `PostgreSQL is not reachable at ${adminUrl().replace(/\/\/[^@]*@/, '//')} (${(err as Error).message})`;
    if (process.env.CI === 'true') throw new Error(`${why}; CI must test PostgreSQL, so this run fails.`);
    console.warn(`\n⚠ ${why}: PostgreSQL tests are SKIPPED; only the embedded database is tested. Set TEST_DATABASE_URL to test PostgreSQL.\n`);
    project.provide('pgTemplates', null);
    return;
  }
  const templates = { empty: `${run}_empty`, demo: `${run}_demo` };
  for (const [kind, name] of Object.entries(templates)) {
    await adminQuery(`drop database if exists ${name}`);
    await adminQuery(`create database ${name}`);
    const db = await openPostgres(urlFor(name));
    try {
      await migrate(db);
      if (kind === 'demo') await loadDemoData(db.orm.em.fork());
    } finally {
      await db.close();
    }
  }
  project.provide('pgTemplates', templates);
  return async () => {
    for (const name of Object.values(templates)) await adminQuery(`drop database if exists ${name} with (force)`);
  };
}
