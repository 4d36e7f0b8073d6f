/**
 * The hub's roles as the dashboard reads them (schema: enum Role; rules:
 * api/src/graphql/access.ts). The API decides what each account may read and
 * write; the dashboard only avoids asking for what it knows will be refused,
 * and says why instead of showing an error.
 */
import { translate, type Lang, type MessageKey } from './i18n';

export const ROLES = [
  'ADMIN',
  'DISTRICT_ADMIN',
  'LEADER',
  'INSPECTOR',
  'AGENCY_REPORTER',
  'MEDIA_PARTNER',
  'SURVEY_OPERATOR',
] as const;

export type Role = (typeof ROLES)[number];

export function isRole(value: unknown): value is Role {
  return typeof value === 'string' && (ROLES as readonly string[]).includes(value);
}

/** The role's name in the UI language, e.g. "单位填报员" / "Unit reporter"; unknown roles as sent. */
export function roleLabel(role: string, lang: Lang): string {
  return isRole(role) ? translate(lang, `role.${role}` as MessageKey) : role;
}

/** Roles that read every unit's records, and so every figure by agency or outlet. */
const READ_ALL: ReadonlySet<Role> = new Set(['ADMIN', 'DISTRICT_ADMIN', 'LEADER', 'INSPECTOR']);

/**
 * True when the account may see figures grouped by agency (the ranking of
 * units). The public and the other roles see city-wide figures only; an
 * agency reporter may also see its own agency's.
 */
export function canSeeUnitRanking(role: string | null | undefined): boolean {
  return isRole(role) && READ_ALL.has(role);
}

/**
 * True when the account may read scorecards (考评): the readers of every
 * unit, and an agency reporter (its own row only); media partners, survey
 * operators and the public are refused (docs/assessment.md, "Who may read").
 */
export function canReadScorecards(role: string | null | undefined): boolean {
  return canSeeUnitRanking(role) || role === 'AGENCY_REPORTER';
}

/** What can be imported from a file: the `<kind>` of POST /import/<kind>. */
export const IMPORT_KINDS = ['activities', 'attendance', 'broadcast-slots', 'survey-responses'] as const;
export type ImportKind = (typeof IMPORT_KINDS)[number];

export function isImportKind(value: unknown): value is ImportKind {
  return typeof value === 'string' && (IMPORT_KINDS as readonly string[]).includes(value);
}

/**
 * The kinds each role reports, following the API's writers (access.ts,
 * WRITERS): activities and attendance by agency reporters and district
 * admins, broadcast slots by media partners, survey responses by the survey
 * operator; the city's admin all of them. Offering a kind the API would
 * refuse for the role would only lead to a FORBIDDEN after the upload.
 */
const REPORT_KINDS: Record<Role, readonly ImportKind[]> = {
  ADMIN: IMPORT_KINDS,
  DISTRICT_ADMIN: ['activities', 'attendance'],
  LEADER: [],
  INSPECTOR: [],
  AGENCY_REPORTER: ['activities', 'attendance'],
  MEDIA_PARTNER: ['broadcast-slots'],
  SURVEY_OPERATOR: ['survey-responses'],
};

/** The kinds `role` may import, in display order; none for the public and read-only roles. */
export function reportKinds(role: string | null | undefined): readonly ImportKind[] {
  return isRole(role) ? REPORT_KINDS[role] : [];
}

/** Which list of latest records the reporting page shows under the upload. */
export type RecordList = 'activities' | 'broadcastSlots' | null;

/**
 * The list that goes with the chosen kind (activities or broadcast slots);
 * for kinds without a list of their own, the role's usual records.
 */
export function recordListFor(role: string | null | undefined, kind: ImportKind): RecordList {
  if (kind === 'activities') return 'activities';
  if (kind === 'broadcast-slots') return 'broadcastSlots';
  if (role === 'AGENCY_REPORTER') return 'activities';
  if (role === 'MEDIA_PARTNER') return 'broadcastSlots';
  return null;
}
