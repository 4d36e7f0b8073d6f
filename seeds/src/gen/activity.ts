/**
 * Shared pieces for building one activity: which themes an agency can teach on a day, where
 * it happens, what form fits the venue, plausible raw counts and a title.
 */
import type { Audience, Form, KeyDate, RegionRow, VenueType } from '../model.js';
import type { Reference } from '../reference.js';
import type { Rng } from '../prng.js';
import { within, yearOf } from '../dates.js';
import { theme as themeByCode, type Theme } from './themes.js';
import { profile } from './profiles.js';
import { keyDateLabel } from './keydates.js';

/** In spring 2020 the epidemic moved all legal education online. */
export function offlineBanned(day: string): boolean {
  return day >= '2020-01-25' && day <= '2020-04-30';
}

export function themeValidOn(ref: Reference, t: Theme, day: string): boolean {
  if (!within(day, t.from ?? '1900-01-01', t.to ?? null)) return false;
  return t.laws.some((code) => ref.lawValidOn(ref.lawByCode(code).id, day));
}

/** Themes the agency can teach on the day: its domains' themes plus its profile's extras. */
export function themesOf(ref: Reference, agencyId: number, day: string): Theme[] {
  const codes = new Set<string>();
  for (const d of ref.powerDomains(agencyId, day)) codes.add(ref.domainById(d).code);
  for (const t of profile(ref.agencyById(agencyId).code).themes) codes.add(t);
  return [...codes].map(themeByCode).filter((t) => themeValidOn(ref, t, day));
}

/** Laws of the theme in force on the day, k of them at most (at least one if any). */
export function lawsFor(ref: Reference, rng: Rng, t: Theme, day: string, k: number): number[] {
  const valid = t.laws.map((c) => ref.lawByCode(c).id).filter((id) => ref.lawValidOn(id, day));
  // The first listed law is the theme's main one: keep it first more often than not.
  const [main, ...rest] = valid;
  if (main === undefined) return [];
  return rng.chance(0.7) ? [main, ...rng.sample(rest, k - 1)] : rng.sample(valid, k);
}

export const VENUE_FORMS: Record<VenueType, Form[]> = {
  VILLAGE: ['LECTURE', 'CONSULTATION', 'MATERIAL_HANDOUT', 'QUIZ', 'CASE_EXPLANATION'],
  COMMUNITY: ['LECTURE', 'CONSULTATION', 'MATERIAL_HANDOUT', 'QUIZ', 'CASE_EXPLANATION', 'EXHIBITION'],
  SCHOOL: ['LECTURE', 'QUIZ', 'CASE_EXPLANATION', 'EXHIBITION'],
  ENTERPRISE: ['LECTURE', 'CASE_EXPLANATION', 'SYMPOSIUM', 'MATERIAL_HANDOUT', 'QUIZ'],
  WORKPLACE: ['LECTURE', 'SYMPOSIUM', 'CASE_EXPLANATION', 'QUIZ'],
  PUBLIC_SPACE: ['CONSULTATION', 'MATERIAL_HANDOUT', 'EXHIBITION', 'QUIZ'],
  ONLINE: ['NEW_MEDIA_POST', 'LIVE_STREAM', 'QUIZ'],
};

/** Forms that make sense at the venue on the day (live streams only from 2019). */
export function formsFor(venue: VenueType, day: string): Form[] {
  return VENUE_FORMS[venue].filter((f) => f !== 'LIVE_STREAM' || day >= '2019-01-01');
}

export function fits(form: Form, venue: VenueType, day: string): boolean {
  if (form === 'PERFORMANCE') return venue !== 'ONLINE' && venue !== 'PUBLIC_SPACE';
  return formsFor(venue, day).includes(form);
}

/** Population shares of the districts, used to place city-level activities and respondents. */
export const DISTRICT_WEIGHT: Record<string, number> = { '150302': 0.5, '150304': 0.3, '150303': 0.2 };

export function pickDistrict(ref: Reference, rng: Rng, agencyId: number, allowed?: number[]): RegionRow {
  const home = ref.homeDistrict(agencyId);
  if (home && (!allowed || allowed.includes(home.id))) return home;
  const pool = ref.districts.filter((d) => !allowed || allowed.includes(d.id));
  return rng.weighted(pool, (d) => DISTRICT_WEIGHT[d.code] ?? 0.1);
}

/** Where in the district an activity at this venue takes place. */
export function pickRegion(ref: Reference, rng: Rng, district: RegionRow, venue: VenueType): RegionRow {
  switch (venue) {
    case 'VILLAGE': return rng.pick(ref.communitiesOf(district.id, true));
    case 'COMMUNITY': return rng.pick(ref.communitiesOf(district.id, false));
    case 'ONLINE': return district;
    default: return rng.pick(ref.streetsOf(district.id));
  }
}

