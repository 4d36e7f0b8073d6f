import { createHmac, randomBytes } from 'node:crypto';
import type { EntityManager } from '@mikro-orm/core';
import { ArrayMaxSize, ArrayMinSize, Matches } from 'class-validator';
import { Field, ID, InputType, Int } from 'type-graphql';
import type * as m from '@pufa/seeds';
import { sql } from '../../db/sql.js';
import { AgeBand, Occupation } from '../../shared/enums.js';
import { badInput, userError, type FieldProblem } from '../../shared/errors.js';
import { parseGlobalId } from '../../shared/ids.js';
import { todayInShanghai } from '../ingestion/rows.js';
import { SurveyWave } from '../surveys/survey.entity.js';
import type { FeedbackReceipt } from './portal.types.js';

@InputType({ description: 'One answer of the public form: `aware` for an AWARENESS question, `satisfaction` (1–5) for a SATISFACTION question' })
export class FeedbackAnswerInput {
  @Field(() => ID) questionId!: string;
  @Field(() => Boolean, { nullable: true }) aware?: boolean | null;
  @Field(() => Int, { nullable: true }) satisfaction?: number | null;
}

@InputType({ description: 'A public feedback form or quiz (有奖问答) entry: no account, no name, no phone' })
export class FeedbackInput {
  @Field(() => ID, { description: 'An open QUIZ or ONLINE wave' }) waveId!: string;
  @Field(() => String, { description: 'A random token the browser made once and keeps (localStorage); only its HMAC is stored, to refuse a second entry from the device' })
  @Matches(/^[A-Za-z0-9_-]{16,128}$/, { message: 'deviceToken must be 16–128 letters, digits, dashes or underscores' })
  deviceToken!: string;
  @Field(() => ID, { description: 'The respondent’s district (a DISTRICT-level region), chosen by the respondent' }) districtId!: string;
  @Field(() => AgeBand) ageBand!: m.AgeBand;
  @Field(() => Occupation) occupation!: m.Occupation;
  @Field(() => [FeedbackAnswerInput], { description: 'Each question of the wave at most once' })
  @ArrayMinSize(1, { message: 'answer at least one question' })
  @ArrayMaxSize(200)
  answers!: FeedbackAnswerInput[];
}

/** Waves the public form takes: a QUESTIONNAIRE wave is the evaluator's own sample, which the public must not skew. */
export const PUBLIC_METHODS: readonly m.SurveyMethod[] = ['QUIZ', 'ONLINE'];
const SECRET_KEY = 'device_hmac_secret';

/** The installation's secret for device HMACs: made on first use, kept in hub_meta (so it moves with db:export/import). */
async function deviceSecret(em: EntityManager): Promise<string> {
  const [row] = await sql<{ value: string }>(em, `with made as (insert into hub_meta (key, value) values (?, ?) on conflict (key) do nothing returning value)
    select value from made union all select value from hub_meta where key = ? limit 1`, [SECRET_KEY, randomBytes(32).toString('hex'), SECRET_KEY]);
  return row!.value;
}

export function deviceHash(secret: string, waveId: number, token: string): string {
  return createHmac('sha256', secret).update(`${waveId}:${token}`).digest('hex');
}

/**
 * Stores a public entry as a survey response with its answers, so surveyResults counts it like any
 * other. One entry per device and wave: the second is refused with CONFLICT. Everything or nothing.
 */
