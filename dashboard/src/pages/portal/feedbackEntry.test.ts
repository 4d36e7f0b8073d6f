import { describe, expect, it } from 'vitest';
import { deviceToken, DEVICE_TOKEN_KEY, EMPTY_VALUES, feedbackInput, mapFeedbackErrors, missingFields, questionField, type FeedbackQuestion } from './feedbackEntry';

const questions: FeedbackQuestion[] = [
  { id: 'SurveyQuestion:10', kind: 'AWARENESS' },
  { id: 'SurveyQuestion:11', kind: 'SATISFACTION' },
];

const complete = {
  districtId: 'Region:2',
  ageBand: 'AGE_30_44' as const,
  occupation: 'WORKER' as const,
  answers: { 'SurveyQuestion:10': { aware: false }, 'SurveyQuestion:11': { satisfaction: 4 } },
};

describe('missingFields', () => {
  it('asks for every field and every question of an empty form', () => {
    expect(missingFields(questions, EMPTY_VALUES)).toEqual({
      districtId: 'portal.feedback.requiredField',
      ageBand: 'portal.feedback.requiredField',
      occupation: 'portal.feedback.requiredField',
      [questionField('SurveyQuestion:10')]: 'portal.feedback.required',
      [questionField('SurveyQuestion:11')]: 'portal.feedback.required',
    });
  });

  it('takes "not aware" (false) as an answer and names only the skipped question', () => {
    const values = { ...complete, answers: { 'SurveyQuestion:10': { aware: false } } };
    expect(missingFields(questions, values)).toEqual({ 'question:SurveyQuestion:11': 'portal.feedback.required' });
    expect(missingFields(questions, complete)).toEqual({});
  });

  it('does not take an answer of the other kind', () => {
    const values = { ...complete, answers: { 'SurveyQuestion:10': { satisfaction: 3 }, 'SurveyQuestion:11': { aware: true } } };
    expect(Object.keys(missingFields(questions, values))).toEqual(['question:SurveyQuestion:10', 'question:SurveyQuestion:11']);
  });
});

describe('feedbackInput', () => {
  it('sends the answers in the wave’s order, each with only the field of its kind', () => {
    expect(feedbackInput('SurveyWave:2', questions, complete, 'token-0123456789abcdef')).toEqual({
      waveId: 'SurveyWave:2',
      deviceToken: 'token-0123456789abcdef',
      districtId: 'Region:2',
      ageBand: 'AGE_30_44',
      occupation: 'WORKER',
      answers: [
        { questionId: 'SurveyQuestion:10', aware: false, satisfaction: null },
        { questionId: 'SurveyQuestion:11', aware: null, satisfaction: 4 },
      ],
    });
  });

  it('leaves unanswered questions out', () => {
    const input = feedbackInput('SurveyWave:2', questions, { ...complete, answers: { 'SurveyQuestion:11': { satisfaction: 5 } } }, 'x'.repeat(16));
    expect(input.answers).toEqual([{ questionId: 'SurveyQuestion:11', aware: null, satisfaction: 5 }]);
  });
});

describe('mapFeedbackErrors', () => {
  const badInput = (problems: { path: (string | number)[]; message: string }[]) => ({
    message: 'x',
    graphQLErrors: [{ message: 'The entry was not saved: …', extensions: { code: 'BAD_USER_INPUT', problems } }],
  });

  it('puts each problem next to its field; an answer’s by the question it was sent for', () => {
    const refusal = mapFeedbackErrors(
      badInput([
        { path: ['input', 'districtId'], message: 'Region:9 is a STREET; choose a district' },
        { path: ['input', 'answers', 1, 'satisfaction'], message: 'required for a SATISFACTION question: a whole number from 1 to 5' },
        { path: ['input', 'waveId'], message: 'SurveyWave:2 is not open today' },
      ]),
      ['SurveyQuestion:10', 'SurveyQuestion:11'],
    );
    expect(refusal).toEqual({
      kind: 'invalid',
      fields: {
        districtId: ['Region:9 is a STREET; choose a district'],
        'question:SurveyQuestion:11': ['required for a SATISFACTION question: a whole number from 1 to 5'],
      },
      general: ['SurveyWave:2 is not open today'],
    });
  });

  it('recognises a device that already answered, and the per-address limit by code or by HTTP 429', () => {
    const conflict = { message: 'x', graphQLErrors: [{ message: 'This device has already answered', extensions: { code: 'CONFLICT' } }] };
    expect(mapFeedbackErrors(conflict, []).kind).toBe('already');
    const limited = { message: 'x', graphQLErrors: [{ message: 'Too many submissions', extensions: { code: 'RATE_LIMITED' } }] };
    expect(mapFeedbackErrors(limited, []).kind).toBe('rateLimited');
    expect(mapFeedbackErrors({ message: 'x', networkError: new Error('HTTP 429'), response: { status: 429 } }, []).kind).toBe('rateLimited');
  });

  it('tells a lost connection from a refusal', () => {
    expect(mapFeedbackErrors({ message: '[Network] Failed to fetch', networkError: new Error('Failed to fetch') }, []).kind).toBe('network');
  });
});

describe('deviceToken', () => {
  const memory = () => {
    const data = new Map<string, string>();
    return { getItem: (k: string) => data.get(k) ?? null, setItem: (k: string, v: string) => void data.set(k, v), data };
  };

  it('makes a token once and keeps it', () => {
    const store = memory();
    let made = 0;
    const make = () => `made-token-${++made}-0000000000`;
    const first = deviceToken(store, make);
    expect(deviceToken(store, make)).toBe(first);
    expect(made).toBe(1);
    expect(store.data.get(DEVICE_TOKEN_KEY)).toBe(first);
  });

  it('replaces a kept value the hub would refuse, and works without storage', () => {
    const store = memory();
    store.setItem(DEVICE_TOKEN_KEY, 'short');
    expect(deviceToken(store, () => 'a-fresh-token-0123456789')).toBe('a-fresh-token-0123456789');
    expect(deviceToken(null, () => 'no-storage-token-0123456')).toBe('no-storage-token-0123456');
    const throwing = { getItem: () => { throw new Error('denied'); }, setItem: () => { throw new Error('denied'); } };
    expect(deviceToken(throwing, () => 'denied-storage-token-0001')).toBe('denied-storage-token-0001');
  });
});
