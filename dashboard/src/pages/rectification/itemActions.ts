/**
 * The buttons of an item, from what the API says this account may do now
 * (`allowedNextStatuses`) — the dashboard never guesses the workflow. A
 * move that needs something first says what (submitting needs evidence,
 * reopening a reason), so the person sees why instead of an error.
 */
import type { MessageKey } from '../../app/i18n';
import type { Status } from './boardData';

export type ActionKind = 'start' | 'resume' | 'submit' | 'verify' | 'reopen';

export interface ItemAction {
  to: Status;
  kind: ActionKind;
  label: MessageKey;
  /** Why the button is disabled; null when it may be pressed. */
  blocked: MessageKey | null;
  /** The move asks for a note (a reopening's reason, 5–2,000 characters). */
  needsNote: boolean;
}

export function itemActions(item: { status: Status; allowedNextStatuses: readonly Status[]; evidenceCount: number }): ItemAction[] {
  return item.allowedNextStatuses.map((to): ItemAction => {
    if (to === 'IN_PROGRESS') {
      const kind = item.status === 'REOPENED' ? 'resume' : 'start';
      return { to, kind, label: `rectification.action.${kind}`, blocked: null, needsNote: false };
    }
    if (to === 'SUBMITTED') {
      return { to, kind: 'submit', label: 'rectification.action.submit', blocked: item.evidenceCount > 0 ? null : 'rectification.action.needsEvidence', needsNote: false };
    }
    if (to === 'VERIFIED') return { to, kind: 'verify', label: 'rectification.action.verify', blocked: null, needsNote: false };
    return { to, kind: 'reopen', label: 'rectification.action.reopen', blocked: null, needsNote: true };
  });
}

export const NOTE_MIN = 5;
export const NOTE_MAX = 2000;

/** What is wrong with a reopening's reason, or null. */
export function noteProblem(note: string): MessageKey | null {
  const text = note.trim();
  if (text.length < NOTE_MIN) return 'rectification.note.tooShort';
  if (text.length > NOTE_MAX) return 'rectification.note.tooLong';
  return null;
}

const PENDING: ReadonlySet<Status> = new Set(['OPEN', 'IN_PROGRESS', 'REOPENED']);

/**
 * Whether the account may attach evidence now (docs/inspections.md): the
 * item's agency reporter while the change is owed, the 普法办, inspectors and
 * district admins until it is verified.
 */
export function mayAttachEvidence(role: string | null | undefined, ownAgency: string | null, item: { status: Status; agencyId: string }): boolean {
  if (role === 'AGENCY_REPORTER') return ownAgency === item.agencyId && PENDING.has(item.status);
  return (role === 'ADMIN' || role === 'INSPECTOR' || role === 'DISTRICT_ADMIN') && item.status !== 'VERIFIED';
}

/** Whether the account may change the requirement and deadline (until verified). */
export function mayEditItem(role: string | null | undefined, status: Status): boolean {
  return (role === 'ADMIN' || role === 'INSPECTOR' || role === 'DISTRICT_ADMIN') && status !== 'VERIFIED';
}

/** Whether the account reads the audit trail (the item's history in full). */
export function readsAuditTrail(role: string | null | undefined): boolean {
  return role === 'ADMIN' || role === 'INSPECTOR';
}
