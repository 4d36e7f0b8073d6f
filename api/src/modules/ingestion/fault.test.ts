import { spawn, type ChildProcess } from 'node:child_process';
import net from 'node:net';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { inject } from 'vitest';
import pg from 'pg';
import { adminQuery, urlFor } from '../../test/pg.js';
import { TEST_PASSWORD } from '../../test/hub.js';
import { ANALYTICS_FIXTURE } from '../analytics/analytics.fixture.js';
import { hashPassword } from '../auth/auth.service.js';

const MAIN = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../../dist/main.js');

const freePort = () =>
  new Promise<number>((resolve) => {
    const s = net.createServer().listen(0, '127.0.0.1', () => {
      const port = (s.address() as net.AddressInfo).port;
      s.close(() => resolve(port));
    });
  });

/** Starts the built hub (api/dist) as its own process on a PostgreSQL database. */
async function startHubProcess(url: string): Promise<{ proc: ChildProcess; base: string }> {
  const port = await freePort();
  const proc = spawn(process.execPath, [MAIN], { env: { ...process.env, DATABASE_URL: url, PORT: String(port), PUFA_DEMO: '0', NODE_ENV: 'production' }, stdio: ['ignore', 'pipe', 'pipe'] });
  await new Promise<void>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error('hub did not start in 60 s')), 60_000);
    proc.stdout!.on('data', (chunk: Buffer) => {
      if (chunk.toString().includes('is running')) {
        clearTimeout(timer);
        resolve();
      }
    });
    proc.once('exit', (code) => reject(new Error(`hub exited with ${code}`)));
  });
  return { proc, base: `http://127.0.0.1:${port}` };
}

// The embedded database has one connection in one process: a crash is tested on PostgreSQL.
describe.runIf(inject('pgTemplates'))('a server killed in the middle of a batch (PostgreSQL)', () => {
  const name = `pufa_fault_${process.pid}`;
  let db: pg.Client;
  let running: ChildProcess | undefined;
  beforeAll(async () => {
    await adminQuery(`create database ${name} template ${inject('pgTemplates')!.empty}`);
    db = new pg.Client({ connectionString: urlFor(name) });
    await db.connect();
    for (const stmt of ANALYTICS_FIXTURE.split(';').map((s) => s.trim()).filter(Boolean)) await db.query(stmt);
    await db.query(`insert into app_user (username, display_name, password_hash, role) values ('fault-admin', 'x', $1, 'ADMIN')`, [await hashPassword(TEST_PASSWORD)]);
  });
  afterAll(async () => {
    running?.kill('SIGKILL');
    await db?.end();
    await adminQuery(`drop database if exists ${name} with (force)`);
  });

  it('leaves all of the batch or none of it, and the retry with the same key completes it', async () => {
    const rows = Array.from({ length: 5000 }, (_, i) => ({
      title: `断电测试 ${i}`, date: `2019-${String(1 + (i % 12)).padStart(2, '0')}-${String(1 + (i % 28)).padStart(2, '0')}`,
      regionId: 'Region:4', organiserId: 'Agency:2', form: 'LECTURE', audiences: ['GENERAL_PUBLIC'], lawIds: ['Law:1', 'Law:2'], participants: 10,
    }));
    const body = JSON.stringify({
      query: 'mutation($k: String!, $rows: [ActivityRowInput!]!) { reportActivities(idempotencyKey: $k, rows: $rows) { inserted replayed } }',
      variables: { k: 'fault-batch-1', rows },
    });
    const signIn = async (base: string) => {
      const res = await fetch(`${base}/graphql`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ query: `mutation { signIn(username: "fault-admin", password: "${TEST_PASSWORD}") { token } }` }) });
      return ((await res.json()) as { data: { signIn: { token: string } } }).data.signIn.token;
    };
    const count = async () => (await db.query(`select count(*)::int as n from activity where title like '断电测试%'`)).rows[0].n as number;

    let hub = await startHubProcess(urlFor(name));
    running = hub.proc;
    let token = await signIn(hub.base);
    // Kill the server once the batch's transaction is under way (its key claimed, rows being written).
    const inFlight = fetch(`${hub.base}/graphql`, { method: 'POST', headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` }, body }).catch(() => null);
    for (let i = 0; i < 400; i++) {
      const active = await db.query(`select count(*)::int as n from pg_stat_activity where datname = $1 and state <> 'idle' and query ilike '%activity%' and pid <> pg_backend_pid()`, [name]);
      if (active.rows[0].n > 0) break;
      await new Promise((r) => setTimeout(r, 5));
    }
    hub.proc.kill('SIGKILL');
    await inFlight;
    await new Promise((r) => hub.proc.once('exit', r));
    // PostgreSQL rolls the open transaction back once the connection drops.
    await new Promise((r) => setTimeout(r, 500));
    const afterCrash = await count();
    console.log(`rows of the batch after the kill: ${afterCrash} (0: killed mid-transaction; 5000: it had committed)`);
    expect([0, 5000]).toContain(afterCrash);

    hub = await startHubProcess(urlFor(name));
    running = hub.proc;
    token = await signIn(hub.base);
    const retry = await fetch(`${hub.base}/graphql`, { method: 'POST', headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` }, body });
    const result = ((await retry.json()) as { data: { reportActivities: { inserted: number; replayed: boolean } } }).data.reportActivities;
    expect(result).toEqual(afterCrash === 0 ? { inserted: 5000, replayed: false } : { inserted: 5000, replayed: true });
    expect(await count()).toBe(5000);
    const links = await db.query(`select count(*)::int as n from activity_laws l join activity a on a.id = l.activity_id where a.title like '断电测试%'`);
    expect(links.rows[0].n).toBe(10000);
    hub.proc.kill('SIGTERM');
  });
});
