import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { backends, startTestHub, type TestHub } from '../../test/hub.js';
import { ANALYTICS_FIXTURE } from '../analytics/analytics.fixture.js';
import { Role } from '../auth/role.js';

const SUBMIT = `mutation($key: String!, $wave: ID!, $rows: [SurveyResponseRowInput!]!) {
  submitSurveyResponses(idempotencyKey: $key, waveId: $wave, rows: $rows) { batchId accepted inserted updated replayed }
}`;
const TOTALS = `{ analytics(measures: [SURVEY_RESPONSES, AWARENESS_RATE, SATISFACTION_MEAN]) { totals { value } } }`;
const WAVE = 'SurveyWave:1';

const row = (over: Record<string, unknown> = {}) => ({
  respondentRef: 'Q-001', districtId: 'Region:2', ageBand: 'AGE_30_44', occupation: 'WORKER', submittedOn: '2019-09-10',
  answers: [{ questionId: 'SurveyQuestion:1', aware: true }, { questionId: 'SurveyQuestion:2', aware: true }, { questionId: 'SurveyQuestion:3', satisfaction: 5 }],
  ...over,
});
const FIRST = [
  row(),
  row({
    respondentRef: 'Q-002', districtId: 'Region:3', ageBand: 'AGE_60_PLUS', occupation: 'RETIRED', submittedOn: '2019-09-11',
    answers: [{ questionId: 'SurveyQuestion:1', aware: false }, { questionId: 'SurveyQuestion:2', aware: true }, { questionId: 'SurveyQuestion:3', satisfaction: null }],
  }),
];

