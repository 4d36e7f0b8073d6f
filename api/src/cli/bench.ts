/**
 * `npm run bench`: loads the demo city plus synthetic facts into a PostgreSQL database of its own,
 * starts the hub on it, and times GraphQL queries against the same SQL sent straight to the
 * database (the baseline, measured in the same run). Prints a table; docs/benchmarks.md keeps the
 * figures.
 *   npm run bench -- --activities 2000000 --slots 1000000 --attendance 2000000 --survey-answers 10000000
 * `--only queries`, `--only metrics` (every metric and analytics query the dashboard asks, with
 * two baselines, write-to-visible and the embedded database at demo scale; bench-metrics.ts) or
 * `--only ingestion` runs one part (the data is loaded either way); `--keep`
 * leaves the database; `--reuse` runs on the database a previous `--keep` left (migrated to the
 * current schema, not reloaded: the province load takes minutes); `--skip-embedded` leaves out the
 * demo-scale PGlite part of `--only metrics`. BENCH_DATABASE_URL (default TEST_DATABASE_URL, else the local server) names the server.
 */
import 'reflect-metadata';
import { parseArgs } from 'node:util';
import pg from 'pg';

// The hub runs as `npm start` runs it, in production mode: graphql-js decides at load time whether
// to run its development checks (a third of the cost of coercing a 5,000-row batch), so the hub's
// modules are loaded after this.
process.env.NODE_ENV ??= 'production';
const { loadDemoData } = await import('../db/demo.js');
const { migrate, openPostgres } = await import('../db/orm.js');
const { loadScale } = await import('../db/scale.js');
const { DELTA_TABLES } = await import('../db/rollups.js');
const { startServer } = await import('../http/server.js');
const { createUser } = await import('../modules/auth/auth.service.js');
const { Role } = await import('../modules/auth/role.js');

