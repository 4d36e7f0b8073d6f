/** Chinese and English labels of the enum values the dashboard and analytics show. */
export type LocaleCode = 'ZH_CN' | 'EN';

type Labels = Record<string, [zh: string, en: string]>;

export const FORM_LABELS: Labels = {
  LECTURE: ['法治讲座', 'Lecture'], PERFORMANCE: ['文艺演出', 'Performance'], CONSULTATION: ['法律咨询', 'Consultation'],
  QUIZ: ['有奖问答', 'Prize quiz'], MATERIAL_HANDOUT: ['发放资料', 'Material handout'], CASE_EXPLANATION: ['以案释法', 'Case explanation'],
  LIVE_STREAM: ['网络直播', 'Live stream'], NEW_MEDIA_POST: ['新媒体推送', 'New-media post'], EXHIBITION: ['展览', 'Exhibition'], SYMPOSIUM: ['座谈会', 'Symposium'],
};
export const VENUE_LABELS: Labels = {
  VILLAGE: ['进乡村', 'Villages'], COMMUNITY: ['进社区', 'Communities'], SCHOOL: ['进学校', 'Schools'], ENTERPRISE: ['进企业', 'Enterprises'],
  WORKPLACE: ['进单位', 'Workplaces'], PUBLIC_SPACE: ['公共场所', 'Public spaces'], ONLINE: ['线上', 'Online'],
};
export const AUDIENCE_LABELS: Labels = {
  GENERAL_PUBLIC: ['社会公众', 'General public'], STUDENTS: ['学生', 'Students'], YOUTH: ['青少年', 'Youth'], ELDERLY: ['老年人', 'Elderly'],
  FARMERS_HERDERS: ['农牧民', 'Farmers and herders'], MIGRANT_WORKERS: ['进城务工人员', 'Migrant workers'], ENTERPRISE_STAFF: ['企业职工', 'Enterprise staff'],
  BUSINESS_OWNERS: ['经营者', 'Business owners'], CIVIL_SERVANTS: ['国家工作人员', 'Civil servants'], LEADING_CADRES: ['领导干部', 'Leading cadres'],
  WOMEN: ['妇女', 'Women'], COMMUNITY_RESIDENTS: ['社区居民', 'Community residents'], DRIVERS: ['驾驶人', 'Drivers'], PATIENTS: ['患者', 'Patients'],
};
export const TRAINING_KIND_LABELS: Labels = {
  BACKBONE_CLASS: ['骨干培训班', 'Backbone class'], LEADING_CADRE_STUDY: ['领导干部学法', 'Leading cadres’ law study'],
  LECTURER_GROUP: ['讲师团授课', 'Lecturer group'], STAFF_TRAINING: ['执法人员培训', 'Staff training'],
};

export function enumLabel(labels: Labels, value: string, locale: LocaleCode): string {
  const pair = labels[value];
  return pair ? pair[locale === 'EN' ? 1 : 0] : value;
}

/** "2019" → 2019年 / 2019; "2019-Q1" → 2019年第1季度 / 2019 Q1; "2019-03" → 2019年3月 / Mar 2019. */
export function periodLabel(value: string, locale: LocaleCode): string {
  const [y, part] = value.split('-');
  if (!part) return locale === 'EN' ? y! : `${y}年`;
  if (part.startsWith('Q')) return locale === 'EN' ? `${y} ${part}` : `${y}年第${part.slice(1)}季度`;
  const month = Number(part);
  if (locale === 'EN') return `${new Date(Date.UTC(2000, month - 1, 1)).toLocaleString('en', { month: 'short', timeZone: 'UTC' })} ${y}`;
  return `${y}年${month}月`;
}
