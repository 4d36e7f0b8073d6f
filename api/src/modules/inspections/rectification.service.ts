import { Cursor, type EntityManager } from '@mikro-orm/core';
import type { Viewer } from '../../graphql/access.js';
import type { Context } from '../../graphql/context.js';
import { sql } from '../../db/sql.js';
import { badInput, notFound, userError, type FieldProblem } from '../../shared/errors.js';
import { decodeIds } from '../../shared/ids.js';
import type { Connection, PageArgs } from '../../shared/pagination.js';
import { existingIds } from '../../shared/validate.js';
import { scorecard } from '../assessment/assessment.service.js';
import { recordAudit } from '../audit/audit.service.js';
import { Role } from '../auth/role.js';
import { overlapGaps } from '../overlaps/overlaps.service.js';
import { now, today } from './clock.js';
import { agencyDistricts, authorizeOversight, recordScope, type User } from './inspection.access.js';
import { Inspection, InspectionFinding, RectificationItem } from './inspection.entity.js';
import { RectificationSourceKind } from './inspection.enums.js';
import { idOf } from './inspection.service.js';
import { checkTransition, OVERDUE_SQL, RECTIFICATION_STATUSES, type Status } from './rectification.rules.js';
import type { RectificationCount, RectificationFilter, RectificationInput, RectificationSourceInput, RectificationUpdate } from './rectification.types.js';

/** An item the viewer may read: NOT_FOUND for a missing one, FORBIDDEN for another agency's. */
export async function readableItem(em: EntityManager, viewer: Viewer, rawId: string, path: (string | number)[] = ['id']): Promise<RectificationItem> {
  const scope = recordScope(viewer, 'rectification items');
  const item = await em.findOne(RectificationItem, idOf('RectificationItem', rawId, path));
  if (!item) throw notFound('RectificationItem', rawId);
  if (!scope.all && item.agency.id !== scope.agencyId) {
    throw userError('FORBIDDEN', `${rawId} is not an item of your agency (Agency:${scope.agencyId}); an agency reporter reads and moves its own agency’s items only`);
  }
  return item;
}

/** The item as the audit trail keeps it. */
function describe(i: RectificationItem) {
  return {
    agencyId: `Agency:${i.agency.id}`, sourceKind: i.sourceKind, year: i.year,
    findingId: i.finding ? `InspectionFinding:${i.finding.id}` : null, rubricVersion: i.rubricVersion ?? null,
    domainId: i.domain ? `EnforcementDomain:${i.domain.id}` : null, gapKind: i.gapKind ?? null,
    requirement: i.requirement, deadline: i.deadline, status: i.status, statusNote: i.statusNote ?? null,
  };
}

// ---------------------------------------------------------------------------------------------
// Creating an item from its source

interface Source {
  sourceKind: RectificationSourceKind;
  year: number;
  finding?: InspectionFinding;
  rubricVersion?: string;
  domainId?: number;
  gapKind?: RectificationItem['gapKind'];
  detail: Record<string, unknown>;
}

