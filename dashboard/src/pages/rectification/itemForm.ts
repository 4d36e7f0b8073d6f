/**
 * Opening an item (整改事项) from one of its three sources, as pure
 * functions: the source read from the link that opened the form, the checks
 * a person can be told before sending (deadline today or later in
 * Asia/Shanghai, a requirement), the mutation's input, and the API's
 * refusals put next to the fields they concern.
 *
 *   ?create=FINDING&findingId=InspectionFinding:3&agencyId=Agency:4
 *   ?create=SCORECARD&agencyId=Agency:28&year=2025&rubricVersion=2021版
 *   ?create=OVERLAP_GAP&domainId=EnforcementDomain:17&year=2024&kind=UNREACHED_AUDIENCE&agencyId=Agency:4
 */
import type { ErrorLike } from '../../app/errors';
import type { SchemaType } from '../../app/graphql';
import type { MessageKey } from '../../app/i18n';
import { isSourceKind, type SourceKind } from './boardData';

export type GapKind = SchemaType<'OverlapGapKind'>;
const GAP_KINDS: readonly string[] = ['NO_ACTIVITY', 'SINGLE_HOLDER', 'UNREACHED_DISTRICT', 'UNREACHED_AUDIENCE', 'NO_LEAD'];

export type ItemSource =
  | { kind: 'FINDING'; findingId: string }
  | { kind: 'SCORECARD'; year: number; rubricVersion: string }
  | { kind: 'OVERLAP_GAP'; domainId: string; year: number; gapKind: GapKind };

export interface CreateValues {
  source: ItemSource;
  agencyId: string;
  requirement: string;
  deadline: string;
}

export type FormField = 'agencyId' | 'requirement' | 'deadline' | 'source';

/** The source named by the link, or null when it names none or is incomplete. */
export function parseCreateSource(search: string): { source: ItemSource; agencyId: string } | null {
  const p = new URLSearchParams(search);
  const kind = p.get('create');
  if (!isSourceKind(kind)) return null;
  const agencyId = /^Agency:\d+$/.test(p.get('agencyId') ?? '') ? p.get('agencyId')! : '';
  const year = Number(p.get('year'));
  const okYear = Number.isInteger(year) && year >= 2000 && year <= 2100;
  const k: SourceKind = kind;
  if (k === 'FINDING') {
    const findingId = p.get('findingId') ?? '';
    return /^InspectionFinding:\d+$/.test(findingId) ? { source: { kind: 'FINDING', findingId }, agencyId } : null;
  }
  if (k === 'SCORECARD') {
    const rubricVersion = p.get('rubricVersion')?.trim() ?? '';
    return okYear && rubricVersion ? { source: { kind: 'SCORECARD', year, rubricVersion }, agencyId } : null;
  }
  const domainId = p.get('domainId') ?? '';
  const gapKind = p.get('kind') ?? '';
  return okYear && /^EnforcementDomain:\d+$/.test(domainId) && GAP_KINDS.includes(gapKind)
    ? { source: { kind: 'OVERLAP_GAP', domainId, year, gapKind: gapKind as GapKind }, agencyId }
    : null;
}

/** The calendar day of `at` in Asia/Shanghai (UTC+8 all year), as the hub counts deadlines. */
export function shanghaiDay(at: Date): string {
  return new Date(at.getTime() + 8 * 3_600_000).toISOString().slice(0, 10);
}

export function addDays(day: string, n: number): string {
  return new Date(Date.parse(`${day}T00:00:00Z`) + n * 86_400_000).toISOString().slice(0, 10);
}

/** What the form can say before sending; the API checks again (its clock may differ). */
export function localProblems(v: Pick<CreateValues, 'agencyId' | 'requirement' | 'deadline'>, today: string): Partial<Record<FormField, MessageKey>> {
  const out: Partial<Record<FormField, MessageKey>> = {};
  if (!v.agencyId) out.agencyId = 'rectification.form.agencyRequired';
  const requirement = v.requirement.trim();
  if (!requirement) out.requirement = 'rectification.form.requirementRequired';
  else if (requirement.length > 2000) out.requirement = 'rectification.form.requirementTooLong';
  if (!/^\d{4}-\d{2}-\d{2}$/.test(v.deadline)) out.deadline = 'rectification.form.deadlineRequired';
  else if (v.deadline < today) out.deadline = 'rectification.form.deadlinePast';
  return out;
}

export function toCreateInput(v: CreateValues): SchemaType<'RectificationInput'> {
  const s = v.source;
  const source =
    s.kind === 'FINDING'
      ? { findingId: s.findingId }
      : s.kind === 'SCORECARD'
        ? { scorecard: { year: s.year, rubricVersion: s.rubricVersion } }
        : { overlapGap: { domainId: s.domainId, year: s.year, kind: s.gapKind } };
  return { agencyId: v.agencyId, requirement: v.requirement.trim(), deadline: v.deadline, source };
}

/** The form field a problem path names: ["input","deadline"] → deadline; ["input","source",…] → source. */
export function fieldOfPath(path: readonly unknown[]): FormField | null {
  const rest = path[0] === 'input' ? path.slice(1) : path;
  const head = rest[0];
  if (head === 'agencyId' || head === 'requirement' || head === 'deadline' || head === 'source') return head;
  return null;
}

export interface ServerProblems {
  fields: Partial<Record<FormField | 'note' | 'status', string[]>>;
  general: string[];
  code: string | null;
  /** CONFLICT naming the open item that already rectifies this source. */
  conflictItem: string | null;
}

/** The API's refusal by field (extensions.problems paths), the rest as general problems. */
export function serverProblems(error: ErrorLike): ServerProblems {
  const out: ServerProblems = { fields: {}, general: [], code: null, conflictItem: null };
  for (const e of error.graphQLErrors ?? []) {
    const ext = e.extensions ?? {};
    out.code ??= typeof ext.code === 'string' ? ext.code : null;
    if (ext.code === 'CONFLICT') out.conflictItem ??= /RectificationItem:\d+/.exec(e.message)?.[0] ?? null;
    const problems = Array.isArray(ext.problems) ? (ext.problems as { path?: unknown; message?: unknown }[]) : [];
    let placed = false;
    for (const p of problems) {
      const path = Array.isArray(p.path) ? p.path : [];
      const field = path[0] === 'note' || path[0] === 'status' ? (path[0] as 'note' | 'status') : fieldOfPath(path);
      if (!field) continue;
      const list = (out.fields[field] ??= []);
      if (!list.includes(e.message)) list.push(e.message);
      placed = true;
    }
    if (!placed && !out.general.includes(e.message)) out.general.push(e.message);
  }
  if (!error.graphQLErrors?.length && error.message) out.general.push(error.message.replace(/^\[\w+\]\s*/, ''));
  return out;
}
