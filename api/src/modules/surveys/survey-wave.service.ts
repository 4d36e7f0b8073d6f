import type { EntityManager } from '@mikro-orm/core';
import { Field, ID, InputType, Int } from 'type-graphql';
import { ArrayMaxSize, ArrayMinSize, Matches, Max, MaxLength, Min, MinLength, ValidateNested } from 'class-validator';
import type * as m from '@pufa/seeds';
import { authorizeWrite, type Viewer } from '../../graphql/access.js';
import { sql } from '../../db/sql.js';
import { QuestionKind, SurveyMethod } from '../../shared/enums.js';
import { badInput, type FieldProblem } from '../../shared/errors.js';
import { parseGlobalId } from '../../shared/ids.js';
import { DateScalar } from '../../shared/scalars.js';
import { recordAudit } from '../audit/audit.service.js';
import { SurveyWave } from './survey.entity.js';

@InputType({ description: 'A question: AWARENESS of a law (lawId), or SATISFACTION with an agency (agencyId)' })
export class SurveyQuestionInput {
  @Field(() => QuestionKind) kind!: m.QuestionKind;
  @Field(() => ID, { nullable: true }) lawId?: string;
  @Field(() => ID, { nullable: true }) agencyId?: string;
  @Field(() => String) @MinLength(1) @MaxLength(500) text!: string;
}

@InputType({ description: 'A survey or quiz wave with its questions. Natural key: code — saving an existing code updates the wave.' })
export class SurveyWaveInput {
  @Field(() => String, { description: 'e.g. W2026 — letters, digits, dashes' }) @Matches(/^[A-Za-z0-9_-]{2,40}$/, { message: 'code must be 2–40 letters, digits, dashes or underscores' }) code!: string;
  @Field(() => String) @MinLength(1) @MaxLength(200) name!: string;
  @Field(() => Int) @Min(2000) @Max(2100) year!: number;
  @Field(() => SurveyMethod) method!: m.SurveyMethod;
  @Field(() => String, { description: 'The third party that runs it' }) @MinLength(1) @MaxLength(200) conductedBy!: string;
  @Field(() => DateScalar) startsOn!: string;
  @Field(() => DateScalar) endsOn!: string;
  @Field(() => [SurveyQuestionInput]) @ArrayMinSize(1) @ArrayMaxSize(200) @ValidateNested({ each: true }) questions!: SurveyQuestionInput[];
}

const key = (q: { kind: string; law_id: number | null; agency_id: number | null }) => `${q.kind}|${q.law_id ?? ''}|${q.agency_id ?? ''}`;

/**
 * Creates or updates a wave and its questions in one transaction. Once a wave has answers its
 * questions can gain new ones and change their wording, but none that was answered can go.
 */
