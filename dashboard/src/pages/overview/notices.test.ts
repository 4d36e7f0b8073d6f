import { describe, expect, it } from 'vitest';
import { topGaps, type OverlapGap } from './notices';

const drill = { agencyIds: ['Agency:5', 'Agency:4'], domainIds: ['EnforcementDomain:1'], from: null, to: null, years: [2025], regionIds: null, audiences: null };
const agency = (id: number, name: string, nameEn: string | null = null) => ({ id: `Agency:${id}`, name, nameEn });

function gap(domain: number, name: string, severity: string | null, flags: OverlapGap['flags'], holders: number[] = [5, 4]): OverlapGap {
  return {
    domain: { id: `EnforcementDomain:${domain}`, name, nameEn: `${name} (en)` },
    severity: severity as OverlapGap['severity'],
    activityCount: domain * 10,
    holders: holders.map((id) => ({ agency: { id: `Agency:${id}` } })),
    drill: { ...drill, domainIds: [`EnforcementDomain:${domain}`] },
    flags,
  };
}

const gaps: OverlapGap[] = [
  gap(1, '道路交通', 'NO_ACTIVITY', [
    { kind: 'NO_ACTIVITY', message: '2025年，道路交通领域的执法单位都没有开展普法活动。', act: [agency(5, '市公安局', 'Wuhai PSB'), agency(4, '市司法局')] },
    { kind: 'NO_LEAD', message: '……', act: [] },
  ]),
  gap(2, '婚姻家庭', 'NO_LEAD', [{ kind: 'NO_LEAD', message: '婚姻家庭领域由2个单位共同执法，但没有牵头单位，请普法办指定牵头单位。', act: [] }], [5, 25]),
  gap(3, '生态环境', null, []),
  gap(4, '食品安全', 'UNREACHED_DISTRICT', [{ kind: 'UNREACHED_DISTRICT', message: '…海南区…', act: [agency(7, '市市场监督管理局')] }], [7, 10]),
];

describe('top overlap gaps', () => {
  it('lists the overlaps with a gap, most severe first, with the flag’s sentence and who should act', () => {
    expect(topGaps(gaps, 'zh-CN')).toEqual([
      {
        domainId: 'EnforcementDomain:1',
        domain: '道路交通',
        kind: 'NO_ACTIVITY',
        kindLabel: '无普法活动',
        sentence: '2025年，道路交通领域的执法单位都没有开展普法活动。',
        actors: '市公安局、市司法局',
        activityCount: 10,
        drill: { agencyIds: ['Agency:5', 'Agency:4'], domainIds: ['EnforcementDomain:1'], years: [2025] },
      },
      expect.objectContaining({ domain: '婚姻家庭', kindLabel: '无牵头单位', actors: '普法办（指定牵头单位）' }),
      expect.objectContaining({ domain: '食品安全', kindLabel: '区域未覆盖', actors: '市市场监督管理局' }),
    ]);
  });

  it('speaks English and keeps the first five', () => {
    const en = topGaps(gaps, 'en');
    expect(en[0]).toMatchObject({ domain: '道路交通 (en)', kindLabel: 'No activity', actors: 'Wuhai PSB, 市司法局' });
    expect(en[1]!.actors).toBe('Legal-education office (to designate a lead)');
    const many = Array.from({ length: 8 }, () => gaps[0]!).map((g, i) => ({ ...g, domain: { ...g.domain, id: `EnforcementDomain:${i}` } }));
    expect(topGaps(many, 'zh-CN').map((g) => g.domainId)).toEqual(['EnforcementDomain:0', 'EnforcementDomain:1', 'EnforcementDomain:2', 'EnforcementDomain:3', 'EnforcementDomain:4']);
    expect(topGaps([], 'zh-CN')).toEqual([]);
  });

  it('narrows to the overlaps an agency holds', () => {
    expect(topGaps(gaps, 'zh-CN', 'Agency:25').map((g) => g.domain)).toEqual(['婚姻家庭']);
    expect(topGaps(gaps, 'zh-CN', 'Agency:99')).toEqual([]);
  });
});
