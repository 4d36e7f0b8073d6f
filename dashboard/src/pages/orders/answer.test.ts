import { describe, expect, it } from 'vitest';
import { isOpen, shanghaiDay, toAnswerInput, type AnswerValues } from './answer';

const blank: AnswerValues = { decision: '', plannedOn: '', reason: '', activityId: '' };

describe('answering an order', () => {
  it('sends only the field of the decision taken', () => {
    expect(toAnswerInput('EducationOrder:9', 'Agency:4', '2026-11-20', { ...blank, decision: 'ACCEPT', plannedOn: '2026-12-03', reason: 'left over' })).toEqual({
      ok: true,
      input: { orderId: 'EducationOrder:9', agencyId: 'Agency:4', decision: 'ACCEPT', plannedOn: '2026-12-03' },
    });
    expect(toAnswerInput('EducationOrder:9', 'Agency:4', '2026-11-20', { ...blank, decision: 'DECLINE', reason: '  不在本局职责范围  ' })).toMatchObject({
      ok: true,
      input: { decision: 'DECLINE', reason: '不在本局职责范围' },
    });
    expect(toAnswerInput('EducationOrder:9', 'Agency:4', '2026-11-20', { ...blank, decision: 'DONE', activityId: 'Activity:5' })).toMatchObject({
      ok: true,
      input: { decision: 'DONE', activityId: 'Activity:5' },
    });
  });

  it('asks for a decision, a date not before the order, a reason of 5–500 characters and an activity', () => {
    const at = (v: Partial<AnswerValues>) => toAnswerInput('EducationOrder:9', 'Agency:4', '2026-11-20', { ...blank, ...v });
    expect(at({ decision: '' })).toEqual({ ok: false, problems: { decision: 'orders.answer.problem.decision' } });
    expect(at({ decision: 'ACCEPT' })).toEqual({ ok: false, problems: { plannedOn: 'orders.problem.required' } });
    expect(at({ decision: 'ACCEPT', plannedOn: '2026-11-19' })).toEqual({ ok: false, problems: { plannedOn: 'orders.answer.problem.beforeOrder' } });
    expect(at({ decision: 'DECLINE', reason: '不去' })).toEqual({ ok: false, problems: { reason: 'orders.answer.problem.reason' } });
    expect(at({ decision: 'DECLINE', reason: '理'.repeat(501) })).toEqual({ ok: false, problems: { reason: 'orders.answer.problem.reason' } });
    expect(at({ decision: 'DONE' })).toEqual({ ok: false, problems: { activityId: 'orders.answer.problem.activity' } });
  });

  it('knows the final states and the hub calendar day', () => {
    expect(['WAITING', 'ACCEPTED', 'DECLINED', 'DONE'].map((s) => isOpen(s as never))).toEqual([true, true, false, false]);
    // 17:00 UTC is already the next day in Shanghai.
    expect(shanghaiDay('2026-11-26T17:00:00.000Z')).toBe('2026-11-27');
    expect(shanghaiDay('2026-11-26T15:59:59.000Z')).toBe('2026-11-26');
  });
});
