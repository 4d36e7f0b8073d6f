/**
 * The rectification board's state and shape, as pure functions: its filters
 * as they live in the URL (so a board can be shared as a link), the API
 * filter they make, and the columns by status with the API's counts. The
 * items keep the API's order inside a column: overdue first, then deadline.
 *
 *   ?status=OPEN  ?source=FINDING  ?year=2024  ?overdue=1  ?mode=table
 *   ?agency=Agency:4  ?domain=EnforcementDomain:2   (the global filters' keys)
 *   ?item=RectificationItem:7 (or ?item=7)          one item
 *   ?create=FINDING|SCORECARD|OVERLAP_GAP&…         the form (itemForm.ts)
 */
import type { SchemaType } from '../../app/graphql';
import type { BoardCount, BoardItem } from './rectification.queries';

export type Status = SchemaType<'RectificationStatus'>;
export type SourceKind = SchemaType<'RectificationSourceKind'>;
export type RectificationFilter = SchemaType<'RectificationFilter'>;

/** The board's columns, in the order work moves (a reopened item goes back to the agency: last, as a warning). */
export const STATUSES: readonly Status[] = ['OPEN', 'IN_PROGRESS', 'SUBMITTED', 'VERIFIED', 'REOPENED'];
export const SOURCE_KINDS: readonly SourceKind[] = ['FINDING', 'SCORECARD', 'OVERLAP_GAP'];

export function isStatus(v: string | null | undefined): v is Status {
  return !!v && (STATUSES as readonly string[]).includes(v);
}
export function isSourceKind(v: string | null | undefined): v is SourceKind {
  return !!v && (SOURCE_KINDS as readonly string[]).includes(v);
}

export interface BoardChoices {
  status: Status | null;
  source: SourceKind | null;
  year: number | null;
  overdue: boolean;
  agency: string | null;
  domain: string | null;
  mode: 'board' | 'table';
}

const id = (v: string | null, type: string) => (v && new RegExp(`^${type}:\\d+$`).test(v) ? v : null);

/** The board's filters from the query string; anything malformed is ignored (links get edited by hand). */
export function parseBoardChoices(search: string): BoardChoices {
  const p = new URLSearchParams(search);
  const year = Number(p.get('year'));
  return {
    status: isStatus(p.get('status')) ? (p.get('status') as Status) : null,
    source: isSourceKind(p.get('source')) ? (p.get('source') as SourceKind) : null,
    year: Number.isInteger(year) && year >= 2000 && year <= 2100 ? year : null,
    overdue: p.get('overdue') === '1',
    agency: id(p.get('agency'), 'Agency'),
    domain: id(p.get('domain'), 'EnforcementDomain'),
    mode: p.get('mode') === 'table' ? 'table' : 'board',
  };
}

/** The query string with `patch` applied (other parameters, e.g. lang, kept); "" when nothing is left. */
export function boardSearch(current: string, patch: Partial<BoardChoices>): string {
  const p = new URLSearchParams(current);
  const set = (key: string, value: string | null) => (value ? p.set(key, value) : p.delete(key));
  if ('status' in patch) set('status', patch.status ?? null);
  if ('source' in patch) set('source', patch.source ?? null);
  if ('year' in patch) set('year', patch.year ? String(patch.year) : null);
  if ('overdue' in patch) set('overdue', patch.overdue ? '1' : null);
  if ('agency' in patch) set('agency', patch.agency ?? null);
  if ('domain' in patch) set('domain', patch.domain ?? null);
  if ('mode' in patch) set('mode', patch.mode === 'table' ? 'table' : null);
  const text = p.toString();
  return text ? `?${text}` : '';
}

/**
 * The API filter. An agency reporter's items are its agency's whatever the
 * URL says (the API narrows them anyway); the status filter narrows the
 * items, not the counts, so every column keeps its number.
 */
