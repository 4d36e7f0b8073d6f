import { describe, expect, it } from 'vitest';
import { itemActions, mayAttachEvidence, mayEditItem, noteProblem } from './itemActions';

describe('itemActions: the buttons from allowedNextStatuses', () => {
  it('starts an open item, resumes a reopened one', () => {
    expect(itemActions({ status: 'OPEN', allowedNextStatuses: ['IN_PROGRESS'], evidenceCount: 0 }).map((a) => [a.kind, a.label, a.blocked])).toEqual([
      ['start', 'rectification.action.start', null],
    ]);
    expect(itemActions({ status: 'REOPENED', allowedNextStatuses: ['IN_PROGRESS'], evidenceCount: 1 })[0]!.kind).toBe('resume');
  });
  it('refuses to submit without evidence, and says why', () => {
    expect(itemActions({ status: 'IN_PROGRESS', allowedNextStatuses: ['SUBMITTED'], evidenceCount: 0 })[0]).toMatchObject({ kind: 'submit', blocked: 'rectification.action.needsEvidence' });
    expect(itemActions({ status: 'IN_PROGRESS', allowedNextStatuses: ['SUBMITTED'], evidenceCount: 2 })[0]!.blocked).toBeNull();
  });
  it('gives a checker verify and reopen (with a note); nothing when the API allows nothing', () => {
    expect(itemActions({ status: 'SUBMITTED', allowedNextStatuses: ['VERIFIED', 'REOPENED'], evidenceCount: 1 }).map((a) => [a.kind, a.needsNote])).toEqual([
      ['verify', false],
      ['reopen', true],
    ]);
    expect(itemActions({ status: 'SUBMITTED', allowedNextStatuses: [], evidenceCount: 1 })).toEqual([]);
  });
  it('checks a reopening reason of 5–2,000 characters', () => {
    expect(noteProblem('太短')).toBe('rectification.note.tooShort');
    expect(noteProblem('   缺签到表   ')).toBe('rectification.note.tooShort');
    expect(noteProblem('缺少活动签到表')).toBeNull();
    expect(noteProblem('字'.repeat(2001))).toBe('rectification.note.tooLong');
  });
});

describe('who may attach evidence and edit', () => {
  const item = (status: 'OPEN' | 'SUBMITTED' | 'VERIFIED' | 'REOPENED') => ({ status, agencyId: 'Agency:4' });
  it('the item’s reporter while the change is owed; checkers until verified', () => {
    expect(mayAttachEvidence('AGENCY_REPORTER', 'Agency:4', item('OPEN'))).toBe(true);
    expect(mayAttachEvidence('AGENCY_REPORTER', 'Agency:4', item('SUBMITTED'))).toBe(false);
    expect(mayAttachEvidence('AGENCY_REPORTER', 'Agency:5', item('OPEN'))).toBe(false);
    expect(mayAttachEvidence('INSPECTOR', null, item('SUBMITTED'))).toBe(true);
    expect(mayAttachEvidence('INSPECTOR', null, item('VERIFIED'))).toBe(false);
    expect(mayAttachEvidence('LEADER', null, item('OPEN'))).toBe(false);
  });
  it('edits until verified, not by a reporter or a leader', () => {
    expect(mayEditItem('ADMIN', 'REOPENED')).toBe(true);
    expect(mayEditItem('ADMIN', 'VERIFIED')).toBe(false);
    expect(mayEditItem('AGENCY_REPORTER', 'OPEN')).toBe(false);
    expect(mayEditItem('LEADER', 'OPEN')).toBe(false);
  });
});
