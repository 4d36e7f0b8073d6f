import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { backends, startTestHub, type TestHub } from '../../test/hub.js';
import { ANALYTICS_FIXTURE } from '../analytics/analytics.fixture.js';
import { Role } from '../auth/role.js';

const REPORT = `mutation($key: String!, $rows: [AttendanceRowInput!]!) {
  reportAttendance(idempotencyKey: $key, rows: $rows) { batchId accepted inserted updated replayed }
}`;
const TOTALS = `{ analytics(measures: [TRAINING_REQUIRED, TRAINING_ATTENDED, TRAINING_ATTENDANCE_RATE]) { totals { value } } }`;

const row = (over: Record<string, unknown> = {}) => ({
  sessionId: 'TrainingSession:1', agencyId: 'Agency:2', attendee: '李三', leadingCadre: true, required: true, attended: true, hours: 12, score: 85, ...over,
});
const FIRST = [
  row(),
  row({ attendee: '李四', leadingCadre: false, attended: false, hours: 0, score: null }),
  row({ attendee: '李五', leadingCadre: false, required: false, hours: 6.5, score: null }),
];

describe.each(backends())('reporting training attendance on %s', (kind) => {
  let hub: TestHub;
  let reporter: string;
  const count = async () => (await hub.sql('select count(*)::int as n from training_attendance'))[0].n as number;
  const audits = async () => (await hub.sql('select count(*)::int as n from audit_entry'))[0].n as number;
  const totals = async () => {
    const [required, attended, rate] = (await hub.gql(TOTALS)).data.analytics.totals.map((t: any) => t.value);
    return { required, attended, rate };
  };

  beforeAll(async () => {
    hub = await startTestHub(kind);
    for (const stmt of ANALYTICS_FIXTURE.split(';').map((s) => s.trim()).filter(Boolean)) await hub.sql(stmt);
    // A session from before Agency:2 existed (valid from 2016-01-01).
    await hub.sql(`insert into training_session (id, title, kind, organiser_id, starts_on, ends_on, hours, region_id) values (2, '旧培训班', 'STAFF_TRAINING', 1, '2015-06-01', '2015-06-01', 4, 1)`);
    reporter = await hub.login(Role.AGENCY_REPORTER, { agencyId: 2 });
  });
  afterAll(() => hub?.close());

  it('writes a batch and moves every figure by exactly what it added', async () => {
    // Fixture: required rows 张一 张二 张三 李一 李二 = 5; of them attended 张一 张二 = 2; rate 2/5.
    expect(await totals()).toEqual({ required: 5, attended: 2, rate: 0.4 });
    const res = await hub.gqlAs(reporter, REPORT, { key: 'attend-0001', rows: FIRST });
    expect(res.errors).toBeUndefined();
    expect(res.data.reportAttendance).toMatchObject({ accepted: 3, inserted: 3, updated: 0, replayed: false });
    // + 李三 (required, attended), 李四 (required, absent), 李五 (not required): required 7, attended 3, rate 3/7.
    const t = await totals();
    expect([t.required, t.attended]).toEqual([7, 3]);
    expect(t.rate).toBeCloseTo(3 / 7, 12);
    expect(await hub.sql(`select attendee, leading_cadre, hours, score from training_attendance where agency_id = 2 and id > 6 order by attendee collate "C"`)).toEqual([
      { attendee: '李三', leading_cadre: true, hours: 12, score: 85 },
      { attendee: '李五', leading_cadre: false, hours: 6.5, score: null },
      { attendee: '李四', leading_cadre: false, hours: 0, score: null },
    ]);
    const audit = await hub.sql(`select action, entity, batch from audit_entry where entity = 'TrainingAttendance' order by id`);
    expect(audit).toEqual(Array.from({ length: 3 }, () => ({ action: 'CREATE', entity: 'TrainingAttendance', batch: res.data.reportAttendance.batchId })));
  });

  it('answers a replay with the first result and writes nothing; another payload under the key is a conflict', async () => {
    const before = await count();
    const auditBefore = await audits();
    const replay = await hub.gqlAs(reporter, REPORT, { key: 'attend-0001', rows: FIRST });
    expect(replay.data.reportAttendance).toMatchObject({ accepted: 3, inserted: 3, updated: 0, replayed: true });
    const conflict = await hub.gqlAs(reporter, REPORT, { key: 'attend-0001', rows: [row({ score: 86 })] });
    expect(conflict.errors![0]!.extensions!.code).toBe('CONFLICT');
    expect(await count()).toBe(before);
    expect(await audits()).toBe(auditBefore);
  });

  it('updates in place when corrected rows are resent under their natural key, with before and after in the audit trail', async () => {
    const before = await count();
    // 李四 did attend after all; 李一 (a fixture row, required and absent) too.
    const res = await hub.gqlAs(reporter, REPORT, {
      key: 'attend-0002',
      rows: [row({ attendee: '李四', leadingCadre: false, hours: 12, score: 60 }), row({ attendee: '李一', leadingCadre: false, hours: 12, score: null })],
    });
    expect(res.errors).toBeUndefined();
    expect(res.data.reportAttendance).toMatchObject({ inserted: 0, updated: 2 });
    expect(await count()).toBe(before);
    // required still 7; attended 3 + 李四 + 李一 = 5; rate 5/7.
    const t = await totals();
    expect([t.required, t.attended]).toEqual([7, 5]);
    expect(t.rate).toBeCloseTo(5 / 7, 12);
    const entries = await hub.sql(`select entity_id, before, after from audit_entry where action = 'UPDATE' and entity = 'TrainingAttendance' order by id`);
    const parse = (v: unknown) => (typeof v === 'string' ? JSON.parse(v) : v) as Record<string, unknown>;
    // Written in natural-key order: 李一 sorts before 李四.
    expect(entries.map((e) => [e.entity_id, parse(e.before).attended, parse(e.after).attended])).toEqual([['4', false, true], [expect.any(String), false, true]]);
    expect(parse(entries[1].before)).toMatchObject({ attendee: '李四', score: null });
    expect(parse(entries[1].after)).toMatchObject({ attendee: '李四', score: 60 });
  });

  it('refuses a batch with any bad row, listing every problem by row and field, and writes nothing', async () => {
    const before = await count();
    const auditBefore = await audits();
    const good = row({ attendee: '李六', leadingCadre: false, hours: 3, score: null });
    const res = await hub.gqlAs(reporter, REPORT, {
      key: 'attend-0003',
      rows: [
        good,
        row({ attendee: '长'.repeat(61), hours: 250, attended: false, score: 95 }),
        row({ attendee: '李七', sessionId: 'TrainingSession:99' }),
        row({ attendee: '李八', sessionId: 'TrainingSession:2' }),
        { ...good, hours: 4 },
        row({ attendee: '李九', agencyId: 'Region:2', score: 101 }),
      ],
    });
    expect(res.errors![0]!.extensions!.code).toBe('BAD_USER_INPUT');
    expect(res.errors![0]!.message).toBe('The batch was refused and nothing was written: 8 problems in 5 row(s) of attendance; first: row 2, attendee: at most 60 characters');
    expect(res.errors![0]!.extensions!.rowErrors).toEqual([
      { row: 1, field: 'attendee', message: 'at most 60 characters' },
      { row: 1, field: 'hours', message: 'must be a number from 0 to 200' },
      { row: 1, field: 'score', message: 'must be null when attended is false: only attendees sit the exam' },
      { row: 2, field: 'sessionId', message: 'TrainingSession:99 does not exist' },
      { row: 3, field: 'agencyId', message: 'Agency:2 did not exist on 2015-06-01, when TrainingSession:2 started (valid 2016-01-01 … today)' },
      { row: 4, field: 'attendee', message: 'same session, agency and attendee as row 1: send each attendee once' },
      { row: 5, field: 'agencyId', message: '"Region:2" is not a Agency id (expected Agency:123)' },
      { row: 5, field: 'score', message: 'must be a number from 0 to 100' },
    ]);
    expect(await count()).toBe(before);
    expect(await audits()).toBe(auditBefore);
    // The key was not spent: the corrected batch goes through under it. + 李六 (required, attended): 8, 6, 6/8.
    const retry = await hub.gqlAs(reporter, REPORT, { key: 'attend-0003', rows: [good] });
    expect(retry.data.reportAttendance.inserted).toBe(1);
    expect(await totals()).toEqual({ required: 8, attended: 6, rate: 0.75 });
  });

  it('refuses rows for another agency, other roles and the public, writing nothing', async () => {
    const media = await hub.login(Role.MEDIA_PARTNER, { outletId: 1 });
    const before = await count();
    const auditBefore = await audits();
    const forged = await hub.gqlAs(reporter, REPORT, { key: 'attend-0004', rows: [row({ attendee: '冒名一' }), row({ agencyId: 'Agency:1', attendee: '冒名二' })] });
    expect(forged.errors![0]!.extensions!.code).toBe('FORBIDDEN');
    expect(forged.errors![0]!.extensions!.rowErrors).toEqual([
      { row: 1, field: 'agencyId', message: 'Your account reports for Agency:2; it may not write records of Agency:1' },
    ]);
    const wrongRole = await hub.gqlAs(media, REPORT, { key: 'attend-0005', rows: [row({ attendee: '冒名三' })] });
    expect(wrongRole.errors![0]!.extensions!.code).toBe('FORBIDDEN');
    expect(wrongRole.errors![0]!.extensions!.rowErrors[0]).toMatchObject({ row: 0, field: 'agencyId' });
    expect((await hub.gqlAs(null, REPORT, { key: 'attend-0006', rows: [row()] })).errors![0]!.extensions!.code).toBe('UNAUTHENTICATED');
    expect(await count()).toBe(before);
    expect(await audits()).toBe(auditBefore);
    expect(await totals()).toEqual({ required: 8, attended: 6, rate: 0.75 });
  });
});
