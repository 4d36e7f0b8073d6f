import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { compactRollups } from '../../db/rollups.js';
import { backends, startTestHub, type TestHub } from '../../test/hub.js';
import { overlapGaps } from '../overlaps/overlaps.service.js';
import { runAnalytics, type AnalyticsQuery } from './analytics.service.js';
import { Compare, Dimension as D, Measure as M } from './analytics.types.js';

/** mulberry32: a small seeded PRNG, so a failing sequence replays exactly (the seed is in the test name). */
function prng(seed: number) {
  let a = seed >>> 0;
  const next = () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const int = (n: number) => Math.floor(next() * n);
  const pick = <T>(xs: T[]): T => xs[int(xs.length)]!;
  return { next, int, pick, chance: (p: number) => next() < p };
}

const SEED = 20261127;
const AUDIENCES = ['GENERAL_PUBLIC', 'STUDENTS', 'ELDERLY', 'FARMERS_HERDERS', 'ENTERPRISE_STAFF', 'COMMUNITY_RESIDENTS'];

/** Questions whose answers come from every rollup (and their partial edge months), each with its raw-facts twin. */
const QUERIES = (ids: { agency: number; district: number; law: number }): AnalyticsQuery[] => [
  { measures: [M.ACTIVITY_COUNT, M.PARTICIPANTS, M.ONLINE_VIEWS], filter: { from: '2023-03-15', to: '2025-06-10' } },
  { measures: [M.ACTIVITY_COUNT], groupBy: [D.AGENCY], filter: { from: '2024-01-01', to: '2024-12-31' }, orderBy: M.ACTIVITY_COUNT, limit: 10 },
  { measures: [M.ACTIVITY_COUNT, M.PARTICIPANTS], groupBy: [D.AGENCY, D.MONTH], filter: { from: '2024-01-01', to: '2024-12-31' } },
  { measures: [M.ACTIVITY_COUNT, M.MATERIALS_DISTRIBUTED], groupBy: [D.DISTRICT, D.DOMAIN], filter: { from: '2023-02-11', to: '2025-01-20' } },
  { measures: [M.ACTIVITY_COUNT], groupBy: [D.MONTH], filter: { from: '2024-02-03', to: '2024-11-27', agencyIds: [`Agency:${ids.agency}`] } },
  { measures: [M.CONSULTATIONS], groupBy: [D.MONTH], filter: { from: '2024-01-01', to: '2024-12-31', agencyIds: [`Agency:${ids.agency}`], regionIds: [`Region:${ids.district}`] } },
  { measures: [M.ACTIVITY_COUNT, M.PARTICIPANTS], groupBy: [D.LAW, D.QUARTER], filter: { from: '2023-01-09', to: '2025-08-30' } },
  { measures: [M.ACTIVITY_COUNT], groupBy: [D.YEAR], filter: { lawIds: [`Law:${ids.law}`], regionIds: [`Region:${ids.district}`] } },
  { measures: [M.BROADCAST_COUNT, M.BROADCAST_MINUTES, M.PRIME_TIME_SHARE, M.PUBLIC_SERVICE_ADS], groupBy: [D.OUTLET, D.MONTH], filter: { from: '2024-01-01', to: '2024-12-31' } },
  { measures: [M.BROADCAST_COUNT, M.PUBLIC_SERVICE_ADS, M.BROADCAST_REACH], groupBy: [D.AGENCY], filter: { from: '2023-05-05', to: '2025-05-05' } },
  { measures: [M.TRAINING_ATTENDANCE_RATE, M.TRAINING_HOURS, M.TRAINING_PASS_RATE, M.LEADING_CADRE_ATTENDANCE_RATE], groupBy: [D.AGENCY, D.SESSION_KIND] },
  { measures: [M.AWARENESS_RATE, M.SATISFACTION_MEAN, M.SURVEY_RESPONSES], groupBy: [D.LAW, D.DISTRICT] },
  { measures: [M.SATISFACTION_MEAN], groupBy: [D.AGENCY, D.YEAR] },
  {
    measures: [M.ACTIVITY_COUNT, M.PARTICIPANTS, M.BROADCAST_COUNT, M.TRAINING_ATTENDANCE_RATE, M.AWARENESS_RATE],
    filter: { from: '2024-01-01', to: '2024-12-31' }, compare: Compare.SAME_PERIOD_LAST_YEAR,
  },
];

