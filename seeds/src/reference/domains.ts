/**
 * Enforcement domains and who holds power in them. Several domains are shared by two or
 * more agencies (the report's "执法权交叉的领域"); some of those have a lead agency, others
 * deliberately have none, because the report names unclear responsibility in overlapping
 * areas as the second main problem.
 */

export interface DomainSpec { code: string; name: string; en: string }

export const DOMAIN_SPECS: DomainSpec[] = [
  { code: 'FOOD_SAFETY', name: '食品安全', en: 'Food Safety' },
  { code: 'SMOKE_NOISE', name: '油烟噪声污染', en: 'Cooking Fumes and Noise Pollution' },
  { code: 'ROAD_TRAFFIC', name: '道路交通', en: 'Road Traffic' },
  { code: 'WORK_SAFETY', name: '安全生产', en: 'Work Safety' },
  { code: 'LABOUR', name: '劳动保障', en: 'Labour and Social Security' },
  { code: 'NATURAL_RESOURCES', name: '自然资源', en: 'Natural Resources' },
  { code: 'CULTURE_TOURISM', name: '文化旅游', en: 'Culture and Tourism' },
  { code: 'HEALTH', name: '医疗卫生', en: 'Medical and Health Care' },
  { code: 'TAXATION', name: '税收', en: 'Taxation' },
  { code: 'FIRE', name: '消防', en: 'Fire Safety' },
  { code: 'MARKET_CONSUMER', name: '市场监管与消费者权益', en: 'Market Regulation and Consumer Rights' },
  { code: 'ECOLOGY', name: '生态环境', en: 'Ecology and Environment' },
  { code: 'URBAN_MANAGEMENT', name: '城市管理', en: 'Urban Management' },
  { code: 'ANTI_DRUG', name: '禁毒', en: 'Drug Control' },
  { code: 'MINORS', name: '未成年人保护', en: 'Protection of Minors' },
  { code: 'MARRIAGE_FAMILY', name: '婚姻家庭', en: 'Marriage and Family' },
  { code: 'PUBLIC_LEGAL_SERVICE', name: '公共法律服务', en: 'Public Legal Services' },
  { code: 'STATISTICS', name: '统计', en: 'Statistics' },
];

/** [agency code, domain code, is lead]. The validity of each power is its agency's. */
export type PowerSpec = [string, string, boolean];

const DISTRICTS = ['HBW', 'WD', 'HN'];
const each = (suffix: string, domain: string): PowerSpec[] => DISTRICTS.map((d) => [`${d}_${suffix}`, domain, false]);

export const POWER_SPECS: PowerSpec[] = [
  // Food safety: market regulation leads; health and agriculture share the field.
  ['CITY_FDA', 'FOOD_SAFETY', true], ['CITY_AIC', 'FOOD_SAFETY', false], ['CITY_MARKET', 'FOOD_SAFETY', true],
  ['CITY_HEALTH', 'FOOD_SAFETY', false], ['CITY_AGRI', 'FOOD_SAFETY', false], ...each('MARKET', 'FOOD_SAFETY'),
  // Cooking fumes and noise: ecology, urban management and police (social-life noise) — no lead.
  ['CITY_ECOLOGY', 'SMOKE_NOISE', false], ['CITY_URBAN', 'SMOKE_NOISE', false], ['CITY_PSB', 'SMOKE_NOISE', false],
  ...each('ENFORCE', 'SMOKE_NOISE'),
  ['CITY_TRAFFIC_POLICE', 'ROAD_TRAFFIC', true], ['CITY_TRANSPORT', 'ROAD_TRAFFIC', false],
  ['CITY_SAFETY', 'WORK_SAFETY', true], ['CITY_EMERGENCY', 'WORK_SAFETY', true],
  ['CITY_HOUSING', 'WORK_SAFETY', false], ['CITY_TRANSPORT', 'WORK_SAFETY', false],
  ['CITY_HRSS', 'LABOUR', true], ['CITY_HOUSING', 'LABOUR', false],
  ['CITY_NATURAL_RES', 'NATURAL_RESOURCES', true], ['CITY_FORESTRY', 'NATURAL_RESOURCES', false], ['CITY_WATER', 'NATURAL_RESOURCES', false],
  ['CITY_CULTURE', 'CULTURE_TOURISM', false],
  ['CITY_HEALTH', 'HEALTH', true], ['CITY_MEDICAL_SEC', 'HEALTH', false], ['CITY_FDA', 'HEALTH', false], ['CITY_MARKET', 'HEALTH', false],
  // Before the July 2018 merger the state and local tax bureaus collected side by side, with no lead.
  ['CITY_NATIONAL_TAX', 'TAXATION', false], ['CITY_LOCAL_TAX', 'TAXATION', false], ['CITY_TAX', 'TAXATION', false],
  ['CITY_FIRE', 'FIRE', true], ['CITY_EMERGENCY', 'FIRE', false], ...each('PSB', 'FIRE'),
  ['CITY_AIC', 'MARKET_CONSUMER', true], ['CITY_MARKET', 'MARKET_CONSUMER', true], ['CITY_TOBACCO', 'MARKET_CONSUMER', false],
  ...each('MARKET', 'MARKET_CONSUMER'),
  ['CITY_ECOLOGY', 'ECOLOGY', true], ['CITY_NATURAL_RES', 'ECOLOGY', false], ['CITY_FORESTRY', 'ECOLOGY', false],
  ['CITY_WATER', 'ECOLOGY', false], ['CITY_AGRI', 'ECOLOGY', false],
  // Urban management: city bureau, district enforcement bureaus and housing — no lead.
  ['CITY_URBAN', 'URBAN_MANAGEMENT', false], ['CITY_HOUSING', 'URBAN_MANAGEMENT', false], ...each('ENFORCE', 'URBAN_MANAGEMENT'),
  ['CITY_PSB', 'ANTI_DRUG', true], ['CITY_HEALTH', 'ANTI_DRUG', false], ...each('PSB', 'ANTI_DRUG'),
  // Protection of minors: five agencies, no lead.
  ['CITY_EDUCATION', 'MINORS', false], ['CITY_CIVIL', 'MINORS', false], ['CITY_PSB', 'MINORS', false],
  ['CITY_CULTURE', 'MINORS', false], ['CITY_TOBACCO', 'MINORS', false],
  // Marriage and family: registration (civil affairs) and domestic-violence warnings (police) — no lead.
  ['CITY_CIVIL', 'MARRIAGE_FAMILY', false], ['CITY_PSB', 'MARRIAGE_FAMILY', false],
  ['CITY_JUSTICE', 'PUBLIC_LEGAL_SERVICE', true], ...each('JUSTICE', 'PUBLIC_LEGAL_SERVICE'),
  ['CITY_STATISTICS', 'STATISTICS', false],
];
