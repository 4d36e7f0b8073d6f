/**
 * `npm run bench`: loads the demo city plus synthetic facts into a PostgreSQL database of its own,
 * starts the hub on it, and times GraphQL queries against the same SQL sent straight to the
 * database (the baseline, measured in the same run). Prints a table; docs/benchmarks.md keeps the
 * figures.
 *   npm run bench -- --activities 2000000 --slots 1000000 --attendance 2000000 --survey-answers 10000000
 * BENCH_DATABASE_URL (default TEST_DATABASE_URL, else the local server) names the server.
 */
import 'reflect-metadata';
import { parseArgs } from 'node:util';
import pg from 'pg';
import { loadDemoData } from '../db/demo.js';
import { migrate, openPostgres } from '../db/orm.js';
import { loadScale } from '../db/scale.js';
import { startServer } from '../http/server.js';
import { createUser } from '../modules/auth/auth.service.js';
import { Role } from '../modules/auth/role.js';

const { values } = parseArgs({
  options: {
    activities: { type: 'string', default: '200000' },
    slots: { type: 'string', default: '100000' },
    attendance: { type: 'string', default: '200000' },
    'survey-answers': { type: 'string', default: '1000000' },
    runs: { type: 'string', default: '15' },
    keep: { type: 'boolean', default: false },
  },
});
const sizes = {
  activities: Number(values.activities),
  slots: Number(values.slots),
  attendance: Number(values.attendance),
  surveyAnswers: Number(values['survey-answers']),
};
const runs = Number(values.runs);
const server = process.env.BENCH_DATABASE_URL || process.env.TEST_DATABASE_URL || 'postgres://postgres@127.0.0.1:5432/postgres';
const dbName = 'pufa_bench';
const admin = new pg.Client({ connectionString: server });
await admin.connect();
await admin.query(`drop database if exists ${dbName} with (force)`);
await admin.query(`create database ${dbName}`);
const url = new URL(server);
url.pathname = `/${dbName}`;

const db = await openPostgres(url.toString());
await migrate(db);
let t = Date.now();
await loadDemoData(db.orm.em.fork());
console.log(`demo city loaded in ${Date.now() - t} ms`);
t = Date.now();
await loadScale(db.orm.em.fork(), sizes, (m) => process.stdout.write(`\r  ${m}        `));
console.log(`\nscale data (${JSON.stringify(sizes)}) loaded in ${((Date.now() - t) / 1000).toFixed(1)} s`);

const hub = await startServer({ db, hub: { demoData: true, database: 'postgresql', version: 'bench' }, host: '127.0.0.1', port: 0, production: true, dashboardDir: null, limits: { perMinute: 1_000_000, signInPerMinute: 100 } });
const direct = new pg.Client({ connectionString: url.toString() });
await direct.connect();

// The bench reads as an admin: unit-level figures need an account that may read them.
await createUser(db.orm.em.fork(), { username: 'bench-admin', displayName: 'bench', role: Role.ADMIN, password: 'bench-password-1' });
const signIn = await (await fetch(`${hub.url}/graphql`, {
  method: 'POST', headers: { 'content-type': 'application/json' },
  body: JSON.stringify({ query: 'mutation { signIn(username: "bench-admin", password: "bench-password-1") { token } }' }),
})).json() as { data: { signIn: { token: string } } };
const token = signIn.data.signIn.token;

async function time(fn: () => Promise<unknown>): Promise<{ median: number; p95: number }> {
  await fn(); // warm-up
  const samples: number[] = [];
  for (let i = 0; i < runs; i++) {
    const start = process.hrtime.bigint();
    await fn();
    samples.push(Number(process.hrtime.bigint() - start) / 1e6);
  }
  samples.sort((a, b) => a - b);
  return { median: samples[Math.floor(samples.length / 2)]!, p95: samples[Math.min(samples.length - 1, Math.ceil(samples.length * 0.95) - 1)]! };
}