async function resolveSource(em: EntityManager, agencyId: number, s: RectificationSourceInput): Promise<Source> {
  const path = ['input', 'source'];
  const given = (['findingId', 'scorecard', 'overlapGap'] as const).filter((k) => s[k] !== undefined && s[k] !== null);
  if (given.length !== 1) {
    throw badInput(`Give exactly one source — findingId, scorecard or overlapGap — not ${given.length ? given.join(' and ') : 'none'}`, [{ path, message: 'exactly one source' }]);
  }
  if (s.findingId) {
    const finding = await em.findOne(InspectionFinding, idOf('InspectionFinding', s.findingId, [...path, 'findingId']), { populate: ['inspection.agencies'] });
    if (!finding) throw badInput(`${s.findingId} does not exist`, [{ path: [...path, 'findingId'], message: 'unknown finding' }]);
    const inspection = finding.inspection.getEntity() as Inspection;
    const visited = inspection.agencies.getIdentifiers() as number[];
    if (!visited.includes(agencyId)) {
      throw badInput(`Agency:${agencyId} was not inspected by ${inspection.globalId} (it visited ${visited.map((a) => `Agency:${a}`).join(', ')})`, [{ path: ['input', 'agencyId'], message: 'not an agency of the inspection' }]);
    }
    return {
      sourceKind: RectificationSourceKind.FINDING, year: Number(inspection.date.slice(0, 4)), finding,
      detail: { inspectionId: inspection.globalId, date: inspection.date, kind: inspection.kind, method: inspection.method, finding: finding.text },
    };
  }
  if (s.scorecard) {
    const { year, rubricVersion } = s.scorecard;
    const card = await scorecard(em, { year, rubricVersion }, null);
    const entry = card.rectify.find((r) => r.agencyId === `Agency:${agencyId}`);
    if (!entry) {
      const listed = card.rectify.map((r) => `${r.agencyId} (${r.label})`).join(', ') || 'nobody';
      throw badInput(`Agency:${agencyId} is not on the rectification list of the ${year} scorecard under ${rubricVersion}; the list names ${listed}`, [{ path: [...path, 'scorecard'], message: 'agency not on the rectification list' }]);
    }
    return {
      sourceKind: RectificationSourceKind.SCORECARD, year, rubricVersion,
      detail: { frozen: card.frozen, total: entry.total, maxScore: card.maxScore, rank: entry.rank, grade: entry.grade, reason: entry.reason, lostMost: entry.lostMost },
    };
  }
  const g = s.overlapGap!;
  const domainId = (await existingIds(em, 'EnforcementDomain', [g.domainId], [...path, 'overlapGap', 'domainId']))![0]!;
  const [overlap] = await overlapGaps(em, { years: [g.year], domainIds: [g.domainId] }, 'ZH_CN', {});
  const flags = overlap?.flags.filter((f) => f.kind === g.kind) ?? [];
  if (!overlap || flags.length === 0) {
    const present = overlap?.flags.map((f) => f.kind).join(', ') || 'none (it is not an overlap that year)';
    throw badInput(`${g.domainId} has no ${g.kind} flag in ${g.year}; its flags: ${present}`, [{ path: [...path, 'overlapGap', 'kind'], message: 'no such flag' }]);
  }
  if (!overlap.holders.some((h) => h.agency.id === agencyId)) {
    throw badInput(`Agency:${agencyId} holds no enforcement power in ${g.domainId} in ${g.year}; the holders: ${overlap.holders.map((h) => h.agency.globalId).join(', ')}`, [{ path: ['input', 'agencyId'], message: 'not a holder of the domain' }]);
  }
  return {
    sourceKind: RectificationSourceKind.OVERLAP_GAP, year: g.year, domainId, gapKind: g.kind,
    detail: { activityCount: overlap.activityCount, flags: flags.map((f) => ({ message: f.message, act: f.act.map((a) => a.globalId) })) },
  };
}

export async function createRectificationItem(em: EntityManager, viewer: Viewer, input: RectificationInput): Promise<RectificationItem> {
  const problems: FieldProblem[] = [];
  const requirement = input.requirement.trim();
  if (!requirement) problems.push({ path: ['input', 'requirement'], message: 'say what must change' });
  if (input.deadline < today()) problems.push({ path: ['input', 'deadline'], message: `the deadline ${input.deadline} is before today (${today()})` });
  if (problems.length) throw badInput(`The rectification item was not saved: ${problems.map((p) => `${p.path.join('.')}: ${p.message}`).join('; ')}`, problems);
  const agencyId = (await existingIds(em, 'Agency', [input.agencyId], ['input', 'agencyId']))![0]!;
  const user = authorizeOversight(viewer, await agencyDistricts(em, [agencyId]), 'create rectification items');
  const source = await resolveSource(em, agencyId, input.source);

  const at = now();
  const id = await em.transactional(async (tx) => {
    // One open item per agency and source: a second would split the evidence and the verification.
    const [open] = await sql<{ id: number }>(tx, `select id from rectification_item where agency_id = ? and source_kind = ? and status <> 'VERIFIED'
      and finding_id is not distinct from ? and year = ? and rubric_version is not distinct from ? and domain_id is not distinct from ? and gap_kind is not distinct from ?`,
    [agencyId, source.sourceKind, source.finding?.id ?? null, source.year, source.rubricVersion ?? null, source.domainId ?? null, source.gapKind ?? null]);
    if (open) throw userError('CONFLICT', `RectificationItem:${open.id} already rectifies this for Agency:${agencyId} and is not verified yet; change that item instead`);
    const item = tx.create(RectificationItem, {
      agency: agencyId, sourceKind: source.sourceKind, finding: source.finding?.id ?? null, year: source.year, rubricVersion: source.rubricVersion ?? null,
      domain: source.domainId ?? null, gapKind: source.gapKind ?? null, sourceDetail: source.detail,
      requirement, deadline: input.deadline, status: 'OPEN', createdBy: user.username, createdById: user.id, createdAt: at, updatedAt: at,
    });
    await tx.flush();
    await recordAudit(tx, user, { action: 'CREATE', entity: 'RectificationItem', entityId: item.id, after: { ...describe(item), sourceDetail: source.detail } });
    return item.id;
  });
  return em.findOneOrFail(RectificationItem, id, { refresh: true });
}

