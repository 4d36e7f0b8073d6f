import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { backends, startTestHub, type TestHub } from '../../test/hub.js';
import { ANALYTICS_FIXTURE } from '../analytics/analytics.fixture.js';
import { Role } from '../auth/role.js';

const SAVE = `mutation($input: SurveyWaveInput!) { saveSurveyWave(input: $input) { id code name questions { id kind text law { name } agency { name } } } }`;
const SUBMIT = `mutation($k: String!, $w: ID!, $rows: [SurveyResponseRowInput!]!) { submitSurveyResponses(idempotencyKey: $k, waveId: $w, rows: $rows) { inserted } }`;

const wave = (over: Record<string, unknown> = {}) => ({
  code: 'W2026', name: '2026年普法满意度调查', year: 2026, method: 'QUESTIONNAIRE', conductedBy: '第三方评估机构',
  startsOn: '2026-09-01', endsOn: '2026-09-30',
  questions: [
    { kind: 'AWARENESS', lawId: 'Law:1', text: '您是否了解宪法？' },
    { kind: 'SATISFACTION', agencyId: 'Agency:2', text: '您对市场监管局的普法工作是否满意？' },
  ],
  ...over,
});

describe.each(backends())('authoring survey waves on %s', (kind) => {
  let hub: TestHub;
  let surveyor: string;
  beforeAll(async () => {
    hub = await startTestHub(kind);
    for (const stmt of ANALYTICS_FIXTURE.split(';').map((s) => s.trim()).filter(Boolean)) await hub.sql(stmt);
    surveyor = await hub.login(Role.SURVEY_OPERATOR);
  });
  afterAll(() => hub?.close());

  it('lets a survey operator create a wave whose questions then take responses', async () => {
    const res = await hub.gqlAs(surveyor, SAVE, { input: wave() });
    expect(res.errors).toBeUndefined();
    const saved = res.data.saveSurveyWave;
    expect(saved.questions.map((q: any) => [q.kind, q.law?.name ?? q.agency?.name])).toEqual([['AWARENESS', '宪法'], ['SATISFACTION', '市市场监督管理局']]);
    const [awareness, satisfaction] = saved.questions.map((q: any) => q.id);
    const submit = await hub.gqlAs(surveyor, SUBMIT, {
      k: 'wave-2026-batch-1', w: saved.id,
      rows: [{ respondentRef: 'Q-1', districtId: 'Region:2', ageBand: 'AGE_30_44', occupation: 'WORKER', submittedOn: '2026-09-02',
        answers: [{ questionId: awareness, aware: true }, { questionId: satisfaction, satisfaction: 4 }] }],
    });
    expect(submit.errors).toBeUndefined();
    expect(submit.data.submitSurveyResponses.inserted).toBe(1);
  });

  it('updates by code: rewords and adds questions, but never drops an answered one', async () => {
    const reworded = wave({ name: '2026年普法满意度与知晓率调查', questions: [
      { kind: 'AWARENESS', lawId: 'Law:1', text: '您了解《宪法》吗？' },
      { kind: 'SATISFACTION', agencyId: 'Agency:2', text: '您对市场监管局的普法工作是否满意？' },
      { kind: 'AWARENESS', lawId: 'Law:2', text: '您了解《食品安全法》吗？' },
    ] });
    const res = await hub.gqlAs(surveyor, SAVE, { input: reworded });
    expect(res.data.saveSurveyWave.name).toBe('2026年普法满意度与知晓率调查');
    expect(res.data.saveSurveyWave.questions.map((q: any) => q.text)).toEqual(['您了解《宪法》吗？', '您对市场监管局的普法工作是否满意？', '您了解《食品安全法》吗？']);
    const [{ n }] = await hub.sql(`select count(*)::int as n from survey_wave where code = 'W2026'`);
    expect(n).toBe(1);
    const dropping = await hub.gqlAs(surveyor, SAVE, { input: wave({ questions: [{ kind: 'AWARENESS', lawId: 'Law:2', text: '食品安全法？' }] }) });
    expect(dropping.errors![0]!.extensions!.code).toBe('BAD_USER_INPUT');
    expect(dropping.errors![0]!.message).toMatch(/answered questions cannot be removed/);
    const [{ q }] = await hub.sql(`select count(*)::int as q from survey_question qq join survey_wave w on w.id = qq.wave_id where w.code = 'W2026'`);
    expect(q).toBe(3);
    const audit = await hub.sql(`select action from audit_entry where entity = 'SurveyWave' order by id`);
    expect(audit.map((a: any) => a.action)).toEqual(['CREATE', 'UPDATE']);
  });

  it('refuses malformed waves with every problem, and other roles', async () => {
    const bad = await hub.gqlAs(surveyor, SAVE, { input: wave({ code: 'W-BAD', endsOn: '2026-08-01', questions: [
      { kind: 'AWARENESS', agencyId: 'Agency:2', text: '？' },
      { kind: 'SATISFACTION', agencyId: 'Agency:99', text: '？' },
    ] }) });
    expect(bad.errors![0]!.extensions!.code).toBe('BAD_USER_INPUT');
    expect(bad.errors![0]!.extensions!.problems).toEqual([
      { path: ['input', 'endsOn'], message: 'ends 2026-08-01, before it starts (2026-09-01)' },
      { path: ['input', 'questions', 0, 'lawId'], message: 'an AWARENESS question names one law (lawId: "Law:…") and no agency' },
      { path: ['input', 'questions', 1, 'agencyId'], message: 'Agency:99 does not exist' },
    ]);
    expect(await hub.sql(`select id from survey_wave where code = 'W-BAD'`)).toEqual([]);
    const reporter = await hub.login(Role.AGENCY_REPORTER, { agencyId: 2 });
    expect((await hub.gqlAs(reporter, SAVE, { input: wave({ code: 'W-X' }) })).errors![0]!.extensions!.code).toBe('FORBIDDEN');
    expect((await hub.gqlAs(null, SAVE, { input: wave({ code: 'W-X' }) })).errors![0]!.extensions!.code).toBe('UNAUTHENTICATED');
  });
});
