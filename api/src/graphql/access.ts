import { userError } from '../shared/errors.js';
import { Role } from '../modules/auth/role.js';

/** Who is asking: the public, or a signed-in account with its role and what it reports for. */
export type Viewer =
  | { kind: 'anonymous' }
  | { kind: 'user'; id: number; username: string; role: Role; agencyId: number | null; outletId: number | null; districtId: number | null };

export const ANONYMOUS: Viewer = { kind: 'anonymous' };

/** Reference data everyone may read: it is what the published lists and the portal name. */
const PUBLIC_RESOURCES = new Set(['Region', 'Agency', 'EnforcementDomain', 'EnforcementPower', 'Law', 'MediaOutlet', 'TrainingSession', 'SurveyWave', 'SurveyQuestion']);
/** Roles that read every record. */
const READ_ALL = new Set<Role>([Role.ADMIN, Role.DISTRICT_ADMIN, Role.LEADER, Role.INSPECTOR]);

/**
 * What part of a record type a viewer may read. `all`; or only rows of some agencies or outlets;
 * `published` adds every published row (lists and cases are public once published).
 */
export interface ReadScope {
  all: boolean;
  agencyIds?: number[];
  outletIds?: number[];
  published?: boolean;
}

const denied = (viewer: Viewer, what: string) =>
  viewer.kind === 'anonymous'
    ? userError('UNAUTHENTICATED', `Sign in to read ${what}`)
    : userError('FORBIDDEN', `Your account (${viewer.role}) may not read ${what}`);

/**
 * The one read check: every list, lookup and aggregate asks it before touching data and applies
 * the scope it returns. Throws UNAUTHENTICATED or FORBIDDEN when nothing is readable.
 */
export function readScope(viewer: Viewer, resource: string): ReadScope {
  if (PUBLIC_RESOURCES.has(resource)) return { all: true };
  const role = viewer.kind === 'user' ? viewer.role : null;
  // Accounts are the admins' business; the audit trail also the inspectors'.
  if (resource === 'User' || resource === 'AuditEntry') {
    if (role === Role.ADMIN || (resource === 'AuditEntry' && role === Role.INSPECTOR)) return { all: true };
    throw denied(viewer, plural(resource));
  }
  if (role && READ_ALL.has(role)) return { all: true };
  const own = viewer.kind === 'user' && viewer.agencyId ? [viewer.agencyId] : [];
  switch (resource) {
    case 'ResponsibilityItem':
    case 'CaseStudy':
      return role === Role.AGENCY_REPORTER ? { all: false, agencyIds: own, published: true } : { all: false, published: true };
    case 'Activity':
    case 'TrainingAttendance':
      if (role === Role.AGENCY_REPORTER) return { all: false, agencyIds: own };
      break;
    case 'BroadcastSlot':
      if (role === Role.MEDIA_PARTNER) return { all: false, outletIds: viewer.kind === 'user' && viewer.outletId ? [viewer.outletId] : [] };
      if (role === Role.AGENCY_REPORTER) return { all: false, agencyIds: own };
      break;
    case 'SurveyResponse':
      if (role === Role.SURVEY_OPERATOR) return { all: true };
      break;
  }
  throw denied(viewer, plural(resource));
}

/**
 * Analytics: the readers of every record see every figure; an agency reporter sees city-wide
 * figures and its own agency's; everyone else (the public included) city-wide figures only —
 * nothing grouped or filtered by agency or outlet, which would expose a unit's records.
 */
export interface AnalyticsScope {
  all: boolean;
  signedIn: boolean;
  ownAgency: number | null;
}

export function analyticsScope(viewer: Viewer): AnalyticsScope {
  if (viewer.kind === 'anonymous') return { all: false, signedIn: false, ownAgency: null };
  if (READ_ALL.has(viewer.role)) return { all: true, signedIn: true, ownAgency: null };
  return { all: false, signedIn: true, ownAgency: viewer.role === Role.AGENCY_REPORTER ? viewer.agencyId : null };
}

export function requireRole(viewer: Viewer, roles: Role[], what: string): Extract<Viewer, { kind: 'user' }> {
  if (viewer.kind === 'anonymous') throw userError('UNAUTHENTICATED', `Sign in to ${what}`);
  if (!roles.includes(viewer.role)) throw userError('FORBIDDEN', `Your account (${viewer.role}) may not ${what}`);
  return viewer;
}

/** What a write touches, for the write check. */
export interface WriteTarget {
  agencyId?: number | null;
  /** District of the agency (for district admins). */
  agencyDistrictId?: number | null;
  outletId?: number | null;
}

const WRITERS: Record<string, Role[]> = {
  Activity: [Role.ADMIN, Role.DISTRICT_ADMIN, Role.AGENCY_REPORTER],
  ResponsibilityItem: [Role.ADMIN, Role.DISTRICT_ADMIN, Role.AGENCY_REPORTER],
  CaseStudy: [Role.ADMIN, Role.DISTRICT_ADMIN, Role.AGENCY_REPORTER],
  TrainingAttendance: [Role.ADMIN, Role.DISTRICT_ADMIN, Role.AGENCY_REPORTER],
  BroadcastSlot: [Role.ADMIN, Role.MEDIA_PARTNER],
  SurveyResponse: [Role.ADMIN, Role.SURVEY_OPERATOR],
  SurveyWave: [Role.ADMIN, Role.SURVEY_OPERATOR],
  User: [Role.ADMIN],
};

/**
 * The one write check. A reporter writes only for its agency, a media partner only for its
 * outlet, a district admin only for agencies of its district; the target says whose record it is.
 */
export function authorizeWrite(viewer: Viewer, resource: string, target: WriteTarget = {}): Extract<Viewer, { kind: 'user' }> {
  const user = requireRole(viewer, WRITERS[resource] ?? [Role.ADMIN], `write ${plural(resource)}`);
  switch (user.role) {
    case Role.AGENCY_REPORTER:
      if (!user.agencyId || target.agencyId !== user.agencyId) {
        throw userError('FORBIDDEN', `Your account reports for Agency:${user.agencyId}; it may not write records of ${target.agencyId ? `Agency:${target.agencyId}` : 'other agencies'}`);
      }
      break;
    case Role.MEDIA_PARTNER:
      if (!user.outletId || target.outletId !== user.outletId) {
        throw userError('FORBIDDEN', `Your account reports for MediaOutlet:${user.outletId}; it may not write slots of ${target.outletId ? `MediaOutlet:${target.outletId}` : 'other outlets'}`);
      }
      break;
    case Role.DISTRICT_ADMIN:
      if (target.agencyId !== undefined && (!user.districtId || target.agencyDistrictId !== user.districtId)) {
        throw userError('FORBIDDEN', `Your account administers Region:${user.districtId}; Agency:${target.agencyId} is not in that district`);
      }
      break;
    default:
      break;
  }
  return user;
}

function plural(resource: string): string {
  return resource.replace(/([a-z])([A-Z])/g, '$1 $2').toLowerCase() + ' records';
}
