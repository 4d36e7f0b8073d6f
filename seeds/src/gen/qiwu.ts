/**
 * 2016–2020 (七五普法): exactly the report's 468 activities, with more than 50,000 materials
 * and more than 6,000 consultations (both kept below the next thousand, so that "50000余份"
 * and "6000余人次" stay true), spread over all five years, all districts and most units.
 */
import type { KeyDate, VenueType } from '../model.js';
import type { Reference } from '../reference.js';
import type { Rng } from '../prng.js';
import { addDays, daysBetween, maxDate, minDate, ymd } from '../dates.js';
import type { ActivityDraft } from './drafts.js';
import { activityTitle, COUNT_CAPS, offlineBanned, pickDistrict, rawCounts, themesOf, themeValidOn } from './activity.js';
import { buildThemed } from './build.js';
import { keyDateDay } from './keydates.js';
import { profile } from './profiles.js';
import { rescaleToRange } from './rescale.js';
import { theme } from './themes.js';
import { performance, PERFORMANCE_VENUES, TROUPES } from './troupe.js';

/** The report's figures for the period. */
export const QIWU = {
  from: '2016-01-01',
  to: '2020-12-31',
  activities: 468,
  materials: [50_001, 50_999] as const,
  consultations: [6_001, 6_999] as const,
};

/** Activities per year: growth to 2019, a dip in the epidemic year. Sums to 468. */
const YEAR_TOTALS: Record<number, number> = { 2016: 72, 2017: 88, 2018: 96, 2019: 110, 2020: 102 };
/** 法治乌兰牧骑 performances per year (each may come with a quiz on the spot). */
const PERFORMANCES: Record<number, number> = { 2016: 8, 2017: 11, 2018: 12, 2019: 14, 2020: 8 };
const YEARS = Object.keys(YEAR_TOTALS).map(Number);

/** The four laws of the report's on-the-spot quizzes, with the units that ran them. */
const QUIZ_HOSTS: Record<string, string[]> = {
  CONSTITUTION: ['CITY_PROPAGANDA', 'CITY_JUSTICE', '#_JUSTICE'],
  MARRIAGE_LAW: ['CITY_CIVIL', 'CITY_WOMEN', '#_COURT'],
  LABOUR_CONTRACT: ['CITY_HRSS', 'CITY_UNION'],
  NATIONAL_SECURITY: ['CITY_PSB', 'CITY_POLITICS_LAW', '#_PSB'],
};
const QUIZ_THEME: Record<string, string> = {
  CONSTITUTION: 'CONSTITUTION', MARRIAGE_LAW: 'MARRIAGE_FAMILY', LABOUR_CONTRACT: 'LABOUR', NATIONAL_SECURITY: 'NATIONAL_SECURITY',
};
/** Units that invite a troupe to perform at their own event. */
const PERFORMANCE_HOSTS = ['CITY_HRSS', 'CITY_CIVIL', 'CITY_WOMEN', 'CITY_UNION', 'CITY_EDUCATION', 'CITY_PSB', 'CITY_MARKET', 'CITY_AIC'];
const DISTRICT_KEY: Record<string, string> = { '150302': 'HBW', '150304': 'WD', '150303': 'HN' };
/** Troupes play mostly in villages and communities. */
const STAGE_WEIGHT: Partial<Record<VenueType, number>> = { VILLAGE: 3, COMMUNITY: 3, SCHOOL: 2, ENTERPRISE: 1.5, WORKPLACE: 1 };

function randomDay(rng: Rng, from: string, to: string): string {
  return addDays(from, rng.int(0, daysBetween(from, to)));
}

/** The part of `year` in which the agency existed, or null. */
function validWindow(ref: Reference, agencyId: number, year: number): [string, string] | null {
  const a = ref.agencyById(agencyId);
  const from = maxDate(ymd(year, 1, 1), a.valid_from);
  const to = minDate(ymd(year, 12, 31), a.valid_to ?? '9999-12-31');
  return from <= to ? [from, to] : null;
}

function validFraction(ref: Reference, agencyId: number, year: number): number {
  const w = validWindow(ref, agencyId, year);
  return w ? (daysBetween(w[0], w[1]) + 1) / 366 : 0;
}