// ---------------------------------------------------------------------------------------------
// Changing, moving, deleting

/** The item for an oversight write (admin, inspector, district admin of its agency's district). */
async function forOversight(em: EntityManager, viewer: Viewer, rawId: string, what: string): Promise<{ item: RectificationItem; user: User }> {
  const item = await em.fork().findOne(RectificationItem, idOf('RectificationItem', rawId, ['id']));
  if (!item) throw notFound('RectificationItem', rawId);
  const user = authorizeOversight(viewer, await agencyDistricts(em, [item.agency.id]), what);
  return { item, user };
}

export async function updateRectificationItem(em: EntityManager, viewer: Viewer, rawId: string, patch: RectificationUpdate): Promise<RectificationItem> {
  const { item, user } = await forOversight(em, viewer, rawId, 'change rectification items');
  if (item.status === 'VERIFIED') throw userError('CONFLICT', `${rawId} is verified and closed; open a new item if more must change`);
  const problems: FieldProblem[] = [];
  const requirement = patch.requirement === undefined || patch.requirement === null ? item.requirement : patch.requirement.trim();
  if (!requirement) problems.push({ path: ['input', 'requirement'], message: 'say what must change' });
  const deadline = patch.deadline ?? item.deadline;
  if (patch.deadline && patch.deadline < today() && patch.deadline !== item.deadline) {
    problems.push({ path: ['input', 'deadline'], message: `the deadline ${patch.deadline} is before today (${today()})` });
  }
  if (problems.length) throw badInput(`${rawId} was not changed: ${problems.map((p) => `${p.path.join('.')}: ${p.message}`).join('; ')}`, problems);
  const before = describe(item);
  await em.transactional(async (tx) => {
    const rows = await sql<{ id: number }>(tx, `update rectification_item set requirement = ?, deadline = ?, updated_at = ? where id = ? and status <> 'VERIFIED' returning id`,
      [requirement, deadline, now(), item.id]);
    if (rows.length === 0) throw userError('CONFLICT', `${rawId} was verified meanwhile and is closed`);
    await recordAudit(tx, user, { action: 'UPDATE', entity: 'RectificationItem', entityId: item.id, before, after: { ...before, requirement, deadline } });
  });
  return em.findOneOrFail(RectificationItem, item.id, { refresh: true });
}

/**
 * Moves an item to `to` (rectification.rules.ts says who may, from where). SUBMITTED needs evidence
 * on the item; REOPENED a reason. The row changes only if it is still in the status read, so two
 * people moving it at once cannot both succeed.
 */
