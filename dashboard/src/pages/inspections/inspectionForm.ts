/**
 * The inspection form as data: its values, the checks made before sending,
 * the createInspection / updateInspection inputs built from them, and the
 * hub's refusals put next to the fields they name.
 *
 * The hub names a field by `extensions.problems[].path`, e.g.
 * ["input", "findings", 1] or ["input", "snapshots", 0, "scorecard", "year"];
 * GraphQL's own variable errors by their text ('… at "input.date"; …').
 */
import type { ErrorLike } from '../../app/errors';
import type { SchemaType } from '../../app/graphql';
import type { Lang, MessageKey } from '../../app/i18n';
import { isValidDay } from '../../app/period';
import { localizeServerMessage } from '../report/fieldErrors';
import { isInspectionMethod, isInspectorKind, type InspectionMethod, type InspectorKind } from './inspectionData';

export interface FindingValue {
  /** The finding's id when it exists on the hub (an update keeps it and its items). */
  id: string | null;
  text: string;
}

export interface SnapshotChoice {
  scorecard: boolean;
  coverage: boolean;
  overlapGaps: boolean;
  /** The year the snapshots are taken for, as typed. */
  year: string;
  rubricVersion: string;
}

export interface InspectionFormValues {
  kind: InspectorKind | '';
  inspectors: string;
  agencyIds: string[];
  date: string;
  method: InspectionMethod | '';
  summary: string;
  findings: FindingValue[];
  snapshots: SnapshotChoice;
  /** Snapshots of the inspection to drop (an update). */
  removeSnapshotIds: string[];
}

/** The form's fields, by the names problems are filed under ("findings.2" for one finding). */
export type FormField = 'kind' | 'inspectors' | 'agencyIds' | 'date' | 'method' | 'summary' | 'findings' | 'snapshots' | `findings.${number}`;

export function emptyForm(year: number, rubricVersion: string): InspectionFormValues {
  return {
    kind: '',
    inspectors: '',
    agencyIds: [],
    date: '',
    method: '',
    summary: '',
    findings: [{ id: null, text: '' }],
    snapshots: { scorecard: false, coverage: false, overlapGaps: false, year: String(year), rubricVersion },
    removeSnapshotIds: [],
  };
}

/** The form filled with an existing inspection, for an edit (no new snapshots chosen). */
export function formOf(
  i: { kind: InspectorKind; inspectors: string; agencies: readonly { id: string }[]; date: string; method: InspectionMethod; summary: string | null; findings: readonly { id: string; text: string }[] },
  rubricVersion: string,
): InspectionFormValues {
  return {
    kind: i.kind,
    inspectors: i.inspectors,
    agencyIds: i.agencies.map((a) => a.id),
    date: i.date,
    method: i.method,
    summary: i.summary ?? '',
    findings: i.findings.map((f) => ({ id: f.id, text: f.text })),
    snapshots: { scorecard: false, coverage: false, overlapGaps: false, year: i.date.slice(0, 4), rubricVersion },
    removeSnapshotIds: [],
  };
}

export type LocalProblems = Partial<Record<FormField, MessageKey>>;

type Checked<T> = { ok: true; input: T } | { ok: false; problems: LocalProblems };

type SnapshotInput = SchemaType<'InspectionSnapshotInput'>;

/** The snapshots ticked, for the year and the units chosen: "as I see them now". */
function snapshotInputs(values: InspectionFormValues, problems: LocalProblems): SnapshotInput[] {
  const s = values.snapshots;
  if (!s.scorecard && !s.coverage && !s.overlapGaps) return [];
  const year = Number(s.year);
  if (!/^\d{4}$/.test(s.year.trim()) || year < 2000 || year > 2100) {
    problems.snapshots = 'inspections.form.problem.year';
    return [];
  }
  if (s.scorecard && !s.rubricVersion) problems.snapshots = 'inspections.form.problem.rubric';
  const out: SnapshotInput[] = [];
  if (s.scorecard) out.push({ scorecard: { year, rubricVersion: s.rubricVersion } });
  if (s.coverage) out.push({ coverage: { years: [year], agencyIds: [...values.agencyIds] } });
  if (s.overlapGaps) out.push({ overlapGaps: { years: [year] } });
  return out;
}

/** What every inspection needs, checked before sending (the hub checks again). */
function checkFields(values: InspectionFormValues, problems: LocalProblems): void {
  if (!isInspectorKind(values.kind)) problems.kind = 'inspections.form.problem.required';
  if (!values.inspectors.trim()) problems.inspectors = 'inspections.form.problem.required';
  else if (values.inspectors.trim().length > 500) problems.inspectors = 'inspections.form.problem.tooLong';
  if (values.agencyIds.length === 0) problems.agencyIds = 'inspections.form.problem.agencies';
  if (!values.date) problems.date = 'inspections.form.problem.required';
  else if (!isValidDay(values.date)) problems.date = 'inspections.form.problem.date';
  if (!isInspectionMethod(values.method)) problems.method = 'inspections.form.problem.required';
  values.findings.forEach((f, i) => {
    if (!f.text.trim()) problems[`findings.${i}`] = 'inspections.form.problem.emptyFinding';
    else if (f.text.trim().length > 2000) problems[`findings.${i}`] = 'inspections.form.problem.tooLong';
  });
}

