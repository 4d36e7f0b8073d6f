/**
 * Laws and regulations the agencies teach. `from` is the date of adoption (education on a
 * law can start once it is adopted) and `to` the last day before repeal; neither is a column
 * of the law table, they only keep the generator from teaching a law outside its lifetime.
 * The two Wuhai local regulations and the municipal rule are plausible illustrations.
 */
import type { LawKind } from '../model.js';

export interface LawSpec {
  code: string;
  name: string;
  en: string;
  kind: LawKind;
  from: string;
  to?: string;
  /** Domains the law is enforced in; general laws (the constitution, national security) have none. */
  domains: string[];
}

const L = (code: string, name: string, en: string, from: string, domains: string[], extra: Partial<LawSpec> = {}): LawSpec =>
  ({ code, name, en, kind: 'LAW', from, domains, ...extra });

export const LAW_SPECS: LawSpec[] = [
  L('CONSTITUTION', '中华人民共和国宪法', 'Constitution of the People\'s Republic of China', '1982-12-04', [], { kind: 'CONSTITUTION' }),
  L('CIVIL_CODE', '中华人民共和国民法典', 'Civil Code', '2020-05-28', ['MARRIAGE_FAMILY', 'MARKET_CONSUMER', 'PUBLIC_LEGAL_SERVICE']),
  L('MARRIAGE_LAW', '中华人民共和国婚姻法', 'Marriage Law', '1980-09-10', ['MARRIAGE_FAMILY'], { to: '2020-12-31' }),
  L('LABOUR_CONTRACT', '中华人民共和国劳动合同法', 'Labour Contract Law', '2007-06-29', ['LABOUR']),
  L('SOCIAL_INSURANCE', '中华人民共和国社会保险法', 'Social Insurance Law', '2010-10-28', ['LABOUR']),
  L('NATIONAL_SECURITY', '中华人民共和国国家安全法', 'National Security Law', '2015-07-01', []),
  L('FOOD_SAFETY_LAW', '中华人民共和国食品安全法', 'Food Safety Law', '2009-02-28', ['FOOD_SAFETY']),
  L('AGRI_PRODUCT_QUALITY', '中华人民共和国农产品质量安全法', 'Law on Quality and Safety of Agricultural Products', '2006-04-29', ['FOOD_SAFETY']),
  L('ROAD_TRAFFIC_LAW', '中华人民共和国道路交通安全法', 'Road Traffic Safety Law', '2003-10-28', ['ROAD_TRAFFIC']),
  L('WORK_SAFETY_LAW', '中华人民共和国安全生产法', 'Work Safety Law', '2002-06-29', ['WORK_SAFETY']),
  L('ENV_PROTECTION', '中华人民共和国环境保护法', 'Environmental Protection Law', '1989-12-26', ['ECOLOGY', 'SMOKE_NOISE']),
  L('AIR_POLLUTION', '中华人民共和国大气污染防治法', 'Law on the Prevention and Control of Atmospheric Pollution', '1987-09-05', ['ECOLOGY', 'SMOKE_NOISE']),
  L('ENV_NOISE_LAW', '中华人民共和国环境噪声污染防治法', 'Law on the Prevention and Control of Environmental Noise Pollution', '1996-10-29', ['SMOKE_NOISE'], { to: '2022-06-04' }),
  L('NOISE_LAW', '中华人民共和国噪声污染防治法', 'Law on the Prevention and Control of Noise Pollution', '2021-12-24', ['SMOKE_NOISE']),
  L('FIRE_LAW', '中华人民共和国消防法', 'Fire Protection Law', '1998-04-29', ['FIRE']),
  L('TAX_ADMIN', '中华人民共和国税收征收管理法', 'Law on the Administration of Tax Collection', '1992-09-04', ['TAXATION']),
  L('MINORS_LAW', '中华人民共和国未成年人保护法', 'Law on the Protection of Minors', '1991-09-04', ['MINORS']),
  L('FAMILY_EDUCATION', '中华人民共和国家庭教育促进法', 'Family Education Promotion Law', '2021-10-23', ['MINORS', 'MARRIAGE_FAMILY']),
  L('ANTI_DRUG_LAW', '中华人民共和国禁毒法', 'Narcotics Control Law', '2007-12-29', ['ANTI_DRUG']),
  L('CRIMINAL_LAW', '中华人民共和国刑法', 'Criminal Law', '1979-07-01', ['ANTI_DRUG']),
  L('CONSUMER_LAW', '中华人民共和国消费者权益保护法', 'Law on the Protection of Consumer Rights and Interests', '1993-10-31', ['MARKET_CONSUMER']),
  L('PERSONAL_INFO', '中华人民共和国个人信息保护法', 'Personal Information Protection Law', '2021-08-20', ['MARKET_CONSUMER']),
  L('LAND_LAW', '中华人民共和国土地管理法', 'Land Administration Law', '1986-06-25', ['NATURAL_RESOURCES']),
  L('GRASSLAND_LAW', '中华人民共和国草原法', 'Grassland Law', '1985-06-18', ['NATURAL_RESOURCES', 'ECOLOGY']),
  L('WATER_LAW', '中华人民共和国水法', 'Water Law', '1988-01-21', ['NATURAL_RESOURCES', 'ECOLOGY']),
  L('FOREST_LAW', '中华人民共和国森林法', 'Forest Law', '1984-09-20', ['NATURAL_RESOURCES', 'ECOLOGY']),
  L('TOURISM_LAW', '中华人民共和国旅游法', 'Tourism Law', '2013-04-25', ['CULTURE_TOURISM']),
  L('DRUG_ADMIN', '中华人民共和国药品管理法', 'Drug Administration Law', '1984-09-20', ['HEALTH']),
  L('BASIC_HEALTHCARE', '中华人民共和国基本医疗卫生与健康促进法', 'Law on Basic Medical and Health Care and the Promotion of Health', '2019-12-28', ['HEALTH']),
  L('ADMIN_PENALTY', '中华人民共和国行政处罚法', 'Administrative Penalty Law', '1996-03-17', ['FOOD_SAFETY', 'MARKET_CONSUMER', 'URBAN_MANAGEMENT', 'ROAD_TRAFFIC', 'ECOLOGY']),
  L('ADMIN_LICENSING', '中华人民共和国行政许可法', 'Administrative Licensing Law', '2003-08-27', ['MARKET_CONSUMER', 'CULTURE_TOURISM']),
  L('ANTI_DV', '中华人民共和国反家庭暴力法', 'Anti-Domestic Violence Law', '2015-12-27', ['MARRIAGE_FAMILY']),
  L('CYBERSECURITY', '中华人民共和国网络安全法', 'Cybersecurity Law', '2016-11-07', []),
  L('ANTI_FRAUD', '中华人民共和国反电信网络诈骗法', 'Anti-Telecom and Online Fraud Law', '2022-09-02', []),
  L('STATISTICS_LAW', '中华人民共和国统计法', 'Statistics Law', '1983-12-08', ['STATISTICS']),
  L('PEOPLE_MEDIATION', '中华人民共和国人民调解法', 'People\'s Mediation Law', '2010-08-28', ['PUBLIC_LEGAL_SERVICE']),
  L('LEGAL_AID', '中华人民共和国法律援助法', 'Legal Aid Law', '2021-08-20', ['PUBLIC_LEGAL_SERVICE']),
  L('MIGRANT_WAGE_REG', '保障农民工工资支付条例', 'Regulation on Guaranteeing Payment of Wages to Migrant Workers', '2019-12-30', ['LABOUR'], { kind: 'ADMINISTRATIVE_REGULATION' }),
  L('BUSINESS_ENV_REG', '优化营商环境条例', 'Regulation on Optimising the Business Environment', '2019-10-22', ['MARKET_CONSUMER'], { kind: 'ADMINISTRATIVE_REGULATION' }),
  L('MEDICAL_FUND_REG', '医疗保障基金使用监督管理条例', 'Regulation on the Supervision of the Use of Medical Security Funds', '2021-01-15', ['HEALTH'], { kind: 'ADMINISTRATIVE_REGULATION' }),
  L('IM_GRASSLAND_REG', '内蒙古自治区草原管理条例', 'Inner Mongolia Grassland Management Regulations', '2004-11-26', ['NATURAL_RESOURCES', 'ECOLOGY'], { kind: 'LOCAL_REGULATION' }),
  L('WH_CITY_APPEARANCE', '乌海市城市市容和环境卫生管理条例', 'Wuhai Regulations on City Appearance and Environmental Sanitation', '2016-08-26', ['URBAN_MANAGEMENT', 'SMOKE_NOISE'], { kind: 'LOCAL_REGULATION' }),
  L('WH_AIR_POLLUTION', '乌海市大气污染防治条例', 'Wuhai Regulations on the Prevention and Control of Atmospheric Pollution', '2018-06-28', ['ECOLOGY', 'SMOKE_NOISE'], { kind: 'LOCAL_REGULATION' }),
  L('WH_DOG_RULE', '乌海市养犬管理办法', 'Wuhai Measures for the Administration of Dog Keeping', '2017-03-01', ['URBAN_MANAGEMENT'], { kind: 'RULE' }),
];
