import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { compactRollups } from '../../db/rollups.js';
import { backends, countStatements, startTestHub, type TestHub } from '../../test/hub.js';
import { runAnalytics, type AnalyticsQuery } from './analytics.service.js';
import { Dimension as D, Measure as M } from './analytics.types.js';

const Q = `query($m: [Measure!]!, $g: [Dimension!], $f: AnalyticsFilter) {
  analytics(measures: $m, groupBy: $g, filter: $f) { rows { keys { value } values { value } } totals { value } }
}`;

/**
 * The questions the dashboard asks, each with the rollup that must answer it (null: the raw facts).
 * Periods start and end mid-month on purpose, so the partial months come from the raw facts.
 */
const CASES: { name: string; q: AnalyticsQuery; reads: string | null }[] = [
  { name: 'city totals 2016–2020', reads: 'rollup_activity', q: { measures: [M.ACTIVITY_COUNT, M.PARTICIPANTS, M.MATERIALS_DISTRIBUTED, M.CONSULTATIONS], filter: { from: '2016-01-01', to: '2020-12-31' } } },
  { name: 'agency × month, a year', reads: 'rollup_activity_agency_month', q: { measures: [M.ACTIVITY_COUNT, M.PARTICIPANTS], groupBy: [D.AGENCY, D.MONTH], filter: { from: '2024-01-01', to: '2024-12-31' } } },
  { name: 'district × domain, ragged period', reads: 'rollup_activity', q: { measures: [M.ACTIVITY_COUNT, M.ONLINE_VIEWS], groupBy: [D.DISTRICT, D.DOMAIN], filter: { from: '2023-03-15', to: '2024-06-10' } } },
  { name: 'law × quarter', reads: 'rollup_activity_law', q: { measures: [M.ACTIVITY_COUNT, M.PARTICIPANTS], groupBy: [D.LAW, D.QUARTER], filter: { from: '2021-02-03', to: '2025-11-29' } } },
  { name: 'one agency in one district by month', reads: 'rollup_activity_agency', q: { measures: [M.ACTIVITY_COUNT, M.CONSULTATIONS], groupBy: [D.MONTH], filter: { agencyIds: ['AGENCY'], regionIds: ['DISTRICT'] } } },
  { name: 'forms (raw facts)', reads: null, q: { measures: [M.ACTIVITY_COUNT], groupBy: [D.FORM, D.YEAR] } },
  {
    name: 'media by outlet × month',
    reads: 'rollup_broadcast_outlet',
    q: { measures: [M.BROADCAST_COUNT, M.BROADCAST_MINUTES, M.PRIME_TIME_SHARE, M.PUBLIC_SERVICE_ADS, M.BROADCAST_REACH], groupBy: [D.OUTLET, D.MONTH], filter: { from: '2019-02-10', to: '2024-11-20' } },
  },
  {
    name: 'training by agency × kind',
    reads: 'rollup_training',
    q: { measures: [M.TRAINING_REQUIRED, M.TRAINING_ATTENDANCE_RATE, M.LEADING_CADRE_ATTENDANCE_RATE, M.TRAINING_HOURS, M.TRAINING_PASS_RATE], groupBy: [D.AGENCY, D.SESSION_KIND] },
  },
  { name: 'awareness and satisfaction by law × district', reads: 'rollup_survey', q: { measures: [M.AWARENESS_RATE, M.SATISFACTION_MEAN], groupBy: [D.LAW, D.DISTRICT] } },
  { name: 'satisfaction by agency and year', reads: 'rollup_survey', q: { measures: [M.SATISFACTION_MEAN], groupBy: [D.AGENCY, D.YEAR], filter: { from: '2021-06-01' } } },
];