export async function setRectificationStatus(em: EntityManager, viewer: Viewer, rawId: string, to: Status, note: string | null | undefined): Promise<RectificationItem> {
  const item = await readableItem(em.fork(), viewer, rawId);
  const check = checkTransition(viewer, item.agency.id, item.status, to);
  if (!check.ok) {
    throw check.code === 'FORBIDDEN'
      ? userError('FORBIDDEN', `${rawId}: ${check.message}`, { allowed: check.allowed })
      : userError('BAD_USER_INPUT', `${rawId}: ${check.message}`, { allowed: check.allowed, problems: [{ path: ['status'], message: `allowed: ${check.allowed.join(', ') || 'none'}` }] });
  }
  const user = viewer as User;
  const text = note?.trim() || null;
  if (text && text.length > 2000) throw badInput('The note is at most 2,000 characters', [{ path: ['note'], message: 'too long' }]);
  if (to === 'REOPENED' && (!text || text.length < 5)) throw badInput('Say why the item is reopened (a note of 5–2,000 characters): the agency acts on it', [{ path: ['note'], message: 'reason required' }]);
  const at = now();
  await em.transactional(async (tx) => {
    if (to === 'SUBMITTED') {
      const [files] = await sql<{ n: number }>(tx, 'select count(*)::int as n from evidence_file where rectification_item_id = ?', [item.id]);
      if (!files?.n) {
        throw badInput(`${rawId} has no evidence: upload the proof of the change first (POST /evidence/rectification-items/${rawId}), then submit`, [{ path: ['status'], message: 'evidence required' }]);
      }
    }
    const stamp = to === 'SUBMITTED' ? ', submitted_at = ?, submitted_by = ?' : to === 'VERIFIED' ? ', verified_at = ?, verified_by = ?' : '';
    const rows = await sql<{ id: number }>(tx, `update rectification_item set status = ?, status_note = ?, updated_at = ?${stamp} where id = ? and status = ? returning id`,
      [to, text, at, ...(stamp ? [at, user.username] : []), item.id, item.status]);
    if (rows.length === 0) throw userError('CONFLICT', `${rawId} was moved by someone else meanwhile; look at it again`);
    await recordAudit(tx, user, {
      action: 'UPDATE', entity: 'RectificationItem', entityId: item.id,
      before: { status: item.status, statusNote: item.statusNote ?? null },
      after: { status: to, statusNote: text, ...(to === 'SUBMITTED' ? { submittedAt: at, submittedBy: user.username } : {}), ...(to === 'VERIFIED' ? { verifiedAt: at, verifiedBy: user.username } : {}) },
    });
  });
  return em.findOneOrFail(RectificationItem, item.id, { refresh: true });
}

/** Admins only: an item made by mistake. Its evidence goes with it; the audit entry keeps both. */
export async function deleteRectificationItem(em: EntityManager, viewer: Viewer, rawId: string): Promise<string> {
  const { item, user } = await forOversight(em, viewer, rawId, 'delete rectification items');
  if (user.role !== Role.ADMIN) throw userError('FORBIDDEN', `Only an administrator (普法办) deletes rectification items; your account (${user.role}) may change them`);
  await em.transactional(async (tx) => {
    const files = await sql<{ id: number; filename: string; sha256: string; size: number }>(tx, 'select id, filename, sha256, size from evidence_file where rectification_item_id = ? order by id', [item.id]);
    await sql(tx, 'delete from rectification_item where id = ?', [item.id]);
    await recordAudit(tx, user, {
      action: 'DELETE', entity: 'RectificationItem', entityId: item.id,
      before: { ...describe(item), sourceDetail: item.sourceDetail, evidence: files.map((f) => ({ id: `EvidenceFile:${f.id}`, filename: f.filename, size: f.size, sha256: f.sha256 })) },
    });
  });
  return `RectificationItem:${item.id}`;
}

// ---------------------------------------------------------------------------------------------
// Lists: overdue first, then by deadline

/** The filter as SQL on `rectification_item r`, with its parameters in order. */
async function filterSql(em: EntityManager, viewer: Viewer, f: RectificationFilter | undefined, day: string): Promise<{ where: string; params: unknown[] }> {
  const scope = recordScope(viewer, 'rectification items');
  const where: string[] = ['true'];
  const params: unknown[] = [];
  const add = (cond: string, ...values: unknown[]) => {
    where.push(cond);
    params.push(...values);
  };
  if (!scope.all) add('r.agency_id = ?', scope.agencyId);
  if (f?.statuses) add('r.status = any(?)', f.statuses);
  const agencies = await existingIds(em, 'Agency', f?.agencyIds, ['filter', 'agencyIds']);
  if (agencies) add('r.agency_id = any(?)', agencies);
  const domains = await existingIds(em, 'EnforcementDomain', f?.domainIds, ['filter', 'domainIds']);
  if (domains) add('r.domain_id = any(?)', domains);
  if (f?.sourceKinds) add('r.source_kind = any(?)', f.sourceKinds);
  if (f?.years) add('r.year = any(?)', f.years);
  if (f?.rubricVersion) add('r.rubric_version = ?', f.rubricVersion);
  const inspections = decodeIds('Inspection', f?.inspectionIds, ['filter', 'inspectionIds']);
  if (inspections) add('r.finding_id in (select id from inspection_finding where inspection_id = any(?))', inspections);
  if (f?.overdue === true) add(OVERDUE_SQL('r'), day);
  if (f?.overdue === false) add(`not ${OVERDUE_SQL('r')}`, day);
  return { where: where.join(' and '), params };
}