/** The troupes' performances of one year, each district's troupe at least once, with quizzes. */
function troupeYear(ref: Reference, rng: Rng, year: number): ActivityDraft[] {
  const out: ActivityDraft[] = [];
  const bureaus = ['HBW_JUSTICE', 'WD_JUSTICE', 'HN_JUSTICE'];
  const extra = Array.from({ length: PERFORMANCES[year]! - 3 }, () =>
    rng.weighted(['CITY_JUSTICE', ...bureaus], (c) => (c === 'CITY_JUSTICE' ? 2 : 1)));
  for (const bureauCode of [...bureaus, ...extra]) {
    const bureau = ref.agencyByCode(bureauCode).id;
    let day = randomDay(rng, ymd(year, 1, 1), ymd(year, 12, 31));
    while (offlineBanned(day)) day = randomDay(rng, ymd(year, 1, 1), ymd(year, 12, 31));
    const venue = rng.weighted(PERFORMANCE_VENUES, (v) => STAGE_WEIGHT[v] ?? 1);
    const district = pickDistrict(ref, rng, bureau);
    // Sometimes a department invites the troupe to its own event; the bureau co-organises.
    let organiser = bureau;
    if (rng.chance(0.25)) {
      const hosts = PERFORMANCE_HOSTS.map((c) => ref.agencyByCode(c).id).filter((id) => ref.agencyValidOn(id, day));
      organiser = rng.pick(hosts);
    }
    const co = organiser === bureau ? [] : [bureau];
    // The on-the-spot prize quiz, run by the unit that enforces the quizzed law.
    let quiz: ActivityDraft | null = null;
    const quizLaw = rng.chance(0.55) ? rng.pick(Object.keys(QUIZ_HOSTS)) : null;
    if (quizLaw) {
      const hosts = QUIZ_HOSTS[quizLaw]!
        .map((c) => ref.agencyByCode(c.replace('#', DISTRICT_KEY[district.code]!)).id)
        .filter((id) => id !== organiser && ref.agencyValidOn(id, day));
      const host = rng.pick(hosts);
      if (!co.includes(host)) co.push(host);
      const lawId = ref.lawByCode(quizLaw).id;
      const t = theme(QUIZ_THEME[quizLaw]!);
      quiz = {
        title: `${activityTitle(ref, host, t, 'QUIZ', venue, null, day, [lawId])}（${TROUPES[bureauCode]}演出现场）`,
        date: day, region_id: 0, organiser_id: host, form: 'QUIZ', venue_type: venue, audiences: [],
        domain_id: t.domain === null ? null : ref.domainByCode(t.domain).id, troupe: null,
        ...rawCounts(rng, 'QUIZ', venue), key_date: null, co: [organiser], laws: [lawId], items: [], theme: t.code,
      };
    }
    const show = performance(ref, rng, {
      organiser, troupe: TROUPES[bureauCode]!, day, district, venue, co, mustInclude: quizLaw ? [quizLaw] : [],
    });
    out.push(show);
    if (quiz) out.push({ ...quiz, region_id: show.region_id, audiences: show.audiences });
  }
  return out;
}

/**
 * Who organises the remaining activities: first one activity for every unit that does any
 * legal education (so that nearly all units appear), then the rest by each unit's weight.
 */
function assignOrganisers(ref: Reference, rng: Rng, remaining: Record<number, number>, organised: Set<number>): [number, number][] {
  const active = ref.agency.filter((a) => a.kind !== 'MEDIA' && profile(a.code).weight > 0
    && ref.agencyValidDuring(a.id, QIWU.from, QIWU.to));
  const slots: [number, number][] = [];
  for (const a of rng.shuffle(active)) {
    if (organised.has(a.id)) continue;
    const years = YEARS.filter((y) => remaining[y]! > 0 && validFraction(ref, a.id, y) > 0);
    const y = rng.weighted(years, (yy) => remaining[yy]! * validFraction(ref, a.id, yy));
    slots.push([a.id, y]);
    remaining[y]!--;
  }
  for (const y of YEARS) {
    const pool = active.filter((a) => validFraction(ref, a.id, y) > 0);
    for (; remaining[y]! > 0; remaining[y]!--) {
      const a = rng.weighted(pool, (x) => profile(x.code).weight * validFraction(ref, x.id, y));
      slots.push([a.id, y]);
    }
  }
  return slots;
}

/** An ordinary themed activity of the agency in the year, sometimes on a key date. */
function themedActivity(ref: Reference, rng: Rng, agencyId: number, year: number): ActivityDraft {
  const [from, to] = validWindow(ref, agencyId, year)!;
  let day = randomDay(rng, from, to);
  const themes = themesOf(ref, agencyId, day);
  const t = themes.length > 0 ? rng.weighted(themes, (x) => (x.domain ? 3 : 2)) : theme('CONSTITUTION');
  let keyDate: KeyDate | null = null;
  if (t.keyDates.length > 0 && rng.chance(0.4)) {
    const kd = rng.pick(t.keyDates);
    const kday = keyDateDay(rng, kd, year);
    if (kday && ref.agencyValidOn(agencyId, kday) && themeValidOn(ref, t, kday)) {
      day = kday;
      keyDate = kd;
    }
  }
  return buildThemed(ref, rng, { agencyId, day, theme: t, keyDate });
}

export function generateQiwu(ref: Reference, rng: Rng): ActivityDraft[] {
  const drafts: ActivityDraft[] = YEARS.flatMap((y) => troupeYear(ref, rng, y));
  const remaining: Record<number, number> = {};
  for (const y of YEARS) remaining[y] = YEAR_TOTALS[y]! - drafts.filter((d) => d.date.startsWith(String(y))).length;
  const organised = new Set(drafts.map((d) => d.organiser_id));
  for (const [agencyId, year] of assignOrganisers(ref, rng, remaining, organised)) {
    drafts.push(themedActivity(ref, rng, agencyId, year));
  }
  if (drafts.length !== QIWU.activities) throw new Error(`expected ${QIWU.activities} activities, got ${drafts.length}`);

  // Bring the column totals into the report's ranges by a uniform rescale, not by one row.
  const materials = rescaleToRange(rng, drafts.map((d) => d.materials), COUNT_CAPS.materials, ...QIWU.materials);
  const consultations = rescaleToRange(rng, drafts.map((d) => d.consultations), COUNT_CAPS.consultations, ...QIWU.consultations);
  drafts.forEach((d, i) => {
    d.materials = materials[i]!;
    d.consultations = consultations[i]!;
  });
  return drafts;
}
