import type { EntityManager } from '@mikro-orm/core';
import { DELTA_TABLES } from './rollups.js';

export interface ScaleSizes {
  activities: number;
  slots: number;
  attendance: number;
  surveyAnswers: number;
}

/**
 * Scale loader for benchmarks: adds synthetic facts on top of the demo city's reference data,
 * generated inside the database with generate_series and hash-based pseudo-random values (the
 * same input gives the same rows), in batches of multi-row INSERT … SELECT — no row passes
 * through Node. Minutes for tens of millions of rows on PostgreSQL.
 */
export async function loadScale(em: EntityManager, sizes: ScaleSizes, log: (msg: string) => void = () => undefined): Promise<void> {
  const conn = em.getConnection();
  const exec = (sql: string) => conn.execute(sql, [], 'run');
  const [ref] = await conn.execute(`select
      (select array_agg(id order by id) from agency where kind <> 'MEDIA') as agencies,
      (select array_agg(id order by id) from region where level in ('STREET', 'COMMUNITY')) as places,
      (select array_agg(id order by id) from enforcement_domain) as domains,
      (select array_agg(id order by id) from law) as laws,
      (select array_agg(id order by id) from media_outlet) as outlets,
      (select array_agg(id order by id) from region where level = 'DISTRICT') as districts,
      (select coalesce(max(id), 0) from activity) as a0, (select coalesce(max(id), 0) from broadcast_slot) as b0,
      (select coalesce(max(id), 0) from training_attendance) as t0, (select coalesce(max(id), 0) from survey_answer) as s0,
      (select coalesce(max(id), 0) from survey_response) as r0, (select coalesce(max(id), 0) from training_session) as ts0,
      (select coalesce(max(id), 0) from survey_wave) as w0, (select coalesce(max(id), 0) from survey_question) as q0`);
  // pick(arr, i, salt): a deterministic element of arr for row i.
  const rnd = (i: string, salt: number) => `(hashint8((${i})::bigint * 7919 + ${salt})::bigint & 2147483647)`;
  const pick = (arr: string, i: string, salt: number) => `(${arr})[1 + ${rnd(i, salt)} % cardinality(${arr})]`;
  const h = (i: string, salt: number, mod: number) => `(${rnd(i, salt)} % ${mod})::int`;
  const arr = (v: number[]) => `array[${v.join(',')}]::int[]`;
  const agencies = arr(ref.agencies), places = arr(ref.places), domains = arr(ref.domains), laws = arr(ref.laws), outlets = arr(ref.outlets), districts = arr(ref.districts);
  const BATCH = 200_000;
  const batches = async (total: number, start: number, body: (from: number, to: number) => string, what: string) => {
    for (let from = 1; from <= total; from += BATCH) {
      const to = Math.min(total, from + BATCH - 1);
      await exec(body(start + from, start + to));
      log(`${what}: ${to}/${total}`);
    }
  };
  const forms = `array['LECTURE','PERFORMANCE','CONSULTATION','QUIZ','MATERIAL_HANDOUT','CASE_EXPLANATION','LIVE_STREAM','NEW_MEDIA_POST']`;
  const venues = `array['VILLAGE','COMMUNITY','SCHOOL','ENTERPRISE','WORKPLACE','PUBLIC_SPACE','ONLINE']`;
  const audiences = `array['GENERAL_PUBLIC','STUDENTS','ELDERLY','FARMERS_HERDERS','ENTERPRISE_STAFF','COMMUNITY_RESIDENTS']`;

  await batches(sizes.activities, ref.a0, (a, b) => `
    insert into activity (id, title, date, region_id, organiser_id, form, venue_type, audiences, domain_id, participants, materials, consultations, online_views)
    select i, '规模测试活动 ' || i, date '2016-01-01' + ${h('i', 1, 3653)}, ${pick(places, 'i', 2)}, ${pick(agencies, 'i', 3)},
           ${pick(forms, 'i', 4)}, ${pick(venues, 'i', 5)}, array[${pick(audiences, 'i', 6)}], ${pick(domains, 'i', 7)},
           ${h('i', 8, 500)}, ${h('i', 9, 300)}, ${h('i', 10, 40)}, ${h('i', 11, 1000)}
    from generate_series(${a}, ${b}) i;
    insert into activity_laws (activity_id, law_id) select i, ${pick(laws, 'i', 12)} from generate_series(${a}, ${b}) i;
    insert into activity_co_organisers (activity_id, agency_id)
      select i, ag from (select i, ${pick(agencies, 'i', 13)} as ag, organiser_id from generate_series(${a}, ${b}) i join activity on activity.id = i) x
      where ${h('i', 14, 4)} = 0 and ag <> organiser_id`, 'activities');

  await batches(sizes.slots, ref.b0, (a, b) => `
    insert into broadcast_slot (id, outlet_id, channel, programme, kind, starts_at, duration_minutes, prime_time, partner_agency_id, domain_id, reach)
    select i, ${pick(outlets, 'i', 21)}, 'scale-' || i, '规模测试栏目', 'PROGRAMME',
           timestamptz '2016-01-01 00:00+08' + make_interval(mins => ${h('i', 22, 5260000)}), 1 + ${h('i', 23, 60)}, ${h('i', 24, 3)} = 0,
           ${pick(agencies, 'i', 25)}, ${pick(domains, 'i', 26)}, ${h('i', 27, 100000)}
    from generate_series(${a}, ${b}) i`, 'broadcast slots');

  if (sizes.attendance > 0) {
    const s = ref.ts0;
    await exec(`insert into training_session (id, title, kind, organiser_id, starts_on, ends_on, hours, region_id)
      select ${s} + g, '规模测试培训 ' || g, 'STAFF_TRAINING', ${ref.agencies[0]}, date '2016-01-01' + g * 3, date '2016-01-01' + g * 3, 4, ${ref.districts[0]}
      from generate_series(1, 1000) g`);
    await batches(sizes.attendance, ref.t0, (a, b) => `
      insert into training_attendance (id, session_id, agency_id, attendee, leading_cadre, required, attended, hours, score)
      select i, ${s} + 1 + ${h('i', 31, 1000)}, ${pick(agencies, 'i', 32)}, '学员' || i, ${h('i', 33, 10)} = 0, ${h('i', 34, 10)} < 9, ${h('i', 35, 10)} < 8, 4, 60 + ${h('i', 36, 40)}
      from generate_series(${a}, ${b}) i`, 'attendance');
  }

  if (sizes.surveyAnswers > 0) {
    const wave = { id: ref.w0 + 1 };
    const q = { q0: ref.q0 + 1 };
    await exec(`insert into survey_wave (id, code, name, year, method, conducted_by, starts_on, ends_on)
      values (${wave.id}, 'SCALE-${wave.id}', '规模测试问卷', 2025, 'ONLINE', 'bench', '2025-01-01', '2025-12-31')`);
    await exec(`insert into survey_question (id, wave_id, kind, law_id, agency_id, text)
      select ${ref.q0} + g, ${wave.id}, case when g <= 10 then 'AWARENESS' else 'SATISFACTION' end,
             case when g <= 10 then (${laws})[1 + g % cardinality(${laws})] end,
             case when g > 10 then (${agencies})[1 + g % cardinality(${agencies})] end, '规模测试题 ' || g
      from generate_series(1, 20) g`);
    const responses = Math.ceil(sizes.surveyAnswers / 20);
    await batches(responses, ref.r0, (a, b) => `
      insert into survey_response (id, wave_id, district_id, age_band, occupation, submitted_on)
      select i, ${wave.id}, ${pick(districts, 'i', 41)}, 'AGE_30_44', 'OTHER', date '2025-01-01' + ${h('i', 42, 365)} from generate_series(${a}, ${b}) i;
      insert into survey_answer (response_id, question_id, aware, satisfaction)
      select i, ${q.q0} + g - 1, case when g <= 10 then ${h('i + g', 43, 10)} < 7 end, case when g > 10 then 1 + ${h('i + g', 44, 5)} end
      from generate_series(${a}, ${b}) i cross join generate_series(1, 20) g`, 'survey responses (20 answers each)');
  }
  for (const t of ['activity', 'broadcast_slot', 'training_session', 'training_attendance', 'survey_wave', 'survey_question', 'survey_response', 'survey_answer']) {
    await exec(`select setval(pg_get_serial_sequence('${t}', 'id'), (select max(id) from ${t}))`);
  }
  // Fold the rollup deltas the triggers wrote, and leave the delta tables empty and vacuumed.
  await exec('select pufa_compact_rollups()');
  for (const t of DELTA_TABLES) await exec(`vacuum ${t}`);
  await exec('analyze');
}
