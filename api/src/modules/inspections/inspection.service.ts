import type { EntityManager } from '@mikro-orm/core';
import type { Viewer } from '../../graphql/access.js';
import { sql } from '../../db/sql.js';
import { badInput, notFound, userError, type FieldProblem } from '../../shared/errors.js';
import { periodWhere } from '../../shared/filters.js';
import { parseGlobalId } from '../../shared/ids.js';
import { checkDateRange, existingIds } from '../../shared/validate.js';
import { Agency } from '../agencies/agency.entity.js';
import { recordAudit } from '../audit/audit.service.js';
import { now } from './clock.js';
import { agencyDistricts, authorizeOversight, checkAuthor, recordScope, type RecordScope, type User } from './inspection.access.js';
import { Inspection, InspectionFinding, InspectionSnapshot } from './inspection.entity.js';
import type { FindingInput, InspectionFilter, InspectionInput, InspectionUpdate } from './inspection.types.js';
import { takeSnapshot, type TakenSnapshot } from './snapshot.service.js';

/** The id of `type` in `raw` ("Inspection:3"), or BAD_USER_INPUT at `path`. */
export function idOf(type: string, raw: string, path: (string | number)[]): number {
  const parsed = parseGlobalId(raw);
  if (!parsed || parsed.type !== type) throw badInput(`"${raw}" is not a ${type} id (expected the form ${type}:123)`, [{ path, message: `not a ${type} id` }]);
  return parsed.id;
}

/** An inspection the viewer may read, or NOT_FOUND (also for another agency's, which a reporter may not know of). */
export async function readableInspection(em: EntityManager, viewer: Viewer, rawId: string): Promise<Inspection> {
  const scope = recordScope(viewer, 'inspections');
  const id = idOf('Inspection', rawId, ['id']);
  const found = await em.findOne(Inspection, { $and: [{ id }, inspectionScopeWhere(scope)] });
  if (!found) throw notFound('Inspection', rawId);
  return found;
}

export function inspectionScopeWhere(scope: RecordScope): Record<string, unknown> {
  return scope.all ? {} : { agencies: { $in: [scope.agencyId] } };
}

export async function inspectionWhere(em: EntityManager, viewer: Viewer, f: InspectionFilter | undefined): Promise<Record<string, unknown>> {
  const and: Record<string, unknown>[] = [inspectionScopeWhere(recordScope(viewer, 'inspections'))];
  if (f) {
    checkDateRange(f.from, f.to, ['filter']);
    const agencies = await existingIds(em, 'Agency', f.agencyIds, ['filter', 'agencyIds']);
    and.push(...periodWhere('date', f));
    if (agencies) and.push({ agencies: { $in: agencies } });
    if (f.kinds) and.push({ kind: { $in: f.kinds } });
    if (f.methods) and.push({ method: { $in: f.methods } });
  }
  return { $and: and };
}

// ---------------------------------------------------------------------------------------------
// Writes

interface Fields {
  kind: Inspection['kind'];
  inspectors: string;
  date: string;
  method: Inspection['method'];
  summary: string | null;
}

function checkText(value: string, path: (string | number)[], max: number, problems: FieldProblem[], what: string): string {
  const text = value.trim();
  if (!text) problems.push({ path, message: `${what} is empty` });
  else if (text.length > max) problems.push({ path, message: `at most ${max} characters` });
  return text;
}

function checkDate(date: string, path: (string | number)[], problems: FieldProblem[]): void {
  const year = Number(date.slice(0, 4));
  if (year < 2000 || year > 2100) problems.push({ path, message: 'a date between 2000 and 2100' });
}

function refuse(problems: FieldProblem[], what: string): void {
  if (problems.length) throw badInput(`The ${what} was not saved: ${problems.map((p) => `${p.path.join('.')}: ${p.message}`).join('; ')}`, problems);
}

/** The agencies of an input, which must exist and be named once each. */
async function agenciesOf(em: EntityManager, raw: string[], path: (string | number)[]): Promise<number[]> {
  const ids = (await existingIds(em, 'Agency', raw, path))!;
  const twice = ids.findIndex((id, i) => ids.indexOf(id) !== i);
  if (twice >= 0) throw badInput(`${raw[twice]} is named twice`, [{ path: [...path, twice], message: 'duplicate' }]);
  return ids;
}

async function snapshotsOf(em: EntityManager, viewer: Viewer, inputs: InspectionInput['snapshots'], path: (string | number)[]): Promise<TakenSnapshot[]> {
  const out: TakenSnapshot[] = [];
  // One after another: each runs a few set-based statements; several at once would only compete.
  for (const [i, input] of (inputs ?? []).entries()) out.push(await takeSnapshot(em, viewer, input, [...path, i]));
  return out;
}

