import type { Viewer } from '../../graphql/access.js';
import { Role } from '../auth/role.js';
import { todayInShanghai } from './rows.js';

/**
 * Published responsibility lists and every list of a closed year are locked: what an agency
 * promised is what its coverage is measured against, so only an administrator may change it, and
 * only with a reason (kept in the audit trail). Without the lock an agency could quietly lower a
 * planned count, or drop an item, to raise its coverage.
 */
export const LOCK_MESSAGE = 'published lists and closed years are locked: an administrator must make this change and give a reason';

/** A year before the current one in Asia/Shanghai is closed. */
export function isClosedYear(year: number, today = todayInShanghai()): boolean {
  return year < Number(today.slice(0, 4));
}

/** Whether this viewer may change locked items: an administrator who gave a reason. */
export function mayChangeLocked(viewer: Extract<Viewer, { kind: 'user' }>, reason: string | null | undefined): boolean {
  return viewer.role === Role.ADMIN && !!reason;
}
