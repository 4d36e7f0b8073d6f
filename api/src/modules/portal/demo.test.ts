import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { backends, startTestHub, type TestHub } from '../../test/hub.js';
import { todayInShanghai } from '../ingestion/rows.js';
import { addOpenDemoQuiz } from './demo.js';

const OPEN = `{ openFeedbackWaves { id code method startsOn endsOn questions { id kind text law { code } agency { code } } } }`;
const SUBMIT = `mutation($input: FeedbackInput!) { submitFeedback(input: $input) { answers wave { code } } }`;

describe.each(backends())('the demo installation’s open quiz on %s', (kind) => {
  let hub: TestHub;
  beforeAll(async () => {
    hub = await startTestHub(kind, { demo: true });
  });
  afterAll(() => hub?.close());

  it('leaves the demo data alone on a day a public wave of its own is open', async () => {
    // QUIZ-2022 of the generated city runs 2022-12-01 … 2022-12-10.
    expect(await addOpenDemoQuiz(hub.db.orm.em.fork(), '2022-12-05')).toEqual({ code: null, questions: 0 });
    expect(await hub.sql(`select count(*)::int as n from survey_wave where code like 'QUIZ-PORTAL-%'`)).toEqual([{ n: 0 }]);
  });

  it('has no public wave open today before, and one open quiz after, with questions on the demo’s laws and agencies', async () => {
    expect((await hub.gqlAs(null, OPEN)).data.openFeedbackWaves).toEqual([]);
    const today = todayInShanghai();
    const year = Number(today.slice(0, 4));
    expect(await addOpenDemoQuiz(hub.db.orm.em.fork())).toEqual({ code: `QUIZ-PORTAL-${year}`, questions: 6 });

    const res = await hub.gqlAs(null, OPEN);
    expect(res.errors).toBeUndefined();
    const [wave, ...others] = res.data.openFeedbackWaves;
    expect(others).toEqual([]);
    expect(wave).toMatchObject({ code: `QUIZ-PORTAL-${year}`, method: 'QUIZ', startsOn: `${year}-01-01`, endsOn: `${year + 1}-12-31` });
    expect(wave.questions.map((q: any) => [q.kind, q.law?.code ?? q.agency?.code])).toEqual([
      ['AWARENESS', 'CONSTITUTION'], ['AWARENESS', 'CIVIL_CODE'], ['AWARENESS', 'ANTI_FRAUD'], ['AWARENESS', 'FOOD_SAFETY_LAW'],
      ['SATISFACTION', 'CITY_JUSTICE'], ['SATISFACTION', 'CITY_MARKET'],
    ]);

    // The public can answer it, once per device.
    const [district] = await hub.sql(`select id from region where level = 'DISTRICT' order by id limit 1`);
    const input = {
      waveId: wave.id, deviceToken: 'demo-test-device-0001', districtId: `Region:${district.id}`, ageBand: 'AGE_30_44', occupation: 'WORKER',
      answers: wave.questions.map((q: any) => (q.kind === 'AWARENESS' ? { questionId: q.id, aware: true } : { questionId: q.id, satisfaction: 5 })),
    };
    const first = await hub.gqlAs(null, SUBMIT, { input });
    expect(first.errors).toBeUndefined();
    expect(first.data.submitFeedback).toEqual({ answers: 6, wave: { code: `QUIZ-PORTAL-${year}` } });
    const again = await hub.gqlAs(null, SUBMIT, { input });
    expect(again.errors?.[0]?.extensions?.code).toBe('CONFLICT');
  });

  it('adds nothing the second time (a restarted hub finds the wave open)', async () => {
    expect(await addOpenDemoQuiz(hub.db.orm.em.fork())).toEqual({ code: null, questions: 0 });
    expect(await hub.sql(`select count(*)::int as n from survey_wave where code like 'QUIZ-PORTAL-%'`)).toEqual([{ n: 1 }]);
  });
});