/** The record as the audit trail keeps it (snapshots by their query; their answers are stored with them). */
function describe(i: Fields, agencyIds: number[], findings: { id: number; text: string }[], snapshots: { id: number; kind: string; query: unknown }[]) {
  return {
    kind: i.kind, inspectors: i.inspectors, date: i.date, method: i.method, summary: i.summary,
    agencyIds: [...agencyIds].sort((a, b) => a - b).map((id) => `Agency:${id}`),
    findings: findings.map((f) => ({ id: `InspectionFinding:${f.id}`, text: f.text })),
    snapshots: snapshots.map((s) => ({ id: `InspectionSnapshot:${s.id}`, kind: s.kind, query: s.query })),
  };
}

export async function createInspection(em: EntityManager, viewer: Viewer, input: InspectionInput): Promise<Inspection> {
  const problems: FieldProblem[] = [];
  const fields: Fields = {
    kind: input.kind,
    inspectors: checkText(input.inspectors, ['input', 'inspectors'], 500, problems, 'inspectors'),
    date: input.date,
    method: input.method,
    summary: input.summary?.trim() || null,
  };
  checkDate(input.date, ['input', 'date'], problems);
  const findings = (input.findings ?? []).map((t, i) => checkText(t, ['input', 'findings', i], 2000, problems, 'a finding'));
  refuse(problems, 'inspection');
  const agencyIds = await agenciesOf(em, input.agencyIds, ['input', 'agencyIds']);
  const user = authorizeOversight(viewer, await agencyDistricts(em, agencyIds), 'record inspections');
  const snapshots = await snapshotsOf(em, viewer, input.snapshots, ['input', 'snapshots']);

  const at = now();
  const id = await em.transactional(async (tx) => {
    const inspection = tx.create(Inspection, { ...fields, createdBy: user.username, createdById: user.id, createdAt: at, updatedAt: at });
    for (const agencyId of agencyIds) inspection.agencies.add(tx.getReference(Agency, agencyId));
    const rows = findings.map((text, i) => tx.create(InspectionFinding, { inspection, position: i + 1, text }));
    const shots = snapshots.map((s) => tx.create(InspectionSnapshot, { inspection, ...s, takenAt: at }));
    await tx.flush();
    await recordAudit(tx, user, { action: 'CREATE', entity: 'Inspection', entityId: inspection.id, after: describe(fields, agencyIds, rows, shots) });
    return inspection.id;
  });
  return em.findOneOrFail(Inspection, id, { refresh: true });
}

/** The inspection with what an update or delete needs, and the author check. */
async function forChange(em: EntityManager, viewer: Viewer, rawId: string, what: string): Promise<{ inspection: Inspection; user: User }> {
  const id = idOf('Inspection', rawId, ['id']);
  const inspection = await em.fork().findOne(Inspection, id, { populate: ['agencies', 'findings', 'snapshots'] });
  if (!inspection) throw notFound('Inspection', rawId);
  const user = authorizeOversight(viewer, await agencyDistricts(em, inspection.agencies.getIdentifiers() as number[]), `${what} inspections`);
  checkAuthor(user, inspection.createdById, what);
  return { inspection, user };
}

/** Rectification items that start from these findings: "RectificationItem:4 (InspectionFinding:2)". */
async function itemsFrom(em: EntityManager, findingIds: number[]): Promise<string[]> {
  if (findingIds.length === 0) return [];
  const rows = await sql<{ id: number; finding_id: number }>(em, 'select id, finding_id from rectification_item where finding_id = any(?) order by id', [findingIds]);
  return rows.map((r) => `RectificationItem:${r.id} (InspectionFinding:${r.finding_id})`);
}

