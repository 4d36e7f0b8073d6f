import { describe, expect, it } from 'vitest';
import type { MeasureValue } from '../../app/api-types';
import { buildKpis, KPI_FACTS, KPI_MEASURES, kpiFact, kpisEmpty, notApplicableNote, planKpis } from './kpis';

const current: MeasureValue[] = [
  { measure: 'ACTIVITY_COUNT', value: 468 },
  { measure: 'PARTICIPANTS', value: 50123 },
  { measure: 'MATERIALS_DISTRIBUTED', value: 52000 },
  { measure: 'CONSULTATIONS', value: 6012 },
  { measure: 'BROADCAST_COUNT', value: 310 },
  { measure: 'BROADCAST_MINUTES', value: 4650 },
  { measure: 'TRAINING_ATTENDANCE_RATE', value: 0.9125 },
  { measure: 'AWARENESS_RATE', value: 0.853 },
  { measure: 'SATISFACTION_MEAN', value: 4.318 },
];
const previous: MeasureValue[] = [
  { measure: 'ACTIVITY_COUNT', value: 400 },
  { measure: 'PARTICIPANTS', value: 52000 },
  { measure: 'MATERIALS_DISTRIBUTED', value: 0 },
  { measure: 'CONSULTATIONS', value: null },
  { measure: 'BROADCAST_COUNT', value: 310 },
  { measure: 'BROADCAST_MINUTES', value: 4000 },
  { measure: 'TRAINING_ATTENDANCE_RATE', value: 0.9 },
  { measure: 'AWARENESS_RATE', value: 0.832 },
  { measure: 'SATISFACTION_MEAN', value: null },
];

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

  it('formats values, units and changes in Chinese', () => {
    const kpis = buildKpis(current, previous, 'zh-CN');
    expect(kpis.map((k) => [k.label, k.value, k.unit, k.change.text])).toEqual([
      ['普法活动', '468', '场', '▲ 17.0%'],
      ['参与群众', '50,123', '人次', '▼ 3.6%'],
      ['发放资料', '52,000', '份', '—'],
      ['法律咨询', '6,012', '人次', '—'],
      ['媒体刊播', '310', '次', '0.0%'],
      ['刊播时长', '4,650', '分钟', '▲ 16.3%'],
      ['培训参训率', '91.3%', null, '▲ 1.3 个百分点'],
      ['法律知晓率', '85.3%', null, '▲ 2.1 个百分点'],
      ['普法满意度', '4.32', '分（满分 5 分）', '—'],
    ]);
  });

  it('formats in English', () => {
    const kpis = buildKpis(current, previous, 'en');
    expect(kpis.map((k) => [k.label, k.value, k.unit, k.change.text])).toEqual([
      ['Activities', '468', 'events', '▲ 17.0%'],
      ['Participants', '50,123', 'people', '▼ 3.6%'],
      ['Materials handed out', '52,000', 'copies', '—'],
      ['Consultations', '6,012', 'people', '—'],
      ['Media slots', '310', 'slots', '0.0%'],
      ['Airtime', '4,650', 'min', '▲ 16.3%'],
      ['Training attendance', '91.3%', null, '▲ 1.3 pp'],
      ['Legal awareness', '85.3%', null, '▲ 2.1 pp'],
      ['Satisfaction', '4.32', 'out of 5', '—'],
    ]);
  });

  it('shows dashes for missing figures and without a previous period', () => {
    const kpis = buildKpis([{ measure: 'AWARENESS_RATE', value: null }], null, 'zh-CN');
    expect(kpis.every((k) => k.change.text === '—')).toBe(true);
    expect(kpis.find((k) => k.measure === 'AWARENESS_RATE')!.value).toBe('—');
    expect(kpis.find((k) => k.measure === 'ACTIVITY_COUNT')!.value).toBe('—');
  });

  it('knows an empty period', () => {
    expect(kpisEmpty(current)).toBe(false);
    expect(kpisEmpty([])).toBe(true);
    expect(kpisEmpty([{ measure: 'ACTIVITY_COUNT', value: 0 }, { measure: 'AWARENESS_RATE', value: null }])).toBe(true);
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
    const zh = buildKpis(withoutBroadcasts, previous, 'zh-CN', notApplicable);
    expect(zh.filter((k) => k.note).map((k) => [k.label, k.value, k.unit, k.change.text, k.note])).toEqual([
      ['媒体刊播', '—', null, '—', '不分区域统计'],
      ['刊播时长', '—', null, '—', '不分区域统计'],
    ]);
    expect(zh.find((k) => k.measure === 'ACTIVITY_COUNT')).toMatchObject({ value: '468', note: null });
    const en = buildKpis(withoutBroadcasts, previous, 'en', notApplicable);
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
