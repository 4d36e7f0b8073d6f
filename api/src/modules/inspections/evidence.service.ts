/**
 * Evidence files of inspections and rectification items. The bytes live in the database (bytea),
 * beside their record: the same on PGlite and PostgreSQL, written in the transaction that audits
 * them (a refused or failed upload leaves nothing behind), and carried by every database backup.
 * The 10 MB cap keeps single rows cheap; see docs/inspections.md, "Evidence files".
 */
import type { EntityManager } from '@mikro-orm/core';
import type { Viewer } from '../../graphql/access.js';
import { sql } from '../../db/sql.js';
import { notFound, userError } from '../../shared/errors.js';
import { recordAudit } from '../audit/audit.service.js';
import { Role } from '../auth/role.js';
import { now } from './clock.js';
import { agencyDistricts, authorizeOversight, checkAuthor, recordScope, type User } from './inspection.access.js';
import { EvidenceFile, Inspection, RectificationItem } from './inspection.entity.js';
import { idOf, readableInspection } from './inspection.service.js';
import { readableItem } from './rectification.service.js';
import type { EvidenceType } from './evidence.detect.js';

export type EvidenceOwner = { kind: 'Inspection' | 'RectificationItem'; id: number };

const PENDING = new Set(['OPEN', 'IN_PROGRESS', 'REOPENED']);

/**
 * Who may add or remove evidence: of an inspection, whoever may change it; of a rectification
 * item, the reporter of its agency while the change is owed (not once submitted or verified), and
 * admins, inspectors and the district admin until it is verified.
 */
export async function authorizeEvidenceWrite(em: EntityManager, viewer: Viewer, owner: EvidenceOwner): Promise<User> {
  const rawId = `${owner.kind}:${owner.id}`;
  if (owner.kind === 'Inspection') {
    const inspection = await em.findOne(Inspection, owner.id, { populate: ['agencies'] });
    if (!inspection) throw notFound('Inspection', rawId);
    const user = authorizeOversight(viewer, await agencyDistricts(em, inspection.agencies.getIdentifiers() as number[]), 'add evidence to inspections');
    checkAuthor(user, inspection.createdById, 'add evidence to');
    return user;
  }
  const item = await em.findOne(RectificationItem, owner.id);
  if (!item) throw notFound('RectificationItem', rawId);
  if (viewer.kind === 'user' && viewer.role === Role.AGENCY_REPORTER) {
    if (viewer.agencyId !== item.agency.id) throw userError('FORBIDDEN', `${rawId} is not an item of your agency (Agency:${viewer.agencyId}); attach evidence to your own agency’s items`);
    if (!PENDING.has(item.status)) throw userError('CONFLICT', `${rawId} is ${item.status}: its evidence is fixed until it is reopened`);
    return viewer;
  }
  const user = authorizeOversight(viewer, await agencyDistricts(em, [item.agency.id]), 'add evidence to rectification items');
  if (item.status === 'VERIFIED') throw userError('CONFLICT', `${rawId} is verified and closed: its evidence is fixed`);
  return user;
}

function describe(f: { filename: string; contentType: string; size: number; sha256: string }, owner: EvidenceOwner) {
  return { owner: `${owner.kind}:${owner.id}`, filename: f.filename, contentType: f.contentType, size: f.size, sha256: f.sha256 };
}

export async function storeEvidence(em: EntityManager, user: User, owner: EvidenceOwner, file: { data: Buffer; type: EvidenceType; filename: string; sha256: string }): Promise<EvidenceFile> {
  const id = await em.transactional(async (tx) => {
    const row = tx.create(EvidenceFile, {
      inspection: owner.kind === 'Inspection' ? owner.id : null,
      rectificationItem: owner.kind === 'RectificationItem' ? owner.id : null,
      filename: file.filename, contentType: file.type, size: file.data.length, sha256: file.sha256, data: file.data,
      uploadedBy: user.username, uploadedById: user.id, uploadedAt: now(),
    });
    await tx.flush();
    await recordAudit(tx, user, { action: 'CREATE', entity: 'EvidenceFile', entityId: row.id, after: describe(row, owner) });
    return row.id;
  });
  return em.findOneOrFail(EvidenceFile, id, { refresh: true });
}

function ownerOf(f: EvidenceFile): EvidenceOwner {
  return f.inspection ? { kind: 'Inspection', id: f.inspection.id } : { kind: 'RectificationItem', id: f.rectificationItem!.id };
}

/** The file with its bytes, if the viewer may read its inspection or item (NOT_FOUND otherwise, as for a missing one). */
export async function readEvidence(em: EntityManager, viewer: Viewer, rawId: string): Promise<EvidenceFile> {
  recordScope(viewer, 'evidence files');
  const id = idOf('EvidenceFile', rawId.includes(':') ? rawId : `EvidenceFile:${rawId}`, ['id']);
  const file = await em.findOne(EvidenceFile, id, { populate: ['data'] });
  if (!file) throw notFound('EvidenceFile', `EvidenceFile:${id}`);
  const owner = ownerOf(file);
  try {
    if (owner.kind === 'Inspection') await readableInspection(em, viewer, `Inspection:${owner.id}`);
    else await readableItem(em, viewer, `RectificationItem:${owner.id}`);
  } catch {
    throw notFound('EvidenceFile', `EvidenceFile:${id}`);
  }
  if (viewer.kind === 'user' && viewer.role === Role.INSPECTOR) await recordAudit(em, viewer, { action: 'VIEW', entity: 'EvidenceFile', entityId: id });
  return file;
}

export async function deleteEvidenceFile(em: EntityManager, viewer: Viewer, rawId: string): Promise<string> {
  const id = idOf('EvidenceFile', rawId, ['id']);
  const file = await em.findOne(EvidenceFile, id);
  if (!file) throw notFound('EvidenceFile', rawId);
  const owner = ownerOf(file);
  const user = await authorizeEvidenceWrite(em, viewer, owner);
  await em.transactional(async (tx) => {
    await sql(tx, 'delete from evidence_file where id = ?', [id]);
    await recordAudit(tx, user, { action: 'DELETE', entity: 'EvidenceFile', entityId: id, before: describe(file, owner) });
  });
  return rawId;
}
