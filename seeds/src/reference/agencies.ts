/**
 * Member units of the city's legal-education coordination group (市守法普法协调小组).
 *
 * Validity: the hub's records start on 2016-01-01, so units that already existed then carry
 * that date. Units merged away in the 2018–2019 institutional reform end the day before their
 * successor begins (the two tax bureaus in July 2018, the food-and-drug, industry-and-commerce
 * and work-safety bureaus in February 2019). Units that were merely renamed in the reform
 * (e.g. 环境保护局 → 生态环境局, 卫计委 → 卫健委) are listed once under today's name.
 *
 * Order matters: the loader inserts rows as listed, so every parent and every successor comes
 * before the rows that point at it.
 */
import type { AgencyKind, AgencyLevel } from '../model.js';

export interface AgencySpec {
  code: string;
  name: string;
  en: string;
  kind: AgencyKind;
  level: AgencyLevel;
  /** Region code: the city for city-level units, the district for district units. */
  region: string;
  parent?: string;
  from: string;
  to?: string;
  successor?: string;
  /** Short name used in activity titles. */
  short: string;
  /** Title of the deputy head who signs the unit's responsibility list. */
  leaderTitle: string;
  /** The section that runs legal education inside the unit. */
  department: string;
}

const START = '2016-01-01';
const REFORM = '2019-02-01';
const TAX_MERGER = '2018-07-20';
const CITY = '150300';

const city = (
  code: string, name: string, en: string, kind: AgencyKind, short: string, leaderTitle: string, department: string,
  extra: Partial<AgencySpec> = {},
): AgencySpec => ({ code, name, en, kind, level: 'CITY', region: CITY, from: START, short, leaderTitle, department, ...extra });

const CITY_UNITS: AgencySpec[] = [
  city('CITY_PROPAGANDA', '市委宣传部', 'Publicity Department of the CPC Wuhai Municipal Committee', 'DEPARTMENT', '市委宣传部', '副部长', '宣传教育科'),
  city('CITY_POLITICS_LAW', '市委政法委员会', 'Political and Legal Affairs Commission of the CPC Wuhai Municipal Committee', 'DEPARTMENT', '市委政法委', '副书记', '综合指导科'),
  city('CITY_CYBERSPACE', '市委网络安全和信息化委员会办公室', 'Wuhai Cyberspace Affairs Office', 'DEPARTMENT', '市委网信办', '副主任', '网络传播科'),
  city('CITY_JUSTICE', '市司法局', 'Wuhai Justice Bureau', 'ENFORCEMENT', '市司法局', '副局长', '普法与依法治理科'),
  city('CITY_PSB', '市公安局', 'Wuhai Public Security Bureau', 'ENFORCEMENT', '市公安局', '副局长', '法制支队'),
  city('CITY_TRAFFIC_POLICE', '市公安局交通管理支队', 'Wuhai Traffic Police Detachment', 'ENFORCEMENT', '市交警支队', '副支队长', '宣传科', { parent: 'CITY_PSB' }),
  city('CITY_MARKET', '市市场监督管理局', 'Wuhai Market Regulation Administration', 'ENFORCEMENT', '市市场监管局', '副局长', '法规科', { from: REFORM }),
  city('CITY_FDA', '市食品药品监督管理局', 'Wuhai Food and Drug Administration', 'ENFORCEMENT', '市食药监局', '副局长', '政策法规科', { to: '2019-01-31', successor: 'CITY_MARKET' }),
  city('CITY_AIC', '市工商行政管理局', 'Wuhai Administration for Industry and Commerce', 'ENFORCEMENT', '市工商局', '副局长', '法制科', { to: '2019-01-31', successor: 'CITY_MARKET' }),
  city('CITY_HEALTH', '市卫生健康委员会', 'Wuhai Health Commission', 'ENFORCEMENT', '市卫健委', '副主任', '政策法规科'),
  city('CITY_AGRI', '市农牧局', 'Wuhai Agriculture and Animal Husbandry Bureau', 'ENFORCEMENT', '市农牧局', '副局长', '法规科'),
  city('CITY_ECOLOGY', '市生态环境局', 'Wuhai Ecology and Environment Bureau', 'ENFORCEMENT', '市生态环境局', '副局长', '政策法规科'),
  city('CITY_URBAN', '市城市管理综合执法局', 'Wuhai Urban Management Comprehensive Law Enforcement Bureau', 'ENFORCEMENT', '市城管执法局', '副局长', '法制科'),
  city('CITY_TRANSPORT', '市交通运输局', 'Wuhai Transport Bureau', 'ENFORCEMENT', '市交通运输局', '副局长', '法制科'),
  city('CITY_EMERGENCY', '市应急管理局', 'Wuhai Emergency Management Bureau', 'ENFORCEMENT', '市应急管理局', '副局长', '政策法规科', { from: REFORM }),
  city('CITY_SAFETY', '市安全生产监督管理局', 'Wuhai Work Safety Supervision Bureau', 'ENFORCEMENT', '市安监局', '副局长', '法规科', { to: '2019-01-31', successor: 'CITY_EMERGENCY' }),
  city('CITY_HRSS', '市人力资源和社会保障局', 'Wuhai Human Resources and Social Security Bureau', 'ENFORCEMENT', '市人社局', '副局长', '政策法规科'),
  city('CITY_NATURAL_RES', '市自然资源局', 'Wuhai Natural Resources Bureau', 'ENFORCEMENT', '市自然资源局', '副局长', '法规科'),
  city('CITY_CULTURE', '市文化旅游体育局', 'Wuhai Culture, Tourism and Sports Bureau', 'ENFORCEMENT', '市文旅体局', '副局长', '政策法规科'),
  city('CITY_TAX', '市税务局', 'Wuhai Taxation Bureau', 'ENFORCEMENT', '市税务局', '副局长', '法制科', { from: TAX_MERGER }),
  city('CITY_NATIONAL_TAX', '市国家税务局', 'Wuhai State Taxation Bureau', 'ENFORCEMENT', '市国税局', '副局长', '政策法规科', { to: '2018-07-19', successor: 'CITY_TAX' }),
  city('CITY_LOCAL_TAX', '市地方税务局', 'Wuhai Local Taxation Bureau', 'ENFORCEMENT', '市地税局', '副局长', '政策法规科', { to: '2018-07-19', successor: 'CITY_TAX' }),
  city('CITY_FIRE', '市消防救援支队', 'Wuhai Fire and Rescue Detachment', 'ENFORCEMENT', '市消防救援支队', '副支队长', '防火监督处'),
  city('CITY_EDUCATION', '市教育局', 'Wuhai Education Bureau', 'ENFORCEMENT', '市教育局', '副局长', '政策法规科'),
  city('CITY_CIVIL', '市民政局', 'Wuhai Civil Affairs Bureau', 'ENFORCEMENT', '市民政局', '副局长', '政策法规科'),
  city('CITY_HOUSING', '市住房和城乡建设局', 'Wuhai Housing and Urban-Rural Development Bureau', 'ENFORCEMENT', '市住建局', '副局长', '法规科'),
  city('CITY_WATER', '市水务局', 'Wuhai Water Affairs Bureau', 'ENFORCEMENT', '市水务局', '副局长', '办公室'),
  city('CITY_FORESTRY', '市林业和草原局', 'Wuhai Forestry and Grassland Bureau', 'ENFORCEMENT', '市林草局', '副局长', '办公室'),
  city('CITY_MEDICAL_SEC', '市医疗保障局', 'Wuhai Healthcare Security Bureau', 'ENFORCEMENT', '市医保局', '副局长', '基金监管科', { from: REFORM }),
  city('CITY_TOBACCO', '市烟草专卖局', 'Wuhai Tobacco Monopoly Bureau', 'ENFORCEMENT', '市烟草专卖局', '副局长', '专卖管理科'),
  city('CITY_STATISTICS', '市统计局', 'Wuhai Statistics Bureau', 'ENFORCEMENT', '市统计局', '副局长', '执法监督科'),
  city('CITY_COURT', '市中级人民法院', 'Wuhai Intermediate People\'s Court', 'JUDICIAL', '市中级法院', '副院长', '研究室'),
  city('CITY_PROCURATORATE', '市人民检察院', 'Wuhai People\'s Procuratorate', 'JUDICIAL', '市检察院', '副检察长', '法律政策研究室'),
  city('CITY_UNION', '市总工会', 'Wuhai Federation of Trade Unions', 'OTHER', '市总工会', '副主席', '法律工作部'),
  city('CITY_YOUTH', '共青团乌海市委员会', 'Wuhai Municipal Committee of the Communist Youth League', 'OTHER', '团市委', '副书记', '学校部'),
  city('CITY_WOMEN', '市妇女联合会', 'Wuhai Women\'s Federation', 'OTHER', '市妇联', '副主席', '权益部'),
  city('CITY_BROADCAST', '市广播电视台', 'Wuhai Radio and Television Station', 'MEDIA', '市广播电视台', '副台长', '新闻中心'),
  city('CITY_DAILY', '乌海日报社', 'Wuhai Daily', 'MEDIA', '乌海日报社', '副总编辑', '要闻部'),
];