describe.each(backends())('rollups on %s', (kind) => {
  let hub: TestHub;
  let agency: number;
  let district: number;
  let street: number;

  const withIds = (q: AnalyticsQuery): AnalyticsQuery => {
    const f = q.filter ? { ...q.filter } : undefined;
    if (f?.agencyIds) f.agencyIds = [`Agency:${agency}`];
    if (f?.regionIds) f.regionIds = [`Region:${district}`];
    return { ...q, filter: f };
  };
  const viaHub = async (q: AnalyticsQuery) => {
    const res = await hub.gql(Q, { m: q.measures, g: q.groupBy, f: q.filter });
    expect(res.errors).toBeUndefined();
    return res.data.analytics;
  };
  /** The same question answered from the raw facts only, in the shape of the GraphQL answer. */
  const fromFacts = async (q: AnalyticsQuery) => {
    const r = await runAnalytics(hub.db.orm.em.fork(), q, undefined, { rollups: false });
    return {
      rows: r.rows.map((row) => ({ keys: row.keys.map((k) => ({ value: k.value })), values: row.values.map((v) => ({ value: v.value })) })),
      totals: r.totals.map((t) => ({ value: t.value })),
    };
  };
  const close = (a: any) => JSON.parse(JSON.stringify(a, (_, v) => (typeof v === 'number' ? Math.round(v * 1e9) / 1e9 : v)));
  const expectAllEqualFacts = async () => {
    for (const c of CASES) {
      const q = withIds(c.q);
      const [hubAnswer, facts] = [close(await viaHub(q)), close(await fromFacts(q))];
      if (JSON.stringify(hubAnswer) !== JSON.stringify(facts)) {
        const a = hubAnswer.rows.map((r: any) => JSON.stringify(r));
        const b = new Set(facts.rows.map((r: any) => JSON.stringify(r)));
        const bad = a.filter((x: string) => !b.has(x)).slice(0, 3);
        const keyOf = (r: any) => JSON.stringify(r.keys);
        console.log(c.name, 'differs', bad, bad.map((x: string) => JSON.stringify(facts.rows.find((r: any) => keyOf(r) === keyOf(JSON.parse(x))))));
      }
      expect(hubAnswer, c.name).toEqual(facts);
    }
  };

  beforeAll(async () => {
    hub = await startTestHub(kind, { demo: true });
    // The agency and district with the most activities, and a street of that district.
    [{ agency }] = await hub.sql(`select organiser_id as agency from activity group by 1 order by count(*) desc, 1 limit 1`);
    [{ district, street }] = await hub.sql(
      `select g.district_id as district, min(g.id) filter (where g.level = 'STREET') as street from activity a join region g on g.id = a.region_id
       where g.district_id is not null group by 1 order by count(*) desc, 1 limit 1`,
    );
  });
  afterAll(() => hub?.close());

  it('answer every dashboard question exactly as the raw facts do, reading the rollup it should', async () => {
    for (const c of CASES) {
      const q = withIds(c.q);
      const { result, log } = await countStatements(() => viaHub(q));
      expect(close(result), c.name).toEqual(close(await fromFacts(q)));
      // The grouped statement (the totals of a raw-only question may still come from a rollup).
      const grouped = log.filter((s) => (q.groupBy?.length ? /select u\.k0 .* from \(/ : /from \(/).test(s)).join('\n');
      if (c.reads) expect(grouped, c.name).toMatch(new RegExp(`from ${c.reads} union all select \\* from ${c.reads}_delta`));
      else expect(grouped, c.name).not.toMatch(/rollup_/);
    }
    const [{ n }] = await hub.sql(`select count(*)::int as n from activity where date between '2016-01-01' and '2020-12-31'`);
    expect((await viaHub(CASES[0]!.q)).totals[0].value).toBe(n);
    expect(n).toBe(468);
  });

  it('stay exact after inserts, updates and deletes of every fact, before and after compaction, and equal a rebuild', async () => {
    const [{ law }] = await hub.sql(`select min(id) as law from law`);
    const [{ other }] = await hub.sql(`select min(id) as other from agency where id <> ${agency} and kind = 'ENFORCEMENT'`);
    await hub.sql(`insert into activity (id, title, date, region_id, organiser_id, form, venue_type, audiences, participants, materials, consultations)
      values (990001, '规模外测试一', '2024-05-31', ${street}, ${other}, 'LECTURE', 'SCHOOL', array['STUDENTS'], 111, 22, 3),
             (990002, '规模外测试二', '2023-03-15', ${street}, ${agency}, 'QUIZ', 'COMMUNITY', array['ELDERLY'], 7, 0, 1)`);
    await hub.sql(`insert into activity_co_organisers (activity_id, agency_id) values (990001, ${agency})`);
    await hub.sql(`insert into activity_laws (activity_id, law_id) values (990001, ${law}), (990002, ${law})`);
    await expectAllEqualFacts();

    // Move an activity across months and districts, change figures, drop a co-organiser, delete with cascades.
    await hub.sql(`update activity set date = '2024-06-01', participants = participants + 5, region_id = (select min(id) from region where level = 'STREET' and district_id <> ${district})
      where id = (select min(id) from activity where organiser_id = ${agency} and date >= '2024-01-01')`);
    await hub.sql(`delete from activity_co_organisers where activity_id = 990001`);
    await hub.sql(`delete from activity where id in (990002, (select max(id) from activity where organiser_id = ${agency} and date < '2020-01-01'))`);
    await hub.sql(`update broadcast_slot set duration_minutes = duration_minutes + 7, prime_time = not prime_time where id in (select min(id) from broadcast_slot union select max(id) from broadcast_slot)`);
    await hub.sql(`delete from broadcast_slot where id = (select min(id) + 1 from broadcast_slot)`);
    await hub.sql(`update training_attendance set attended = not attended, score = 59 where id in (select id from training_attendance order by id limit 20)`);
    await hub.sql(`delete from training_session where id = (select max(session_id) from training_attendance)`);
    await hub.sql(`update survey_answer set satisfaction = 1 where satisfaction = 5 and id % 3 = 0`);
    await hub.sql(`update survey_response set district_id = ${district}, submitted_on = submitted_on + 40 where id in (select id from survey_response order by id limit 10)`);
    await hub.sql(`delete from survey_response where id in (select id from survey_response order by id desc limit 10)`);
    await expectAllEqualFacts();

    expect(await compactRollups(hub.db)).toBeGreaterThan(0); // folds the deltas in, then vacuums the delta tables
    expect(await compactRollups(hub.db)).toBe(0);
    const [{ pending }] = await hub.sql(`select (select count(*) from rollup_activity_delta) + (select count(*) from rollup_survey_delta)::int as pending`);
    expect(Number(pending)).toBe(0);
    await expectAllEqualFacts();

    const snapshot = async () =>
      hub.sql(`select 'a' as t, month::text as k1, agency_id::text as k2, district_id::text as k3, domain_id::text as k4, n::text as v from rollup_activity_agency
        union all select 's', question_id::text, district_id::text, day::text, null, (aware_yes * 1000000 + sat_sum)::text from rollup_survey
        union all select 't', session_id::text, agency_id::text, null, null, (attended * 1000 + passed)::text from rollup_training order by 1, 2, 3, 4, 5`);
    const compacted = await snapshot();
    await hub.sql('select pufa_rebuild_rollups()');
    expect(await snapshot()).toEqual(compacted);
  });

  it('see each reported activity once: its laws and co-organisers are written with it, not added by later updates', async () => {
    const reporter = await hub.login('AGENCY_REPORTER' as any, { agencyId: agency });
    const [{ laws, co }] = await hub.sql(`select (select array_agg(id order by id desc) from (select id from law order by id limit 2) l) as laws,
      (select min(id) from agency where id <> ${agency} and kind = 'ENFORCEMENT') as co`);
    await compactRollups(hub.db);
    const row = { title: '一次入账', date: '2025-11-03', regionId: `Region:${street}`, organiserId: `Agency:${agency}`, form: 'LECTURE', participants: 9,
      coOrganiserIds: [`Agency:${co}`], lawIds: laws.map((l: number) => `Law:${l}`) };
    const res = await hub.gqlAs(reporter, `mutation($rows: [ActivityRowInput!]!) { reportActivities(idempotencyKey: "rollup-once-1", rows: $rows) { accepted } }`, { rows: [row] });
    expect(res.errors).toBeUndefined();
    // Inserted without its links and then updated twice, the deltas would hold −1 and +1 rows as well.
    const deltas = await hub.sql(`select 'activity' as t, n::int from rollup_activity_delta union all select 'agency', n::int from rollup_activity_agency_delta
      union all select 'law', n::int from rollup_activity_law_delta order by 1, 2`);
    expect(deltas).toEqual([{ t: 'activity', n: 1 }, { t: 'agency', n: 1 }, { t: 'agency', n: 1 }, { t: 'law', n: 1 }, { t: 'law', n: 1 }]);
    const [stored] = await hub.sql(`select law_ids, co_organiser_ids from activity where title = '一次入账'`);
    expect(stored).toEqual({ law_ids: [...laws].sort((a: number, b: number) => a - b), co_organiser_ids: [co] });
    await expectAllEqualFacts();

    // A corrected resend with one law and no co-organiser: links and mirrors move together.
    const resend = await hub.gqlAs(reporter, `mutation($rows: [ActivityRowInput!]!) { reportActivities(idempotencyKey: "rollup-once-2", rows: $rows) { accepted } }`, {
      rows: [{ ...row, coOrganiserIds: [], lawIds: [`Law:${laws[0]}`] }],
    });
    expect(resend.errors).toBeUndefined();
    const [moved] = await hub.sql(`select a.law_ids, a.co_organiser_ids, array(select law_id from activity_laws l where l.activity_id = a.id) as links
      from activity a where a.title = '一次入账'`);
    expect(moved).toEqual({ law_ids: [laws[0]], co_organiser_ids: [], links: [laws[0]] });
    await expectAllEqualFacts();
  });

  it('make a reported batch visible the moment it commits', async () => {
    const reporter = await hub.login('AGENCY_REPORTER' as any, { agencyId: agency });
    const q = { m: ['ACTIVITY_COUNT', 'PARTICIPANTS'], g: ['AGENCY'], f: { from: '2025-12-01', to: '2025-12-31' } };
    const before = async () => {
      const res = await hub.gql(Q, q);
      const row = res.data.analytics.rows.find((r: any) => r.keys[0].value === `Agency:${agency}`);
      return row ? row.values.map((v: any) => v.value) : [0, 0];
    };
    const [count0, participants0] = await before();
    const rows = [0, 1, 2].map((i) => ({
      title: `十二月普法 ${i}`, date: `2025-12-${10 + i}`, regionId: `Region:${street}`, organiserId: `Agency:${agency}`, form: 'LECTURE',
      venueType: 'COMMUNITY', audiences: ['ELDERLY'], participants: 10 * (i + 1),
    }));
    const res = await hub.gqlAs(reporter, `mutation($rows: [ActivityRowInput!]!) { reportActivities(idempotencyKey: "rollup-visible-1", rows: $rows) { accepted } }`, { rows });
    expect(res.errors).toBeUndefined();
    expect(await before()).toEqual([count0 + 3, participants0 + 60]);
  });
});
