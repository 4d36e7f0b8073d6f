/**
 * 法治乌兰牧骑 performances: the city troupe and one troupe per district take short legal
 * sketches (法治小品), clapper talks (快板), three-and-a-half-line comic verse (三句半) and
 * Mongolian 好来宝 to villages, communities, schools, enterprises and workplaces.
 */
import type { RegionRow, VenueType } from '../model.js';
import type { Reference } from '../reference.js';
import type { Rng } from '../prng.js';
import { within } from '../dates.js';
import type { ActivityDraft } from './drafts.js';
import { audiencesFor, pickRegion, rawCounts } from './activity.js';

interface Piece { kind: string; title: string; law: string; from?: string; to?: string }

const PIECES: Piece[] = [
  { kind: '法治小品', title: '彩礼风波', law: 'MARRIAGE_LAW', to: '2020-12-31' },
  { kind: '法治小品', title: '一纸合同', law: 'LABOUR_CONTRACT' },
  { kind: '法治小品', title: '讨薪记', law: 'LABOUR_CONTRACT' },
  { kind: '法治小品', title: '家和万事兴', law: 'ANTI_DV' },
  { kind: '法治小品', title: '醉驾之后', law: 'ROAD_TRAFFIC_LAW' },
  { kind: '法治小品', title: '养老钱保卫战', law: 'CRIMINAL_LAW' },
  { kind: '法治小品', title: '离婚冷静期', law: 'CIVIL_CODE', from: '2021-01-01' },
  { kind: '快板', title: '宪法伴我行', law: 'CONSTITUTION' },
  { kind: '快板', title: '国家安全人人有责', law: 'NATIONAL_SECURITY' },
  { kind: '快板', title: '禁毒之歌', law: 'ANTI_DRUG_LAW' },
  { kind: '快板', title: '扫黑除恶保平安', law: 'CRIMINAL_LAW', from: '2018-01-01', to: '2020-12-31' },
  { kind: '三句半', title: '普法新风吹进村', law: 'CONSTITUTION' },
  { kind: '三句半', title: '婚姻法里说家事', law: 'MARRIAGE_LAW', to: '2020-12-31' },
  { kind: '三句半', title: '民法典进万家', law: 'CIVIL_CODE', from: '2020-05-28' },
  { kind: '三句半', title: '劳动合同要签好', law: 'LABOUR_CONTRACT' },
  { kind: '好来宝', title: '法治乌海好', law: 'CONSTITUTION' },
];

/** Troupe name by the justice bureau that runs it. */
export const TROUPES: Record<string, string> = {
  CITY_JUSTICE: '法治乌兰牧骑',
  HBW_JUSTICE: '海勃湾区法治乌兰牧骑',
  WD_JUSTICE: '乌达区法治乌兰牧骑',
  HN_JUSTICE: '海南区法治乌兰牧骑',
};

export const PERFORMANCE_VENUES: VenueType[] = ['VILLAGE', 'COMMUNITY', 'SCHOOL', 'ENTERPRISE', 'WORKPLACE'];

const VENUE_WORD: Partial<Record<VenueType, string>> = {
  VILLAGE: '乡村', COMMUNITY: '社区', SCHOOL: '学校', ENTERPRISE: '企业', WORKPLACE: '单位',
};

export interface PerformanceSpec {
  organiser: number;
  troupe: string;
  day: string;
  district: RegionRow;
  venue: VenueType;
  co: number[];
  /** Laws the programme must include, if a piece on them is in the repertoire. */
  mustInclude?: string[];
}

/** A 2–3 piece programme, at least one sketch; returns the draft (items added by the caller). */
export function performance(ref: Reference, rng: Rng, s: PerformanceSpec): ActivityDraft {
  const repertoire = PIECES.filter((p) => within(s.day, p.from ?? '1900-01-01', p.to ?? null));
  const sketch = rng.pick(repertoire.filter((p) => p.kind === '法治小品'));
  const wanted = repertoire.filter((p) => s.mustInclude?.includes(p.law) && p !== sketch);
  const others = rng.sample(repertoire.filter((p) => p !== sketch && !wanted.includes(p)), rng.int(1, 2));
  const programme = [sketch, ...wanted.slice(0, 1), ...others].slice(0, 3);
  const laws = [...new Set(programme.map((p) => ref.lawByCode(p.law).id))];
  const region = pickRegion(ref, rng, s.district, s.venue);
  const counts = rawCounts(rng, 'PERFORMANCE', s.venue);
  return {
    title: `${s.troupe}“送法进${VENUE_WORD[s.venue]}”专场演出：${programme.map((p) => `${p.kind}《${p.title}》`).join('、')}`,
    date: s.day, region_id: region.id, organiser_id: s.organiser, form: 'PERFORMANCE', venue_type: s.venue,
    audiences: audiencesFor(rng, ['GENERAL_PUBLIC', 'COMMUNITY_RESIDENTS', 'ELDERLY', 'WOMEN'], s.venue),
    domain_id: null, troupe: s.troupe, ...counts, key_date: null, co: s.co, laws, items: [], theme: 'TROUPE',
  };
}
