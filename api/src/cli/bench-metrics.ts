/**
 * The metrics part of `npm run bench` (issue 4): every metric and analytics query the dashboard
 * asks, timed through HTTP (p50, p95), against two baselines measured in the same run — the SQL the
 * hub issues for it replayed straight through `pg`, run by turns with the GraphQL request (the hub's
 * own overhead) — and the same question
 * answered from the raw facts (what the rollups must beat) — with the SQL statements per query;
 * then write-to-visible (a committed activity until the metric shows it) and the embedded database
 * at demo scale.
 */
import fs from 'node:fs';
import http from 'node:http';
import os from 'node:os';
import path from 'node:path';
import type pg from 'pg';
import type { Database } from '../db/orm.js';
import { statementCounter } from '../db/statements.js';
import { runAnalytics, type AnalyticsQuery } from '../modules/analytics/analytics.service.js';
import { Compare, Dimension as D, Measure as M } from '../modules/analytics/analytics.types.js';

export interface Timing {
  median: number;
  p95: number;
}

export async function time(runs: number, fn: () => Promise<unknown>): Promise<Timing> {
  return (await timeEach(runs, [fn]))[0]!;
}

/**
 * Times each function `runs` times, taking turns (a, b, a, b …) after one warm-up each, so that
 * what is compared ran under the same conditions (a busy moment of the machine hits both).
 */
export async function timeEach(runs: number, fns: (() => Promise<unknown>)[]): Promise<Timing[]> {
  for (const fn of fns) await fn(); // warm-up
  const samples = fns.map(() => [] as number[]);
  for (let i = 0; i < runs; i++) {
    for (const [j, fn] of fns.entries()) {
      const start = process.hrtime.bigint();
      await fn();
      samples[j]!.push(Number(process.hrtime.bigint() - start) / 1e6);
    }
  }
  return samples.map((s) => {
    s.sort((a, b) => a - b);
    return { median: s[Math.floor(s.length / 2)]!, p95: s[Math.min(s.length - 1, Math.ceil(s.length * 0.95) - 1)]! };
  });
}

const ANALYTICS = `query($m: [Measure!]!, $g: [Dimension!], $f: AnalyticsFilter, $o: Measure, $l: Int, $c: Compare) {
  analytics(measures: $m, groupBy: $g, filter: $f, orderBy: $o, limit: $l, compare: $c) { rows { keys { value label } values { value previous change } } totals { value previous change } }
}`;
const YEAR = { from: '2024-01-01', to: '2024-12-31' };

interface Case {
  name: string;
  query: string;
  variables?: Record<string, unknown>;
  /** The same question for the raw-facts baseline: an analytics query run with rollups off, or hand-written SQL. */
  raw?: AnalyticsQuery | string;
}

const analyticsCase = (name: string, q: AnalyticsQuery): Case => ({
  name,
  query: ANALYTICS,
  variables: { m: q.measures, g: q.groupBy, f: q.filter, o: q.orderBy, l: q.limit, c: q.compare },
  raw: q,
});

export const METRIC_CASES: Case[] = [
  analyticsCase('overview key figures 2024 with change vs 2023 (9 measures, 4 facts)', {
    measures: [M.ACTIVITY_COUNT, M.PARTICIPANTS, M.MATERIALS_DISTRIBUTED, M.CONSULTATIONS, M.BROADCAST_COUNT, M.BROADCAST_MINUTES, M.TRAINING_ATTENDANCE_RATE, M.AWARENESS_RATE, M.SATISFACTION_MEAN],
    filter: YEAR, compare: Compare.SAME_PERIOD_LAST_YEAR,
  }),
  analyticsCase('monthly trend 2024', { measures: [M.ACTIVITY_COUNT, M.PARTICIPANTS], groupBy: [D.MONTH], filter: YEAR }),
  analyticsCase('agency ranking 2024 (top 10)', { measures: [M.ACTIVITY_COUNT], groupBy: [D.AGENCY], filter: YEAR, orderBy: M.ACTIVITY_COUNT, limit: 10 }),
  analyticsCase('district breakdown 2024', { measures: [M.ACTIVITY_COUNT, M.PARTICIPANTS], groupBy: [D.DISTRICT], filter: YEAR }),
  analyticsCase('activities by agency × month 2024', { measures: [M.ACTIVITY_COUNT, M.PARTICIPANTS], groupBy: [D.AGENCY, D.MONTH], filter: YEAR }),
  analyticsCase('city totals 2016–2025, ragged edges (15 Mar 2016 – 10 Jun 2025)', {
    measures: [M.ACTIVITY_COUNT, M.MATERIALS_DISTRIBUTED, M.CONSULTATIONS], filter: { from: '2016-03-15', to: '2025-06-10' },
  }),
  analyticsCase('media by outlet × month 2024', { measures: [M.BROADCAST_COUNT, M.BROADCAST_MINUTES, M.PRIME_TIME_SHARE, M.PUBLIC_SERVICE_ADS], groupBy: [D.OUTLET, D.MONTH], filter: YEAR }),
  analyticsCase('training by agency × session kind', { measures: [M.TRAINING_ATTENDANCE_RATE, M.TRAINING_HOURS, M.TRAINING_PASS_RATE, M.LEADING_CADRE_ATTENDANCE_RATE], groupBy: [D.AGENCY, D.SESSION_KIND] }),
  analyticsCase('awareness by law × district (all answers)', { measures: [M.AWARENESS_RATE], groupBy: [D.LAW, D.DISTRICT] }),
  {
    name: 'surveyResults: awareness by law with intervals and tiers',
    query: `{ surveyResults(measure: AWARENESS, by: LAW) { rows { estimate n interval { low high } tier } } }`,
    raw: `select q.law_id, count(a.aware), count(*) filter (where a.aware) from survey_answer a join survey_question q on q.id = a.question_id
          where q.kind = 'AWARENESS' and a.aware is not null group by 1`,
  },
  {
    name: 'surveyResults: satisfaction by agency',
    query: `{ surveyResults(measure: SATISFACTION, by: AGENCY) { rows { estimate n interval { low high } tier } } }`,
    raw: `select q.agency_id, count(a.satisfaction), sum(a.satisfaction), sum(a.satisfaction * a.satisfaction) from survey_answer a join survey_question q on q.id = a.question_id
          where q.kind = 'SATISFACTION' and a.satisfaction is not null group by 1`,
  },
  { name: 'coverage 2024 (every agency, item by item)', query: `{ coverage(filter: { years: [2024] }) { totals { completionCapped } agencies { agencyId completionCapped items { delivered } } } }` },
  { name: 'overlap gaps 2024', query: `{ overlapGaps(filter: { years: [2024] }) { domain { id } activityCount flags { kind } } }` },
  { name: 'scorecard 2024 (default rubric, live)', query: `{ scorecard(year: 2024, rubricVersion: "2021版", live: true) { rows { total rank grade } } }` },
];

