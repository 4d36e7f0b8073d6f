import 'reflect-metadata';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { inject } from 'vitest';
import { isDemoInstallation, loadDemoData } from '../db/demo.js';
import { migrate, openPglite, openPostgres, type Database, type DatabaseKind } from '../db/orm.js';
import { statementCounter } from '../db/statements.js';
import { startServer, type ServerLimits } from '../http/server.js';
import { adminQuery, urlFor } from './pg.js';
import { createUser } from '../modules/auth/auth.service.js';
import { Role } from '../modules/auth/role.js';

export const TEST_PASSWORD = 'test-password-123';

export interface GqlResponse<T = any> {
  data?: T;
  errors?: { message: string; path?: string[]; extensions?: Record<string, any> }[];
  extensions?: Record<string, any>;
}

export interface TestHub {
  kind: DatabaseKind;
  url: string;
  db: Database;
  /** POSTs a query to /graphql as the test admin and returns the parsed body. */
  gql<T = any>(query: string, variables?: Record<string, unknown>): Promise<GqlResponse<T>>;
  /** The same as another viewer: a bearer token, or null for the public. */
  gqlAs<T = any>(token: string | null, query: string, variables?: Record<string, unknown>): Promise<GqlResponse<T>>;
  /** Creates an account with the role (and what it reports for) and returns a bearer token for it. */
  login(role: Role, scope?: { agencyId?: number; outletId?: number; districtId?: number }): Promise<string>;
  /** Raw SQL straight to the database, for fixtures and for checking figures independently. */
  sql<T = any>(query: string): Promise<T[]>;
  close(): Promise<void>;
}

/** The databases to test on: the embedded default always, PostgreSQL when the global setup found it. */
export function backends(): DatabaseKind[] {
  return inject('pgTemplates') ? ['pglite', 'postgresql'] : ['pglite'];
}

let counter = 0;

/**
 * Starts a hub on a database of its own (a fresh PGlite folder, or a PostgreSQL database copied
 * from a migrated template) and an HTTP server on a free port.
 */
export async function startTestHub(kind: DatabaseKind, opts: { demo?: boolean; production?: boolean; limits?: ServerLimits; dashboardDir?: string } = {}): Promise<TestHub> {
  let db: Database;
  let cleanup: () => Promise<void>;
  if (kind === 'pglite') {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'pufa-test-'));
    db = await openPglite(dir);
    await migrate(db);
    if (opts.demo) await loadDemoData(db.orm.em.fork());
    cleanup = async () => fs.rmSync(dir, { recursive: true, force: true });
  } else {
    const templates = inject('pgTemplates');
    if (!templates) throw new Error('PostgreSQL is not available for tests');
    const name = `pufa_f${process.pid}_${Date.now().toString(36)}_${counter++}`;
    await adminQuery(`create database ${name} template ${opts.demo ? templates.demo : templates.empty}`);
    db = await openPostgres(urlFor(name));
    await migrate(db);
    cleanup = async () => {
      await adminQuery(`drop database if exists ${name} with (force)`);
    };
  }
  const hub = { demoData: await isDemoInstallation(db.orm.em.fork()), database: kind, version: 'test' };
  const server = await startServer({ db, hub, host: '127.0.0.1', port: 0, production: opts.production ?? false, dashboardDir: opts.dashboardDir ?? null, limits: opts.limits ?? { perMinute: 100_000, signInPerMinute: 10_000 } });
  // The embedded database runs on this thread: a test that loads data for seconds keeps the server
  // from answering meanwhile, and Node's 5 s keep-alive timeout then closes the client's idle socket
  // just as the client reuses it (ECONNRESET, "fetch failed"). Idle sockets live as long as the test.
  server.server.keepAliveTimeout = 600_000;
  const gqlAs = async (token: string | null, query: string, variables?: Record<string, unknown>) => {
    const headers: Record<string, string> = { 'content-type': 'application/json' };
    if (token) headers.authorization = `Bearer ${token}`;
    const res = await fetch(`${server.url}/graphql`, { method: 'POST', headers, body: JSON.stringify({ query, variables }) });
    return (await res.json()) as GqlResponse;
  };
  let users = 0;
  const login = async (role: Role, scope: { agencyId?: number; outletId?: number; districtId?: number } = {}) => {
    const username = `t-${role.toLowerCase()}-${users++}`;
    await createUser(db.orm.em.fork(), { username, displayName: username, role, password: TEST_PASSWORD, ...scope });
    const res = await gqlAs(null, `mutation($u: String!, $p: String!) { signIn(username: $u, password: $p) { token } }`, { u: username, p: TEST_PASSWORD });
    if (!res.data?.signIn) throw new Error(`sign-in failed: ${JSON.stringify(res.errors)}`);
    return res.data.signIn.token as string;
  };
  const adminToken = await login(Role.ADMIN);
  return {
    kind,
    url: server.url,
    db,
    gql: (query, variables) => gqlAs(adminToken, query, variables),
    gqlAs,
    login,
    sql: (query) => db.orm.em.getConnection().execute(query),
    async close() {
      await server.stop();
      await db.close();
      await cleanup();
    },
  };
}

/** Counts the SQL statements reaching the database driver while `fn` runs. */
export async function countStatements<T>(fn: () => Promise<T>): Promise<{ result: T; count: number; log: string[] }> {
  statementCounter.count = 0;
  statementCounter.log = [];
  statementCounter.calls = [];
  statementCounter.keepLog = true;
  try {
    const result = await fn();
    return { result, count: statementCounter.count, log: [...statementCounter.log] };
  } finally {
    statementCounter.keepLog = false;
  }
}
