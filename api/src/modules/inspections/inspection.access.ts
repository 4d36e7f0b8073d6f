/**
 * Who may read and write inspections and rectification items (docs/inspections.md, "Who may do what").
 *   read:  the readers of every record (admin, district admin, leader, inspector) everything; an
 *          agency reporter the inspections of its agency and its agency's items; others nothing.
 *   write: admins and inspectors; a district admin for agencies located in its district. An
 *          inspector changes or deletes only the inspections it recorded.
 */
import type { EntityManager } from '@mikro-orm/core';
import { requireRole, type Viewer } from '../../graphql/access.js';
import { sql } from '../../db/sql.js';
import { userError } from '../../shared/errors.js';
import { Role } from '../auth/role.js';

export type User = Extract<Viewer, { kind: 'user' }>;

/** Everything, or the records of one agency. */
export type RecordScope = { all: true } | { all: false; agencyId: number };

const READ_ALL = new Set<Role>([Role.ADMIN, Role.DISTRICT_ADMIN, Role.LEADER, Role.INSPECTOR]);
const OVERSIGHT = [Role.ADMIN, Role.INSPECTOR, Role.DISTRICT_ADMIN];

export function recordScope(viewer: Viewer, what: string): RecordScope {
  if (viewer.kind === 'anonymous') throw userError('UNAUTHENTICATED', `Sign in to read ${what}`);
  if (READ_ALL.has(viewer.role)) return { all: true };
  if (viewer.role === Role.AGENCY_REPORTER && viewer.agencyId) return { all: false, agencyId: viewer.agencyId };
  throw userError('FORBIDDEN', `Your account (${viewer.role}) may not read ${what}`);
}

/** Whether the viewer reads everything (unit-level figures of every agency included). */
export function readsAll(viewer: Viewer): boolean {
  return viewer.kind === 'user' && READ_ALL.has(viewer.role);
}

/** The district of each agency (null for a city-level agency); agencies that do not exist are missing. */
export async function agencyDistricts(em: EntityManager, ids: number[]): Promise<Map<number, number | null>> {
  if (ids.length === 0) return new Map();
  const rows = await sql<{ id: number; district_id: number | null }>(em, 'select a.id, r.district_id from agency a join region r on r.id = a.region_id where a.id = any(?)', [ids]);
  return new Map(rows.map((r) => [r.id, r.district_id]));
}

/**
 * The write check of inspections and rectification items: an admin, an inspector, or a district
 * admin whose district holds every agency named (`districts`: agency id → district id).
 */
export function authorizeOversight(viewer: Viewer, districts: Map<number, number | null>, what: string): User {
  const user = requireRole(viewer, OVERSIGHT, what);
  if (user.role === Role.DISTRICT_ADMIN) {
    const outside = [...districts].find(([, d]) => !user.districtId || d !== user.districtId);
    if (outside) throw userError('FORBIDDEN', `Your account administers Region:${user.districtId}; Agency:${outside[0]} is not in that district`);
  }
  return user;
}

/** An inspector changes only what it recorded; admins and district admins (in their district) anything. */
export function checkAuthor(user: User, createdById: number | null | undefined, what: string): void {
  if (user.role === Role.INSPECTOR && createdById !== user.id) {
    throw userError('FORBIDDEN', `An inspector may ${what} only the inspections it recorded; ask the 普法办 (an admin) or the inspector who recorded it`);
  }
}
