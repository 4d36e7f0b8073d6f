import { describe, expect, it } from 'vitest';
import { joinNames, planRows, type PlanItem } from './planRows';

const item: PlanItem = {
  id: 'ResponsibilityItem:7',
  title: '食品安全法进社区',
  laws: [
    { name: '中华人民共和国食品安全法', nameEn: 'Food Safety Law' },
    { name: '中华人民共和国民法典', nameEn: null },
  ],
  domain: { name: '食品安全', nameEn: 'Food safety' },
  audiences: ['GENERAL_PUBLIC', 'ELDERLY'],
  targetDistricts: [{ name: '海勃湾区', nameEn: 'Haibowan District' }],
  forms: ['LECTURE', 'CONSULTATION'],
  venueTypes: ['COMMUNITY'],
  plannedCount: 6,
  startsOn: '2025-03-01',
  endsOn: '2025-06-30',
  responsibleLeader: '王副局长',
  responsibleDepartment: '法规科',
};

describe('planRows: the published list as a reader scans it', () => {
  it('answers what, to whom, how, when and who in Chinese', () => {
    expect(planRows([item], 'zh-CN')).toEqual([
      {
        id: 'ResponsibilityItem:7',
        title: '食品安全法进社区',
        laws: '中华人民共和国食品安全法、中华人民共和国民法典',
        domain: '食品安全',
        audiences: '社会公众、老年人',
        districts: '海勃湾区',
        forms: '法治讲座、法律咨询',
        venues: '进社区',
        plannedCount: 6,
        startsOn: '2025-03-01',
        when: '2025年3月1日 – 2025年6月30日',
        leader: '王副局长',
        department: '法规科',
      },
    ]);
  });

  it('uses English names where there are any, Chinese otherwise', () => {
    const [row] = planRows([item], 'en');
    expect(row!.laws).toBe('Food Safety Law, 中华人民共和国民法典');
    expect(row!.domain).toBe('Food safety');
    expect(row!.districts).toBe('Haibowan District');
    expect(row!.when).toBe('Mar 1, 2025 – Jun 30, 2025');
  });

  it('says "whole city" for an item without target districts and a dash for what is not given', () => {
    const [row] = planRows([{ ...item, targetDistricts: [], domain: null, laws: [], venueTypes: [] }], 'zh-CN');
    expect(row).toMatchObject({ districts: '全市', domain: '—', laws: '—', venues: '—' });
  });

  it('keeps the order of the items it is given', () => {
    const rows = planRows([item, { ...item, id: 'ResponsibilityItem:3', title: '第二项' }], 'zh-CN');
    expect(rows.map((r) => r.id)).toEqual(['ResponsibilityItem:7', 'ResponsibilityItem:3']);
  });

  it('joins names with the separator of the language', () => {
    expect(joinNames(['甲', '乙'], 'zh-CN')).toBe('甲、乙');
    expect(joinNames(['a', 'b'], 'en')).toBe('a, b');
  });
});
