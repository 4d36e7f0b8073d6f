import { describe, expect, it } from 'vitest';
import type { Viewer } from '../../graphql/access.js';
import { Role } from '../auth/role.js';
import { checkTransition, daysOverdue, nextStatuses, nextStatusesFor, RECTIFICATION_STATUSES, type Status } from './rectification.rules.js';

const user = (role: Role, agencyId: number | null = null): Viewer => ({ kind: 'user', id: 1, username: 'u', role, agencyId, outletId: null, districtId: null });
const reporter = user(Role.AGENCY_REPORTER, 7);
const otherReporter = user(Role.AGENCY_REPORTER, 8);
const admin = user(Role.ADMIN);
const inspector = user(Role.INSPECTOR);
const leader = user(Role.LEADER);

describe('rectification workflow', () => {
  it('has exactly these moves, and nothing leaves VERIFIED', () => {
    expect(Object.fromEntries(RECTIFICATION_STATUSES.map((s) => [s, nextStatuses(s)]))).toEqual({
      OPEN: ['IN_PROGRESS'], IN_PROGRESS: ['SUBMITTED'], SUBMITTED: ['VERIFIED', 'REOPENED'], VERIFIED: [], REOPENED: ['IN_PROGRESS'],
    });
  });

  it('gives the agency’s reporter the agency moves and admins and inspectors the checks', () => {
    const table = (v: Viewer) => RECTIFICATION_STATUSES.map((s) => nextStatusesFor(v, 7, s));
    expect(table(reporter)).toEqual([['IN_PROGRESS'], ['SUBMITTED'], [], [], ['IN_PROGRESS']]);
    for (const v of [admin, inspector]) expect(table(v)).toEqual([[], [], ['VERIFIED', 'REOPENED'], [], []]);
    for (const v of [otherReporter, leader, { kind: 'anonymous' } as Viewer]) expect(table(v)).toEqual([[], [], [], [], []]);
  });

  it('refuses a move the workflow lacks with BAD_USER_INPUT and another role’s move with FORBIDDEN', () => {
    expect(checkTransition(reporter, 7, 'OPEN', 'IN_PROGRESS')).toEqual({ ok: true });
    expect(checkTransition(reporter, 7, 'OPEN', 'VERIFIED')).toMatchObject({ ok: false, code: 'BAD_USER_INPUT', allowed: ['IN_PROGRESS'] });
    expect(checkTransition(admin, 7, 'VERIFIED', 'REOPENED')).toMatchObject({ ok: false, code: 'BAD_USER_INPUT', allowed: [] });
    expect(checkTransition(reporter, 7, 'SUBMITTED', 'VERIFIED')).toMatchObject({ ok: false, code: 'FORBIDDEN', allowed: [] });
    expect(checkTransition(otherReporter, 7, 'OPEN', 'IN_PROGRESS')).toMatchObject({ ok: false, code: 'FORBIDDEN' });
    expect(checkTransition(inspector, 7, 'SUBMITTED', 'REOPENED')).toEqual({ ok: true });
  });

  it('counts days overdue only while the agency owes the change', () => {
    const late = (s: Status) => daysOverdue(s, '2024-03-31', '2024-07-15');
    expect(RECTIFICATION_STATUSES.map(late)).toEqual([106, 106, 0, 0, 106]);
    expect(daysOverdue('OPEN', '2024-07-15', '2024-07-15')).toBe(0);
    expect(daysOverdue('OPEN', '2024-07-14', '2024-07-15')).toBe(1);
    // Across a leap day and a year end.
    expect(daysOverdue('IN_PROGRESS', '2023-12-31', '2024-03-01')).toBe(61);
  });
});