type Gql = (query: string, variables?: Record<string, unknown>) => Promise<unknown>;

/** Runs `fn` while recording the statements reaching the driver, with their parameters. */
async function capture(fn: () => Promise<unknown>): Promise<{ text: string; values?: unknown[] }[]> {
  statementCounter.calls = [];
  statementCounter.log = [];
  statementCounter.keepLog = true;
  try {
    await fn();
    return [...statementCounter.calls];
  } finally {
    statementCounter.keepLog = false;
  }
}

const replay = (direct: pg.Client, calls: { text: string; values?: unknown[] }[]) => async () => {
  for (const c of calls) await direct.query(c.text, c.values as unknown[] | undefined);
};

const fmt = (n: number) => n.toFixed(1);

export async function benchMetrics(opts: { gql: Gql; db: Database; direct: pg.Client; runs: number }): Promise<void> {
  const { gql, db, direct, runs } = opts;
  // The machine may be shared: the load average before and after says how far to trust the figures.
  const load = () => os.loadavg().map((x) => x.toFixed(1)).join(' / ');
  console.log(`\nMetric and analytics queries, ${runs} runs each, milliseconds (load average 1/5/15 min at start: ${load()})`);
  console.log('| query | GraphQL p50 | GraphQL p95 | hub SQL via pg p50 | hub overhead p50 | raw facts p50 (baseline) | raw ÷ GraphQL | statements |');
  console.log('|---|---:|---:|---:|---:|---:|---:|---:|');
  for (const c of METRIC_CASES) {
    const calls = await capture(() => gql(c.query, c.variables));
    const [g, own] = await timeEach(runs, [() => gql(c.query, c.variables), replay(direct, calls)]);
    let raw: Timing | undefined;
    if (typeof c.raw === 'string') raw = await time(runs, () => direct.query(c.raw as string));
    else if (c.raw) {
      const q = c.raw;
      const rawCalls = await capture(() => runAnalytics(db.orm.em.fork(), q, undefined, { rollups: false }));
      raw = await time(runs, replay(direct, rawCalls));
    }
    console.log(
      `| ${c.name} | ${fmt(g.median)} | ${fmt(g.p95)} | ${fmt(own.median)} | ${fmt(g.median - own.median)} | ${raw ? fmt(raw.median) : 'reads the facts'} | ${raw ? `${(raw.median / g.median).toFixed(1)}×` : '—'} | ${calls.length} |`,
    );
  }
  console.log(`load average at the end: ${load()}`);
  const sizes = await direct.query(`select relname, n_live_tup from pg_stat_user_tables where relname like 'rollup\\_%' and relname not like '%\\_delta' order by relname`);
  console.log(`rollup rows (estimates): ${sizes.rows.map((r: { relname: string; n_live_tup: string }) => `${r.relname} ${Number(r.n_live_tup).toLocaleString('en')}`).join(', ')}`);
}

