/**
 * The dashboard's dictionary. Chinese is the reference language: every key in
 * `zh` must exist in `en` (the type below enforces it), and every visible
 * label, unit and state message goes through `translate`.
 */

export type Lang = 'zh-CN' | 'en';
export const DEFAULT_LANG: Lang = 'zh-CN';

/** The API's Locale enum value for a UI language. */
export function apiLocale(lang: Lang): 'ZH_CN' | 'EN' {
  return lang === 'en' ? 'EN' : 'ZH_CN';
}

const zh = {
  'app.title': '普法数据中枢',
  'app.subtitle': '“谁执法谁普法”普法责任制数据看板',
  'app.skip': '跳到主要内容',
  'app.footer': '数据来源：普法数据中枢 API',
  'app.footerVersion': '版本 {version}',
  'app.footerDatabase': '数据库 {database}',
  'app.pageLoading': '页面加载中…',
  'app.notFound': '未找到该页面。',
  'app.backHome': '返回总览',

  'nav.label': '主导航',
  'nav.overview': '总览',
  'nav.agencies': '单位',
  'nav.overlaps': '交叉领域',
  'nav.media': '媒体',
  'nav.training': '培训',
  'nav.surveys': '问卷',
  'nav.assessment': '考评',

  'lang.label': '界面语言',
  'lang.zh': '中文',
  'lang.en': 'English',

  'demo.badge': '演示数据',
  'demo.title': '当前显示的是演示数据，不反映真实工作情况',

  'filters.label': '筛选条件',
  'filters.period': '统计时段',
  'filters.year': '{year}年',
  'filters.custom': '自定义时段',
  'filters.from': '起始日期',
  'filters.to': '结束日期',
  'filters.apply': '应用',
  'filters.invalidRange': '请填写有效的起止日期，且起始日期不晚于结束日期。',
  'filters.district': '区域',
  'filters.allDistricts': '全市',
  'filters.districtsError': '区域列表加载失败',
  'filters.reset': '重置',
  'filters.summary': '统计时段：{period}；区域：{district}',

  'overview.heading': '总览',
  'overview.kpis': '核心指标',
  'overview.kpisEmpty': '该时段暂无数据',

  'kpi.ACTIVITY_COUNT': '普法活动',
  'kpi.PARTICIPANTS': '参与群众',
  'kpi.MATERIALS_DISTRIBUTED': '发放资料',
  'kpi.CONSULTATIONS': '法律咨询',
  'kpi.BROADCAST_COUNT': '媒体刊播',
  'kpi.BROADCAST_MINUTES': '刊播时长',
  'kpi.TRAINING_ATTENDANCE_RATE': '培训参训率',
  'kpi.AWARENESS_RATE': '法律知晓率',
  'kpi.SATISFACTION_MEAN': '普法满意度',
  'kpi.notApplicable': '不适用于当前筛选条件',
  'kpi.notApplicable.regionIds': '不分区域统计',
  'kpi.failed': '加载失败',
  'kpi.partialError': '部分指标加载失败',

  'unit.activities': '场',
  'unit.people': '人次',
  'unit.copies': '份',
  'unit.slots': '次',
  'unit.minutes': '分钟',
  'unit.percent': '%',
  'unit.outOf5': '分（满分 5 分）',
  'unit.activitiesAndPeople': '单位：场、人次',
  'unit.activitiesOnly': '单位：场',

  'change.label': '较上年同期',
  'change.short': '同比',
  'change.note': '同比：与上年同期相比',
  'change.noPrevious': '上年同期无数据',
  'change.up': '上升',
  'change.down': '下降',
  'change.flat': '持平',
  'change.pp': '个百分点',

  'chart.trend.title': '月度趋势',
  'chart.trend.activities': '活动场次',
  'chart.trend.participants': '参与人次',
  'chart.trend.aria': '{period}月度趋势：活动共 {activities} 场，参与共 {participants} 人次；活动最多的月份为 {peak}（{peakValue} 场）。',
  'chart.agencies.title': '各单位普法活动排名（前 15 名）',
  'chart.agencies.series': '活动场次',
  'chart.agencies.aria': '各单位普法活动场次排名：{items}。',
  'chart.districts.title': '各区域分布',
  'chart.districts.activities': '活动场次',
  'chart.districts.participants': '参与人次',
  'chart.districts.aria': '各区域普法活动分布：{items}。',
  'chart.districts.highlight': '全市各区域对比，突出显示{district}',
  'chart.saveAsImage': '保存为图片',
  'chart.listSeparator': '；',
  'chart.itemActivities': '{name} {value} 场',
  'chart.itemDistrict': '{name} {activities} 场、{participants} 人次',

  'state.loading': '加载中…',
  'state.empty': '该时段暂无数据',
  'state.error': '数据加载失败',
  'state.network': '无法连接数据服务，请稍后重试。',
  'state.retry': '重试',
  'state.updating': '正在更新…',

  // Explanations of the API's error codes; the API's own (English) message is shown below them.
  'error.BAD_USER_INPUT': '数据服务不接受当前的查询条件，请调整筛选条件后重试。',
  'error.NOT_FOUND': '所查询的记录不存在，链接可能已过期或有误。',
  'error.FORBIDDEN': '当前账号无权查看这些数据。',
  'error.UNAUTHENTICATED': '请先登录后再查看这些数据。',
  'error.INTERNAL_SERVER_ERROR': '数据服务内部出错，详情已记录在服务器上。请稍后重试，或联系管理员。',
  'error.other': '数据服务未能完成这次查询。',
} as const;

export type MessageKey = keyof typeof zh;

