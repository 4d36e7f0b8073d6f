import { describe, expect, it } from 'vitest';
import { groupBy, yearsOf } from './beside';
import { beforeAfterRows, historyFromAudit, historyFromItem, sourceDetailLines, verdictKey } from './itemView';
import type { Figures } from './rectification.queries';

const none = { total: null, maxScore: null, rank: null, grade: null, frozen: null, lost: null, activityCount: null, agencyActivityCount: null, flags: null, messages: null };
const fig = (f: Partial<Figures>): Figures => ({ year: 2024, present: true, ...none, ...f }) as Figures;

describe('before and after', () => {
  it('names the verdict: closed, still there, or not known before the next year ends', () => {
    expect([verdictKey(true), verdictKey(false), verdictKey(null)]).toEqual(['rectification.ba.closed', 'rectification.ba.present', 'rectification.ba.pending']);
  });
  it('sets an overlap gap’s figures side by side', () => {
    const rows = beforeAfterRows('OVERLAP_GAP', fig({ activityCount: 15, agencyActivityCount: 6, flags: ['UNREACHED_AUDIENCE'] }), fig({ year: 2025, present: false, activityCount: 20, agencyActivityCount: 13, flags: [] }), 'zh-CN');
    expect(rows.map((r) => [r.label, r.before, r.after, r.better])).toEqual([
      ['问题是否存在', '存在', '不存在', true],
      ['领域活动（场）', '15', '20', true],
      ['本单位活动（场）', '6', '13', true],
      ['缺口', '对象未覆盖', '无缺口', true],
    ]);
  });
  it('sets a scorecard entry’s figures side by side, an unassessed year as such', () => {
    const rows = beforeAfterRows('SCORECARD', fig({ total: 37.5, maxScore: 100, rank: 30, grade: 'FAIL', lost: [{ label: '清单完成', lost: 30 }] as Figures['lost'] }), fig({ year: 2025, present: false }), 'en');
    expect(rows.map((r) => [r.label, r.before, r.after])).toEqual([
      ['Problem present', 'Yes', 'No'],
      ['Total', '37.50 / 100', 'Not assessed'],
      ['Rank', '30', '—'],
      ['Grade', 'Fail', '—'],
      ['Points lost', '清单完成 −30.00', '—'],
    ]);
  });
});

describe('source detail', () => {
  it('reads what was stored when the item was opened', () => {
    expect(sourceDetailLines('SCORECARD', { total: 37.5, maxScore: 100, rank: 30, grade: 'FAIL', reason: '总分37.5分' }, 'zh-CN').map((l) => l.value)).toEqual(['37.50 / 100', '30', '不合格', '总分37.5分']);
    expect(sourceDetailLines('OVERLAP_GAP', { activityCount: 15, flags: [{ message: '2024年……', act: [] }] }, 'zh-CN')).toEqual([
      { label: '领域活动（场）', value: '15' },
      { label: '缺口', value: '2024年……' },
    ]);
    expect(sourceDetailLines('FINDING', null, 'en')).toEqual([]);
  });
});

describe('history', () => {
  it('reads the audit trail (newest first) oldest first, status moves with their reasons', () => {
    const entries = [
      { id: '4', action: 'VIEW', actor: 'inspector', at: '2026-05-04T00:00:00Z', before: null, after: null },
      { id: '3', action: 'UPDATE', actor: 'inspector', at: '2026-05-03T00:00:00Z', before: { status: 'SUBMITTED' }, after: { status: 'REOPENED', statusNote: '缺少签到表' } },
      { id: '2', action: 'UPDATE', actor: 'admin', at: '2026-05-02T00:00:00Z', before: { requirement: 'a', status: 'OPEN' }, after: { requirement: 'b', status: 'OPEN' } },
      { id: '1', action: 'CREATE', actor: 'admin', at: '2026-05-01T00:00:00Z', before: null, after: { status: 'OPEN' } },
    ];
    expect(historyFromAudit(entries).map((s) => [s.action, s.status, s.actor, s.note])).toEqual([
      ['CREATE', 'OPEN', 'admin', null],
      ['EDIT', null, 'admin', null],
      ['MOVE', 'REOPENED', 'inspector', '缺少签到表'],
    ]);
  });
  it('falls back to the item’s stamps', () => {
    const steps = historyFromItem({ createdAt: 'c', createdBy: 'admin', submittedAt: 's', submittedBy: 'reporter', verifiedAt: null, verifiedBy: null, status: 'REOPENED', statusNote: '补充材料' });
    expect(steps.map((s) => [s.status, s.actor, s.note])).toEqual([['OPEN', 'admin', null], ['SUBMITTED', 'reporter', null], ['REOPENED', null, '补充材料']]);
  });
});

describe('items beside other views', () => {
  it('groups in the order given', () => {
    expect([...groupBy([{ k: 'a', n: 1 }, { k: 'b', n: 2 }, { k: 'a', n: 3 }], (x) => x.k)].map(([k, v]) => [k, v.map((x) => x.n)])).toEqual([['a', [1, 3]], ['b', [2]]]);
  });
  it('lists the calendar years of a period', () => {
    expect(yearsOf('2024-03-01', '2025-02-01')).toEqual([2024, 2025]);
    expect(yearsOf('2025-01-01', '2025-12-31')).toEqual([2025]);
    expect(yearsOf('2025-01-01', '2024-12-31')).toEqual([]);
  });
});
