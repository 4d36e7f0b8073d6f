import type { EntityManager } from '@mikro-orm/core';
import { Field, Int, ObjectType } from 'type-graphql';
import { authorizeWrite, requireRole, type Viewer, type WriteTarget } from '../../graphql/access.js';
import { sql } from '../../db/sql.js';
import { badInput, userError, type FieldProblem } from '../../shared/errors.js';
import { parseGlobalId } from '../../shared/ids.js';
import { recordAudit } from '../audit/audit.service.js';
import { Role } from '../auth/role.js';
import { checkReason } from './batch.service.js';
import { isClosedYear, LOCK_MESSAGE, mayChangeLocked } from './locks.js';
import { todayInShanghai } from './rows.js';

@ObjectType({ description: 'What deleteRecords did' })
export class DeleteResult {
  @Field(() => Int, { description: 'Records deleted; each has a DELETE entry in the audit trail with the record as it was' }) deleted!: number;
}

export const MAX_DELETE_IDS = 1000;

/** A record about to be deleted: its before-image and what the write check needs. */
interface Loaded {
  id: number;
  row: unknown;
  agency_id?: number | null;
  district_id?: number | null;
  outlet_id?: number | null;
  year?: number;
  published?: boolean;
}

/** `'name', [values of column in table where fk = t.id]` for jsonb_build_object: the links that go with the record. */
const links = (name: string, table: string, fk: string, column: string) =>
  `'${name}', coalesce((select jsonb_agg(p.${column} order by p.${column}) from ${table} p where p.${fk} = t.id), '[]'::jsonb)`;
const BY_AGENCY = (column: string) => `t.${column} as agency_id, r.district_id from {table} t join agency a on a.id = t.${column} join region r on r.id = a.region_id`;

/**
 * The record types that can be deleted: the table, and the one statement that loads (and locks)
 * the records with the before-image kept in the audit trail — row_to_json of the row plus the
 * links deleted with it (every link table is `on delete cascade`: they go with the record).
 */
const DELETABLE: Record<string, { table: string; select: string; target: (r: Loaded) => WriteTarget }> = {
  Activity: {
    table: 'activity',
    select: `row_to_json(t)::jsonb || jsonb_build_object(${links('co_organiser_ids', 'activity_co_organisers', 'activity_id', 'agency_id')}, ${links('item_ids', 'activity_items', 'activity_id', 'item_id')}, ${links('law_ids', 'activity_laws', 'activity_id', 'law_id')}) as row, ${BY_AGENCY('organiser_id')}`,
    target: (r) => ({ agencyId: r.agency_id, agencyDistrictId: r.district_id }),
  },
  BroadcastSlot: {
    table: 'broadcast_slot',
    select: `row_to_json(t)::jsonb as row, t.outlet_id from {table} t`,
    target: (r) => ({ outletId: r.outlet_id }),
  },
  TrainingAttendance: {
    table: 'training_attendance',
    select: `row_to_json(t)::jsonb as row, ${BY_AGENCY('agency_id')}`,
    target: (r) => ({ agencyId: r.agency_id, agencyDistrictId: r.district_id }),
  },
  SurveyResponse: {
    table: 'survey_response',
    select: `row_to_json(t)::jsonb || jsonb_build_object('answers', coalesce((select jsonb_agg(jsonb_build_object('question_id', p.question_id, 'aware', p.aware, 'satisfaction', p.satisfaction) order by p.question_id) from survey_answer p where p.response_id = t.id), '[]'::jsonb)) as row from {table} t`,
    target: () => ({}),
  },
  ResponsibilityItem: {
    table: 'responsibility_item',
    select: `row_to_json(t)::jsonb || jsonb_build_object(${links('law_ids', 'responsibility_item_laws', 'item_id', 'law_id')}, ${links('target_district_ids', 'responsibility_item_districts', 'item_id', 'region_id')}, ${links('activity_ids', 'activity_items', 'item_id', 'activity_id')}) as row, t.year, t.published, ${BY_AGENCY('agency_id')}`,
    target: (r) => ({ agencyId: r.agency_id, agencyDistrictId: r.district_id }),
  },
  CaseStudy: {
    table: 'case_study',
    select: `row_to_json(t)::jsonb || jsonb_build_object(${links('law_ids', 'case_study_laws', 'case_id', 'law_id')}) as row, ${BY_AGENCY('agency_id')}`,
    target: (r) => ({ agencyId: r.agency_id, agencyDistrictId: r.district_id }),
  },
};

