import { Field, Float, ID, InputType } from 'type-graphql';
import { authorizeWrite } from '../../graphql/access.js';
import { sql } from '../../db/sql.js';
import type { BatchHandler } from './batch.service.js';
import { agencyFacts, RowChecker, upsertBatch, type UpsertSpec } from './rows.js';

@InputType({ description: 'One person’s attendance at a training session. Natural key: session + agency + attendee — a resend with the same key updates the row.' })
export class AttendanceRowInput {
  @Field(() => ID) declare sessionId: string;
  @Field(() => ID, { description: 'The agency the attendee works for (a reporter reports only its own)' }) declare agencyId: string;
  @Field(() => String, { description: 'Name or staff number, 1–60 characters, unique within the agency and session' }) declare attendee: string;
  @Field(() => Boolean, { description: 'A leading cadre (领导干部)' }) declare leadingCadre: boolean;
  @Field(() => Boolean, { description: 'Required to attend (counts in the attendance rate)' }) declare required: boolean;
  @Field(() => Boolean) declare attended: boolean;
  @Field(() => Float, { description: 'Hours attended (0–200)' }) declare hours: number;
  @Field(() => Float, { nullable: true, description: 'Exam score 0–100; null when there was no exam, and always null when not attended' }) declare score?: number | null;
}

export const ATTENDANCE_LIMITS = { attendee: 60, hours: 200, score: 100 };

interface PreparedAttendance {
  session_id: number; agency_id: number; attendee: string; leading_cadre: boolean; required: boolean; attended: boolean;
  hours: number; score: number | null;
}

const ATTENDANCE_UPSERT: UpsertSpec = {
  table: 'training_attendance',
  entity: 'TrainingAttendance',
  key: ['session_id', 'agency_id', 'attendee'],
  input: { session_id: 'int', agency_id: 'int', attendee: 'text', leading_cadre: 'boolean', required: 'boolean', attended: 'boolean', hours: 'float8', score: 'float8' },
  columns: { session_id: null, agency_id: null, attendee: null, leading_cadre: null, required: null, attended: null, hours: null, score: null },
};
const keyOf = (r: { session_id: number; agency_id: number; attendee: string }) => `${r.session_id}|${r.agency_id}|${r.attendee}`;

export const attendanceBatch: BatchHandler<AttendanceRowInput, PreparedAttendance[]> = {
  kind: 'attendance',

  async validate(em, viewer, rows) {
    const c = new RowChecker();
    const parsed = rows.map((r, i) => ({
      session_id: c.id(i, 'sessionId', 'TrainingSession', r.sessionId),
      agency_id: c.id(i, 'agencyId', 'Agency', r.agencyId),
      attendee: c.text(i, 'attendee', r.attendee, ATTENDANCE_LIMITS.attendee),
      leading_cadre: r.leadingCadre,
      required: r.required,
      attended: r.attended,
      hours: c.number(i, 'hours', r.hours, 0, ATTENDANCE_LIMITS.hours),
      score: c.number(i, 'score', r.score, 0, ATTENDANCE_LIMITS.score, false),
    }));

    rows.forEach((r, i) => {
      for (const field of ['leadingCadre', 'required', 'attended'] as const) {
        if (typeof r[field] !== 'boolean') c.fail(i, field, 'required: true or false');
      }
      if (r.attended === false && r.score !== null && r.score !== undefined) c.fail(i, 'score', 'must be null when attended is false: only attendees sit the exam');
    });

    // Reference look-ups, one statement per table.
    const sessions = new Map(
      (await sql<{ id: number; starts_on: string }>(
        em, `select id, starts_on::text from training_session where id = any(?)`, [[...new Set(parsed.map((p) => p.session_id).filter((x): x is number => x !== null))]],
      )).map((s) => [s.id, s]),
    );
    const agencies = await agencyFacts(em, parsed.map((p) => p.agency_id));


    parsed.forEach((p, i) => {
      const session = p.session_id ? sessions.get(p.session_id) : undefined;
      if (p.session_id && !session) c.fail(i, 'sessionId', `TrainingSession:${p.session_id} does not exist`);
      const agency = p.agency_id ? agencies.get(p.agency_id) : undefined;
      if (p.agency_id && !agency) c.fail(i, 'agencyId', `Agency:${p.agency_id} does not exist`);
      if (agency) {
        const allowed = c.allowed(i, 'agencyId', `Agency:${p.agency_id}`, () =>
          authorizeWrite(viewer, 'TrainingAttendance', { agencyId: p.agency_id, agencyDistrictId: agency.district_id }));
        if (allowed && session && (session.starts_on < agency.valid_from || (agency.valid_to && session.starts_on > agency.valid_to))) {
          c.fail(i, 'agencyId', `Agency:${p.agency_id} did not exist on ${session.starts_on}, when TrainingSession:${p.session_id} started (valid ${agency.valid_from} … ${agency.valid_to ?? 'today'})`);
        }
      }
      if (p.session_id && p.agency_id && p.attendee) {
        c.once(i, 'attendee', keyOf(p as PreparedAttendance), 'session, agency and attendee', 'attendee');
      }
    });
    c.errors.sort((a, b) => a.row - b.row);
    return { errors: c.errors, forbidden: c.forbidden, prepared: parsed as PreparedAttendance[] };
  },

  async write(em, viewer, prepared, batchId) {
    // Sorted by natural key, so concurrent batches lock rows in the same order and cannot deadlock.
    const sorted = [...prepared].sort((a, b) => a.session_id - b.session_id || a.agency_id - b.agency_id || (a.attendee < b.attendee ? -1 : a.attendee > b.attendee ? 1 : 0));
    const { inserted } = await upsertBatch(em, ATTENDANCE_UPSERT, sorted, { viewer, batchId });
    return { inserted, updated: prepared.length - inserted };
  },
};