export async function saveSurveyWave(em: EntityManager, viewer: Viewer, input: SurveyWaveInput): Promise<SurveyWave> {
  const user = authorizeWrite(viewer, 'SurveyWave');
  const problems: FieldProblem[] = [];
  if (input.startsOn > input.endsOn) problems.push({ path: ['input', 'endsOn'], message: `ends ${input.endsOn}, before it starts (${input.startsOn})` });
  const questions = input.questions.map((q, i) => {
    const path = ['input', 'questions', i];
    const law = q.lawId ? parseGlobalId(q.lawId) : null;
    const agency = q.agencyId ? parseGlobalId(q.agencyId) : null;
    if (q.kind === 'AWARENESS' && (!law || law.type !== 'Law' || q.agencyId)) problems.push({ path: [...path, 'lawId'], message: 'an AWARENESS question names one law (lawId: "Law:…") and no agency' });
    if (q.kind === 'SATISFACTION' && (!agency || agency.type !== 'Agency' || q.lawId)) problems.push({ path: [...path, 'agencyId'], message: 'a SATISFACTION question names one agency (agencyId: "Agency:…") and no law' });
    return { kind: q.kind, law_id: law?.type === 'Law' ? law.id : null, agency_id: agency?.type === 'Agency' ? agency.id : null, text: q.text.trim() };
  });
  const seen = new Map<string, number>();
  questions.forEach((q, i) => {
    const k = key(q);
    if (seen.has(k)) problems.push({ path: ['input', 'questions', i], message: `asks the same as question ${seen.get(k)! + 1}` });
    seen.set(k, i);
  });
  const [refs] = await sql<{ laws: number[]; agencies: number[] }>(em, `select
      (select coalesce(array_agg(id), '{}') from law where id = any(?)) as laws,
      (select coalesce(array_agg(id), '{}') from agency where id = any(?)) as agencies`,
    [questions.map((q) => q.law_id).filter((x) => x !== null), questions.map((q) => q.agency_id).filter((x) => x !== null)]);
  questions.forEach((q, i) => {
    if (q.law_id !== null && !refs!.laws.includes(q.law_id)) problems.push({ path: ['input', 'questions', i, 'lawId'], message: `Law:${q.law_id} does not exist` });
    if (q.agency_id !== null && !refs!.agencies.includes(q.agency_id)) problems.push({ path: ['input', 'questions', i, 'agencyId'], message: `Agency:${q.agency_id} does not exist` });
  });
  if (problems.length) throw badInput(`The wave was not saved: ${problems.map((p) => `${p.path.join('.')}: ${p.message}`).join('; ')}`, problems);

  const id = await em.transactional(async (tx) => {
    const [before] = await sql<{ id: number; row: unknown }>(tx, `select id, row_to_json(w)::jsonb || jsonb_build_object('questions',
        (select coalesce(jsonb_agg(row_to_json(q) order by q.id), '[]') from survey_question q where q.wave_id = w.id)) as row
      from survey_wave w where code = ? for update`, [input.code]);
    const [wave] = await sql<{ id: number }>(tx, `insert into survey_wave (code, name, year, method, conducted_by, starts_on, ends_on) values (?, ?, ?, ?, ?, ?, ?)
      on conflict (code) do update set name = excluded.name, year = excluded.year, method = excluded.method, conducted_by = excluded.conducted_by,
        starts_on = excluded.starts_on, ends_on = excluded.ends_on returning id`,
      [input.code, input.name, input.year, input.method, input.conductedBy, input.startsOn, input.endsOn]);
    const existing = await sql<{ id: number; kind: string; law_id: number | null; agency_id: number | null; answered: boolean }>(tx,
      `select q.id, q.kind, q.law_id, q.agency_id, exists (select 1 from survey_answer a where a.question_id = q.id) as answered from survey_question q where q.wave_id = ?`, [wave!.id]);
    const wanted = new Map(questions.map((q) => [key(q), q]));
    const dropped = existing.filter((q) => !wanted.has(key(q)));
    const answered = dropped.filter((q) => q.answered);
    if (answered.length) {
      throw badInput(`The wave has answers to ${answered.map((q) => `SurveyQuestion:${q.id}`).join(', ')}; answered questions cannot be removed`, [{ path: ['input', 'questions'], message: 'answered question missing' }]);
    }
    if (dropped.length) await sql(tx, `delete from survey_question where id = any(?)`, [dropped.map((q) => q.id)]);
    const byKey = new Map(existing.map((q) => [key(q), q.id]));
    for (const q of questions) {
      const known = byKey.get(key(q));
      if (known) await sql(tx, `update survey_question set text = ? where id = ?`, [q.text, known]);
    }
    const added = questions.filter((q) => !byKey.has(key(q)));
    if (added.length) {
      await sql(tx, `insert into survey_question (wave_id, kind, law_id, agency_id, text) values ${added.map(() => '(?, ?, ?, ?, ?)').join(', ')}`,
        added.flatMap((q) => [wave!.id, q.kind, q.law_id, q.agency_id, q.text]));
    }
    await recordAudit(tx, user, { action: before ? 'UPDATE' : 'CREATE', entity: 'SurveyWave', entityId: wave!.id, before: before?.row ?? null, after: { ...input } });
    return wave!.id;
  });
  return em.findOneOrFail(SurveyWave, { id }, { refresh: true });
}
