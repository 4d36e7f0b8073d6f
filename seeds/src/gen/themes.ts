/**
 * What an agency teaches: one theme per enforcement domain plus a few cross-cutting ones
 * (the constitution, the civil code, national security …). A theme says which laws, which
 * audiences and venues fit, which key dates it is taught on and how its responsibility-list
 * items are usually titled. Agencies teach the themes of the domains they hold power in,
 * plus the extra themes of their profile.
 */
import type { Audience, KeyDate, VenueType } from '../model.js';

export interface Theme {
  code: string;
  /** Used inside titles: "…食品安全法律咨询活动". */
  phrase: string;
  domain: string | null;
  laws: string[];
  audiences: Audience[];
  venues: VenueType[];
  keyDates: KeyDate[];
  /** Typical responsibility-item titles (task-book entries). */
  items: string[];
  /** Lifetime of a campaign theme (e.g. 扫黑除恶 2018–2020). */
  from?: string;
  to?: string;
}

const T = (t: Theme): Theme => t;

export const THEMES: Theme[] = [
  T({ code: 'FOOD_SAFETY', phrase: '食品安全', domain: 'FOOD_SAFETY', laws: ['FOOD_SAFETY_LAW', 'AGRI_PRODUCT_QUALITY', 'ADMIN_PENALTY'],
    audiences: ['BUSINESS_OWNERS', 'GENERAL_PUBLIC', 'STUDENTS', 'ELDERLY', 'FARMERS_HERDERS'], venues: ['SCHOOL', 'ENTERPRISE', 'PUBLIC_SPACE', 'COMMUNITY', 'VILLAGE', 'ONLINE'],
    keyDates: ['FOOD_SAFETY_WEEK', 'CONSUMER_RIGHTS_DAY'],
    items: ['《食品安全法》进校园、进餐饮单位', '“食品安全宣传周”集中普法', '农村集体聚餐食品安全普法', '网络订餐食品安全以案释法'] }),
  T({ code: 'SMOKE_NOISE', phrase: '油烟噪声污染防治', domain: 'SMOKE_NOISE', laws: ['ENV_NOISE_LAW', 'NOISE_LAW', 'AIR_POLLUTION', 'WH_CITY_APPEARANCE', 'WH_AIR_POLLUTION'],
    audiences: ['BUSINESS_OWNERS', 'COMMUNITY_RESIDENTS', 'GENERAL_PUBLIC'], venues: ['COMMUNITY', 'ENTERPRISE', 'PUBLIC_SPACE'], keyDates: ['ENVIRONMENT_DAY'],
    items: ['餐饮油烟治理法规进商户', '社会生活噪声防治进社区', '噪声污染防治法律法规宣传'] }),
  T({ code: 'ROAD_TRAFFIC', phrase: '道路交通安全', domain: 'ROAD_TRAFFIC', laws: ['ROAD_TRAFFIC_LAW', 'ADMIN_PENALTY'],
    audiences: ['DRIVERS', 'STUDENTS', 'ELDERLY', 'GENERAL_PUBLIC', 'ENTERPRISE_STAFF'], venues: ['SCHOOL', 'ENTERPRISE', 'PUBLIC_SPACE', 'COMMUNITY', 'VILLAGE', 'ONLINE'], keyDates: [],
    items: ['“一盔一带”安全守护宣传', '交通安全进校园', '重点运输企业驾驶人警示教育', '农村道路交通安全劝导'] }),
  T({ code: 'WORK_SAFETY', phrase: '安全生产', domain: 'WORK_SAFETY', laws: ['WORK_SAFETY_LAW'],
    audiences: ['ENTERPRISE_STAFF', 'BUSINESS_OWNERS', 'MIGRANT_WORKERS'], venues: ['ENTERPRISE', 'WORKPLACE', 'PUBLIC_SPACE', 'ONLINE'], keyDates: ['WORK_SAFETY_MONTH'],
    items: ['“安全生产月”集中宣传咨询', '《安全生产法》进企业', '化工、煤矿企业负责人安全生产法治培训'] }),
  T({ code: 'LABOUR', phrase: '劳动保障', domain: 'LABOUR', laws: ['LABOUR_CONTRACT', 'SOCIAL_INSURANCE', 'MIGRANT_WAGE_REG'],
    audiences: ['MIGRANT_WORKERS', 'ENTERPRISE_STAFF', 'BUSINESS_OWNERS', 'YOUTH'], venues: ['ENTERPRISE', 'WORKPLACE', 'PUBLIC_SPACE', 'COMMUNITY'], keyDates: [],
    items: ['《保障农民工工资支付条例》进工地', '《劳动合同法》进企业', '高校毕业生就业权益普法'] }),
  T({ code: 'NATURAL_RESOURCES', phrase: '自然资源保护', domain: 'NATURAL_RESOURCES', laws: ['LAND_LAW', 'GRASSLAND_LAW', 'WATER_LAW', 'FOREST_LAW', 'IM_GRASSLAND_REG'],
    audiences: ['FARMERS_HERDERS', 'ENTERPRISE_STAFF', 'GENERAL_PUBLIC'], venues: ['VILLAGE', 'ENTERPRISE', 'PUBLIC_SPACE'], keyDates: [],
    items: ['“4·22世界地球日”土地法治宣传', '草原保护法规进村入户', '节约用水和《水法》宣传', '森林草原防火法治宣传'] }),
  T({ code: 'CULTURE_TOURISM', phrase: '文化旅游市场', domain: 'CULTURE_TOURISM', laws: ['TOURISM_LAW', 'ADMIN_LICENSING'],
    audiences: ['BUSINESS_OWNERS', 'GENERAL_PUBLIC', 'ENTERPRISE_STAFF'], venues: ['ENTERPRISE', 'PUBLIC_SPACE', 'ONLINE'], keyDates: [],
    items: ['旅游市场秩序法治宣传', '文化市场经营单位法规培训'] }),
  T({ code: 'HEALTH', phrase: '医疗卫生', domain: 'HEALTH', laws: ['DRUG_ADMIN', 'BASIC_HEALTHCARE', 'MEDICAL_FUND_REG'],
    audiences: ['PATIENTS', 'ELDERLY', 'GENERAL_PUBLIC'], venues: ['COMMUNITY', 'VILLAGE', 'PUBLIC_SPACE', 'WORKPLACE'], keyDates: [],
    items: ['《基本医疗卫生与健康促进法》宣传', '打击欺诈骗保集中宣传月', '医疗机构依法执业培训'] }),
  T({ code: 'TAXATION', phrase: '税收法律', domain: 'TAXATION', laws: ['TAX_ADMIN'],
    audiences: ['BUSINESS_OWNERS', 'ENTERPRISE_STAFF'], venues: ['ENTERPRISE', 'PUBLIC_SPACE', 'ONLINE'], keyDates: ['TAX_MONTH'],
    items: ['“全国税收宣传月”活动', '减税降费政策法规进企业', '纳税人权益保护宣传'] }),
  T({ code: 'FIRE', phrase: '消防安全', domain: 'FIRE', laws: ['FIRE_LAW'],
    audiences: ['COMMUNITY_RESIDENTS', 'STUDENTS', 'ENTERPRISE_STAFF', 'ELDERLY'], venues: ['COMMUNITY', 'SCHOOL', 'ENTERPRISE', 'PUBLIC_SPACE'], keyDates: ['FIRE_SAFETY_DAY'],
    items: ['“119消防宣传月”活动', '消防安全进社区、进校园', '人员密集场所消防法治培训'] }),
  T({ code: 'MARKET_CONSUMER', phrase: '消费者权益保护', domain: 'MARKET_CONSUMER', laws: ['CONSUMER_LAW', 'ADMIN_LICENSING', 'BUSINESS_ENV_REG', 'PERSONAL_INFO'],
    audiences: ['GENERAL_PUBLIC', 'BUSINESS_OWNERS', 'ELDERLY'], venues: ['PUBLIC_SPACE', 'ENTERPRISE', 'COMMUNITY', 'ONLINE'], keyDates: ['CONSUMER_RIGHTS_DAY'],
    items: ['“3·15国际消费者权益日”集中宣传', '防范保健品虚假宣传进社区', '《优化营商环境条例》进企业'] }),
  T({ code: 'ECOLOGY', phrase: '生态环境保护', domain: 'ECOLOGY', laws: ['ENV_PROTECTION', 'AIR_POLLUTION', 'WH_AIR_POLLUTION', 'GRASSLAND_LAW'],
    audiences: ['ENTERPRISE_STAFF', 'BUSINESS_OWNERS', 'GENERAL_PUBLIC', 'STUDENTS'], venues: ['ENTERPRISE', 'SCHOOL', 'PUBLIC_SPACE', 'ONLINE'], keyDates: ['ENVIRONMENT_DAY'],
    items: ['“6·5环境日”集中宣传', '《乌海市大气污染防治条例》进企业', '黄河流域生态保护法治宣传'] }),
  T({ code: 'URBAN_MANAGEMENT', phrase: '城市管理', domain: 'URBAN_MANAGEMENT', laws: ['WH_CITY_APPEARANCE', 'WH_DOG_RULE', 'ADMIN_PENALTY'],
    audiences: ['COMMUNITY_RESIDENTS', 'BUSINESS_OWNERS', 'GENERAL_PUBLIC'], venues: ['COMMUNITY', 'PUBLIC_SPACE'], keyDates: [],
    items: ['《乌海市城市市容和环境卫生管理条例》宣传', '文明养犬法规进社区', '占道经营整治以案释法'] }),
  T({ code: 'ANTI_DRUG', phrase: '禁毒', domain: 'ANTI_DRUG', laws: ['ANTI_DRUG_LAW', 'CRIMINAL_LAW'],
    audiences: ['STUDENTS', 'YOUTH', 'GENERAL_PUBLIC', 'ENTERPRISE_STAFF'], venues: ['SCHOOL', 'COMMUNITY', 'PUBLIC_SPACE', 'ENTERPRISE'], keyDates: ['ANTI_DRUG_DAY'],
    items: ['“6·26国际禁毒日”集中宣传', '禁毒知识进校园', '新型毒品识别与防范宣传'] }),
  T({ code: 'MINORS', phrase: '未成年人保护', domain: 'MINORS', laws: ['MINORS_LAW', 'FAMILY_EDUCATION'],
    audiences: ['STUDENTS', 'YOUTH', 'WOMEN'], venues: ['SCHOOL', 'COMMUNITY'], keyDates: [],
    items: ['“法治进校园”巡讲', '《未成年人保护法》进家庭', '校园周边环境整治普法'] }),
  T({ code: 'MARRIAGE_FAMILY', phrase: '婚姻家庭', domain: 'MARRIAGE_FAMILY', laws: ['MARRIAGE_LAW', 'CIVIL_CODE', 'ANTI_DV', 'FAMILY_EDUCATION'],
    audiences: ['WOMEN', 'COMMUNITY_RESIDENTS', 'FARMERS_HERDERS', 'GENERAL_PUBLIC'], venues: ['COMMUNITY', 'VILLAGE', 'PUBLIC_SPACE'], keyDates: [],
    items: ['婚姻登记窗口婚姻家庭法律宣传', '《反家庭暴力法》进社区', '移风易俗抵制高价彩礼普法'] }),
  T({ code: 'PUBLIC_LEGAL_SERVICE', phrase: '公共法律服务', domain: 'PUBLIC_LEGAL_SERVICE', laws: ['PEOPLE_MEDIATION', 'LEGAL_AID', 'CIVIL_CODE'],
    audiences: ['GENERAL_PUBLIC', 'FARMERS_HERDERS', 'ELDERLY', 'MIGRANT_WORKERS'], venues: ['COMMUNITY', 'VILLAGE', 'PUBLIC_SPACE', 'ONLINE'], keyDates: [],
    items: ['“法律明白人”培养工程', '人民调解和法律援助进村入户', '公共法律服务进园区'] }),
  T({ code: 'STATISTICS', phrase: '统计法治', domain: 'STATISTICS', laws: ['STATISTICS_LAW'],
    audiences: ['ENTERPRISE_STAFF', 'CIVIL_SERVANTS'], venues: ['ENTERPRISE', 'WORKPLACE'], keyDates: [],
    items: ['《统计法》进企业', '统计造假专项治理普法'] }),
  // Cross-cutting themes, taught by many units.
  T({ code: 'CONSTITUTION', phrase: '宪法', domain: null, laws: ['CONSTITUTION'],
    audiences: ['GENERAL_PUBLIC', 'STUDENTS', 'CIVIL_SERVANTS', 'LEADING_CADRES'], venues: ['SCHOOL', 'COMMUNITY', 'WORKPLACE', 'PUBLIC_SPACE', 'VILLAGE', 'ONLINE'], keyDates: ['CONSTITUTION_WEEK'],
    items: ['“12·4国家宪法日”暨宪法宣传周活动', '宪法进机关、进校园'] }),
  T({ code: 'CIVIL_CODE', phrase: '民法典', domain: null, laws: ['CIVIL_CODE'], from: '2020-05-28',
    audiences: ['GENERAL_PUBLIC', 'COMMUNITY_RESIDENTS', 'ELDERLY', 'WOMEN', 'CIVIL_SERVANTS'], venues: ['COMMUNITY', 'VILLAGE', 'PUBLIC_SPACE', 'WORKPLACE', 'ONLINE'], keyDates: ['CIVIL_CODE_MONTH'],
    items: ['“美好生活·民法典相伴”主题宣传', '民法典进社区、进家庭'] }),
  T({ code: 'NATIONAL_SECURITY', phrase: '国家安全', domain: null, laws: ['NATIONAL_SECURITY', 'CYBERSECURITY'],
    audiences: ['GENERAL_PUBLIC', 'STUDENTS', 'CIVIL_SERVANTS', 'ENTERPRISE_STAFF'], venues: ['SCHOOL', 'PUBLIC_SPACE', 'WORKPLACE', 'ONLINE'], keyDates: ['NATIONAL_SECURITY_DAY'],
    items: ['“4·15全民国家安全教育日”宣传'] }),
  T({ code: 'ANTI_GANG', phrase: '扫黑除恶专项斗争', domain: null, laws: ['CRIMINAL_LAW'], from: '2018-01-01', to: '2020-12-31',
    audiences: ['GENERAL_PUBLIC', 'FARMERS_HERDERS', 'COMMUNITY_RESIDENTS'], venues: ['COMMUNITY', 'VILLAGE', 'PUBLIC_SPACE'], keyDates: [],
    items: ['扫黑除恶专项斗争法治宣传'] }),
  T({ code: 'ANTI_FRAUD', phrase: '防范电信网络诈骗', domain: null, laws: ['ANTI_FRAUD', 'CRIMINAL_LAW'], from: '2019-01-01',
    audiences: ['ELDERLY', 'STUDENTS', 'GENERAL_PUBLIC'], venues: ['COMMUNITY', 'SCHOOL', 'PUBLIC_SPACE', 'ONLINE'], keyDates: [],
    items: ['反电信网络诈骗宣传“进万家”'] }),
  T({ code: 'CYBER', phrase: '网络安全', domain: null, laws: ['CYBERSECURITY', 'PERSONAL_INFO'],
    audiences: ['GENERAL_PUBLIC', 'STUDENTS', 'YOUTH'], venues: ['SCHOOL', 'ONLINE', 'PUBLIC_SPACE'], keyDates: [],
    items: ['网络安全宣传周'] }),
  T({ code: 'COURT_OPEN_DAY', phrase: '法院开放日庭审观摩', domain: null, laws: ['CIVIL_CODE', 'MARRIAGE_LAW', 'CRIMINAL_LAW'],
    audiences: ['STUDENTS', 'GENERAL_PUBLIC', 'CIVIL_SERVANTS'], venues: ['WORKPLACE', 'SCHOOL', 'ONLINE'], keyDates: [],
    items: ['法院开放日'] }),
];

const BY_CODE = new Map(THEMES.map((t) => [t.code, t]));

export function theme(code: string): Theme {
  const t = BY_CODE.get(code);
  if (!t) throw new Error(`unknown theme ${code}`);
  return t;
}

/** The theme of an enforcement domain (every domain has one, under the same code). */
export function domainTheme(domainCode: string): Theme {
  return theme(domainCode);
}