const en: Record<MessageKey, string> = {
  'app.title': 'Pufa Hub',
  'app.subtitle': 'Legal-education responsibility dashboard (“whoever enforces, educates”)',
  'app.skip': 'Skip to main content',
  'app.footer': 'Source: Pufa Hub API',
  'app.footerVersion': 'version {version}',
  'app.footerDatabase': 'database {database}',
  'app.pageLoading': 'Loading page…',
  'app.notFound': 'This page does not exist.',
  'app.backHome': 'Back to overview',

  'nav.label': 'Main navigation',
  'nav.overview': 'Overview',
  'nav.agencies': 'Agencies',
  'nav.overlaps': 'Overlapping domains',
  'nav.media': 'Media',
  'nav.training': 'Training',
  'nav.surveys': 'Surveys',
  'nav.assessment': 'Assessment',

  'lang.label': 'Language',
  'lang.zh': '中文',
  'lang.en': 'English',

  'demo.badge': 'Demo data',
  'demo.title': 'The figures shown are demo data and do not reflect real work',

  'filters.label': 'Filters',
  'filters.period': 'Period',
  'filters.year': '{year}',
  'filters.custom': 'Custom dates',
  'filters.from': 'From',
  'filters.to': 'To',
  'filters.apply': 'Apply',
  'filters.invalidRange': 'Enter valid dates; the start must not be after the end.',
  'filters.district': 'Area',
  'filters.allDistricts': 'Whole city',
  'filters.districtsError': 'Could not load the district list',
  'filters.reset': 'Reset',
  'filters.summary': 'Period: {period}; area: {district}',

  'overview.heading': 'Overview',
  'overview.kpis': 'Key figures',
  'overview.kpisEmpty': 'No data for this period',

  'kpi.ACTIVITY_COUNT': 'Activities',
  'kpi.PARTICIPANTS': 'Participants',
  'kpi.MATERIALS_DISTRIBUTED': 'Materials handed out',
  'kpi.CONSULTATIONS': 'Consultations',
  'kpi.BROADCAST_COUNT': 'Media slots',
  'kpi.BROADCAST_MINUTES': 'Airtime',
  'kpi.TRAINING_ATTENDANCE_RATE': 'Training attendance',
  'kpi.AWARENESS_RATE': 'Legal awareness',
  'kpi.SATISFACTION_MEAN': 'Satisfaction',
  'kpi.notApplicable': 'Not available for these filters',
  'kpi.notApplicable.regionIds': 'Not recorded by district',
  'kpi.failed': 'Could not load',
  'kpi.partialError': 'Some figures could not be loaded',

  'unit.activities': 'events',
  'unit.people': 'people',
  'unit.copies': 'copies',
  'unit.slots': 'slots',
  'unit.minutes': 'min',
  'unit.percent': '%',
  'unit.outOf5': 'out of 5',
  'unit.activitiesAndPeople': 'Units: events, people',
  'unit.activitiesOnly': 'Unit: events',

  'change.label': 'vs same period last year',
  'change.short': 'YoY',
  'change.note': 'YoY: compared with the same period last year',
  'change.noPrevious': 'no data last year',
  'change.up': 'up',
  'change.down': 'down',
  'change.flat': 'no change',
  'change.pp': 'pp',

  'chart.trend.title': 'Monthly trend',
  'chart.trend.activities': 'Activities',
  'chart.trend.participants': 'Participants',
  'chart.trend.aria': 'Monthly trend, {period}: {activities} activities and {participants} participants in total; the busiest month was {peak} ({peakValue} activities).',
  'chart.agencies.title': 'Top 15 agencies by activities',
  'chart.agencies.series': 'Activities',
  'chart.agencies.aria': 'Agencies ranked by number of activities: {items}.',
  'chart.districts.title': 'By area',
  'chart.districts.activities': 'Activities',
  'chart.districts.participants': 'Participants',
  'chart.districts.aria': 'Activities by area: {items}.',
  'chart.districts.highlight': 'All districts, {district} highlighted',
  'chart.saveAsImage': 'Save as PNG',
  'chart.listSeparator': '; ',
  'chart.itemActivities': '{name} {value}',
  'chart.itemDistrict': '{name} {activities} activities, {participants} participants',

  'state.loading': 'Loading…',
  'state.empty': 'No data for this period',
  'state.error': 'Could not load the data',
  'state.network': 'The data service cannot be reached. Please try again later.',
  'state.retry': 'Retry',
  'state.updating': 'Updating…',

  // Used only when the API sends no message of its own: English shows the API's message.
  'error.BAD_USER_INPUT': 'The data service did not accept these filters. Change them and try again.',
  'error.NOT_FOUND': 'The requested record does not exist; the link may be out of date.',
  'error.FORBIDDEN': 'Your account may not see these figures.',
  'error.UNAUTHENTICATED': 'Please sign in to see these figures.',
  'error.INTERNAL_SERVER_ERROR': 'The data service failed; the details are logged on the server. Try again later or tell the administrator.',
  'error.other': 'The data service could not answer this request.',
};

const dictionaries: Record<Lang, Record<MessageKey, string>> = { 'zh-CN': zh, en };

export type Params = Record<string, string | number>;

/** Looks up `key` and fills `{name}` placeholders from `params`. */
export function translate(lang: Lang, key: MessageKey, params?: Params): string {
  const template = dictionaries[lang][key];
  if (!params) return template;
  return template.replace(/\{(\w+)\}/g, (whole, name: string) =>
    name in params ? String(params[name]) : whole,
  );
}

export type Translate = (key: MessageKey, params?: Params) => string;

export function translator(lang: Lang): Translate {
  return (key, params) => translate(lang, key, params);
}
