import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { backends, startTestHub, type TestHub } from '../../test/hub.js';
import { ANALYTICS_FIXTURE } from '../analytics/analytics.fixture.js';
import { todayInShanghai } from '../ingestion/rows.js';
import { deviceHash } from './feedback.service.js';
import { loadFixture } from './portal.fixture.js';

const SUBMIT = `mutation($input: FeedbackInput!) { submitFeedback(input: $input) { answers wave { code } } }`;
const OPEN = `{ openFeedbackWaves { code questions { id kind } } }`;
const RESULTS = `query($m: SurveyMeasure!, $w: [ID!]) { surveyResults(measure: $m, by: WAVE, filter: { waveIds: $w }) { rows { unit { id } estimate n aware } } }`;

const day = (n: number) => new Date(Date.parse(`${todayInShanghai()}T00:00:00Z`) + n * 86_400_000).toISOString().slice(0, 10);
/** Waves around today: 2 QUIZ open, 3 QUIZ closed, 4 ONLINE not yet open, 5 ONLINE open; wave 1 (2019, QUESTIONNAIRE) comes with ANALYTICS_FIXTURE. */
const FEEDBACK_FIXTURE = `
insert into survey_wave (id, code, name, year, method, conducted_by, starts_on, ends_on) values
  (2, 'QUIZ-OPEN', '宪法有奖问答', ${day(0).slice(0, 4)}, 'QUIZ', '市普法办', '${day(-5)}', '${day(5)}'),
  (3, 'QUIZ-OLD', '往期有奖问答', ${day(-400).slice(0, 4)}, 'QUIZ', '市普法办', '${day(-400)}', '${day(-380)}'),
  (4, 'ONLINE-SOON', '即将开始的调查', ${day(10).slice(0, 4)}, 'ONLINE', '市普法办', '${day(10)}', '${day(20)}'),
  (5, 'ONLINE-OPEN', '网上满意度调查', ${day(0).slice(0, 4)}, 'ONLINE', '第三方', '${day(-1)}', '${day(1)}');
insert into survey_question (id, wave_id, kind, law_id, agency_id, text) values
  (10, 2, 'AWARENESS', 1, null, '您是否了解宪法？'), (11, 2, 'SATISFACTION', null, 2, '您对市场监管局的普法是否满意？'),
  (12, 5, 'AWARENESS', 2, null, '您是否了解食品安全法？')
`;

const TOKEN_A = 'dev-token-aaaaaaaaaaaaaaaa';
const TOKEN_B = 'dev-token-bbbbbbbbbbbbbbbb';
const entry = (over: Record<string, unknown> = {}) => ({
  waveId: 'SurveyWave:2', deviceToken: TOKEN_A, districtId: 'Region:2', ageBand: 'AGE_30_44', occupation: 'WORKER',
  answers: [{ questionId: 'SurveyQuestion:10', aware: true }, { questionId: 'SurveyQuestion:11', satisfaction: 4 }],
  ...over,
});

