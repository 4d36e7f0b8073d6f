/**
 * The life of a rectification item (整改事项), pure: which status may follow which, who moves it,
 * and when it is overdue. The service applies these; docs/inspections.md draws the same table.
 *
 *   OPEN ──agency──▶ IN_PROGRESS ──agency, with evidence──▶ SUBMITTED ──checker──▶ VERIFIED
 *                         ▲                                    │
 *                         └──────agency────── REOPENED ◀──checker (with a reason)
 *
 * "agency": the agency reporter of the item's agency; "checker": an admin (普法办) or an inspector.
 */
import type { Viewer } from '../../graphql/access.js';
import { Role } from '../auth/role.js';

export const RECTIFICATION_STATUSES = ['OPEN', 'IN_PROGRESS', 'SUBMITTED', 'VERIFIED', 'REOPENED'] as const;
export type Status = (typeof RECTIFICATION_STATUSES)[number];

export type Mover = 'AGENCY' | 'CHECKER';

export const TRANSITIONS: Record<Status, { to: Status; by: Mover }[]> = {
  OPEN: [{ to: 'IN_PROGRESS', by: 'AGENCY' }],
  IN_PROGRESS: [{ to: 'SUBMITTED', by: 'AGENCY' }],
  SUBMITTED: [{ to: 'VERIFIED', by: 'CHECKER' }, { to: 'REOPENED', by: 'CHECKER' }],
  REOPENED: [{ to: 'IN_PROGRESS', by: 'AGENCY' }],
  VERIFIED: [],
};

/** Statuses in which the agency still owes the change: the deadline runs. */
const PENDING = new Set<Status>(['OPEN', 'IN_PROGRESS', 'REOPENED']);

export function moverOf(viewer: Viewer, agencyId: number): Mover | null {
  if (viewer.kind !== 'user') return null;
  if (viewer.role === Role.AGENCY_REPORTER && viewer.agencyId === agencyId) return 'AGENCY';
  if (viewer.role === Role.ADMIN || viewer.role === Role.INSPECTOR) return 'CHECKER';
  return null;
}

/** The statuses an item may move to next (whoever moves it). */
export function nextStatuses(from: Status): Status[] {
  return TRANSITIONS[from].map((t) => t.to);
}

/** The statuses this viewer may move an item of `agencyId` to from `from`. */
export function nextStatusesFor(viewer: Viewer, agencyId: number, from: Status): Status[] {
  const mover = moverOf(viewer, agencyId);
  return TRANSITIONS[from].filter((t) => t.by === mover).map((t) => t.to);
}

export type TransitionCheck =
  | { ok: true }
  | { ok: false; code: 'BAD_USER_INPUT' | 'FORBIDDEN'; allowed: Status[]; message: string };

const MOVERS: Record<Mover, string> = {
  AGENCY: 'the agency reporter of the responsible agency',
  CHECKER: 'an administrator (普法办) or an inspector',
};

const list = (xs: Status[]) => (xs.length ? xs.join(' or ') : 'nothing (it is closed)');

/**
 * Whether `viewer` may move an item of `agencyId` from `from` to `to`. A move the workflow does
 * not have is BAD_USER_INPUT naming the statuses that may follow; a move that exists but belongs
 * to someone else is FORBIDDEN naming who makes it (and what this viewer may do instead).
 */
export function checkTransition(viewer: Viewer, agencyId: number, from: Status, to: Status): TransitionCheck {
  const next = nextStatuses(from);
  const step = TRANSITIONS[from].find((t) => t.to === to);
  if (!step) {
    return { ok: false, code: 'BAD_USER_INPUT', allowed: next, message: `The item is ${from}; it can move to ${list(next)}, not to ${to}` };
  }
  if (moverOf(viewer, agencyId) !== step.by) {
    const mine = nextStatusesFor(viewer, agencyId, from);
    const role = viewer.kind === 'user' ? viewer.role : 'the public';
    return {
      ok: false, code: 'FORBIDDEN', allowed: mine,
      message: `Only ${MOVERS[step.by]} moves an item from ${from} to ${to}; your account (${role}) may move it to ${mine.length ? mine.join(' or ') : 'no other status'}`,
    };
  }
  return { ok: true };
}

/** Days past the deadline while the agency still owes the change (0 when not overdue). Days are "YYYY-MM-DD". */
export function daysOverdue(status: Status, deadline: string, today: string): number {
  if (!PENDING.has(status) || deadline >= today) return 0;
  return Math.round((Date.parse(`${today}T00:00:00Z`) - Date.parse(`${deadline}T00:00:00Z`)) / 86_400_000);
}

export function isOverdue(status: Status, deadline: string, today: string): boolean {
  return daysOverdue(status, deadline, today) > 0;
}

/** The SQL of `isOverdue` for a row with `status` and `deadline` columns; bind today once. */
export const OVERDUE_SQL = (alias: string) => `(${alias}.status in (${[...PENDING].map((s) => `'${s}'`).join(', ')}) and ${alias}.deadline < ?::date)`;
