/**
 * Pure helpers of the inspections pages: the filter sent to the hub, the
 * list's rows, a unit's history, who may write, and the links to the
 * rectification board and the evidence downloads.
 */
import type { SchemaType } from '../../app/graphql';
import type { DateRange } from '../../app/period';
import type { InspectionListItem } from './inspections.queries';

const BASE = import.meta.env.BASE_URL; // always ends with "/"

export type InspectorKind = SchemaType<'InspectorKind'>;
export type InspectionMethod = SchemaType<'InspectionMethod'>;

/** In the order the form and the filters offer them. */
export const INSPECTOR_KINDS: readonly InspectorKind[] = ['NPC_DEPUTIES', 'CPPCC_MEMBERS', 'LEGAL_EDUCATION_OFFICE', 'THIRD_PARTY'];
export const INSPECTION_METHODS: readonly InspectionMethod[] = ['FIELD_VISIT', 'REPORT_HEARD', 'DOCUMENTS_REVIEWED', 'SYMPOSIUM', 'SPOT_CHECK'];

export function isInspectorKind(value: string | null | undefined): value is InspectorKind {
  return (INSPECTOR_KINDS as readonly string[]).includes(value ?? '');
}

export function isInspectionMethod(value: string | null | undefined): value is InspectionMethod {
  return (INSPECTION_METHODS as readonly string[]).includes(value ?? '');
}

/** The roles that read inspections: every one, or (an agency reporter) those of its agency. */
export function mayReadInspections(role: string | null): boolean {
  return role === 'ADMIN' || role === 'DISTRICT_ADMIN' || role === 'LEADER' || role === 'INSPECTOR' || role === 'AGENCY_REPORTER';
}

/** The roles that record inspections (the hub still checks a district admin's district). */
export function mayRecordInspections(role: string | null): boolean {
  return role === 'ADMIN' || role === 'INSPECTOR' || role === 'DISTRICT_ADMIN';
}

/** Whether the account may change or delete this inspection: an inspector only its own. */
export function mayEditInspection(role: string | null, username: string | null, createdBy: string | null): boolean {
  if (role === 'INSPECTOR') return username !== null && username === createdBy;
  return role === 'ADMIN' || role === 'DISTRICT_ADMIN';
}

/** Snapshots show every unit's figures: only the readers of every record see them. */
export function maySeeSnapshots(role: string | null): boolean {
  return mayReadInspections(role) && role !== 'AGENCY_REPORTER';
}

export interface ListChoices {
  range: DateRange;
  agency: string | null;
  kind: string | null;
  method: string | null;
}

/** The hub's filter for the page's period, agency, kind and method (unknown kinds and methods ignored). */
export function inspectionFilter({ range, agency, kind, method }: ListChoices): SchemaType<'InspectionFilter'> {
  return {
    from: range.from,
    to: range.to,
    ...(agency ? { agencyIds: [agency] } : {}),
    ...(isInspectorKind(kind) ? { kinds: [kind] } : {}),
    ...(isInspectionMethod(method) ? { methods: [method] } : {}),
  };
}

export interface InspectionRow {
  id: string;
  date: string;
  kind: InspectorKind;
  method: InspectionMethod;
  inspectors: string;
  /** The units' names joined in the UI language. */
  units: string;
  findings: number;
  items: number;
  evidence: number;
}

/**
 * The table's rows, newest first (the hub's order, kept also for rows of
 * equal date); `items` counts the rectification items per inspection.
 */
export function inspectionRows(
  nodes: readonly InspectionListItem[],
  items: ReadonlyMap<string, number>,
  name: (ref: { name: string; nameEn: string | null }) => string,
  separator: string,
): InspectionRow[] {
  return nodes.map((n) => ({
    id: n.id,
    date: n.date,
    kind: n.kind,
    method: n.method,
    inspectors: n.inspectors,
    units: n.agencies.map(name).join(separator),
    findings: n.findings.length,
    items: items.get(n.id) ?? 0,
    evidence: n.evidence.length,
  }));
}

