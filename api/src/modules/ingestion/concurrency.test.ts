import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { backends, startTestHub, type TestHub } from '../../test/hub.js';
import { ANALYTICS_FIXTURE } from '../analytics/analytics.fixture.js';
import { Role } from '../auth/role.js';

/**
 * 20 clients at once, per kind of batch: clients 2k and 2k+1 send the same batch k (k = 0…9) under
 * the same key, so one writes it and the other replays it; batch k holds keys k*2 … k*2+9 of one
 * kind (neighbours overlap in 8 keys, every key is in 1–5 batches), 28 keys in all, with values
 * that depend on the batch, and rows in reverse key order in every other batch.
 *
 * At the end: 28 records, no more; 10 batches written, so 100 audit entries: one CREATE per key
 * (28) and 72 UPDATEs; for each record its entries chain (each UPDATE's before is the previous
 * entry's after) and the last after is what the record holds. Then the 20 sends again all replay.
 */
interface Kind {
  name: string;
  role: () => Promise<string>;
  mutation: string;
  field: string;
  entity: string;
  variables?: Record<string, unknown>;
  /** Row with key index `i` as batch `k` sends it. */
  row: (i: number, k: number) => Record<string, unknown>;
  /** The records of the test, by id: what the comparison of audit and table reads. */
  records: string;
  /** The value compared along each record's audit chain, from an audit image. */
  value: (image: any) => unknown;
}

const parse = (v: unknown) => (typeof v === 'string' ? JSON.parse(v) : v) as any;

