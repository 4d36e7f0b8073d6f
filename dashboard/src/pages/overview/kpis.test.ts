import { describe, expect, it } from 'vitest';
import { buildKpis, formatYoY, KPI_FACTS, KPI_MEASURES, kpiFact, kpisEmpty, notApplicableNote, planKpis, type ComparedValue } from './kpis';

/** value, previous and the API's change = (value − previous) ÷ previous (null when previous is 0 or null). */
function compared(measure: ComparedValue['measure'], value: number | null, previous: number | null): ComparedValue {
  const change = value !== null && previous !== null && previous !== 0 ? (value - previous) / previous : null;
  return { measure, value, previous, change };
}

const figures: ComparedValue[] = [
  compared('ACTIVITY_COUNT', 468, 400),
  compared('PARTICIPANTS', 50123, 52000),
  compared('MATERIALS_DISTRIBUTED', 52000, 0),
  compared('CONSULTATIONS', 6012, null),
  compared('BROADCAST_COUNT', 310, 310),
  compared('BROADCAST_MINUTES', 4650, 4000),
  compared('TRAINING_ATTENDANCE_RATE', 0.9125, 0.9),
  compared('AWARENESS_RATE', 0.832, 0.853),
  compared('SATISFACTION_MEAN', 4.318, null),
];
const current = figures;

