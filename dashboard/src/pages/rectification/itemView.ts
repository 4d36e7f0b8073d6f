/**
 * What an item's page shows, shaped from the API's answer as pure
 * functions: the before / after of a verified item side by side, the
 * verdict on the next year, the stored source detail, and the status
 * history (from the audit trail where the role reads it, else from the
 * item's own stamps).
 */
import { formatDecimal, formatInteger } from '../../app/format';
import { translate, type Lang, type MessageKey } from '../../app/i18n';
import type { SourceKind, Status } from './boardData';
import type { Figures, HistoryEntry } from './rectification.queries';

/** 已消除 / 仍存在 / 待次年结束后判断. */
export function verdictKey(closed: boolean | null | undefined): MessageKey {
  return closed === true ? 'rectification.ba.closed' : closed === false ? 'rectification.ba.present' : 'rectification.ba.pending';
}

export interface FigureRow {
  label: string;
  before: string;
  after: string;
  /** The figure moved the right way (more activities, fewer flags, a better score). */
  better: boolean | null;
}

const DASH = '—';

/** The rows of the before / after table for the item's source. */
export function beforeAfterRows(kind: SourceKind, before: Figures, after: Figures, lang: Lang): FigureRow[] {
  const t = (k: MessageKey) => translate(lang, k);
  const yesNo = (v: boolean) => t(v ? 'rectification.ba.yes' : 'rectification.ba.no');
  const cmp = (a: number | null, b: number | null, higherIsBetter: boolean) => (a === null || b === null || a === b ? null : (b > a) === higherIsBetter);
  const rows: FigureRow[] = [{ label: t('rectification.ba.present.label'), before: yesNo(before.present), after: yesNo(after.present), better: before.present === after.present ? null : !after.present }];
  if (kind === 'SCORECARD') {
    const score = (f: Figures) => (f.total === null ? t('rectification.ba.notAssessed') : `${formatDecimal(f.total, 2, lang)} / ${formatDecimal(f.maxScore ?? 100, 0, lang)}`);
    rows.push({ label: t('rectification.ba.total'), before: score(before), after: score(after), better: cmp(before.total, after.total, true) });
    rows.push({ label: t('rectification.ba.rank'), before: before.rank === null ? DASH : formatInteger(before.rank, lang), after: after.rank === null ? DASH : formatInteger(after.rank, lang), better: cmp(before.rank, after.rank, false) });
    const grade = (f: Figures) => (f.grade ? t(`rectification.grade.${f.grade}` as MessageKey) : DASH);
    rows.push({ label: t('rectification.ba.grade'), before: grade(before), after: grade(after), better: null });
    const lost = (f: Figures) => (f.lost?.length ? f.lost.map((l) => `${l.label} −${formatDecimal(l.lost, 2, lang)}`).join(t('rectification.separator')) : DASH);
    rows.push({ label: t('rectification.ba.lost'), before: lost(before), after: lost(after), better: null });
  } else if (kind === 'OVERLAP_GAP') {
    const n = (v: number | null) => (v === null ? DASH : formatInteger(v, lang));
    rows.push({ label: t('rectification.ba.activities'), before: n(before.activityCount), after: n(after.activityCount), better: cmp(before.activityCount, after.activityCount, true) });
    rows.push({ label: t('rectification.ba.agencyActivities'), before: n(before.agencyActivityCount), after: n(after.agencyActivityCount), better: cmp(before.agencyActivityCount, after.agencyActivityCount, true) });
    const flags = (f: Figures) => (f.flags?.length ? f.flags.map((k) => t(`overlaps.kind.${k}` as MessageKey)).join(t('rectification.separator')) : t('rectification.ba.noFlags'));
    rows.push({ label: t('rectification.ba.flags'), before: flags(before), after: flags(after), better: cmp(before.flags?.length ?? null, after.flags?.length ?? null, false) });
  }
  return rows;
}