const VENUE_AUDIENCE: Record<VenueType, Audience[]> = {
  VILLAGE: ['FARMERS_HERDERS'],
  COMMUNITY: ['COMMUNITY_RESIDENTS', 'ELDERLY'],
  SCHOOL: ['STUDENTS'],
  ENTERPRISE: ['ENTERPRISE_STAFF', 'BUSINESS_OWNERS', 'MIGRANT_WORKERS'],
  WORKPLACE: ['CIVIL_SERVANTS', 'ENTERPRISE_STAFF'],
  PUBLIC_SPACE: ['GENERAL_PUBLIC'],
  ONLINE: ['GENERAL_PUBLIC', 'YOUTH'],
};

/** One audience the venue implies plus up to two the theme names. */
export function audiencesFor(rng: Rng, pool: readonly Audience[], venue: VenueType): Audience[] {
  const out = new Set<Audience>([rng.pick(VENUE_AUDIENCE[venue])]);
  for (const a of rng.sample(pool, rng.int(0, 2))) out.add(a);
  return [...out];
}

export interface Counts { participants: number; materials: number; consultations: number; online_views: number }

const CAP: Counts = { participants: 3000, materials: 2000, consultations: 500, online_views: 200_000 };

/** [median, spread] of each count by form; the draws are log-normal. */
const COUNT_MODEL: Record<Form, [number, number, number, number, number, number, number, number]> = {
  //                 participants   materials   consultations  online views
  LECTURE:          [80, 0.5,       60, 0.6,    6, 0.7,        0, 0],
  PERFORMANCE:      [300, 0.5,      180, 0.5,   12, 0.6,       0, 0],
  CONSULTATION:     [200, 0.6,      350, 0.5,   35, 0.5,       0, 0],
  QUIZ:             [120, 0.6,      80, 0.6,    4, 0.8,        0, 0],
  MATERIAL_HANDOUT: [400, 0.6,      700, 0.45,  15, 0.6,       0, 0],
  CASE_EXPLANATION: [60, 0.5,       40, 0.6,    5, 0.7,        0, 0],
  EXHIBITION:       [500, 0.6,      200, 0.6,   8, 0.7,        0, 0],
  SYMPOSIUM:        [25, 0.3,       20, 0.5,    3, 0.7,        0, 0],
  LIVE_STREAM:      [0, 0,          0, 0,       20, 0.7,       6000, 0.8],
  NEW_MEDIA_POST:   [0, 0,          0, 0,       0, 0,          2500, 0.9],
};

function draw(rng: Rng, median: number, spread: number, cap: number, factor = 1): number {
  if (median === 0) return 0;
  return Math.min(cap, Math.max(1, Math.round(rng.logNormal(median * factor, spread))));
}

export function rawCounts(rng: Rng, form: Form, venue: VenueType): Counts {
  const [pm, ps, mm, ms, cm, cs, vm, vs] = COUNT_MODEL[form];
  if (venue === 'ONLINE' && form === 'QUIZ') {
    // An online quiz (公众号有奖问答): answerers count as participants, no paper handed out.
    return { participants: draw(rng, 400, 0.6, CAP.participants), materials: 0, consultations: 0, online_views: draw(rng, 3000, 0.8, CAP.online_views) };
  }
  const crowd = venue === 'VILLAGE' ? 0.6 : 1; // villages are small
  return {
    participants: draw(rng, pm, ps, CAP.participants, crowd),
    materials: draw(rng, mm, ms, CAP.materials, crowd),
    consultations: draw(rng, cm, cs, CAP.consultations),
    online_views: draw(rng, vm, vs, CAP.online_views),
  };
}

export const COUNT_CAPS = CAP;

const VENUE_PHRASE: Record<VenueType, string> = {
  VILLAGE: '“送法进乡村”', COMMUNITY: '“送法进社区”', SCHOOL: '“送法进学校”', ENTERPRISE: '“送法进企业”',
  WORKPLACE: '“送法进单位”', PUBLIC_SPACE: '', ONLINE: '线上',
};

const FORM_SUFFIX: Record<Form, string> = {
  LECTURE: '法治讲座', PERFORMANCE: '法治文艺演出', CONSULTATION: '法律咨询活动', QUIZ: '知识有奖问答',
  MATERIAL_HANDOUT: '集中宣传活动', CASE_EXPLANATION: '以案释法宣讲', LIVE_STREAM: '普法直播',
  NEW_MEDIA_POST: '普法专题推送', EXHIBITION: '法治宣传展', SYMPOSIUM: '普法座谈会',
};

/** The law's everyday short name: 中华人民共和国食品安全法 → 食品安全法. */
export function lawShort(name: string): string {
  return name.replace(/^中华人民共和国/, '');
}

export function activityTitle(
  ref: Reference, agencyId: number, t: Theme, form: Form, venue: VenueType, keyDate: KeyDate | null, day: string, laws: number[],
): string {
  const prefix = keyDate ? `${keyDateLabel(keyDate, yearOf(day))} ` : '';
  const who = ref.agencySpec(agencyId).short;
  const topic = form === 'QUIZ' && laws[0] !== undefined ? `《${lawShort(ref.lawById(laws[0]).name)}》` : t.phrase;
  return `${prefix}${who}${VENUE_PHRASE[venue]}${topic}${FORM_SUFFIX[form]}`;
}