/** The checks and fields that create and update share: the problems, or the fields and the snapshots to add. */
function commonInput(values: InspectionFormValues) {
  const problems: LocalProblems = {};
  checkFields(values, problems);
  const snapshots = snapshotInputs(values, problems);
  if (Object.keys(problems).length > 0) return { ok: false as const, problems };
  const fields = {
    kind: values.kind as InspectorKind,
    inspectors: values.inspectors.trim(),
    agencyIds: [...values.agencyIds],
    date: values.date,
    method: values.method as InspectionMethod,
  };
  return { ok: true as const, fields, snapshots };
}

export function toCreateInput(values: InspectionFormValues): Checked<SchemaType<'InspectionInput'>> {
  const common = commonInput(values);
  if (!common.ok) return common;
  return {
    ok: true,
    input: {
      ...common.fields,
      ...(values.summary.trim() ? { summary: values.summary.trim() } : {}),
      findings: values.findings.map((f) => f.text.trim()),
      ...(common.snapshots.length ? { snapshots: common.snapshots } : {}),
    },
  };
}

/**
 * The update: every field as the form holds it (an emptied summary clears
 * it), the whole list of findings with the ids of those kept, the snapshots
 * ticked to add and those marked to remove.
 */
export function toUpdateInput(values: InspectionFormValues): Checked<SchemaType<'InspectionUpdate'>> {
  const common = commonInput(values);
  if (!common.ok) return common;
  return {
    ok: true,
    input: {
      ...common.fields,
      summary: values.summary.trim(),
      findings: values.findings.map((f) => (f.id ? { id: f.id, text: f.text.trim() } : { text: f.text.trim() })),
      ...(common.snapshots.length ? { addSnapshots: common.snapshots } : {}),
      ...(values.removeSnapshotIds.length ? { removeSnapshotIds: [...values.removeSnapshotIds] } : {}),
    },
  };
}

export interface ServerProblems {
  fields: Partial<Record<FormField, string[]>>;
  /** What names no field (e.g. a CONFLICT, or another account's inspection). */
  general: string[];
  code: string | null;
}

const TOP_FIELDS: Record<string, FormField> = {
  kind: 'kind',
  inspectors: 'inspectors',
  agencyIds: 'agencyIds',
  date: 'date',
  method: 'method',
  summary: 'summary',
  findings: 'findings',
  snapshots: 'snapshots',
  addSnapshots: 'snapshots',
  removeSnapshotIds: 'snapshots',
};

/** The field a problem's path names under the mutation's `input`, or null. */
export function fieldOfPath(path: readonly unknown[]): FormField | null {
  if (path[0] !== 'input' || typeof path[1] !== 'string') return null;
  const field = TOP_FIELDS[path[1]];
  if (!field) return null;
  return field === 'findings' && typeof path[2] === 'number' ? `findings.${path[2]}` : field;
}

export function serverProblems(error: ErrorLike): ServerProblems {
  const fields: ServerProblems['fields'] = {};
  const general: string[] = [];
  const add = (field: FormField | null, message: string) => {
    if (field) {
      const shown = (fields[field] ??= []);
      if (!shown.includes(message)) shown.push(message);
    } else if (!general.includes(message)) general.push(message);
  };
  const errors = error.graphQLErrors ?? [];
  for (const e of errors) {
    const problems = Array.isArray(e.extensions?.problems) ? (e.extensions.problems as { path?: unknown; message?: unknown }[]) : [];
    const placed = problems.filter((p) => Array.isArray(p.path) && fieldOfPath(p.path) !== null);
    if (placed.length > 0) {
      for (const p of placed) add(fieldOfPath(p.path as unknown[]), typeof p.message === 'string' && p.message ? p.message : e.message);
      continue;
    }
    const at = /at "input\.(\w+)(?:\[(\d+)\])?[^"]*"/.exec(e.message);
    const field = at ? fieldOfPath(['input', at[1], at[2] === undefined ? undefined : Number(at[2])]) : null;
    if (at && field) {
      add(field, e.message.slice(at.index + at[0].length).replace(/^;\s*/, '') || e.message);
      continue;
    }
    add(null, e.message);
  }
  if (errors.length === 0) add(null, error.networkError?.message || error.message);
  const code = errors[0]?.extensions?.code;
  return { fields, general, code: typeof code === 'string' ? code : null };
}

/** The inspection form's own messages from the hub, in Chinese; the rest as the report form says them. */
const ZH_RULES: [RegExp, (...g: string[]) => string][] = [
  [/^inspectors is empty$/, () => '必填项，不能为空'],
  [/^a finding is empty$/, () => '检查发现不能为空'],
  [/^a date between 2000 and 2100$/, () => '日期须在 2000 年至 2100 年之间'],
  [/^duplicate$/, () => '同一单位选了两次'],
  [/^(\S+) is named twice$/, (id) => `${id} 选了两次`],
  [/^exactly one query$/, () => '每个快照只能选一项查询'],
  [/^(\S+) has rectification items started from its findings \((.*)\); .*$/, (_id, items) => `已据这次检查发现的问题开出整改事项（${items}），不能删除。`],
  [/^Findings with rectification items cannot be removed: (.*?); .*$/, (ids) => `已开出整改事项的问题不能删除：${ids}；请保留在列表中（文字可以修改）。`],
];

export function localizeInspectionMessage(message: string, lang: Lang): { text: string; translated: boolean } {
  if (lang === 'zh-CN') {
    for (const [re, zh] of ZH_RULES) {
      const m = re.exec(message);
      if (m) return { text: zh(...m.slice(1)), translated: true };
    }
  }
  return localizeServerMessage(message, lang);
}
