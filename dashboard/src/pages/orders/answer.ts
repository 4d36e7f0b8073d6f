/**
 * Answering an order for an agency (answerOrder), as pure steps: which
 * answers a route still takes, the order's day on the hub's calendar, and the
 * dialog's values as the mutation's input (with what a person must fill in
 * before sending). The hub checks again: a date before the order, a final
 * state (CONFLICT), an activity of another agency.
 */
import type { MessageKey } from '../../app/i18n';

export const DECISIONS = ['ACCEPT', 'DECLINE', 'DONE'] as const;
export type Decision = (typeof DECISIONS)[number];
export type RouteStatus = 'WAITING' | 'ACCEPTED' | 'DECLINED' | 'DONE';

export const REASON_LIMITS = { min: 5, max: 500 } as const;

/** DONE and DECLINED are final; WAITING and ACCEPTED take any answer (ACCEPT again moves the date). */
export function isOpen(status: RouteStatus): boolean {
  return status === 'WAITING' || status === 'ACCEPTED';
}

/** The calendar day (Asia/Shanghai, UTC+8 all year) of a moment the hub sent. */
export function shanghaiDay(iso: string): string {
  return new Date(Date.parse(iso) + 8 * 3_600_000).toISOString().slice(0, 10);
}

export interface AnswerValues {
  decision: Decision | '';
  plannedOn: string;
  reason: string;
  activityId: string;
}

export type AnswerField = 'decision' | 'plannedOn' | 'reason' | 'activityId';
export const ANSWER_FIELDS: readonly AnswerField[] = ['decision', 'plannedOn', 'reason', 'activityId'];

export interface OrderAnswerInput {
  orderId: string;
  agencyId: string;
  decision: Decision;
  plannedOn?: string;
  reason?: string;
  activityId?: string;
}

export type BuiltAnswer = { ok: true; input: OrderAnswerInput } | { ok: false; problems: Partial<Record<AnswerField, MessageKey>> };

/** Only the field of the chosen decision is sent (the hub refuses the others with it). */
export function toAnswerInput(orderId: string, agencyId: string, orderedOn: string, v: AnswerValues): BuiltAnswer {
  const problems: Partial<Record<AnswerField, MessageKey>> = {};
  const base = { orderId, agencyId };
  if (!v.decision) return { ok: false, problems: { decision: 'orders.answer.problem.decision' } };
  if (v.decision === 'ACCEPT') {
    if (!/^\d{4}-\d{2}-\d{2}$/.test(v.plannedOn)) problems.plannedOn = 'orders.problem.required';
    else if (v.plannedOn < orderedOn) problems.plannedOn = 'orders.answer.problem.beforeOrder';
    return Object.keys(problems).length ? { ok: false, problems } : { ok: true, input: { ...base, decision: 'ACCEPT', plannedOn: v.plannedOn } };
  }
  if (v.decision === 'DECLINE') {
    const reason = v.reason.trim();
    if (reason.length < REASON_LIMITS.min || reason.length > REASON_LIMITS.max) problems.reason = 'orders.answer.problem.reason';
    return Object.keys(problems).length ? { ok: false, problems } : { ok: true, input: { ...base, decision: 'DECLINE', reason } };
  }
  if (!v.activityId) problems.activityId = 'orders.answer.problem.activity';
  return Object.keys(problems).length ? { ok: false, problems } : { ok: true, input: { ...base, decision: 'DONE', activityId: v.activityId } };
}