describe.each(backends().filter((kind) => kind === 'postgresql'))('20 clients sending overlapping batches and replays at once on %s', (kind) => {
  let hub: TestHub;

  beforeAll(async () => {
    hub = await startTestHub(kind);
    for (const stmt of ANALYTICS_FIXTURE.split(';').map((s) => s.trim()).filter(Boolean)) await hub.sql(stmt);
  });
  afterAll(() => hub?.close());

  const day = (i: number) => String(i + 1).padStart(2, '0');
  const kinds: Kind[] = [
    {
      name: 'activities',
      role: () => hub.login(Role.AGENCY_REPORTER, { agencyId: 2 }),
      mutation: `mutation($key: String!, $rows: [ActivityRowInput!]!) { reportActivities(idempotencyKey: $key, rows: $rows) { batchId inserted updated replayed } }`,
      field: 'reportActivities',
      entity: 'Activity',
      // Odd batches name a second law: the links follow the last writer.
      row: (i, k) => ({
        title: '并发测试', date: `2019-08-${day(i)}`, regionId: 'Region:4', organiserId: 'Agency:2', form: 'LECTURE', audiences: ['ELDERLY'],
        lawIds: k % 2 ? ['Law:1', 'Law:2'] : ['Law:1'], participants: 10 + k,
      }),
      records: `select a.id::text as id, json_build_object('participants', a.participants, 'laws', array(select law_id from activity_laws where activity_id = a.id order by 1)) as value
        from activity a where a.title = '并发测试'`,
      value: (image) => ({ participants: image.participants, laws: image.laws }),
    },
    {
      name: 'broadcast slots',
      role: () => hub.login(Role.MEDIA_PARTNER, { outletId: 1 }),
      mutation: `mutation($key: String!, $rows: [BroadcastSlotRowInput!]!) { reportBroadcastSlots(idempotencyKey: $key, rows: $rows) { batchId inserted updated replayed } }`,
      field: 'reportBroadcastSlots',
      entity: 'BroadcastSlot',
      row: (i, k) => ({
        outletId: 'MediaOutlet:1', channel: '并发', programme: `节目${k}`, kind: 'PROGRAMME', startsAt: `2019-08-${day(i)}T20:00:00+08:00`,
        durationMinutes: 10 + k, primeTime: k % 2 === 0, reach: 100 + k,
      }),
      records: `select id::text as id, json_build_object('reach', reach, 'programme', programme) as value from broadcast_slot where channel = '并发'`,
      value: (image) => ({ reach: image.reach, programme: image.programme }),
    },
    {
      name: 'attendance',
      role: () => hub.login(Role.AGENCY_REPORTER, { agencyId: 2 }),
      mutation: `mutation($key: String!, $rows: [AttendanceRowInput!]!) { reportAttendance(idempotencyKey: $key, rows: $rows) { batchId inserted updated replayed } }`,
      field: 'reportAttendance',
      entity: 'TrainingAttendance',
      row: (i, k) => ({ sessionId: 'TrainingSession:1', agencyId: 'Agency:2', attendee: `并发${i}`, leadingCadre: false, required: true, attended: true, hours: k, score: 60 + k }),
      records: `select id::text as id, json_build_object('hours', hours, 'score', score) as value from training_attendance where attendee like '并发%'`,
      value: (image) => ({ hours: image.hours, score: image.score }),
    },
    {
      name: 'survey responses',
      role: () => hub.login(Role.SURVEY_OPERATOR),
      mutation: `mutation($key: String!, $wave: ID!, $rows: [SurveyResponseRowInput!]!) { submitSurveyResponses(idempotencyKey: $key, waveId: $wave, rows: $rows) { batchId inserted updated replayed } }`,
      field: 'submitSurveyResponses',
      entity: 'SurveyResponse',
      variables: { wave: 'SurveyWave:1' },
      // Odd batches answer question 2 too: the answers follow the last writer.
      row: (i, k) => ({
        respondentRef: `C-${day(i)}`, districtId: 'Region:2', ageBand: 'AGE_30_44', occupation: 'WORKER', submittedOn: '2019-09-15',
        answers: [
          { questionId: 'SurveyQuestion:1', aware: k % 2 === 0 },
          ...(k % 2 ? [{ questionId: 'SurveyQuestion:2', aware: true }] : []),
          { questionId: 'SurveyQuestion:3', satisfaction: 1 + (k % 5) },
        ],
      }),
      records: `select r.id::text as id, json_build_object('answers', (select json_agg(json_build_object('question_id', question_id, 'aware', aware, 'satisfaction', satisfaction) order by question_id)
        from survey_answer where response_id = r.id)) as value from survey_response r where r.external_ref like 'C-%'`,
      value: (image) => ({ answers: [...image.answers].sort((a: any, b: any) => a.question_id - b.question_id) }),
    },
  ];

  it('a record another writer creates while the batch runs is updated with its before-image, and the answers stay with their response', async () => {
    const operator = await hub.login(Role.SURVEY_OPERATOR);
    const SUBMIT = kinds.find((k) => k.field === 'submitSurveyResponses')!.mutation;
    const answer = (q: number, v: boolean | number) => (typeof v === 'boolean' ? { questionId: `SurveyQuestion:${q}`, aware: v } : { questionId: `SurveyQuestion:${q}`, satisfaction: v });
    const rows = [
      { respondentRef: 'MID-1', answers: [answer(1, true), answer(2, true)] },
      { respondentRef: 'MID-2', answers: [answer(1, true), answer(3, 5)] },
      { respondentRef: 'MID-3', answers: [answer(2, false)] },
    ].map((r) => ({ districtId: 'Region:2', ageBand: 'AGE_18_29', occupation: 'STUDENT', submittedOn: '2019-09-20', ...r }));
    // Another writer has created MID-2 and not committed yet: the batch's lock does not see it, its insert waits for it.
    const knex = (hub.db.orm.em.getConnection() as unknown as { getKnex(): any }).getKnex();
    const other = await knex.transaction();
    await other.raw(`with r as (insert into survey_response (wave_id, external_ref, district_id, age_band, occupation, submitted_on) values (1, 'MID-2', 3, 'AGE_60_PLUS', 'RETIRED', '2019-09-05') returning id)
      insert into survey_answer (response_id, question_id, aware, satisfaction) select id, q, a, s from r, (values (1, false, null::smallint), (3, null, 2::smallint)) v(q, a, s)`);
    let res;
    try {
      const sent = hub.gqlAs(operator, SUBMIT, { key: 'mid-write-1', wave: 'SurveyWave:1', rows });
      const waiting = async () => (await hub.sql(`select count(*)::int as n from pg_stat_activity where datname = current_database() and wait_event_type = 'Lock'`))[0].n as number;
      for (let i = 0; i < 200 && (await waiting()) === 0; i++) await new Promise((r) => setTimeout(r, 25));
      expect(await waiting()).toBe(1);
      await other.commit();
      res = await sent;
    } finally {
      if (!other.isCompleted()) await other.rollback();
    }
    expect(res.errors).toBeUndefined();
    expect(res.data.submitSurveyResponses).toMatchObject({ inserted: 2, updated: 1 });

    const [entry] = await hub.sql(`select e.action, e.before, e.after from audit_entry e join survey_response r on e.entity_id = r.id::text where e.entity = 'SurveyResponse' and r.external_ref = 'MID-2'`);
    expect(entry.action).toBe('UPDATE');
    expect(parse(entry.before)).toMatchObject({ district_id: 3, occupation: 'RETIRED', answers: [{ question_id: 1, aware: false, satisfaction: null }, { question_id: 3, aware: null, satisfaction: 2 }] });
    expect(parse(entry.after)).toMatchObject({ district_id: 2, answers: [{ question_id: 1, aware: true, satisfaction: null }, { question_id: 3, aware: null, satisfaction: 5 }] });
    const stored = await hub.sql(`select r.external_ref, r.district_id, array_agg(a.question_id order by a.question_id) as questions, array_agg(coalesce(a.aware::text, a.satisfaction::text) order by a.question_id) as answers
      from survey_response r join survey_answer a on a.response_id = r.id where r.external_ref like 'MID-%' group by 1, 2 order by 1`);
    expect(stored).toEqual([
      { external_ref: 'MID-1', district_id: 2, questions: [1, 2], answers: ['true', 'true'] },
      { external_ref: 'MID-2', district_id: 2, questions: [1, 3], answers: ['true', '5'] },
      { external_ref: 'MID-3', district_id: 2, questions: [2], answers: ['false'] },
    ]);
  });

  for (const k of kinds) {
    it(`${k.name}: exactly the rows they should, each change audited once with exact before-images, no errors`, async () => {
      const token = await k.role();
      const batch = (b: number) => {
        const rows = Array.from({ length: 10 }, (_, d) => k.row(2 * b + d, b));
        return b % 2 ? rows.reverse() : rows;
      };
      const sendAll = () => Promise.all(Array.from({ length: 20 }, (_, c) =>
        hub.gqlAs(token, k.mutation, { key: `concurrent-${k.field}-${c >> 1}`, rows: batch(c >> 1), ...k.variables })));

      const results = await sendAll();
      for (const r of results) expect(r.errors).toBeUndefined();
      const outcomes = results.map((r) => r.data[k.field]);
      // Of each pair, one wrote and one replayed the same result.
      for (let b = 0; b < 10; b++) {
        const [x, y] = [outcomes[2 * b], outcomes[2 * b + 1]];
        expect([x.replayed, y.replayed].sort()).toEqual([false, true]);
        expect({ ...x, replayed: null }).toEqual({ ...y, replayed: null });
      }
      const written = outcomes.filter((o) => !o.replayed);
      expect(written.reduce((s, o) => s + o.inserted, 0)).toBe(28);
      expect(written.reduce((s, o) => s + o.updated, 0)).toBe(72);

      const records = await hub.sql(k.records);
      expect(records.length).toBe(28);
      const audit = await hub.sql(`select entity_id, action, before, after from audit_entry where entity = '${k.entity}' and batch = any(array[${written.map((o) => `'${o.batchId}'`).join(', ')}]) order by id`);
      expect(audit.length).toBe(100);
      expect(audit.filter((e) => e.action === 'CREATE').length).toBe(28);
      const chains = new Map<string, any[]>();
      for (const e of audit) chains.set(e.entity_id, [...(chains.get(e.entity_id) ?? []), e]);
      expect([...chains.keys()].sort()).toEqual(records.map((r) => r.id).sort());
      for (const record of records) {
        const chain = chains.get(record.id)!;
        expect(chain[0].action).toBe('CREATE');
        expect(chain[0].before).toBeNull();
        for (let n = 1; n < chain.length; n++) {
          expect(chain[n].action).toBe('UPDATE');
          expect(chain[n].before).not.toBeNull();
          expect(k.value(parse(chain[n].before))).toEqual(k.value(parse(chain[n - 1].after)));
        }
        // The record holds what its last entry says it was given.
        expect(k.value(parse(record.value))).toEqual(k.value(parse(chain[chain.length - 1].after)));
      }
      const [batches] = await hub.sql(`select count(*)::int as n from ingestion_batch where key like 'concurrent-${k.field}-%'`);
      expect(batches.n).toBe(10);

      // All 20 again: every one a replay, nothing written.
      const audits = async () => (await hub.sql(`select count(*)::int as n from audit_entry`))[0].n as number;
      const auditsBefore = await audits();
      const again = await sendAll();
      expect(again.map((r) => r.data?.[k.field]?.replayed)).toEqual(Array(20).fill(true));
      expect(await audits()).toBe(auditsBefore);
      expect(await hub.sql(k.records)).toEqual(records);
    });
  }
});