export async function updateInspection(em: EntityManager, viewer: Viewer, rawId: string, patch: InspectionUpdate): Promise<Inspection> {
  const { inspection: old, user } = await forChange(em, viewer, rawId, 'change');
  const problems: FieldProblem[] = [];
  const oldFields: Fields = { kind: old.kind, inspectors: old.inspectors, date: old.date, method: old.method, summary: old.summary ?? null };
  const fields: Fields = {
    kind: patch.kind ?? old.kind,
    inspectors: patch.inspectors === undefined || patch.inspectors === null ? old.inspectors : checkText(patch.inspectors, ['input', 'inspectors'], 500, problems, 'inspectors'),
    date: patch.date ?? old.date,
    method: patch.method ?? old.method,
    summary: patch.summary === undefined || patch.summary === null ? (old.summary ?? null) : patch.summary.trim() || null,
  };
  if (patch.date) checkDate(patch.date, ['input', 'date'], problems);
  const oldFindings = old.findings.getItems();
  const findings = patch.findings ? checkFindings(patch.findings, oldFindings, problems) : null;
  const oldShots = old.snapshots.getItems();
  const removeShots = (patch.removeSnapshotIds ?? []).map((raw, i) => {
    const id = idOf('InspectionSnapshot', raw, ['input', 'removeSnapshotIds', i]);
    if (!oldShots.some((s) => s.id === id)) problems.push({ path: ['input', 'removeSnapshotIds', i], message: `${raw} is not a snapshot of ${rawId}` });
    return id;
  });
  refuse(problems, 'inspection');

  const oldAgencies = old.agencies.getIdentifiers() as number[];
  const agencyIds = patch.agencyIds ? await agenciesOf(em, patch.agencyIds, ['input', 'agencyIds']) : oldAgencies;
  if (patch.agencyIds) authorizeOversight(viewer, await agencyDistricts(em, agencyIds), 'change inspections');
  const added = await snapshotsOf(em, viewer, patch.addSnapshots, ['input', 'addSnapshots']);

  const at = now();
  await em.transactional(async (tx) => {
    const inspection = await tx.findOneOrFail(Inspection, old.id, { populate: ['agencies', 'findings', 'snapshots'] });
    if (findings) {
      const dropped = inspection.findings.getItems().filter((f) => !findings.some((k) => k.id === f.id));
      const blocking = await itemsFrom(tx, dropped.map((f) => f.id));
      if (blocking.length) {
        throw userError('CONFLICT', `Findings with rectification items cannot be removed: ${blocking.join(', ')}; keep them in the list (their text may change)`);
      }
      dropped.forEach((f) => tx.remove(f));
      findings.forEach((k, i) => {
        const kept = k.id === undefined ? undefined : inspection.findings.getItems().find((f) => f.id === k.id);
        if (kept) tx.assign(kept, { text: k.text, position: i + 1 });
        else tx.create(InspectionFinding, { inspection, position: i + 1, text: k.text });
      });
    }
    inspection.snapshots.getItems().filter((s) => removeShots.includes(s.id)).forEach((s) => tx.remove(s));
    const created = added.map((s) => tx.create(InspectionSnapshot, { inspection, ...s, takenAt: at }));
    tx.assign(inspection, { ...fields, updatedAt: at });
    if (patch.agencyIds) inspection.agencies.set(agencyIds.map((a) => tx.getReference(Agency, a)));
    await tx.flush();
    const afterFindings = findings ? await tx.find(InspectionFinding, { inspection: inspection.id }, { orderBy: { position: 'asc' } }) : oldFindings;
    const afterShots = [...oldShots.filter((s) => !removeShots.includes(s.id)), ...created];
    await recordAudit(tx, user, {
      action: 'UPDATE', entity: 'Inspection', entityId: old.id,
      before: describe(oldFields, oldAgencies, oldFindings, oldShots),
      after: describe(fields, agencyIds, afterFindings, afterShots),
    });
  });
  return em.findOneOrFail(Inspection, old.id, { refresh: true });
}

/** The new list of findings: texts checked, ids (of this inspection's findings, each once) decoded. */
function checkFindings(list: FindingInput[], existing: InspectionFinding[], problems: FieldProblem[]): { id?: number; text: string }[] {
  const seen = new Set<number>();
  return list.map((f, i) => {
    const text = checkText(f.text, ['input', 'findings', i, 'text'], 2000, problems, 'a finding');
    if (f.id === undefined || f.id === null) return { text };
    const id = idOf('InspectionFinding', f.id, ['input', 'findings', i, 'id']);
    if (!existing.some((e) => e.id === id)) problems.push({ path: ['input', 'findings', i, 'id'], message: `${f.id} is not a finding of this inspection` });
    else if (seen.has(id)) problems.push({ path: ['input', 'findings', i, 'id'], message: `${f.id} is listed twice` });
    seen.add(id);
    return { id, text };
  });
}

export async function deleteInspection(em: EntityManager, viewer: Viewer, rawId: string): Promise<string> {
  const { inspection, user } = await forChange(em, viewer, rawId, 'delete');
  await em.transactional(async (tx) => {
    const blocking = await itemsFrom(tx, inspection.findings.getItems().map((f) => f.id));
    if (blocking.length) {
      throw userError('CONFLICT', `${rawId} has rectification items started from its findings (${blocking.join(', ')}); an inspection that started a rectification cannot be deleted`);
    }
    const files = await sql<{ id: number; filename: string; sha256: string; size: number }>(tx, 'select id, filename, sha256, size from evidence_file where inspection_id = ? order by id', [inspection.id]);
    // Findings, snapshots, evidence files and the agency links go with it (foreign keys cascade).
    await sql(tx, 'delete from inspection where id = ?', [inspection.id]);
    const fields: Fields = { kind: inspection.kind, inspectors: inspection.inspectors, date: inspection.date, method: inspection.method, summary: inspection.summary ?? null };
    await recordAudit(tx, user, {
      action: 'DELETE', entity: 'Inspection', entityId: inspection.id,
      before: {
        ...describe(fields, inspection.agencies.getIdentifiers() as number[], inspection.findings.getItems(), inspection.snapshots.getItems()),
        evidence: files.map((f) => ({ id: `EvidenceFile:${f.id}`, filename: f.filename, size: f.size, sha256: f.sha256 })),
      },
    });
  });
  return `Inspection:${inspection.id}`;
}