export async function submitFeedback(em: EntityManager, input: FeedbackInput, today = todayInShanghai()): Promise<FeedbackReceipt> {
  const problems: FieldProblem[] = [];
  const at = (...path: (string | number)[]) => ['input', ...path];
  const waveRef = parseGlobalId(input.waveId);
  const districtRef = parseGlobalId(input.districtId);
  if (!waveRef || waveRef.type !== 'SurveyWave') problems.push({ path: at('waveId'), message: `"${input.waveId}" is not a SurveyWave id` });
  if (!districtRef || districtRef.type !== 'Region') problems.push({ path: at('districtId'), message: `"${input.districtId}" is not a Region id` });
  const answers = input.answers.map((a, j) => {
    const q = parseGlobalId(a.questionId);
    if (!q || q.type !== 'SurveyQuestion') problems.push({ path: at('answers', j, 'questionId'), message: `"${a.questionId}" is not a SurveyQuestion id` });
    return { question: q?.type === 'SurveyQuestion' ? q.id : null, aware: a.aware ?? null, satisfaction: a.satisfaction ?? null };
  });
  if (problems.length) throw refused(problems);

  const [refs] = await sql<{ wave: { method: string; starts_on: string; ends_on: string } | null; level: string | null; questions: { id: number; kind: string }[] | null }>(em, `select
      (select json_build_object('method', method, 'starts_on', starts_on::text, 'ends_on', ends_on::text) from survey_wave where id = ?) as wave,
      (select level from region where id = ?) as level,
      (select json_agg(json_build_object('id', id, 'kind', kind)) from survey_question where wave_id = ?) as questions`,
    [waveRef!.id, districtRef!.id, waveRef!.id]);
  const wave = typeof refs!.wave === 'string' ? JSON.parse(refs!.wave) : refs!.wave;
  const questions = new Map(((typeof refs!.questions === 'string' ? JSON.parse(refs!.questions) : refs!.questions) ?? []).map((q: { id: number; kind: string }) => [q.id, q.kind]));
  if (!wave) problems.push({ path: at('waveId'), message: `${input.waveId} does not exist` });
  else if (!PUBLIC_METHODS.includes(wave.method)) problems.push({ path: at('waveId'), message: `${input.waveId} is a ${wave.method} wave run by its evaluator; the public form takes ${PUBLIC_METHODS.join(' and ')} waves` });
  else if (today < wave.starts_on || today > wave.ends_on) problems.push({ path: at('waveId'), message: `${input.waveId} is not open today (${today}): it runs ${wave.starts_on} … ${wave.ends_on}` });
  if (!refs!.level) problems.push({ path: at('districtId'), message: `${input.districtId} does not exist` });
  else if (refs!.level !== 'DISTRICT') problems.push({ path: at('districtId'), message: `${input.districtId} is a ${refs!.level}; choose a district` });
  const seen = new Map<number, number>();
  answers.forEach((a, j) => {
    const kind = questions.get(a.question!);
    if (wave && !kind) return problems.push({ path: at('answers', j, 'questionId'), message: `${input.answers[j]!.questionId} is not a question of ${input.waveId}` });
    if (seen.has(a.question!)) return problems.push({ path: at('answers', j, 'questionId'), message: `already answered in answers.${seen.get(a.question!)}: answer each question once` });
    seen.set(a.question!, j);
    if (kind === 'AWARENESS') {
      if (typeof a.aware !== 'boolean') problems.push({ path: at('answers', j, 'aware'), message: 'required for an AWARENESS question: true or false' });
      if (a.satisfaction !== null) problems.push({ path: at('answers', j, 'satisfaction'), message: 'must be empty for an AWARENESS question (give aware)' });
    } else if (kind === 'SATISFACTION') {
      if (a.aware !== null) problems.push({ path: at('answers', j, 'aware'), message: 'must be empty for a SATISFACTION question (give satisfaction)' });
      if (a.satisfaction === null || !Number.isInteger(a.satisfaction) || a.satisfaction < 1 || a.satisfaction > 5) {
        problems.push({ path: at('answers', j, 'satisfaction'), message: 'required for a SATISFACTION question: a whole number from 1 to 5' });
      }
    }
    return undefined;
  });
  if (problems.length) throw refused(problems);

  const hash = deviceHash(await deviceSecret(em), waveRef!.id, input.deviceToken);
  await em.transactional(async (tx) => {
    const marked = await sql(tx, `insert into feedback_device (wave_id, device_hash) values (?, ?) on conflict do nothing returning wave_id`, [waveRef!.id, hash]);
    if (marked.length === 0) throw userError('CONFLICT', `This device has already answered ${input.waveId}; each device answers a wave once`);
    const [response] = await sql<{ id: number }>(tx, `insert into survey_response (wave_id, external_ref, district_id, age_band, occupation, submitted_on) values (?, null, ?, ?, ?, ?) returning id`,
      [waveRef!.id, districtRef!.id, input.ageBand, input.occupation, today]);
    await sql(tx, `insert into survey_answer (response_id, question_id, aware, satisfaction) values ${answers.map(() => '(?, ?, ?, ?)').join(', ')}`,
      answers.flatMap((a) => [response!.id, a.question, a.aware, a.satisfaction]));
  });
  return { wave: await em.findOneOrFail(SurveyWave, { id: waveRef!.id }), answers: answers.length };
}

function refused(problems: FieldProblem[]) {
  return badInput(`The entry was not saved: ${problems.map((p) => `${p.path.join('.')}: ${p.message}`).join('; ')}`, problems);
}
