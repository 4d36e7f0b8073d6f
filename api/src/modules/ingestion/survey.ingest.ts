import { Field, ID, InputType, Int } from 'type-graphql';
import * as m from '@pufa/seeds';
import { authorizeWrite } from '../../graphql/access.js';
import { sql } from '../../db/sql.js';
import { AgeBand, Occupation } from '../../shared/enums.js';
import { DateScalar } from '../../shared/scalars.js';
import { recordAudit } from '../audit/audit.service.js';
import type { BatchHandler } from './batch.service.js';
import { chunks, onConflictUpdate, RowChecker, todayInShanghai } from './rows.js';

@InputType({ description: 'One answer: `aware` for an AWARENESS question, `satisfaction` for a SATISFACTION question' })
export class SurveyAnswerInput {
  @Field(() => ID, { description: 'A question of the wave' }) questionId!: string;
  @Field(() => Boolean, { nullable: true, description: 'AWARENESS questions only: true or false' }) aware?: boolean | null;
  @Field(() => Int, { nullable: true, description: 'SATISFACTION questions only: 1–5, or null for “don’t know”' }) satisfaction?: number | null;
}

@InputType({ description: 'One questionnaire. Natural key: wave + respondentRef — a resend with the same key replaces the response and its answers.' })
export class SurveyResponseRowInput {
  @Field(() => String, { description: 'The evaluator’s own questionnaire number, 1–60 characters, unique within the wave' }) respondentRef!: string;
  @Field(() => ID, { description: 'The respondent’s district (a DISTRICT-level region)' }) districtId!: string;
  @Field(() => AgeBand) ageBand!: m.AgeBand;
  @Field(() => Occupation) occupation!: m.Occupation;
  @Field(() => DateScalar, { description: 'Inside the wave’s window' }) submittedOn!: string;
  @Field(() => [SurveyAnswerInput], { description: 'Each question of the wave at most once' }) answers!: SurveyAnswerInput[];
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

const COLUMNS = ['wave_id', 'external_ref', 'district_id', 'age_band', 'occupation', 'submitted_on'] as const;
const KEY = ['wave_id', 'external_ref'];
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
    let inserted = 0;
    for (const chunk of chunks(sorted)) {
      const keyList = chunk.map(() => '(?, ?)').join(', ');
      const keyParams = chunk.flatMap((r) => [r.wave_id, r.external_ref]);
      const before = (await sql<{ row: unknown }>(em, `select row_to_json(s) as row from survey_response s where (wave_id, external_ref) in (${keyList})`, keyParams))
        .map(({ row }) => (typeof row === 'string' ? JSON.parse(row) : row) as PreparedResponse & { id: number });
      const beforeAnswers = before.length
        ? await sql<{ response_id: number; question_id: number; aware: boolean | null; satisfaction: number | null }>(
          em, `select response_id, question_id, aware, satisfaction from survey_answer where response_id = any(?) order by response_id, question_id`, [before.map((b) => b.id)])
        : [];
      const beforeByKey = new Map(before.map((b) => [
        keyOf(b),
        { ...b, answers: beforeAnswers.filter((a) => a.response_id === b.id).map(({ response_id: _, ...a }) => a) },
      ]));
      const params: unknown[] = [];
      const values = chunk.map((r) => {
        params.push(r.wave_id, r.external_ref, r.district_id, r.age_band, r.occupation, r.submitted_on);
        return '(?, ?, ?, ?, ?, ?::date)';
      });
      const upserted = await sql<{ id: number; wave_id: number; external_ref: string; inserted: boolean }>(em,
        `insert into survey_response (${COLUMNS.join(', ')}) values ${values.join(', ')}
         ${onConflictUpdate(KEY, COLUMNS)}
         returning id, wave_id, external_ref, (xmax = 0) as inserted`,
        params);
      const idByKey = new Map(upserted.map((u) => [keyOf(u), u]));
      // A resend replaces the answers: delete the old ones of the responses that existed, then insert all.
      const replaced = upserted.filter((u) => !u.inserted).map((u) => u.id);
      if (replaced.length) await sql(em, `delete from survey_answer where response_id = any(?)`, [replaced]);
      const answers = chunk.flatMap((r) => r.answers.map((a) => [idByKey.get(keyOf(r))!.id, a.question_id, a.aware, a.satisfaction]));
      // Answers in chunks of their own: a response may carry many (4 parameters each).
      for (const part of chunks(answers, 5000)) {
        await sql(em, `insert into survey_answer (response_id, question_id, aware, satisfaction) values ${part.map(() => '(?, ?, ?::boolean, ?::smallint)').join(', ')}`, part.flat());
      }
      inserted += upserted.filter((u) => u.inserted).length;
      await recordAudit(em, viewer, ...chunk.map((r) => {
        const key = keyOf(r);
        const row = idByKey.get(key)!;
        return { action: row.inserted ? 'CREATE' : 'UPDATE', entity: 'SurveyResponse', entityId: row.id, before: beforeByKey.get(key) ?? null, after: r, batch: batchId };
      }));
    }
    return { inserted, updated: prepared.length - inserted };
  },
};