describe.each(backends())('public feedback and quiz on %s', (kind) => {
  let hub: TestHub;
  const responses = async (wave: number) => (await hub.sql(`select count(*)::int as n from survey_response where wave_id = ${wave}`))[0].n;

  beforeAll(async () => {
    hub = await startTestHub(kind, { limits: { perMinute: 100_000, signInPerMinute: 10_000, publicSubmitPerMinute: 1_000 } });
    await loadFixture(hub, ANALYTICS_FIXTURE, FEEDBACK_FIXTURE);
  });
  afterAll(() => hub?.close());

  it('lists the quiz and online waves open today, for anyone', async () => {
    const res = await hub.gqlAs(null, OPEN);
    expect(res.errors).toBeUndefined();
    expect(res.data.openFeedbackWaves).toEqual([
      { code: 'ONLINE-OPEN', questions: [{ id: 'SurveyQuestion:12', kind: 'AWARENESS' }] },
      { code: 'QUIZ-OPEN', questions: [{ id: 'SurveyQuestion:10', kind: 'AWARENESS' }, { id: 'SurveyQuestion:11', kind: 'SATISFACTION' }] },
    ]);
  });

  it('stores an entry without an account as a survey response that surveyResults counts', async () => {
    const res = await hub.gqlAs(null, SUBMIT, { input: entry() });
    expect(res.errors).toBeUndefined();
    expect(res.data.submitFeedback).toEqual({ answers: 2, wave: { code: 'QUIZ-OPEN' } });
    expect(await hub.sql(`select external_ref, district_id, age_band, occupation, submitted_on::text as day from survey_response where wave_id = 2`))
      .toEqual([{ external_ref: null, district_id: 2, age_band: 'AGE_30_44', occupation: 'WORKER', day: day(0) }]);
    expect(await hub.sql(`select question_id, aware, satisfaction from survey_answer a join survey_response r on r.id = a.response_id where r.wave_id = 2 order by question_id`))
      .toEqual([{ question_id: 10, aware: true, satisfaction: null }, { question_id: 11, aware: null, satisfaction: 4 }]);
    const awareness = await hub.gql(RESULTS, { m: 'AWARENESS', w: ['SurveyWave:2'] });
    expect(awareness.data.surveyResults.rows).toEqual([{ unit: { id: 'SurveyWave:2' }, estimate: 1, n: 1, aware: 1 }]);
    const satisfaction = await hub.gql(RESULTS, { m: 'SATISFACTION', w: ['SurveyWave:2'] });
    expect(satisfaction.data.surveyResults.rows).toEqual([{ unit: { id: 'SurveyWave:2' }, estimate: 4, n: 1, aware: null }]);
  });

  it('keeps only an HMAC of the device token, and refuses a second entry from the device with CONFLICT', async () => {
    const [{ value: secret }] = await hub.sql(`select value from hub_meta where key = 'device_hmac_secret'`);
    expect(secret).toMatch(/^[0-9a-f]{64}$/);
    const stored = await hub.sql(`select wave_id, device_hash from feedback_device`);
    expect(stored).toEqual([{ wave_id: 2, device_hash: deviceHash(secret, 2, TOKEN_A) }]);
    expect(JSON.stringify(stored)).not.toContain(TOKEN_A);

    const again = await hub.gqlAs(null, SUBMIT, { input: entry({ answers: [{ questionId: 'SurveyQuestion:10', aware: false }] }) });
    expect(again.errors![0]!.extensions!.code).toBe('CONFLICT');
    expect(again.errors![0]!.message).toBe('This device has already answered SurveyWave:2; each device answers a wave once');
    expect(await responses(2)).toBe(1);

    // Another device answers the same wave; the first device another wave.
    expect((await hub.gqlAs(null, SUBMIT, { input: entry({ deviceToken: TOKEN_B, answers: [{ questionId: 'SurveyQuestion:10', aware: false }] }) })).errors).toBeUndefined();
    expect((await hub.gqlAs(null, SUBMIT, { input: entry({ waveId: 'SurveyWave:5', answers: [{ questionId: 'SurveyQuestion:12', aware: true }] }) })).errors).toBeUndefined();
    expect([await responses(2), await responses(5)]).toEqual([2, 1]);
    const awareness = await hub.gql(RESULTS, { m: 'AWARENESS', w: ['SurveyWave:2'] });
    expect(awareness.data.surveyResults.rows).toEqual([{ unit: { id: 'SurveyWave:2' }, estimate: 0.5, n: 2, aware: 1 }]);
  });

  it('validates every answer and names each problem; nothing is stored', async () => {
    const res = await hub.gqlAs(null, SUBMIT, { input: entry({
      deviceToken: 'dev-token-cccccccccccccccc', districtId: 'Region:4',
      answers: [
        { questionId: 'SurveyQuestion:10' },
        { questionId: 'SurveyQuestion:11', satisfaction: 6 },
        { questionId: 'SurveyQuestion:10', aware: true },
        { questionId: 'SurveyQuestion:1', aware: true },
        { questionId: 'SurveyQuestion:11', aware: true, satisfaction: 3 },
      ],
    }) });
    expect(res.errors![0]!.extensions!.code).toBe('BAD_USER_INPUT');
    expect(res.errors![0]!.extensions!.problems).toEqual([
      { path: ['input', 'districtId'], message: 'Region:4 is a STREET; choose a district' },
      { path: ['input', 'answers', 0, 'aware'], message: 'required for an AWARENESS question: true or false' },
      { path: ['input', 'answers', 1, 'satisfaction'], message: 'required for a SATISFACTION question: a whole number from 1 to 5' },
      { path: ['input', 'answers', 2, 'questionId'], message: 'already answered in answers.0: answer each question once' },
      { path: ['input', 'answers', 3, 'questionId'], message: 'SurveyQuestion:1 is not a question of SurveyWave:2' },
      { path: ['input', 'answers', 4, 'questionId'], message: 'already answered in answers.1: answer each question once' },
    ]);
    const mixed = await hub.gqlAs(null, SUBMIT, { input: entry({ deviceToken: 'dev-token-cccccccccccccccc', answers: [{ questionId: 'SurveyQuestion:10', aware: true, satisfaction: 2 }, { questionId: 'SurveyQuestion:11', aware: false, satisfaction: 5 }] }) });
    expect(mixed.errors![0]!.extensions!.problems).toEqual([
      { path: ['input', 'answers', 0, 'satisfaction'], message: 'must be empty for an AWARENESS question (give aware)' },
      { path: ['input', 'answers', 1, 'aware'], message: 'must be empty for a SATISFACTION question (give satisfaction)' },
    ]);
    expect(await responses(2)).toBe(2);
    expect((await hub.sql(`select count(*)::int as n from feedback_device`))[0].n).toBe(3);
  });

  it('takes only quiz and online waves open today', async () => {
    const cases: [string, string][] = [
      ['SurveyWave:1', 'SurveyWave:1 is a QUESTIONNAIRE wave run by its evaluator; the public form takes QUIZ and ONLINE waves'],
      ['SurveyWave:3', `SurveyWave:3 is not open today (${day(0)}): it runs ${day(-400)} … ${day(-380)}`],
      ['SurveyWave:4', `SurveyWave:4 is not open today (${day(0)}): it runs ${day(10)} … ${day(20)}`],
      ['SurveyWave:99', 'SurveyWave:99 does not exist'],
      ['Region:2', '"Region:2" is not a SurveyWave id'],
    ];
    for (const [waveId, message] of cases) {
      const res = await hub.gqlAs(null, SUBMIT, { input: entry({ waveId, deviceToken: 'dev-token-dddddddddddddddd', answers: [{ questionId: 'SurveyQuestion:1', aware: true }] }) });
      expect(res.errors![0]!.extensions!.code).toBe('BAD_USER_INPUT');
      expect(res.errors![0]!.extensions!.problems[0]).toEqual({ path: ['input', 'waveId'], message });
    }
    expect(await responses(1)).toBe(3);
  });

  // class-validator names the field within the input (the project's convention for format rules).
  it('refuses a malformed token and an empty entry before reading anything', async () => {
    const short = await hub.gqlAs(null, SUBMIT, { input: entry({ deviceToken: 'abc' }) });
    expect(short.errors![0]!.extensions!.code).toBe('BAD_USER_INPUT');
    expect(short.errors![0]!.extensions!.problems).toEqual([{ path: ['deviceToken'], message: 'deviceToken must be 16–128 letters, digits, dashes or underscores' }]);
    const empty = await hub.gqlAs(null, SUBMIT, { input: entry({ deviceToken: 'dev-token-eeeeeeeeeeeeeeee', answers: [] }) });
    expect(empty.errors![0]!.extensions!.problems).toEqual([{ path: ['answers'], message: 'answer at least one question' }]);
  });
});

