import { Field, ID, InputType, Int } from 'type-graphql';
import * as m from '@pufa/seeds';
import { authorizeWrite } from '../../graphql/access.js';
import { sql } from '../../db/sql.js';
import { AgeBand, Occupation } from '../../shared/enums.js';
import { DateScalar } from '../../shared/scalars.js';
import type { BatchHandler } from './batch.service.js';
import { pgArray, RowChecker, todayInShanghai, upsertBatch, type UpsertSpec } from './rows.js';

@InputType({ description: 'One answer: `aware` for an AWARENESS question, `satisfaction` for a SATISFACTION question' })
export class SurveyAnswerInput {
  @Field(() => ID, { description: 'A question of the wave' }) declare questionId: string;
  @Field(() => Boolean, { nullable: true, description: 'AWARENESS questions only: true or false' }) declare aware?: boolean | null;
  @Field(() => Int, { nullable: true, description: 'SATISFACTION questions only: 1–5, or null for “don’t know”' }) declare satisfaction?: number | null;
}

@InputType({ description: 'One questionnaire. Natural key: wave + respondentRef — a resend with the same key replaces the response and its answers.' })
export class SurveyResponseRowInput {
  @Field(() => String, { description: 'The evaluator’s own questionnaire number, 1–60 characters, unique within the wave' }) declare respondentRef: string;
  @Field(() => ID, { description: 'The respondent’s district (a DISTRICT-level region)' }) declare districtId: string;
  @Field(() => AgeBand) declare ageBand: m.AgeBand;
  @Field(() => Occupation) declare occupation: m.Occupation;
  @Field(() => DateScalar, { description: 'Inside the wave’s window' }) declare submittedOn: string;
  @Field(() => [SurveyAnswerInput], { description: 'Each question of the wave at most once' }) declare answers: SurveyAnswerInput[];
}

/**
 * A row as the handler sees it: the GraphQL mutation names the wave once and the resolver copies
 * it into every row (so the payload hash covers it); a file import gives it per row.
 */
export type SurveyResponseRow = SurveyResponseRowInput & { waveId: string };

export const SURVEY_LIMITS = { respondentRef: 60, satisfactionMin: 1, satisfactionMax: 5 };

interface PreparedAnswer { question_id: number; aware: boolean | null; satisfaction: number | null }
interface PreparedResponse {
  wave_id: number; external_ref: string; district_id: number; age_band: string; occupation: string; submitted_on: string;
  answers: PreparedAnswer[];
}

/** Responses; `more` (per batch) adds their answers. The audit's after-image is the prepared row, answers included. */
const RESPONSE_UPSERT: UpsertSpec = {
  table: 'survey_response',
  entity: 'SurveyResponse',
  key: ['wave_id', 'external_ref'],
  input: { wave_id: 'int', external_ref: 'text', district_id: 'int', age_band: 'text', occupation: 'text', submitted_on: 'date' },
  columns: { wave_id: null, external_ref: null, district_id: null, age_band: null, occupation: null, submitted_on: null },
  // The response with its answers, before and after.
  before: `to_jsonb(t) || jsonb_build_object('answers', coalesce((select jsonb_agg(jsonb_build_object('question_id', question_id, 'aware', aware, 'satisfaction', satisfaction) order by question_id)
    from survey_answer where response_id = t.id), '[]'::jsonb))`,
  more: (param, rows) => {
    // The answers as four columns; `ord` is the place of their response in `rows` (from 1, as `with ordinality` counts).
    const answers = { ord: [] as number[], question_id: [] as number[], aware: [] as (boolean | null)[], satisfaction: [] as (number | null)[] };
    (rows as PreparedResponse[]).forEach((r, n) => r.answers.forEach((a) => {
      answers.ord.push(n + 1);
      answers.question_id.push(a.question_id);
      answers.aware.push(a.aware);
      answers.satisfaction.push(a.satisfaction);
    }));
    return [
      `answers as (select * from unnest(${param(pgArray(answers.ord), 'int[]')}, ${param(pgArray(answers.question_id), 'int[]')}, ${param(pgArray(answers.aware), 'boolean[]')}, ${param(pgArray(answers.satisfaction), 'smallint[]')})
         with ordinality as a(ord, question_id, aware, satisfaction, n))`,
      // A resend replaces the answers: those of questions no longer answered go, the others are written over.
      `answers_gone as (delete from survey_answer x using done d where x.response_id = d.id and not d.inserted
         and not exists (select 1 from answers a where a.ord = d.ord and a.question_id = x.question_id))`,
      // New responses' answers go in plainly; a resent response's are written over (cheaper apart).
      ...[['answers_new', 'd.inserted', ''], ['answers_changed', 'not d.inserted', 'on conflict (response_id, question_id) do update set aware = excluded.aware, satisfaction = excluded.satisfaction']].map(([name, which, conflict]) =>
        `${name} as (insert into survey_answer (response_id, question_id, aware, satisfaction)
           select d.id, a.question_id, a.aware, a.satisfaction from done d join answers a using (ord) where ${which} order by d.ord, a.n ${conflict})`),
    ];
  },
};
const keyOf = (r: { wave_id: number; external_ref: string }) => `${r.wave_id}|${r.external_ref}`;