type Key = [overdueRank: number, deadline: string, id: number];

function decodeCursor(after: string): Key {
  try {
    const key = Cursor.decode(after) as unknown;
    if (Array.isArray(key) && key.length === 3 && typeof key[0] === 'number' && typeof key[1] === 'string' && typeof key[2] === 'number') return key as Key;
  } catch {
    // fall through
  }
  throw badInput('after is not a cursor this API gave out; pass endCursor of the previous page', [{ path: ['after'], message: 'invalid cursor' }]);
}

/** Keyset pages in the order (overdue first, deadline, id), on the hub's clock. */
export async function listRectificationItems(ctx: Pick<Context, 'em' | 'viewer' | 'noteViewed'>, page: PageArgs, f: RectificationFilter | undefined): Promise<Connection<RectificationItem>> {
  const day = today();
  const { where, params } = await filterSql(ctx.em, ctx.viewer, f, day);
  const first = page.first ?? 50;
  const rank = `(case when ${OVERDUE_SQL('r')} then 0 else 1 end)`;
  const after = page.after ? decodeCursor(page.after) : null;
  const rows = await sql<{ id: number; o: number; deadline: string }>(ctx.em,
    `select r.id, ${rank} as o, r.deadline::text as deadline from rectification_item r
     where ${where}${after ? ` and (${rank}, r.deadline, r.id) > (?, ?::date, ?)` : ''}
     order by o, r.deadline, r.id limit ?`,
    [day, ...params, ...(after ? [day, ...after] : []), first + 1]);
  const pageRows = rows.slice(0, first);
  const found = pageRows.length ? await ctx.em.find(RectificationItem, { id: { $in: pageRows.map((r) => r.id) } }) : [];
  const byId = new Map(found.map((i) => [i.id, i]));
  const nodes = pageRows.map((r) => byId.get(r.id)!);
  ctx.noteViewed('RectificationItem', pageRows.map((r) => r.id));
  const cursor = (r: { id: number; o: number; deadline: string }) => Cursor.encode([r.o, r.deadline, r.id]);
  const result = {
    nodes,
    edges: nodes.map((node, i) => ({ node, cursor: cursor(pageRows[i]!) })),
    pageInfo: {
      hasNextPage: rows.length > first, hasPreviousPage: !!after,
      startCursor: pageRows.length ? cursor(pageRows[0]!) : null, endCursor: pageRows.length ? cursor(pageRows.at(-1)!) : null,
    },
  } as Connection<RectificationItem>;
  let count: Promise<number> | undefined;
  Object.defineProperty(result, 'totalCount', {
    enumerable: true,
    get: () => (count ??= sql<{ n: number }>(ctx.em, `select count(*)::int as n from rectification_item r where ${where}`, params).then((r) => r[0]!.n)),
  });
  return result;
}

/** Items per status (every status, zeros included) and how many of them are overdue: the board's columns. */
export async function countRectificationItems(em: EntityManager, viewer: Viewer, f: RectificationFilter | undefined): Promise<RectificationCount[]> {
  const day = today();
  const { where, params } = await filterSql(em, viewer, f, day);
  const rows = await sql<{ status: Status; n: number; late: number }>(em,
    `select r.status, count(*)::int as n, (count(*) filter (where ${OVERDUE_SQL('r')}))::int as late from rectification_item r where ${where} group by r.status`,
    [day, ...params]);
  return RECTIFICATION_STATUSES.map((status) => {
    const row = rows.find((r) => r.status === status);
    return { status, count: row?.n ?? 0, overdue: row?.late ?? 0 };
  });
}