/** The stored detail of the source (sourceDetail, JSON) as label/value lines in the UI language. */
export function sourceDetailLines(kind: SourceKind, detail: unknown, lang: Lang): { label: string; value: string }[] {
  const d = (detail ?? {}) as Record<string, unknown>;
  const t = (k: MessageKey) => translate(lang, k);
  const out: { label: string; value: string }[] = [];
  const num = (v: unknown, digits = 2) => (typeof v === 'number' ? formatDecimal(v, digits, lang) : null);
  if (kind === 'FINDING') {
    if (typeof d.finding === 'string') out.push({ label: t('rectification.detail.finding'), value: d.finding });
  } else if (kind === 'SCORECARD') {
    const total = num(d.total);
    if (total !== null) out.push({ label: t('rectification.detail.total'), value: `${total} / ${num(d.maxScore, 0) ?? '100'}` });
    if (typeof d.rank === 'number') out.push({ label: t('rectification.detail.rank'), value: formatInteger(d.rank, lang) });
    if (typeof d.grade === 'string') out.push({ label: t('rectification.detail.grade'), value: t(`rectification.grade.${d.grade}` as MessageKey) });
    if (typeof d.reason === 'string') out.push({ label: t('rectification.detail.reason'), value: d.reason });
  } else {
    if (typeof d.activityCount === 'number') out.push({ label: t('rectification.detail.activities'), value: formatInteger(d.activityCount, lang) });
    const flags = Array.isArray(d.flags) ? (d.flags as { message?: unknown }[]) : [];
    for (const f of flags) if (typeof f.message === 'string') out.push({ label: t('rectification.detail.flag'), value: f.message });
  }
  return out;
}

export interface HistoryStep {
  at: string;
  actor: string | null;
  /** The status reached; null for an edit of requirement or deadline. */
  status: Status | null;
  /** CREATE, UPDATE, or the status move. */
  action: 'CREATE' | 'MOVE' | 'EDIT';
  note: string | null;
}

const asStatus = (v: unknown): Status | null => (typeof v === 'string' && ['OPEN', 'IN_PROGRESS', 'SUBMITTED', 'VERIFIED', 'REOPENED'].includes(v) ? (v as Status) : null);

/** The audit trail (newest first, as the API gives it) as steps, oldest first; VIEW entries left out. */
export function historyFromAudit(entries: readonly HistoryEntry[]): HistoryStep[] {
  const steps: HistoryStep[] = [];
  for (const e of [...entries].reverse()) {
    const before = (e.before ?? {}) as Record<string, unknown>;
    const after = (e.after ?? {}) as Record<string, unknown>;
    if (e.action === 'CREATE') steps.push({ at: e.at, actor: e.actor ?? null, status: asStatus(after.status) ?? 'OPEN', action: 'CREATE', note: null });
    else if (e.action === 'UPDATE' && asStatus(after.status) && after.status !== before.status) {
      steps.push({ at: e.at, actor: e.actor ?? null, status: asStatus(after.status), action: 'MOVE', note: typeof after.statusNote === 'string' ? after.statusNote : null });
    } else if (e.action === 'UPDATE') steps.push({ at: e.at, actor: e.actor ?? null, status: null, action: 'EDIT', note: null });
  }
  return steps;
}

/** Without the audit trail: what the item itself stamps (created, submitted, verified). */
export function historyFromItem(item: { createdAt: string; createdBy: string | null; submittedAt: string | null; submittedBy: string | null; verifiedAt: string | null; verifiedBy: string | null; status: Status; statusNote: string | null }): HistoryStep[] {
  const steps: HistoryStep[] = [{ at: item.createdAt, actor: item.createdBy, status: 'OPEN', action: 'CREATE', note: null }];
  if (item.submittedAt) steps.push({ at: item.submittedAt, actor: item.submittedBy, status: 'SUBMITTED', action: 'MOVE', note: null });
  if (item.verifiedAt) steps.push({ at: item.verifiedAt, actor: item.verifiedBy, status: 'VERIFIED', action: 'MOVE', note: null });
  if (item.status === 'REOPENED') steps.push({ at: '', actor: null, status: 'REOPENED', action: 'MOVE', note: item.statusNote });
  return steps;
}