async function gql(query: string) {
  const res = await fetch(`${hub.url}/graphql`, { method: 'POST', headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` }, body: JSON.stringify({ query }) });
  const body = (await res.json()) as { errors?: unknown[] };
  if (body.errors) throw new Error(JSON.stringify(body.errors));
}

const cases: { name: string; graphql: string; sql: string }[] = [
  {
    name: 'city totals 2016–2025 (3 activity measures)',
    graphql: `{ analytics(measures: [ACTIVITY_COUNT, MATERIALS_DISTRIBUTED, CONSULTATIONS], filter: { from: "2016-01-01", to: "2025-12-31" }) { totals { value } } }`,
    sql: `select count(*), sum(materials), sum(consultations) from activity where date between '2016-01-01' and '2025-12-31'`,
  },
  {
    name: 'activities by agency × month, one year',
    graphql: `{ analytics(measures: [ACTIVITY_COUNT, PARTICIPANTS], groupBy: [AGENCY, MONTH], filter: { from: "2024-01-01", to: "2024-12-31" }) { rows { values { value } } } }`,
    sql: `select x.id, to_char(a.date, 'YYYY-MM'), count(distinct a.id), sum(a.participants) from activity a
          cross join lateral (select a.organiser_id as id union select c.agency_id from activity_co_organisers c where c.activity_id = a.id) x
          where a.date between '2024-01-01' and '2024-12-31' group by 1, 2`,
  },
  {
    name: 'awareness by law and district (all answers)',
    graphql: `{ analytics(measures: [AWARENESS_RATE], groupBy: [LAW, DISTRICT]) { rows { values { value } } } }`,
    sql: `select q.law_id, r.district_id, (count(*) filter (where a.aware))::float8 / nullif(count(a.aware), 0)
          from survey_answer a join survey_response r on r.id = a.response_id join survey_question q on q.id = a.question_id group by 1, 2`,
  },
  {
    name: 'page of 50 activities with organiser, region, laws',
    graphql: `{ activities(first: 50) { edges { node { title organiser { name } region { name } laws { name } } } } }`,
    sql: `select a.title, o.name, r.name, (select array_agg(l.name) from activity_laws al join law l on l.id = al.law_id where al.activity_id = a.id)
          from activity a join agency o on o.id = a.organiser_id join region r on r.id = a.region_id order by a.date desc, a.id limit 50`,
  },
];

console.log(`\n${runs} runs each, milliseconds\n`);
console.log('| query | GraphQL median | GraphQL p95 | SQL median (baseline) | ratio |');
console.log('|---|---:|---:|---:|---:|');
for (const c of cases) {
  const g = await time(() => gql(c.graphql));
  const s = await time(() => direct.query(c.sql));
  console.log(`| ${c.name} | ${g.median.toFixed(1)} | ${g.p95.toFixed(1)} | ${s.median.toFixed(1)} | ${(g.median / s.median).toFixed(2)}× |`);
}

// Ingestion: 5,000-row batches through the GraphQL mutation, against the same rows sent as one
// multi-row INSERT straight to the database (baseline), and the cost of replaying a batch.
const [ref] = (await direct.query(`select (select id from agency where valid_to is null and kind = 'ENFORCEMENT' order by id limit 1) as agency,
  (select array_agg(id) from region where level = 'STREET') as regions`)).rows;
const batchRows = (b: number) => Array.from({ length: 5000 }, (_, i) => ({
  title: `压测活动 ${b}-${i}`, date: `2024-${String(1 + (i % 12)).padStart(2, '0')}-${String(1 + (i % 28)).padStart(2, '0')}`,
  regionId: `Region:${ref.regions[i % ref.regions.length]}`, organiserId: `Agency:${ref.agency}`, form: 'LECTURE', venueType: 'COMMUNITY',
  audiences: ['GENERAL_PUBLIC'], participants: i % 300, materials: i % 200, consultations: i % 20,
}));
const REPORT = 'mutation($k: String!, $rows: [ActivityRowInput!]!) { reportActivities(idempotencyKey: $k, rows: $rows) { inserted replayed } }';
const send = async (key: string, rows: unknown[]) => {
  const res = await fetch(`${hub.url}/graphql`, { method: 'POST', headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` }, body: JSON.stringify({ query: REPORT, variables: { k: key, rows } }) });
  const body = (await res.json()) as { errors?: unknown[]; data?: { reportActivities: { inserted: number; replayed: boolean } } };
  if (body.errors) throw new Error(JSON.stringify(body.errors).slice(0, 500));
  return body.data!.reportActivities;
};
const batches = 6;
let start = process.hrtime.bigint();
for (let b = 0; b < batches; b++) await send(`bench-batch-${b}`, batchRows(b));
const mutationSeconds = Number(process.hrtime.bigint() - start) / 1e9;
start = process.hrtime.bigint();
for (let b = 0; b < batches; b++) {
  const rows = batchRows(100 + b);
  const values = rows.map((r, i) => `('${r.title}', '${r.date}', ${r.regionId.split(':')[1]}, ${ref.agency}, 'LECTURE', 'COMMUNITY', array['GENERAL_PUBLIC'], ${i % 300}, ${i % 200}, ${i % 20})`);
  await direct.query(`insert into activity (title, date, region_id, organiser_id, form, venue_type, audiences, participants, materials, consultations) values ${values.join(', ')}`);
}
const rawSeconds = Number(process.hrtime.bigint() - start) / 1e9;
start = process.hrtime.bigint();
const replay = await send('bench-batch-0', batchRows(0));
const replayMs = Number(process.hrtime.bigint() - start) / 1e6;
if (!replay.replayed) throw new Error('replay was not recognised');
const rowsTotal = batches * 5000;
console.log('\n| ingestion | rows | seconds | rows/s | raw INSERT rows/s (baseline) | ratio |');
console.log('|---|---:|---:|---:|---:|---:|');
console.log(`| reportActivities, 5,000-row batches (validated, audited) | ${rowsTotal} | ${mutationSeconds.toFixed(2)} | ${Math.round(rowsTotal / mutationSeconds)} | ${Math.round(rowsTotal / rawSeconds)} | ${(rawSeconds / mutationSeconds).toFixed(2)}× |`);
console.log(`\nreplay of a 5,000-row batch (same key, nothing written): ${replayMs.toFixed(0)} ms`);

await direct.end();
await hub.stop();
await db.close();
if (!values.keep) await admin.query(`drop database if exists ${dbName} with (force)`);
await admin.end();