const { values } = parseArgs({
  options: {
    activities: { type: 'string', default: '200000' },
    slots: { type: 'string', default: '100000' },
    attendance: { type: 'string', default: '200000' },
    'survey-answers': { type: 'string', default: '1000000' },
    runs: { type: 'string', default: '15' },
    keep: { type: 'boolean', default: false },
    reuse: { type: 'boolean', default: false },
    'skip-embedded': { type: 'boolean', default: false },
    /** `queries`, `metrics` or `ingestion`: run only that part (the scale data is loaded either way). */
    only: { type: 'string' },
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
const reuse = values.reuse && (await admin.query('select 1 from pg_database where datname = $1', [dbName])).rowCount === 1;
if (!reuse) {
  await admin.query(`drop database if exists ${dbName} with (force)`);
  await admin.query(`create database ${dbName}`);
}
const url = new URL(server);
url.pathname = `/${dbName}`;

const db = await openPostgres(url.toString());
let t = Date.now();
await migrate(db);
if (reuse) {
  // New migrations (e.g. a new rollup filled from the facts) run on the loaded data; say how long.
  console.log(`reusing ${dbName} (not reloaded); migrations took ${Date.now() - t} ms`);
  await db.orm.em.getConnection().execute('analyze', [], 'run');
  // A migration that filled a rollup may leave emptied delta heaps behind (as a bulk load does).
  await db.orm.em.getConnection().execute(`vacuum ${DELTA_TABLES.join(', ')}`, [], 'run');
} else {
  t = Date.now();
  await loadDemoData(db.orm.em.fork());
  console.log(`demo city loaded in ${Date.now() - t} ms`);
  t = Date.now();
  await loadScale(db.orm.em.fork(), sizes, (m) => process.stdout.write(`\r  ${m}        `));
  console.log(`\nscale data (${JSON.stringify(sizes)}) loaded in ${((Date.now() - t) / 1000).toFixed(1)} s`);
}

const hub = await startServer({ db, hub: { demoData: true, database: 'postgresql', version: 'bench' }, host: '127.0.0.1', port: 0, production: true, dashboardDir: null, limits: { perMinute: 1_000_000, signInPerMinute: 100 } });
// Without JIT, as the hub's own connections (see db/orm.ts), so the baselines compare like with like.
const direct = new pg.Client({ connectionString: url.toString(), options: '-c jit=off' });
await direct.connect();

// The bench reads as an admin: unit-level figures need an account that may read them.
const hasAdmin = (await direct.query(`select 1 from app_user where username = 'bench-admin'`)).rowCount === 1;
if (!hasAdmin) await createUser(db.orm.em.fork(), { username: 'bench-admin', displayName: 'bench', role: Role.ADMIN, password: 'bench-password-1' });
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

if (values.only === undefined || values.only === 'queries') {
  console.log(`\n${runs} runs each, milliseconds\n`);
  console.log('| query | GraphQL median | GraphQL p95 | SQL median (baseline) | ratio |');
  console.log('|---|---:|---:|---:|---:|');
  for (const c of cases) {
    const g = await time(() => gql(c.graphql));
    const s = await time(() => direct.query(c.sql));
    console.log(`| ${c.name} | ${g.median.toFixed(1)} | ${g.p95.toFixed(1)} | ${s.median.toFixed(1)} | ${(g.median / s.median).toFixed(2)}× |`);
  }
}

if (values.only === undefined || values.only === 'metrics') {
  const { benchEmbedded, benchMetrics, benchWriteToVisible, signedInGql } = await import('./bench-metrics.js');
  const metricsGql = await signedInGql(hub.url);
  await benchMetrics({ gql: metricsGql, db, direct, runs });
  const [ref] = (await direct.query(`select (select id from agency where valid_to is null and kind = 'ENFORCEMENT' order by id limit 1) as agency,
    (select min(id) from region where level = 'STREET') as region`)).rows;
  await benchWriteToVisible({ gql: metricsGql, agencyId: ref.agency, regionId: ref.region, runs });
  if (!values['skip-embedded']) await benchEmbedded(runs);
}

if (values.only === undefined || values.only === 'ingestion') await benchIngestion();

/**
 * Ingestion: 5,000-row batches of each kind through the GraphQL mutations and of activities through
 * CSV file import, one client after the other and (activities) two clients at once; the same
 * activities sent as one multi-row INSERT straight to the database (baseline); corrected resends
 * (5,000 updates with before-images each); and the cost of replaying a batch.
 */
async function benchIngestion() {
  const [ref] = (await direct.query(`select
      (select id from agency where valid_to is null and kind = 'ENFORCEMENT' and valid_from <= '2024-01-01' order by id limit 1) as agency,
      (select id from agency where valid_to is null and kind = 'ENFORCEMENT' and valid_from <= '2024-01-01' order by id limit 1 offset 1) as partner,
      (select array_agg(id order by id) from (select id from law order by id limit 20) l) as laws,
      (select array_agg(id) from region where level = 'STREET') as regions, (select array_agg(id) from region where level = 'DISTRICT') as districts,
      (select min(id) from media_outlet) as outlet, (select max(id) from training_session where starts_on >= '2024-01-01') as session,
      (select id from survey_wave where ends_on < now() order by (select count(*) from survey_question q where q.wave_id = survey_wave.id) desc, id desc limit 1) as wave`)).rows;
  const questions = (await direct.query(`(select id, kind from survey_question where wave_id = $1 and kind = 'AWARENESS' order by id limit 5)
    union all (select id, kind from survey_question where wave_id = $1 and kind = 'SATISFACTION' order by id limit 5)`, [ref.wave])).rows as { id: number; kind: string }[];
  const [wave] = (await direct.query(`select starts_on::text from survey_wave where id = $1`, [ref.wave])).rows;
  const pad = (n: number) => String(n).padStart(2, '0');
  const dateOf = (i: number) => `2024-${pad(1 + (i % 12))}-${pad(1 + (i % 28))}`;
  const ROWS = 5000;

  const kinds = {
    activities: {
      mutation: 'mutation($k: String!, $rows: [ActivityRowInput!]!) { r: reportActivities(idempotencyKey: $k, rows: $rows) { inserted replayed } }',
      rows: (b: number, n = ROWS) => Array.from({ length: n }, (_, i) => ({
        title: `压测活动 ${b}-${i}`, date: dateOf(i), regionId: `Region:${ref.regions[i % ref.regions.length]}`, organiserId: `Agency:${ref.agency}`,
        form: 'LECTURE', venueType: 'COMMUNITY', audiences: ['GENERAL_PUBLIC'], participants: i % 300, materials: i % 200, consultations: i % 20,
      })),
    },
    'broadcast slots': {
      mutation: 'mutation($k: String!, $rows: [BroadcastSlotRowInput!]!) { r: reportBroadcastSlots(idempotencyKey: $k, rows: $rows) { inserted replayed } }',
      rows: (b: number) => Array.from({ length: ROWS }, (_, i) => ({
        outletId: `MediaOutlet:${ref.outlet}`, channel: `压测频道${b}`, programme: '法治天天讲', kind: 'PROGRAMME', startsAt: `${dateOf(i)}T${pad(i % 24)}:${pad(Math.floor(i / 24) % 60)}:00+08:00`,
        durationMinutes: 15, primeTime: i % 3 === 0, partnerAgencyId: `Agency:${ref.agency}`, reach: 1000 + i,
      })),
    },
    attendance: {
      mutation: 'mutation($k: String!, $rows: [AttendanceRowInput!]!) { r: reportAttendance(idempotencyKey: $k, rows: $rows) { inserted replayed } }',
      rows: (b: number) => Array.from({ length: ROWS }, (_, i) => ({
        sessionId: `TrainingSession:${ref.session}`, agencyId: `Agency:${ref.agency}`, attendee: `压测学员 ${b}-${i}`, leadingCadre: i % 10 === 0, required: true,
        attended: i % 7 !== 0, hours: i % 7 !== 0 ? 8 : 0, score: i % 7 !== 0 ? 60 + (i % 40) : null,
      })),
    },
    'survey responses (10 answers each)': {
      mutation: 'mutation($k: String!, $w: ID!, $rows: [SurveyResponseRowInput!]!) { r: submitSurveyResponses(idempotencyKey: $k, waveId: $w, rows: $rows) { inserted replayed } }',
      variables: { w: `SurveyWave:${ref.wave}` },
      rows: (b: number) => Array.from({ length: ROWS }, (_, i) => ({
        respondentRef: `压测-${b}-${i}`, districtId: `Region:${ref.districts[i % ref.districts.length]}`, ageBand: 'AGE_30_44', occupation: 'WORKER', submittedOn: wave.starts_on,
        answers: questions.map((q, j) => (q.kind === 'AWARENESS' ? { questionId: `SurveyQuestion:${q.id}`, aware: (i + j) % 3 !== 0 } : { questionId: `SurveyQuestion:${q.id}`, satisfaction: 1 + ((i + j) % 5) })),
      })),
    },
  };
  type Kind = (typeof kinds)[keyof typeof kinds] & { variables?: Record<string, unknown> };
  const send = async (kind: Kind, key: string, rows: unknown[]) => {
    const res = await fetch(`${hub.url}/graphql`, {
      method: 'POST', headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
      body: JSON.stringify({ query: kind.mutation, variables: { k: key, rows, ...kind.variables } }),
    });
    const body = (await res.json()) as { errors?: unknown[]; data?: { r: { inserted: number; replayed: boolean } } };
    if (body.errors) throw new Error(JSON.stringify(body.errors).slice(0, 500));
    return body.data!.r;
  };
  // Activities as a CSV file (ids for the references, codes for the enums).
  const csvOf = (rows: ReturnType<typeof kinds.activities.rows>) => Buffer.from([
    '活动名称,日期,地点,主办单位,形式,场所类型,对象,参与人次,发放资料,解答咨询',
    ...rows.map((r) => [r.title, r.date, r.regionId, r.organiserId, r.form, r.venueType, r.audiences.join('、'), r.participants, r.materials, r.consultations].join(',')),
  ].join('\r\n'));
  const importFile = async (key: string, file: Buffer) => {
    const res = await fetch(`${hub.url}/import/activities`, {
      method: 'POST', headers: { 'content-type': 'text/csv', authorization: `Bearer ${token}`, 'x-pufa-csrf': '1', 'idempotency-key': key }, body: new Uint8Array(file),
    });
    const body = (await res.json()) as { result?: { inserted: number }; error?: unknown };
    if (!body.result) throw new Error(JSON.stringify(body.error).slice(0, 500));
    return body.result;
  };
  const seconds = async (fn: () => Promise<unknown>) => {
    const start = process.hrtime.bigint();
    await fn();
    return Number(process.hrtime.bigint() - start) / 1e9;
  };
  const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[xs.length >> 1]!;
  const lines: string[] = [];
  /** Batches one after the other: the median batch (robust to a busy moment) and the whole run. */
  const sequential = async (name: string, n: number, batch: (b: number) => Promise<unknown>) => {
    const times: number[] = [];
    for (let b = 0; b < n; b++) times.push(await seconds(() => batch(b)));
    const total = times.reduce((a, x) => a + x, 0);
    lines.push(`| ${name} | ${n} | ${median(times).toFixed(3)} | ${Math.round(ROWS / median(times)).toLocaleString('en')} | ${Math.round((n * ROWS) / total).toLocaleString('en')} |`);
  };

  const BATCHES = 8;
  for (const [name, kind] of Object.entries(kinds) as [string, Kind][]) {
    const slug = name.split(' ')[0];
    await send(kind, `bench-${slug}-warm`, kind.rows(999)); // warm-up, not counted
    await sequential(`${name}, one client`, BATCHES, (b) => send(kind, `bench-${slug}-${b}`, kind.rows(b)));
  }
  // As reports usually come: each activity names the laws it taught (one or two), every fourth a co-organiser.
  const linked = (b: number) => kinds.activities.rows(b).map((r, i) => ({
    ...r, lawIds: [ref.laws[i % ref.laws.length], ...(i % 2 ? [ref.laws[(i + 7) % ref.laws.length]] : [])].map((l: number) => `Law:${l}`),
    ...(i % 4 === 0 ? { coOrganiserIds: [`Agency:${ref.partner}`] } : {}),
  }));
  await sequential('activities with their laws (1–2) and a co-organiser (every 4th), one client', BATCHES, (b) => send(kinds.activities, `bench-activities-linked-${b}`, linked(40 + b)));
  const parallel = await seconds(() => Promise.all([0, 1].map(async (c) => {
    for (let b = 10 + c; b < 10 + BATCHES; b += 2) await send(kinds.activities, `bench-activities-${b}`, kinds.activities.rows(b));
  })));
  lines.push(`| activities, two clients at once | ${BATCHES} | — | — | ${Math.round((BATCHES * ROWS) / parallel).toLocaleString('en')} |`);
  const files = Array.from({ length: BATCHES }, (_, b) => csvOf(kinds.activities.rows(20 + b)));
  await sequential(`activities from CSV files (${(files[0]!.length / 1e6).toFixed(1)} MB each), one client`, BATCHES, (b) => importFile(`bench-file-${b}`, files[b]!));
  await sequential('activities: corrected resends (every row updated, with before-images)', 3, (n) =>
    send(kinds.activities, `bench-activities-resend-${n}`, kinds.activities.rows(0).map((r) => ({ ...r, participants: r.participants + 1 + n }))));
  await sequential('baseline: the same activities as one raw multi-row INSERT (no validation, audit or idempotency)', BATCHES, (b) => {
    const values = kinds.activities.rows(100 + b).map((r, i) => `('${r.title}', '${r.date}', ${r.regionId.split(':')[1]}, ${ref.agency}, 'LECTURE', 'COMMUNITY', array['GENERAL_PUBLIC'], ${i % 300}, ${i % 200}, ${i % 20})`);
    return direct.query(`insert into activity (title, date, region_id, organiser_id, form, venue_type, audiences, participants, materials, consultations) values ${values.join(', ')}`);
  });

  const replays: number[] = [];
  for (let n = 0; n < 5; n++) {
    const rows = kinds.activities.rows(0);
    replays.push(await seconds(async () => {
      if (!(await send(kinds.activities, 'bench-activities-0', rows)).replayed) throw new Error('replay was not recognised');
    }));
  }
  const small = kinds.activities.rows(0, 100);
  await send(kinds.activities, 'bench-activities-small', small);
  const smallReplays: number[] = [];
  for (let n = 0; n < 5; n++) smallReplays.push(await seconds(() => send(kinds.activities, 'bench-activities-small', small)));

  console.log(`\n| ingestion, ${ROWS.toLocaleString('en')}-row batches | batches | median s per batch | rows/s (median batch) | rows/s (all batches) |`);
  console.log('|---|---:|---:|---:|---:|');
  for (const l of lines) console.log(l);
  console.log(`\nreplay (same key and rows, nothing written), median of 5: ${(median(replays) * 1000).toFixed(0)} ms for 5,000 rows, ${(median(smallReplays) * 1000).toFixed(0)} ms for 100`);
}

await direct.end();
await hub.stop();
await db.close();
if (!values.keep && !values.reuse) await admin.query(`drop database if exists ${dbName} with (force)`);
await admin.end();
