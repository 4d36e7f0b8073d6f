/**
 * The public feedback form's logic, apart from React: what the reader must
 * fill in, the `submitFeedback` input it becomes, the hub's refusals put back
 * next to the fields, and the device token (docs/portal.md, "One entry per
 * device and wave, without personal data").
 */
import type { ErrorLike } from '../../app/errors';
import type { MessageKey } from '../../app/i18n';

export const AGE_BANDS = ['UNDER_18', 'AGE_18_29', 'AGE_30_44', 'AGE_45_59', 'AGE_60_PLUS'] as const;
export const OCCUPATIONS = ['STUDENT', 'FARMER_HERDER', 'WORKER', 'ENTERPRISE_STAFF', 'SELF_EMPLOYED', 'CIVIL_SERVANT', 'RETIRED', 'OTHER'] as const;
export type AgeBand = (typeof AGE_BANDS)[number];
export type Occupation = (typeof OCCUPATIONS)[number];

export interface FeedbackQuestion {
  id: string;
  kind: 'AWARENESS' | 'SATISFACTION';
}

/** One question's answer as the form holds it: `aware` for AWARENESS, `satisfaction` (1–5) for SATISFACTION. */
export interface AnswerValue {
  aware?: boolean;
  satisfaction?: number;
}

export interface FeedbackValues {
  districtId: string;
  ageBand: AgeBand | '';
  occupation: Occupation | '';
  answers: Readonly<Record<string, AnswerValue | undefined>>;
}

export const EMPTY_VALUES: FeedbackValues = { districtId: '', ageBand: '', occupation: '', answers: {} };

/** A question's key among the form's fields (the other fields are named as in the input). */
export const questionField = (questionId: string) => `question:${questionId}`;

function answered(question: FeedbackQuestion, answer: AnswerValue | undefined): boolean {
  if (!answer) return false;
  return question.kind === 'AWARENESS' ? typeof answer.aware === 'boolean' : Number.isInteger(answer.satisfaction);
}

/**
 * What is missing, by field. The hub would take a partial entry, but a quiz
 * with unanswered questions says less than the reader meant to: every question
 * is asked for, and the reader is told which one was skipped.
 */
export function missingFields(questions: readonly FeedbackQuestion[], values: FeedbackValues): Record<string, MessageKey> {
  const missing: Record<string, MessageKey> = {};
  if (!values.districtId) missing.districtId = 'portal.feedback.requiredField';
  if (!values.ageBand) missing.ageBand = 'portal.feedback.requiredField';
  if (!values.occupation) missing.occupation = 'portal.feedback.requiredField';
  for (const q of questions) if (!answered(q, values.answers[q.id])) missing[questionField(q.id)] = 'portal.feedback.required';
  return missing;
}

export interface FeedbackInput {
  waveId: string;
  deviceToken: string;
  districtId: string;
  ageBand: AgeBand;
  occupation: Occupation;
  answers: { questionId: string; aware: boolean | null; satisfaction: number | null }[];
}

/** The mutation's input, answers in the wave's question order; only the field that fits each kind is set. */
export function feedbackInput(
  waveId: string,
  questions: readonly FeedbackQuestion[],
  values: FeedbackValues,
  deviceToken: string,
): FeedbackInput {
  const answers = questions
    .filter((q) => answered(q, values.answers[q.id]))
    .map((q) => {
      const a = values.answers[q.id]!;
      return q.kind === 'AWARENESS'
        ? { questionId: q.id, aware: a.aware!, satisfaction: null }
        : { questionId: q.id, aware: null, satisfaction: a.satisfaction! };
    });
  return {
    waveId,
    deviceToken,
    districtId: values.districtId,
    ageBand: values.ageBand as AgeBand,
    occupation: values.occupation as Occupation,
    answers,
  };
}

export type RefusalKind = 'invalid' | 'already' | 'rateLimited' | 'network' | 'other';

export interface FeedbackRefusal {
  kind: RefusalKind;
  /** The hub's messages by form field (see questionField). */
  fields: Record<string, string[]>;
  /** Messages that name no field of the form (e.g. a wave that closed meanwhile). */
  general: string[];
}

const INPUT_FIELDS = new Set(['districtId', 'ageBand', 'occupation']);

/**
 * The hub's answer to a refused entry: BAD_USER_INPUT problems with paths
 * under `input` ("input.answers.2.aware" names the third answer sent, so
 * `sentQuestionIds` turns it back into its question), CONFLICT for a device
 * that already answered, RATE_LIMITED (HTTP 429) for too many entries from
 * one address.
 */
export function mapFeedbackErrors(error: ErrorLike, sentQuestionIds: readonly string[]): FeedbackRefusal {
  const fields: Record<string, string[]> = {};
  const general: string[] = [];
  const gqlErrors = error.graphQLErrors ?? [];
  const codes = gqlErrors.map((e) => e.extensions?.code);
  if (codes.includes('CONFLICT')) return { kind: 'already', fields, general };
  if (codes.includes('RATE_LIMITED') || error.response?.status === 429) return { kind: 'rateLimited', fields, general };
  if (gqlErrors.length === 0) return { kind: error.networkError ? 'network' : 'other', fields, general: [error.message] };

  for (const e of gqlErrors) {
    const problems = Array.isArray(e.extensions?.problems) ? (e.extensions.problems as { path?: unknown; message?: unknown }[]) : [];
    if (problems.length === 0) general.push(e.message);
    for (const p of problems) {
      const path = Array.isArray(p.path) ? p.path : [];
      const message = typeof p.message === 'string' && p.message ? p.message : e.message;
      const [, key, index] = path[0] === 'input' ? path : [null, ...path];
      let field: string | null = null;
      if (typeof key === 'string' && INPUT_FIELDS.has(key)) field = key;
      else if (key === 'answers' && typeof index === 'number' && sentQuestionIds[index]) field = questionField(sentQuestionIds[index]);
      if (field) (fields[field] ??= []).push(message);
      else general.push(message);
    }
  }
  return { kind: codes.includes('BAD_USER_INPUT') ? 'invalid' : 'other', fields, general };
}

export const DEVICE_TOKEN_KEY = 'pufa.feedbackDevice';
const TOKEN_PATTERN = /^[A-Za-z0-9_-]{16,128}$/;

/**
 * The browser's device token: made once (a random UUID) and kept, so a second
 * entry from this browser to the same wave is recognised. Without storage
 * (private mode, policy) each visit gets a fresh token: the form still works,
 * and the hub's per-address limit still applies.
 */
export function deviceToken(storage: Pick<Storage, 'getItem' | 'setItem'> | null, makeId: () => string): string {
  try {
    const kept = storage?.getItem(DEVICE_TOKEN_KEY);
    if (kept && TOKEN_PATTERN.test(kept)) return kept;
  } catch {
    // Unreadable storage: a token for this visit only.
  }
  const made = makeId();
  try {
    storage?.setItem(DEVICE_TOKEN_KEY, made);
  } catch {
    // Not kept: see above.
  }
  return made;
}