/**
 * Deletes records all-or-nothing in one transaction: every id is loaded (one statement per type,
 * rows locked) and checked with the write check of its record's agency or outlet — and the lock of
 * published and closed-year responsibility items — before anything is deleted. Any unknown id or
 * refusal: nothing is deleted, and every problem is listed by its place in `ids`.
 */
export async function deleteRecords(em: EntityManager, viewer: Viewer, ids: string[], reasonArg?: string | null): Promise<DeleteResult> {
  const user = requireRole(viewer, Object.values(Role), 'delete records');
  const reason = checkReason(reasonArg);
  if (ids.length === 0 || ids.length > MAX_DELETE_IDS) {
    throw badInput(`Give 1–${MAX_DELETE_IDS} ids; ${ids.length} were given`, [{ path: ['ids'], message: 'size' }]);
  }
  const problems: FieldProblem[] = [];
  const wanted = new Map<string, { index: number; type: string; id: number }>();
  ids.forEach((raw, index) => {
    const parsed = parseGlobalId(raw);
    if (!parsed) problems.push({ path: ['ids', index], message: `"${String(raw).slice(0, 60)}" is not an id (expected the form Activity:123)` });
    else if (!Object.hasOwn(DELETABLE, parsed.type)) problems.push({ path: ['ids', index], message: `${raw} cannot be deleted: only ${Object.keys(DELETABLE).join(', ')} records can` });
    else if (!wanted.has(`${parsed.type}:${parsed.id}`)) wanted.set(`${parsed.type}:${parsed.id}`, { index, ...parsed });
  });
  if (problems.length) throw refusal(problems, false);

  return em.transactional(async (tx) => {
    const loaded = new Map<string, Loaded>();
    for (const [type, spec] of Object.entries(DELETABLE)) {
      const list = [...wanted.values()].filter((w) => w.type === type).map((w) => w.id);
      if (!list.length) continue;
      const rows = await sql<Loaded>(tx, `select t.id, ${spec.select.replace('{table}', spec.table)} where t.id = any(?) order by t.id for update of t`, [list]);
      for (const r of rows) loaded.set(`${type}:${r.id}`, r);
    }

    let forbidden = false;
    const today = todayInShanghai();
    const unlocked = mayChangeLocked(user, reason);
    for (const [gid, w] of wanted) {
      const record = loaded.get(gid);
      if (!record) {
        problems.push({ path: ['ids', w.index], message: `${gid} does not exist` });
        continue;
      }
      try {
        authorizeWrite(user, w.type, DELETABLE[w.type]!.target(record));
      } catch (err) {
        forbidden = true;
        problems.push({ path: ['ids', w.index], message: `${gid}: ${(err as Error).message}` });
        continue;
      }
      if (w.type === 'ResponsibilityItem' && (record.published || isClosedYear(record.year!, today)) && !unlocked) {
        forbidden = true;
        problems.push({ path: ['ids', w.index], message: `${gid}: ${LOCK_MESSAGE}` });
      }
    }
    if (problems.length) throw refusal(problems, forbidden);

    for (const [type, spec] of Object.entries(DELETABLE)) {
      const list = [...wanted.values()].filter((w) => w.type === type).map((w) => w.id).sort((a, b) => a - b);
      if (list.length) await sql(tx, `delete from ${spec.table} where id = any(?)`, [list]);
    }
    await recordAudit(tx, user, ...[...wanted].map(([gid, w]) => {
      const { row } = loaded.get(gid)!;
      return { action: 'DELETE', entity: w.type, entityId: w.id, before: typeof row === 'string' ? JSON.parse(row) : row, reason };
    }));
    return { deleted: wanted.size };
  });
}

function refusal(problems: FieldProblem[], forbidden: boolean) {
  const first = problems[0]!;
  const message = problems.length === 1
    ? `Nothing was deleted: ${first.message}`
    : `Nothing was deleted: ${problems.length} problems; first: ${first.message}`;
  return userError(forbidden ? 'FORBIDDEN' : 'BAD_USER_INPUT', message, { problems: problems.slice(0, 1000), problemCount: problems.length });
}