/**
 * A seeded sequence of inserts, updates and deletes over every fact — activities with co-organisers
 * and laws, broadcast slots, attendance, survey answers and responses — checked every few steps,
 * before and after compaction: every rollup-routed answer (analytics and overlap gaps) equals the
 * answer from the raw facts, and at the end the compacted rollups equal a rebuild from the facts.
 */
describe.each(backends())('rollups under seeded random writes on %s', (kind) => {
  let hub: TestHub;
  const rnd = prng(SEED);
  let ref: {
    agencies: number[]; streets: number[]; domains: number[]; laws: number[]; outlets: number[]; sessions: number[];
    awareness: number[]; satisfaction: number[]; responses: number[]; districts: number[];
  };
  let nextId = 995_000;

  const ids = (rows: Record<string, unknown>[]) => rows.map((r) => Number(r.id));
  const one = async (sql: string) => Number((await hub.sql(sql))[0]?.id ?? 0);
  const round = (a: unknown) => JSON.parse(JSON.stringify(a, (_, v) => (typeof v === 'number' ? Math.round(v * 1e9) / 1e9 : v)));

  beforeAll(async () => {
    hub = await startTestHub(kind, { demo: true });
    const list = async (sql: string) => ids(await hub.sql(sql));
    ref = {
      agencies: await list(`select id from agency where kind = 'ENFORCEMENT' and valid_to is null order by id`),
      streets: await list(`select id from region where level in ('STREET', 'COMMUNITY') order by id`),
      domains: await list(`select id from enforcement_domain order by id`),
      laws: await list(`select id from law order by id`),
      outlets: await list(`select id from media_outlet order by id`),
      sessions: await list(`select id from training_session order by id`),
      awareness: await list(`select id from survey_question where kind = 'AWARENESS' order by id`),
      satisfaction: await list(`select id from survey_question where kind = 'SATISFACTION' order by id`),
      responses: await list(`select id from survey_response order by id`),
      districts: await list(`select id from region where level = 'DISTRICT' order by id`),
    };
  }, 300_000);
  afterAll(() => hub?.close());

  const day = () => `${2023 + rnd.int(3)}-${String(1 + rnd.int(12)).padStart(2, '0')}-${String(1 + rnd.int(28)).padStart(2, '0')}`;
  const audiences = () => `array[${[...new Set([rnd.pick(AUDIENCES), ...(rnd.chance(0.4) ? [rnd.pick(AUDIENCES)] : [])])].map((a) => `'${a}'`).join(',')}]::text[]`;
  const someActivity = () => one(`select id from activity where date >= '2023-01-01' order by id offset ${rnd.int(50)} limit 1`);

  const STEPS: (() => Promise<unknown>)[] = [
    async () => {
      const id = nextId++;
      const organiser = rnd.pick(ref.agencies);
      await hub.sql(`insert into activity (id, title, date, region_id, organiser_id, form, venue_type, audiences, domain_id, participants, materials, consultations, online_views)
        values (${id}, '随机写入 ${id}', '${day()}', ${rnd.pick(ref.streets)}, ${organiser}, 'LECTURE', 'COMMUNITY', ${audiences()},
                ${rnd.chance(0.9) ? rnd.pick(ref.domains) : 'null'}, ${rnd.int(300)}, ${rnd.int(50)}, ${rnd.int(20)}, ${rnd.int(900)})`);
      const co = [...new Set([rnd.pick(ref.agencies), rnd.pick(ref.agencies)])].filter((a) => a !== organiser).slice(0, rnd.int(3));
      if (co.length) await hub.sql(`insert into activity_co_organisers (activity_id, agency_id) values ${co.map((a) => `(${id}, ${a})`).join(', ')}`);
      const laws = [...new Set([rnd.pick(ref.laws), rnd.pick(ref.laws)])].slice(0, rnd.int(3));
      if (laws.length) await hub.sql(`insert into activity_laws (activity_id, law_id) values ${laws.map((l) => `(${id}, ${l})`).join(', ')}`);
    },
    async () => hub.sql(`update activity set date = '${day()}', region_id = ${rnd.pick(ref.streets)}, domain_id = ${rnd.pick(ref.domains)},
      organiser_id = ${rnd.pick(ref.agencies)}, participants = ${rnd.int(400)}, audiences = ${audiences()} where id = ${await someActivity()}`),
    async () => hub.sql(`delete from activity where id = ${await someActivity()}`),
    async () => hub.sql(`insert into activity_co_organisers (activity_id, agency_id) select a.id, ${rnd.pick(ref.agencies)} from activity a
      where a.id = ${await someActivity()} and a.organiser_id <> ${rnd.pick(ref.agencies)} on conflict do nothing`),
    async () => hub.sql(`delete from activity_co_organisers where activity_id = (select activity_id from activity_co_organisers order by activity_id desc offset ${rnd.int(10)} limit 1)`),
    async () => hub.sql(`insert into activity_laws (activity_id, law_id) values (${await someActivity()}, ${rnd.pick(ref.laws)}) on conflict do nothing`),
    async () => hub.sql(`delete from activity_laws where activity_id = (select activity_id from activity_laws order by activity_id desc offset ${rnd.int(10)} limit 1)`),
    async () => hub.sql(`insert into broadcast_slot (outlet_id, channel, programme, kind, starts_at, duration_minutes, prime_time, partner_agency_id, domain_id, reach)
      values (${rnd.pick(ref.outlets)}, '随机频道 ${nextId++}', '随机栏目', '${rnd.chance(0.3) ? 'PUBLIC_SERVICE_AD' : 'PROGRAMME'}', '${day()}T${String(rnd.int(24)).padStart(2, '0')}:30:00+08:00',
              ${1 + rnd.int(60)}, ${rnd.chance(0.4)}, ${rnd.chance(0.8) ? rnd.pick(ref.agencies) : 'null'}, ${rnd.pick(ref.domains)}, ${rnd.int(5000)})`),
    async () => hub.sql(`update broadcast_slot set starts_at = starts_at + interval '${rnd.int(90)} days', duration_minutes = ${1 + rnd.int(90)}, prime_time = not prime_time,
      partner_agency_id = ${rnd.pick(ref.agencies)} where id = (select id from broadcast_slot order by id offset ${rnd.int(40)} limit 1)`),
    async () => hub.sql(`delete from broadcast_slot where id = (select id from broadcast_slot order by id desc offset ${rnd.int(40)} limit 1)`),
    async () => hub.sql(`insert into training_attendance (session_id, agency_id, attendee, leading_cadre, required, attended, hours, score)
      values (${rnd.pick(ref.sessions)}, ${rnd.pick(ref.agencies)}, '随机学员 ${nextId++}', ${rnd.chance(0.3)}, ${rnd.chance(0.8)}, ${rnd.chance(0.7)}, ${rnd.int(9)}, ${rnd.chance(0.7) ? 40 + rnd.int(60) : 'null'})`),
    async () => hub.sql(`update training_attendance set attended = not attended, agency_id = ${rnd.pick(ref.agencies)}, score = ${40 + rnd.int(60)}
      where id = (select id from training_attendance order by id offset ${rnd.int(40)} limit 1)`),
    async () => hub.sql(`delete from training_attendance where id = (select id from training_attendance order by id desc offset ${rnd.int(40)} limit 1)`),
    async () => hub.sql(`update survey_answer set satisfaction = ${1 + rnd.int(5)} where satisfaction is not null and id = (select id from survey_answer where satisfaction is not null order by id offset ${rnd.int(40)} limit 1)`),
    async () => hub.sql(`update survey_answer set aware = not aware where id = (select id from survey_answer where aware is not null order by id desc offset ${rnd.int(40)} limit 1)`),
    async () => hub.sql(`delete from survey_answer where id = (select id from survey_answer order by id offset ${rnd.int(60)} limit 1)`),
    async () => hub.sql(`insert into survey_answer (response_id, question_id, aware) select ${rnd.pick(ref.responses)}, ${rnd.pick(ref.awareness)}, ${rnd.chance(0.6)} on conflict do nothing`),
    async () => hub.sql(`update survey_response set district_id = ${rnd.pick(ref.districts)}, submitted_on = submitted_on + ${rnd.int(60) - 30}
      where id = (select id from survey_response order by id offset ${rnd.int(30)} limit 1)`),
  ];

  const check = async (when: string) => {
    const [agency] = ref.agencies;
    const law = Number((await hub.sql(`select law_id as id from activity_laws group by 1 order by count(*) desc, 1 limit 1`))[0]!.id);
    for (const q of QUERIES({ agency: agency!, district: ref.districts[0]!, law })) {
      const [viaRollups, fromFacts] = [
        await runAnalytics(hub.db.orm.em.fork(), q),
        await runAnalytics(hub.db.orm.em.fork(), q, undefined, { rollups: false }),
      ];
      expect(round(viaRollups), `${when}: ${JSON.stringify(q)}`).toEqual(round(fromFacts));
    }
    for (const filter of [{ years: [2024] }, { years: [2023, 2025] }, { from: '2023-04-12', to: '2024-09-03' }, { years: [2024], regionIds: [`Region:${ref.districts[0]}`] }]) {
      const [viaRollups, fromFacts] = [
        await overlapGaps(hub.db.orm.em.fork(), filter, 'ZH_CN'),
        await overlapGaps(hub.db.orm.em.fork(), filter, 'ZH_CN', {}, { rollups: false }),
      ];
      expect(viaRollups.length, `${when}: overlaps ${JSON.stringify(filter)}`).toBeGreaterThan(0);
      expect(round(viaRollups), `${when}: overlaps ${JSON.stringify(filter)}`).toEqual(round(fromFacts));
    }
  };

  it(`keep every rollup-routed answer equal to the raw facts (seed ${SEED}), before and after compaction, and equal to a rebuild`, async () => {
    await check('before any write');
    for (let step = 1; step <= 48; step++) {
      await rnd.pick(STEPS)();
      if (step % 8 === 0) await check(`after step ${step}`);
      if (step % 16 === 0) {
        await compactRollups(hub.db);
        await check(`after step ${step}, compacted`);
      }
    }
    const snapshot = () => hub.sql(`select 'aam' as t, month::text as k, agency_id::text as k2, n::text as v from rollup_activity_agency_month
      union all select 'day', day::text, coalesce(district_id, 0) || '/' || coalesce(domain_id, 0), n || '/' || participants from rollup_activity_day
      union all select 'reach', domain_id || '/' || agency_id || '/' || month, coalesce(district_id, 0) || '/' || coalesce(audience, '-'), n::text from rollup_overlap_reach
      union all select 'shared', domain_id || '/' || month, coalesce(district_id, 0) || '/' || agency_ids::text, n::text from rollup_overlap_shared
      union all select 'ba', month::text, coalesce(agency_id, 0)::text, n || '/' || minutes || '/' || psa_n from rollup_broadcast_agency
      union all select 'bo', month::text, outlet_id::text, n || '/' || prime_minutes from rollup_broadcast_outlet
      order by 1, 2, 3, 4`);
    await compactRollups(hub.db);
    const compacted = await snapshot();
    expect(compacted.length).toBeGreaterThan(100);
    await hub.sql('select pufa_rebuild_rollups()');
    expect(await snapshot()).toEqual(compacted);
  }, 600_000);
});