describe('overview key figures', () => {
  it('asks for the nine measures in display order', () => {
    expect(KPI_MEASURES).toEqual([
      'ACTIVITY_COUNT',
      'PARTICIPANTS',
      'MATERIALS_DISTRIBUTED',
      'CONSULTATIONS',
      'BROADCAST_COUNT',
      'BROADCAST_MINUTES',
      'TRAINING_ATTENDANCE_RATE',
      'AWARENESS_RATE',
      'SATISFACTION_MEAN',
    ]);
  });

  it('formats values, units and the API’s changes in Chinese, with signs and arrows', () => {
    const kpis = buildKpis(figures, 'zh-CN');
    expect(kpis.map((k) => [k.label, k.value, k.unit, k.change.text, k.change.direction, k.previous])).toEqual([
      ['普法活动', '468', '场', '▲ +17.0%', 'up', '400'],
      ['参与群众', '50,123', '人次', '▼ −3.6%', 'down', '52,000'],
      ['发放资料', '52,000', '份', '—', 'none', '0'],
      ['法律咨询', '6,012', '人次', '—', 'none', '—'],
      ['媒体刊播', '310', '次', '0.0%', 'flat', '310'],
      ['刊播时长', '4,650', '分钟', '▲ +16.3%', 'up', '4,000'],
      ['培训参训率', '91.3%', null, '▲ +1.3 个百分点', 'up', '90.0%'],
      ['法律知晓率', '83.2%', null, '▼ −2.1 个百分点', 'down', '85.3%'],
      ['普法满意度', '4.32', '分（满分 5 分）', '—', 'none', '—'],
    ]);
    expect(kpis[0]!.change.label).toBe('较上年同期 上升 17.0%');
    expect(kpis[2]!.change.label).toBe('上年同期为 0，无法计算变化');
    expect(kpis[3]!.change.label).toBe('上年同期无数据');
  });

  it('formats in English', () => {
    const kpis = buildKpis(figures, 'en');
    expect(kpis.map((k) => [k.label, k.value, k.unit, k.change.text])).toEqual([
      ['Activities', '468', 'events', '▲ +17.0%'],
      ['Participants', '50,123', 'people', '▼ −3.6%'],
      ['Materials handed out', '52,000', 'copies', '—'],
      ['Consultations', '6,012', 'people', '—'],
      ['Media slots', '310', 'slots', '0.0%'],
      ['Airtime', '4,650', 'min', '▲ +16.3%'],
      ['Training attendance', '91.3%', null, '▲ +1.3 pp'],
      ['Legal awareness', '83.2%', null, '▼ −2.1 pp'],
      ['Satisfaction', '4.32', 'out of 5', '—'],
    ]);
    expect(kpis[1]!.change.label).toBe('vs same period last year down 3.6%');
  });

  it('follows the API’s change, not a recomputation', () => {
    // The API says null (e.g. previous 0): a dash, whatever the values.
    expect(formatYoY({ value: 5, previous: 0, change: null }, 'relative', 'zh-CN').text).toBe('—');
    expect(formatYoY({ value: 0.5, previous: 0, change: null }, 'points', 'zh-CN').text).toBe('—');
    // A change that rounds to nothing is flat, without an arrow or sign.
    expect(formatYoY({ value: 1000.4, previous: 1000, change: 0.0004 }, 'relative', 'en')).toEqual({
      text: '0.0%',
      direction: 'flat',
      label: 'vs same period last year no change',
    });
    expect(formatYoY({ value: 0.9004, previous: 0.9, change: 0.0004 }, 'points', 'zh-CN').text).toBe('0.0 个百分点');
    expect(formatYoY({ value: 3, previous: 1, change: 2 }, 'relative', 'zh-CN').text).toBe('▲ +200.0%');
    expect(formatYoY({ value: null, previous: 4, change: null }, 'relative', 'zh-CN').text).toBe('—');
  });

  it('shows dashes for missing figures and without a previous period', () => {
    const kpis = buildKpis([{ measure: 'AWARENESS_RATE', value: null, previous: null, change: null }], 'zh-CN');
    expect(kpis.every((k) => k.change.text === '—')).toBe(true);
    expect(kpis.find((k) => k.measure === 'AWARENESS_RATE')!.value).toBe('—');
    expect(kpis.find((k) => k.measure === 'ACTIVITY_COUNT')!.value).toBe('—');
  });

  it('knows an empty period', () => {
    expect(kpisEmpty(current)).toBe(false);
    expect(kpisEmpty([])).toBe(true);
    expect(kpisEmpty([compared('ACTIVITY_COUNT', 0, 3), compared('AWARENESS_RATE', null, 0.5)])).toBe(true);
  });

  it('comes from the four facts, each fact one contiguous run of cards', () => {
    const facts = KPI_MEASURES.map(kpiFact);
    expect([...new Set(facts)]).toEqual([...KPI_FACTS]);
  });

  it('asks for every figure city-wide', () => {
    const plan = planKpis({ from: '2024-01-01', to: '2024-12-31' });
    expect(plan.measures).toEqual({
      activity: ['ACTIVITY_COUNT', 'PARTICIPANTS', 'MATERIALS_DISTRIBUTED', 'CONSULTATIONS'],
      broadcast: ['BROADCAST_COUNT', 'BROADCAST_MINUTES'],
      training: ['TRAINING_ATTENDANCE_RATE'],
      survey: ['AWARENESS_RATE', 'SATISFACTION_MEAN'],
    });
    expect(plan.notApplicable.size).toBe(0);
  });

  it('leaves broadcasts out for a district', () => {
    const plan = planKpis({ from: '2024-01-01', to: '2024-12-31', regionIds: ['Region:3'] });
    expect(plan.measures.broadcast).toEqual([]);
    expect(plan.measures.activity).toHaveLength(4);
    expect(plan.measures.training).toEqual(['TRAINING_ATTENDANCE_RATE']);
    expect(plan.measures.survey).toEqual(['AWARENESS_RATE', 'SATISFACTION_MEAN']);
    expect([...plan.notApplicable]).toEqual([
      ['BROADCAST_COUNT', ['regionIds']],
      ['BROADCAST_MINUTES', ['regionIds']],
    ]);
  });

  it('shows figures a filter does not apply to as a dash with the reason', () => {
    const { notApplicable } = planKpis({ from: '2024-01-01', to: '2024-12-31', regionIds: ['Region:3'] });
    const withoutBroadcasts = current.filter((v) => !v.measure.startsWith('BROADCAST'));
    const zh = buildKpis(withoutBroadcasts, 'zh-CN', notApplicable);
    expect(zh.filter((k) => k.note).map((k) => [k.label, k.value, k.unit, k.change.text, k.note])).toEqual([
      ['媒体刊播', '—', null, '—', '不分区域统计'],
      ['刊播时长', '—', null, '—', '不分区域统计'],
    ]);
    expect(zh.find((k) => k.measure === 'ACTIVITY_COUNT')).toMatchObject({ value: '468', note: null });
    const en = buildKpis(withoutBroadcasts, 'en', notApplicable);
    expect(en.find((k) => k.measure === 'BROADCAST_MINUTES')).toMatchObject({
      value: '—',
      note: 'Not recorded by district',
      change: { text: '—', direction: 'none', label: 'Not recorded by district' },
    });
  });

  it('has a general note for filters without their own', () => {
    expect(notApplicableNote(['outletIds'], 'zh-CN')).toBe('不适用于当前筛选条件');
    expect(notApplicableNote(['outletIds', 'regionIds'], 'en')).toBe('Not recorded by district');
  });
});