/** From the commit of a one-row activity batch until the analytics total shows it. */
export async function benchWriteToVisible(opts: { gql: Gql; agencyId: number; regionId: number; runs: number }): Promise<void> {
  const { gql, agencyId, regionId, runs } = opts;
  const total = async () => {
    const r = (await gql(ANALYTICS, { m: [M.ACTIVITY_COUNT], f: { from: '2025-12-01', to: '2025-12-31', agencyIds: [`Agency:${agencyId}`] } })) as {
      analytics: { totals: { value: number }[] };
    };
    return r.analytics.totals[0]!.value;
  };
  const write: number[] = [];
  const visible: number[] = [];
  let polls = 0;
  for (let i = 0; i < runs; i++) {
    const before = await total();
    const t0 = process.hrtime.bigint();
    await gql(`mutation($rows: [ActivityRowInput!]!) { reportActivities(idempotencyKey: "visible-${Date.now()}-${i}", rows: $rows) { inserted } }`, {
      rows: [{ title: `可见性测试 ${Date.now()}-${i}`, date: '2025-12-15', regionId: `Region:${regionId}`, organiserId: `Agency:${agencyId}`, form: 'LECTURE', venueType: 'COMMUNITY', audiences: ['GENERAL_PUBLIC'], participants: 1 }],
    });
    const t1 = process.hrtime.bigint();
    for (;;) {
      polls++;
      if ((await total()) === before + 1) break;
      if (Number(process.hrtime.bigint() - t1) / 1e9 > 5) throw new Error('the write did not become visible within 5 s');
    }
    const t2 = process.hrtime.bigint();
    write.push(Number(t1 - t0) / 1e6);
    visible.push(Number(t2 - t1) / 1e6);
  }
  const med = (a: number[]) => [...a].sort((x, y) => x - y)[Math.floor(a.length / 2)]!;
  console.log(`\nWrite-to-visible (${runs} runs): the one-row batch commits in ${fmt(med(write))} ms (median); the metric shows it ${fmt(med(visible))} ms later (median, ${polls} queries for ${runs} writes: each write was visible to the first query after its commit).`);
}

/** The same queries on the embedded database (PGlite) at demo scale, through HTTP. */
export async function benchEmbedded(runs: number): Promise<void> {
  const { openPglite, migrate } = await import('../db/orm.js');
  const { loadDemoData } = await import('../db/demo.js');
  const { startServer } = await import('../http/server.js');
  const { createUser } = await import('../modules/auth/auth.service.js');
  const { Role } = await import('../modules/auth/role.js');
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'pufa-bench-embedded-'));
  const db = await openPglite(dir);
  try {
    await migrate(db);
    await loadDemoData(db.orm.em.fork());
    await createUser(db.orm.em.fork(), { username: 'bench-admin', displayName: 'bench', role: Role.ADMIN, password: 'bench-password-1' });
    const hub = await startServer({ db, hub: { demoData: true, database: 'pglite', version: 'bench' }, host: '127.0.0.1', port: 0, production: true, dashboardDir: null, limits: { perMinute: 1_000_000, signInPerMinute: 100 } });
    try {
      const gql = await signedInGql(hub.url);
      console.log(`\nEmbedded database (PGlite) at demo scale, ${runs} runs each, milliseconds`);
      console.log('| query | GraphQL p50 | GraphQL p95 |');
      console.log('|---|---:|---:|');
      for (const c of METRIC_CASES) {
        const g = await time(runs, () => gql(c.query, c.variables));
        console.log(`| ${c.name} | ${fmt(g.median)} | ${fmt(g.p95)} |`);
      }
    } finally {
      await hub.stop();
    }
  } finally {
    await db.close();
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

/**
 * Signs the bench admin in and returns a GraphQL caller that throws on any error. It posts through
 * node:http on one kept-alive socket, as a browser reuses its connection: `fetch` (undici) costs the
 * client 0.5–2 ms more per request, which would be counted as the hub's overhead.
 */
export async function signedInGql(url: string): Promise<Gql> {
  const agent = new http.Agent({ keepAlive: true, maxSockets: 1 });
  const post = (body: string, token?: string) =>
    new Promise<{ data?: unknown; errors?: unknown[] }>((resolve, reject) => {
      const headers: http.OutgoingHttpHeaders = { 'content-type': 'application/json', 'content-length': Buffer.byteLength(body) };
      if (token) headers.authorization = `Bearer ${token}`;
      const req = http.request(`${url}/graphql`, { method: 'POST', agent, headers }, (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () => {
          try {
            resolve(JSON.parse(Buffer.concat(chunks).toString('utf8')));
          } catch (err) {
            reject(err);
          }
        });
        res.on('error', reject);
      });
      req.on('error', reject);
      req.end(body);
    });
  const signIn = (await post(JSON.stringify({ query: 'mutation { signIn(username: "bench-admin", password: "bench-password-1") { token } }' }))) as {
    data: { signIn: { token: string } };
  };
  const token = signIn.data.signIn.token;
  return async (query, variables) => {
    const body = await post(JSON.stringify({ query, variables }), token);
    if (body.errors) throw new Error(JSON.stringify(body.errors).slice(0, 500));
    return body.data;
  };
}