describe('public submissions are rate-limited per address', () => {
  let hub: TestHub;
  beforeAll(async () => {
    hub = await startTestHub('pglite', { limits: { perMinute: 100_000, signInPerMinute: 10_000, publicSubmitPerMinute: 2 } });
  });
  afterAll(() => hub?.close());

  it('answers RATE_LIMITED after the limit, for feedback and orders alike, while other requests pass', async () => {
    const bad = entry({ waveId: 'SurveyWave:99' });
    expect((await hub.gqlAs(null, SUBMIT, { input: bad })).errors![0]!.extensions!.code).toBe('BAD_USER_INPUT');
    expect((await hub.gqlAs(null, SUBMIT, { input: bad })).errors![0]!.extensions!.code).toBe('BAD_USER_INPUT');
    const third = await hub.gqlAs(null, SUBMIT, { input: bad });
    expect(third.errors![0]!.extensions!.code).toBe('RATE_LIMITED');
    expect(third.errors![0]!.message).toBe('Too many submissions from this address: at most 2 a minute. Wait a minute and try again.');
    const order = await hub.gqlAs(null, `mutation { orderLegalEducation(input: { requesterKind: SCHOOL, requesterName: "一中", contactName: "张老师", contactPhone: "13800000000", topic: "宪法", lawId: "Law:1", districtId: "Region:2", wishedFrom: "2030-01-01", wishedTo: "2030-01-02" }) { orderId } }`);
    expect(order.errors![0]!.extensions!.code).toBe('RATE_LIMITED');
    // A signed-in account shares its address's limit: the form is public.
    const admin = await hub.gql(SUBMIT, { input: bad });
    expect(admin.errors![0]!.extensions!.code).toBe('RATE_LIMITED');
    const read = await hub.gqlAs(null, `{ portalFigures(year: 2019) { activities } }`);
    expect(read.errors).toBeUndefined();
  });
});