/** The inspections of one day (a click on the calendar), or all for null. */
export function onDay<T extends { date: string }>(nodes: readonly T[], day: string | null): T[] {
  return day ? nodes.filter((n) => n.date === day) : [...nodes];
}

/** A unit's inspections oldest first (a history reads forward), ties by id. */
export function unitHistory<T extends { id: string; date: string; agencies: readonly { id: string }[] }>(nodes: readonly T[], agencyId: string): T[] {
  const number = (id: string) => Number(id.split(':')[1] ?? 0);
  return nodes
    .filter((n) => n.agencies.some((a) => a.id === agencyId))
    .sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : number(a.id) - number(b.id)));
}

/** "Inspection:12" → "12" for the page's path; null for anything else. */
export function inspectionNumber(id: string): string | null {
  return /^Inspection:(\d+)$/.exec(id)?.[1] ?? null;
}

/** The inspection a page parameter names ("12" → "Inspection:12"), or null. */
export function inspectionIdOf(param: string | undefined): string | null {
  return param && /^[1-9]\d{0,9}$/.test(param) ? `Inspection:${param}` : null;
}

export const INSPECTION_PAGE = 'inspections/:id';

export function inspectionPath(id: string, search = ''): string {
  return `${BASE}inspections/${inspectionNumber(id) ?? ''}${search}`;
}

export function inspectionsPath(search = ''): string {
  return `${BASE}inspections${search}`;
}

/** The rectification board showing one item (built by the rectification pages). */
export function rectificationItemHref(itemId: string): string {
  return `${BASE}rectification?${new URLSearchParams({ item: itemId }).toString()}`;
}

/** The rectification board's form, prefilled to open an item from a finding for one of the units visited. */
export function createItemHref(findingId: string, agencyId: string): string {
  return `${BASE}rectification?${new URLSearchParams({ create: 'FINDING', findingId, agencyId }).toString()}`;
}

/** A file's download on the hub ("/evidence/<id>"), which serves it beside /graphql. */
export function evidenceHref(url: string): string {
  return url.startsWith('/') ? url : `/evidence/${encodeURIComponent(url)}`;
}

/** The start and end of a SHA-256 for the eye; the title carries all of it. */
export function shortHash(sha256: string): string {
  return sha256.length > 16 ? `${sha256.slice(0, 8)}…${sha256.slice(-8)}` : sha256;
}

/** The notice's printable page or PDF (a path the hub gives), in the reader's language (`?locale=en`). */
export function noticeFileHref(path: string, lang: string): string {
  if (lang !== 'en') return path;
  return `${path}${path.includes('?') ? '&' : '?'}locale=en`;
}

/** The notice preview of a year and rubric, in the page's language (the assessment page links there). */
export function noticeHref(year: number, rubricVersion: string | null, lang: string): string {
  const params = new URLSearchParams({ year: String(year) });
  if (rubricVersion) params.set('rubric', rubricVersion);
  params.set('lang', lang === 'en' ? 'en' : 'zh');
  return `${BASE}notice?${params.toString()}`;
}

/** How many items started from each inspection's findings. */
export function countByInspection(items: readonly { inspection?: { id: string } | null }[]): Map<string, number> {
  const counts = new Map<string, number>();
  for (const item of items) {
    const id = item.inspection?.id;
    if (id) counts.set(id, (counts.get(id) ?? 0) + 1);
  }
  return counts;
}

/** The calendar years a range touches (the items' filter: an item's year is its inspection's). */
export function yearsOf(range: DateRange): number[] {
  const years: number[] = [];
  for (let y = Number(range.from.slice(0, 4)); y <= Number(range.to.slice(0, 4)); y++) years.push(y);
  return years;
}

/** Rectification items by the finding they started from (items of other sources are left out). */
export function groupByFinding<T extends { finding?: { id: string } | null }>(items: readonly T[]): Map<string, T[]> {
  const byFinding = new Map<string, T[]>();
  for (const item of items) {
    const id = item.finding?.id;
    if (!id) continue;
    const list = byFinding.get(id) ?? [];
    list.push(item);
    byFinding.set(id, list);
  }
  return byFinding;
}