export function boardFilter(c: BoardChoices, ownAgency: string | null): { items: RectificationFilter; counts: RectificationFilter } {
  const agency = ownAgency ?? c.agency;
  const counts: RectificationFilter = {
    ...(agency ? { agencyIds: [agency] } : {}),
    ...(c.domain ? { domainIds: [c.domain] } : {}),
    ...(c.source ? { sourceKinds: [c.source] } : {}),
    ...(c.year ? { years: [c.year] } : {}),
    ...(c.overdue ? { overdue: true } : {}),
  };
  return { counts, items: { ...counts, ...(c.status ? { statuses: [c.status] } : {}) } };
}

export interface BoardColumn {
  status: Status;
  count: number;
  overdue: number;
  items: BoardItem[];
  /** More items have this status than the page holds. */
  more: number;
}

/** One column per status (all five, zeros included), with its items in the API's order. */
export function groupBoard(counts: readonly BoardCount[], items: readonly BoardItem[], only: Status | null = null): BoardColumn[] {
  return STATUSES.filter((s) => !only || s === only).map((status) => {
    const c = counts.find((x) => x.status === status);
    const mine = items.filter((i) => i.status === status);
    const count = c?.count ?? mine.length;
    return { status, count, overdue: c?.overdue ?? mine.filter((i) => i.overdue).length, items: mine, more: Math.max(0, count - mine.length) };
  });
}

/** The board's own query string: without the item or the form a link opened (the form's year is its source's, not a filter). */
export function boardOnlySearch(search: string): string {
  const p = new URLSearchParams(search);
  if (p.has('create')) p.delete('year');
  for (const key of ['item', 'create', 'findingId', 'agencyId', 'domainId', 'kind', 'rubricVersion']) p.delete(key);
  const text = p.toString();
  return text ? `?${text}` : '';
}

/** "RectificationItem:7" from "RectificationItem:7" or "7"; null for anything else. */
export function itemIdOf(param: string | null | undefined): string | null {
  const text = param?.trim() ?? '';
  if (/^\d+$/.test(text)) return `RectificationItem:${text}`;
  return /^RectificationItem:\d+$/.test(text) ? text : null;
}

/** The number of an item id, for the audit trail's entityId and short labels ("#7"). */
export function itemNumber(itemId: string): string {
  return itemId.split(':')[1] ?? itemId;
}

const BASE = import.meta.env?.BASE_URL ?? '/';

/** The board showing one item, keeping the language. */
export function itemHref(itemId: string, lang?: string): string {
  const p = new URLSearchParams({ item: itemId });
  if (lang) p.set('lang', lang === 'en' ? 'en' : 'zh');
  return `${BASE}rectification?${p.toString()}`;
}

/** The board's form prefilled for an overlap gap (the overlaps page's entry point). */
export function createGapHref(domainId: string, year: number, kind: string, agencyId: string | null, lang?: string): string {
  const p = new URLSearchParams({ create: 'OVERLAP_GAP', domainId, year: String(year), kind });
  if (agencyId) p.set('agencyId', agencyId);
  if (lang) p.set('lang', lang === 'en' ? 'en' : 'zh');
  return `${BASE}rectification?${p.toString()}`;
}

/** The board's form prefilled for a unit on a scorecard's rectification list (the assessment page's entry point). */
export function createScorecardHref(agencyId: string, year: number, rubricVersion: string, lang?: string): string {
  const p = new URLSearchParams({ create: 'SCORECARD', agencyId, year: String(year), rubricVersion });
  if (lang) p.set('lang', lang === 'en' ? 'en' : 'zh');
  return `${BASE}rectification?${p.toString()}`;
}

/** Roles that open, change and verify items (an inspector and the 普法办; a district admin in its district). */
export function mayCreateItems(role: string | null | undefined): boolean {
  return role === 'ADMIN' || role === 'INSPECTOR' || role === 'DISTRICT_ADMIN';
}

/** Roles that see the board: the readers of every record, and an agency reporter for its agency's items. */
export function mayReadItems(role: string | null | undefined): boolean {
  return mayCreateItems(role) || role === 'LEADER' || role === 'AGENCY_REPORTER';
}