describe.each(backends())('submitting survey responses on %s', (kind) => {
  let hub: TestHub;
  let operator: string;
  const count = async () => (await hub.sql(`select (select count(*)::int from survey_response) as responses, (select count(*)::int from survey_answer) as answers`))[0] as { responses: number; answers: number };
  const audits = async () => (await hub.sql('select count(*)::int as n from audit_entry'))[0].n as number;
  const totals = async () => {
    const [responses, awareness, satisfaction] = (await hub.gql(TOTALS)).data.analytics.totals.map((t: any) => t.value);
    return { responses, awareness, satisfaction };
  };

  beforeAll(async () => {
    hub = await startTestHub(kind);
    for (const stmt of ANALYTICS_FIXTURE.split(';').map((s) => s.trim()).filter(Boolean)) await hub.sql(stmt);
    // Another wave with a question of its own (no answers: the figures do not move).
    await hub.sql(`insert into survey_wave (id, code, name, year, method, conducted_by, starts_on, ends_on) values (2, 'W2020', '2020年调查', 2020, 'QUESTIONNAIRE', '第三方', '2020-09-01', '2020-09-30')`);
    await hub.sql(`insert into survey_question (id, wave_id, kind, law_id, agency_id, text) values (4, 2, 'AWARENESS', 1, null, '您是否了解宪法？')`);
    operator = await hub.login(Role.SURVEY_OPERATOR);
  });
  afterAll(() => hub?.close());

  it('writes a batch and moves every figure by exactly what it added', async () => {
    // Fixture: 3 responses; awareness answers T F T T F → 3/5; satisfaction 4, 2, 5 → 11/3.
    const t0 = await totals();
    expect(t0.responses).toBe(3);
    expect(t0.awareness).toBeCloseTo(3 / 5, 12);
    expect(t0.satisfaction).toBeCloseTo(11 / 3, 12);
    const res = await hub.gqlAs(operator, SUBMIT, { key: 'survey-0001', wave: WAVE, rows: FIRST });
    expect(res.errors).toBeUndefined();
    expect(res.data.submitSurveyResponses).toMatchObject({ accepted: 2, inserted: 2, updated: 0, replayed: false });
    // + Q-001 (T, T, 5) and Q-002 (F, T, don't know): 5 responses; awareness 3+3 of 5+4 = 6/9;
    // satisfaction 4, 2, 5, 5 (the don't-know is no score) = 16/4 = 4.
    const t = await totals();
    expect(t.responses).toBe(5);
    expect(t.awareness).toBeCloseTo(6 / 9, 12);
    expect(t.satisfaction).toBe(4);
    expect(await count()).toEqual({ responses: 5, answers: 14 });
    const refs = await hub.gql(`{ surveyResponses(filter: { waveIds: ["SurveyWave:1"] }) { edges { node { respondentRef district { id } submittedOn answers { aware satisfaction } } } } }`);
    expect(refs.errors).toBeUndefined();
    const byRef = Object.fromEntries(refs.data.surveyResponses.edges.map((e: any) => [e.node.respondentRef, e.node]));
    expect(byRef['Q-002']).toEqual({ respondentRef: 'Q-002', district: { id: 'Region:3' }, submittedOn: '2019-09-11', answers: [{ aware: false, satisfaction: null }, { aware: true, satisfaction: null }, { aware: null, satisfaction: null }] });
    expect(Object.keys(byRef).sort()).toEqual(['Q-001', 'Q-002', 'null']);
    const audit = await hub.sql(`select action, entity, batch from audit_entry where entity = 'SurveyResponse' order by id`);
    expect(audit).toEqual(Array.from({ length: 2 }, () => ({ action: 'CREATE', entity: 'SurveyResponse', batch: res.data.submitSurveyResponses.batchId })));
  });

  it('answers a replay with the first result and writes nothing; another payload or wave under the key is a conflict', async () => {
    const before = await count();
    const auditBefore = await audits();
    const replay = await hub.gqlAs(operator, SUBMIT, { key: 'survey-0001', wave: WAVE, rows: FIRST });
    expect(replay.data.submitSurveyResponses).toMatchObject({ accepted: 2, inserted: 2, updated: 0, replayed: true });
    const otherRows = await hub.gqlAs(operator, SUBMIT, { key: 'survey-0001', wave: WAVE, rows: [row({ occupation: 'STUDENT' })] });
    expect(otherRows.errors![0]!.extensions!.code).toBe('CONFLICT');
    const otherWave = await hub.gqlAs(operator, SUBMIT, { key: 'survey-0001', wave: 'SurveyWave:2', rows: FIRST });
    expect(otherWave.errors![0]!.extensions!.code).toBe('CONFLICT');
    expect(await count()).toEqual(before);
    expect(await audits()).toBe(auditBefore);
  });

  it('replaces a response and its answers when it is resent under its respondentRef, with before and after in the audit trail', async () => {
    // Q-002 corrected: aware of question 1, question 2 not asked after all, satisfaction 3.
    const res = await hub.gqlAs(operator, SUBMIT, {
      key: 'survey-0002', wave: WAVE,
      rows: [row({ respondentRef: 'Q-002', answers: [{ questionId: 'SurveyQuestion:1', aware: true }, { questionId: 'SurveyQuestion:3', satisfaction: 3 }] })],
    });
    expect(res.errors).toBeUndefined();
    expect(res.data.submitSurveyResponses).toMatchObject({ inserted: 0, updated: 1 });
    // Still 5 responses; answers 14 − 3 + 2 = 13; awareness: fixture 3/5 + Q-001 2/2 + Q-002 1/1 = 6/8;
    // satisfaction 4, 2, 5, 5, 3 = 19/5.
    expect(await count()).toEqual({ responses: 5, answers: 13 });
    const t = await totals();
    expect(t.responses).toBe(5);
    expect(t.awareness).toBe(0.75);
    expect(t.satisfaction).toBeCloseTo(3.8, 12);
    const [moved] = await hub.sql(`select district_id, age_band from survey_response where external_ref = 'Q-002'`);
    expect(moved).toEqual({ district_id: 2, age_band: 'AGE_30_44' });
    const [entry] = await hub.sql(`select before, after, batch from audit_entry where action = 'UPDATE' and entity = 'SurveyResponse'`);
    const parse = (v: unknown) => (typeof v === 'string' ? JSON.parse(v) : v) as Record<string, any>;
    expect(parse(entry.before)).toMatchObject({ external_ref: 'Q-002', district_id: 3, submitted_on: '2019-09-11' });
    expect(parse(entry.before).answers).toEqual([
      { question_id: 1, aware: false, satisfaction: null }, { question_id: 2, aware: true, satisfaction: null }, { question_id: 3, aware: null, satisfaction: null },
    ]);
    expect(parse(entry.after).answers).toEqual([{ question_id: 1, aware: true, satisfaction: null }, { question_id: 3, aware: null, satisfaction: 3 }]);
    expect(entry.batch).toBe(res.data.submitSurveyResponses.batchId);
  });

  it('refuses a batch with any bad row, listing every problem by row and field, and writes nothing', async () => {
    const before = await count();
    const auditBefore = await audits();
    const good = row({ respondentRef: 'Q-003', answers: [{ questionId: 'SurveyQuestion:1', aware: true }] });
    const res = await hub.gqlAs(operator, SUBMIT, {
      key: 'survey-0003', wave: WAVE,
      rows: [
        good,
        row({ respondentRef: 'Q-004', districtId: 'Region:4', submittedOn: '2019-10-05' }),
        row({ respondentRef: 'Q-005', answers: [{ questionId: 'SurveyQuestion:4', aware: true }, { questionId: 'SurveyQuestion:1', aware: true }, { questionId: 'SurveyQuestion:1', aware: false }] }),
        row({ respondentRef: 'Q-006', answers: [{ questionId: 'SurveyQuestion:1', satisfaction: 3 }, { questionId: 'SurveyQuestion:3', aware: true, satisfaction: 6 }] }),
        row({ respondentRef: 'Q-003', answers: [] }),
        row({ respondentRef: 'Q'.repeat(61), districtId: 'Region:99', answers: [{ questionId: 'SurveyQuestion:99', aware: true }] }),
      ],
    });
    expect(res.errors![0]!.extensions!.code).toBe('BAD_USER_INPUT');
    expect(res.errors![0]!.message).toBe('The batch was refused and nothing was written: 13 problems in 5 row(s) of survey-responses; first: row 2, districtId: Region:4 is a STREET; give the respondent’s district (a DISTRICT-level region)');
    expect(res.errors![0]!.extensions!.rowErrors).toEqual([
      { row: 1, field: 'districtId', message: 'Region:4 is a STREET; give the respondent’s district (a DISTRICT-level region)' },
      { row: 1, field: 'submittedOn', message: '2019-10-05 is outside the window of SurveyWave:1, 2019-09-01 … 2019-09-30' },
      { row: 2, field: 'answers.0.questionId', message: 'SurveyQuestion:4 belongs to SurveyWave:2, not SurveyWave:1' },
      { row: 2, field: 'answers.2.questionId', message: 'SurveyQuestion:1 is already answered in answers.1: answer each question once' },
      { row: 3, field: 'answers.0.aware', message: 'required for an AWARENESS question: true or false' },
      { row: 3, field: 'answers.0.satisfaction', message: 'must be null: SurveyQuestion:1 is an AWARENESS question (give aware)' },
      { row: 3, field: 'answers.1.aware', message: 'must be null: SurveyQuestion:3 is a SATISFACTION question (give satisfaction)' },
      { row: 3, field: 'answers.1.satisfaction', message: 'must be a whole number from 1 to 5' },
      { row: 4, field: 'answers', message: 'required: at least one answer' },
      { row: 4, field: 'respondentRef', message: 'same wave and respondentRef as row 1: send each questionnaire once' },
      { row: 5, field: 'respondentRef', message: 'at most 60 characters' },
      { row: 5, field: 'districtId', message: 'Region:99 does not exist' },
      { row: 5, field: 'answers.0.questionId', message: 'SurveyQuestion:99 does not exist' },
    ]);
    expect(await count()).toEqual(before);
    expect(await audits()).toBe(auditBefore);
    // A wave that does not exist is one problem, however many rows.
    const noWave = await hub.gqlAs(operator, SUBMIT, { key: 'survey-0004', wave: 'SurveyWave:9', rows: [good, row({ respondentRef: 'Q-007' })] });
    expect(noWave.errors![0]!.extensions!.rowErrors).toEqual([{ row: 0, field: 'waveId', message: 'SurveyWave:9 does not exist' }]);
    const notAWave = await hub.gqlAs(operator, SUBMIT, { key: 'survey-0005', wave: 'Agency:1', rows: [good, row({ respondentRef: 'Q-007' })] });
    expect(notAWave.errors![0]!.extensions!.rowErrors).toEqual([{ row: 0, field: 'waveId', message: '"Agency:1" is not a SurveyWave id (expected SurveyWave:123)' }]);
    // The key was not spent: the corrected batch goes through under it. + Q-003 (T): 6 responses; awareness 7/9.
    const retry = await hub.gqlAs(operator, SUBMIT, { key: 'survey-0003', wave: WAVE, rows: [good] });
    expect(retry.data.submitSurveyResponses.inserted).toBe(1);
    const t = await totals();
    expect(t.responses).toBe(6);
    expect(t.awareness).toBeCloseTo(7 / 9, 12);
    expect(t.satisfaction).toBeCloseTo(3.8, 12);
  });

  it('refuses other roles and the public, writing nothing; an admin may submit', async () => {
    const reporter = await hub.login(Role.AGENCY_REPORTER, { agencyId: 2 });
    const before = await count();
    const auditBefore = await audits();
    const wrongRole = await hub.gqlAs(reporter, SUBMIT, { key: 'survey-0006', wave: WAVE, rows: [row({ respondentRef: 'Q-008' })] });
    expect(wrongRole.errors![0]!.extensions!.code).toBe('FORBIDDEN');
    expect(wrongRole.errors![0]!.message).toBe('Your account (AGENCY_REPORTER) may not write survey response records');
    expect((await hub.gqlAs(null, SUBMIT, { key: 'survey-0007', wave: WAVE, rows: [row({ respondentRef: 'Q-008' })] })).errors![0]!.extensions!.code).toBe('UNAUTHENTICATED');
    expect(await count()).toEqual(before);
    expect(await audits()).toBe(auditBefore);
    const admin = await hub.gql(SUBMIT, { key: 'survey-0008', wave: WAVE, rows: [row({ respondentRef: 'Q-008', answers: [{ questionId: 'SurveyQuestion:3', satisfaction: 1 }] })] });
    expect(admin.data.submitSurveyResponses).toMatchObject({ inserted: 1, updated: 0 });
    // 7 responses; satisfaction 4, 2, 5, 5, 3, 1 = 20/6.
    const t = await totals();
    expect(t.responses).toBe(7);
    expect(t.satisfaction).toBeCloseTo(20 / 6, 12);
  });
});