interface DistrictNames { key: string; region: string; name: string; en: string }

export const DISTRICT_KEYS: DistrictNames[] = [
  { key: 'HBW', region: '150302', name: '海勃湾区', en: 'Haibowan District' },
  { key: 'WD', region: '150304', name: '乌达区', en: 'Wuda District' },
  { key: 'HN', region: '150303', name: '海南区', en: 'Hainan District' },
];

/** The same five units in each district; police and market-regulation branches sit under the city unit. */
function districtUnits(d: DistrictNames): AgencySpec[] {
  const base = { level: 'DISTRICT' as const, region: d.region, from: START };
  const bare = d.name.replace(/区$/, '');
  return [
    { ...base, code: `${d.key}_JUSTICE`, name: `${d.name}司法局`, en: `${d.en} Justice Bureau`, kind: 'ENFORCEMENT', short: `${d.name}司法局`, leaderTitle: '副局长', department: '普法股' },
    { ...base, code: `${d.key}_PSB`, name: `市公安局${d.name}分局`, en: `Wuhai Public Security Bureau ${d.en} Branch`, kind: 'ENFORCEMENT', short: `${bare}公安分局`, leaderTitle: '副局长', department: '法制大队', parent: 'CITY_PSB' },
    { ...base, code: `${d.key}_MARKET`, name: `市市场监督管理局${d.name}分局`, en: `Wuhai Market Regulation Administration ${d.en} Branch`, kind: 'ENFORCEMENT', short: `${d.name}市场监管分局`, leaderTitle: '副局长', department: '法规股', parent: 'CITY_MARKET', from: REFORM },
    { ...base, code: `${d.key}_ENFORCE`, name: `${d.name}综合行政执法局`, en: `${d.en} Comprehensive Administrative Law Enforcement Bureau`, kind: 'ENFORCEMENT', short: `${d.name}综合执法局`, leaderTitle: '副局长', department: '法制股' },
    { ...base, code: `${d.key}_COURT`, name: `${d.name}人民法院`, en: `${d.en} People's Court`, kind: 'JUDICIAL', short: `${d.name}法院`, leaderTitle: '副院长', department: '研究室' },
  ];
}

export const AGENCY_SPECS: AgencySpec[] = [...CITY_UNITS, ...DISTRICT_KEYS.flatMap(districtUnits)];