export const surveyResponseBatch: BatchHandler<SurveyResponseRow, PreparedResponse[]> = {
  kind: 'survey-responses',

  async validate(em, viewer, rows) {
    // Not about any row: only admins and survey operators write responses (throws FORBIDDEN).
    authorizeWrite(viewer, 'SurveyResponse');
    const c = new RowChecker();
    const today = todayInShanghai();
    // The wave is usually one for the whole batch: a malformed one is one problem, on the first row naming it.
    const badWaveValues = new Set<string>();
    const waveOf = (i: number, value: string | null | undefined) => {
      if (badWaveValues.has(String(value ?? ''))) return null;
      const id = c.id(i, 'waveId', 'SurveyWave', value);
      if (id === null) badWaveValues.add(String(value ?? ''));
      return id;
    };
    const parsed = rows.map((r, i) => ({
      wave_id: waveOf(i, r.waveId),
      external_ref: c.text(i, 'respondentRef', r.respondentRef, SURVEY_LIMITS.respondentRef),
      district_id: c.id(i, 'districtId', 'Region', r.districtId),
      age_band: r.ageBand,
      occupation: r.occupation,
      submitted_on: c.date(i, 'submittedOn', r.submittedOn, '2000-01-01', today),
      answers: (r.answers ?? []).map((a, j) => ({
        question_id: c.id(i, `answers.${j}.questionId`, 'SurveyQuestion', a?.questionId),
        aware: a?.aware ?? null,
        satisfaction: a?.satisfaction ?? null,
      })),
    }));

    rows.forEach((r, i) => {
      if (!(m.AGE_BANDS as readonly string[]).includes(r.ageBand)) c.fail(i, 'ageBand', `unknown age band "${r.ageBand}"; one of ${m.AGE_BANDS.join(', ')}`);
      if (!(m.OCCUPATIONS as readonly string[]).includes(r.occupation)) c.fail(i, 'occupation', `unknown occupation "${r.occupation}"; one of ${m.OCCUPATIONS.join(', ')}`);
      if (!r.answers?.length) c.fail(i, 'answers', 'required: at least one answer');
    });

    // Reference look-ups, one statement per table.
    const lookup = async <T extends { id: number }>(text: string, ids: (number | null)[]): Promise<Map<number, T>> =>
      new Map((await sql<T>(em, text, [[...new Set(ids.filter((x): x is number => x !== null))]])).map((x) => [x.id, x]));
    const waves = await lookup<{ id: number; starts_on: string; ends_on: string }>(
      `select id, starts_on::text, ends_on::text from survey_wave where id = any(?)`, parsed.map((p) => p.wave_id));
    const regions = await lookup<{ id: number; level: string }>(`select id, level from region where id = any(?)`, parsed.map((p) => p.district_id));
    const questions = await lookup<{ id: number; wave_id: number; kind: string }>(
      `select id, wave_id, kind from survey_question where id = any(?)`, parsed.flatMap((p) => p.answers.map((a) => a.question_id)));

    // So is a wave that does not exist.
    const badWaves = new Set<number>();
    parsed.forEach((p, i) => {
      const wave = p.wave_id ? waves.get(p.wave_id) : undefined;
      if (p.wave_id && !wave && !badWaves.has(p.wave_id)) {
        badWaves.add(p.wave_id);
        c.fail(i, 'waveId', `SurveyWave:${p.wave_id} does not exist`);
      }
      const region = p.district_id ? regions.get(p.district_id) : undefined;
      if (p.district_id && !region) c.fail(i, 'districtId', `Region:${p.district_id} does not exist`);
      else if (region && region.level !== 'DISTRICT') c.fail(i, 'districtId', `Region:${p.district_id} is a ${region.level}; give the respondent’s district (a DISTRICT-level region)`);
      if (wave && p.submitted_on && (p.submitted_on < wave.starts_on || p.submitted_on > wave.ends_on)) {
        c.fail(i, 'submittedOn', `${p.submitted_on} is outside the window of SurveyWave:${p.wave_id}, ${wave.starts_on} … ${wave.ends_on}`);
      }
      const seen = new Map<number, number>();
      p.answers.forEach((a, j) => {
        const at = `answers.${j}`;
        if (!a.question_id) return;
        const q = questions.get(a.question_id);
        if (!q) return c.fail(i, `${at}.questionId`, `SurveyQuestion:${a.question_id} does not exist`);
        if (wave && q.wave_id !== p.wave_id) return c.fail(i, `${at}.questionId`, `SurveyQuestion:${a.question_id} belongs to SurveyWave:${q.wave_id}, not SurveyWave:${p.wave_id}`);
        if (seen.has(a.question_id)) return c.fail(i, `${at}.questionId`, `SurveyQuestion:${a.question_id} is already answered in answers.${seen.get(a.question_id)}: answer each question once`);
        seen.set(a.question_id, j);
        if (q.kind === 'AWARENESS') {
          if (typeof a.aware !== 'boolean') c.fail(i, `${at}.aware`, `required for an AWARENESS question: true or false`);
          if (a.satisfaction !== null) c.fail(i, `${at}.satisfaction`, `must be null: SurveyQuestion:${a.question_id} is an AWARENESS question (give aware)`);
        } else {
          if (a.aware !== null) c.fail(i, `${at}.aware`, `must be null: SurveyQuestion:${a.question_id} is a SATISFACTION question (give satisfaction)`);
          c.int(i, `${at}.satisfaction`, a.satisfaction, SURVEY_LIMITS.satisfactionMin, SURVEY_LIMITS.satisfactionMax, false);
        }
      });
      if (p.wave_id && p.external_ref) {
        c.once(i, 'respondentRef', keyOf(p as PreparedResponse), 'wave and respondentRef', 'questionnaire');
      }
    });
    c.errors.sort((a, b) => a.row - b.row);
    return { errors: c.errors, forbidden: c.forbidden, prepared: parsed as PreparedResponse[] };
  },

  async write(em, viewer, prepared, batchId) {
    // Sorted by natural key, so concurrent batches lock rows in the same order and cannot deadlock.
    const sorted = [...prepared].sort((a, b) => a.wave_id - b.wave_id || (a.external_ref < b.external_ref ? -1 : a.external_ref > b.external_ref ? 1 : 0));
    const { inserted } = await upsertBatch(em, RESPONSE_UPSERT, sorted, { viewer, batchId });
    return { inserted, updated: prepared.length - inserted };
  },
};
