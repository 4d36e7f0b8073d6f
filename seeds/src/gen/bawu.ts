/**
 * 2021–2025 (八五普法) under the new measures: each enforcement unit publishes a yearly task
 * book of 2–5 responsibility items (what law, to whom, how, when, who), and its activities
 * name the items they deliver. The data carries the report's problems on purpose:
 * - a few units deliver far less than they planned (the "soft task");
 * - in some overlapping domains nobody acted in a year, or in one district;
 * - some audiences named in items were never reached.
 */
import type { Audience, Form, KeyDate, VenueType } from '../model.js';
import type { Reference } from '../reference.js';
import type { Rng } from '../prng.js';
import { addDays, daysBetween, maxDate, minDate, ymd } from '../dates.js';
import type { ActivityDraft, ItemDraft } from './drafts.js';
import { fits, formsFor, lawsFor, themesOf, themeValidOn } from './activity.js';
import { buildThemed, partnerCandidates } from './build.js';
import { keyDateDay, keyDateWindow } from './keydates.js';
import { deliveryRange, profile, underDelivers } from './profiles.js';
import { responsibleLeader } from './people.js';
import { theme, type Theme } from './themes.js';
import { performance, TROUPES } from './troupe.js';

export const BAWU_YEARS = [2021, 2022, 2023, 2024, 2025];

/** Domain gaps: no activity at all in the domain that year (in one district if given). */
const GAPS: { domain: string; year: number; district?: string }[] = [
  { domain: 'SMOKE_NOISE', year: 2021 },
  { domain: 'SMOKE_NOISE', year: 2023 },
  { domain: 'URBAN_MANAGEMENT', year: 2022, district: '150303' },
  { domain: 'URBAN_MANAGEMENT', year: 2023, district: '150303' },
  { domain: 'MARRIAGE_FAMILY', year: 2024, district: '150304' },
  { domain: 'MINORS', year: 2025, district: '150303' },
];

/** Audiences named in items that no activity of the year reached. */
const UNREACHED: Record<number, Audience[]> = { 2022: ['PATIENTS'], 2024: ['MIGRANT_WORKERS'] };

function gapDistricts(ref: Reference, domain: string | null, year: number): Set<number> | 'ALL' {
  const out = new Set<number>();
  for (const g of GAPS) {
    if (g.domain !== domain || g.year !== year) continue;
    if (!g.district) return 'ALL';
    out.add(ref.regionByCode(g.district).id);
  }
  return out;
}

/** Districts where the theme may be taught in the year (empty if nowhere). */
function openDistricts(ref: Reference, t: Theme, year: number, candidates: number[]): number[] {
  const gaps = gapDistricts(ref, t.domain, year);
  return gaps === 'ALL' ? [] : candidates.filter((d) => !gaps.has(d));
}

function randomDay(rng: Rng, from: string, to: string): string {
  return addDays(from, rng.int(0, daysBetween(from, to)));
}

/** Window and planned count: around a key date, or a year, half-year or quarter. */
function itemWindow(rng: Rng, t: Theme, year: number): { from: string; to: string; planned: number; keyDate: KeyDate | null } {
  const kd = t.keyDates.length > 0 && rng.chance(0.5) ? rng.pick(t.keyDates) : null;
  const kw = kd ? keyDateWindow(kd, year) : null;
  if (kd && kw) {
    return {
      from: maxDate(ymd(year, 1, 1), addDays(kw[0], -rng.int(10, 30))),
      to: minDate(ymd(year, 12, 31), addDays(kw[1], rng.int(5, 20))),
      planned: rng.int(2, 4), keyDate: kd,
    };
  }
  const r = rng.next();
  if (r < 0.4) {
    // A whole-year item: the larger targets (3–12, mostly up to 6).
    const planned = rng.weighted([3, 4, 5, 6, 7, 8, 9, 10, 11, 12], (n) => (n <= 6 ? 6 : 1));
    return { from: ymd(year, rng.pick([1, 2, 3]), 1), to: rng.chance(0.5) ? ymd(year, 11, 30) : ymd(year, 12, 31), planned, keyDate: null };
  }
  if (r < 0.75) {
    const [from, to] = rng.chance(0.5) ? [ymd(year, 3, 1), ymd(year, 6, 30)] : [ymd(year, 7, 1), ymd(year, 11, 30)];
    return { from, to, planned: rng.int(2, 6), keyDate: null };
  }
  const q = rng.int(2, 4);
  const to = q === 4 ? ymd(year, 12, 20) : addDays(ymd(year, q * 3 + 1, 1), -1);
  return { from: ymd(year, q * 3 - 2, 1), to, planned: rng.int(2, 4), keyDate: null };
}

/** Venues first, then a fitting form for each, so every item has a deliverable venue–form pair. */
function itemVenuesAndForms(rng: Rng, t: Theme, day: string, justice: boolean): { venues: VenueType[]; forms: Form[] } {
  const venues = rng.sample(t.venues, rng.int(1, Math.min(3, t.venues.length)));
  const forms = new Set<Form>();
  for (const v of venues) forms.add(rng.pick(formsFor(v, day)));
  if (justice && venues.some((v) => fits('PERFORMANCE', v, day)) && rng.chance(0.5)) forms.add('PERFORMANCE');
  return { venues, forms: [...forms] };
}

function makeItems(ref: Reference, rng: Rng, seed: number, year: number): ItemDraft[] {
  const items: ItemDraft[] = [];
  const allDistricts = ref.districts.map((d) => d.id);
  for (const agency of ref.agency) {
    if (agency.kind !== 'ENFORCEMENT' || !ref.agencyValidOn(agency.id, ymd(year, 1, 1))) continue;
    const p = profile(agency.code);
    const themes = themesOf(ref, agency.id, ymd(year, 3, 1));
    const choices = themes.flatMap((t) => t.items.map((title) => ({ t, title })));
    const n = Math.min(rng.int(...p.items), choices.length);
    const picked: typeof choices = [];
    while (picked.length < n) {
      const c = rng.weighted(choices.filter((x) => !picked.includes(x)), (x) => (x.t.domain ? 2 : 1) / (1 + picked.filter((y) => y.t === x.t).length * 2));
      picked.push(c);
    }
    const home = ref.homeDistrict(agency.id);
    for (const { t, title } of picked) {
      const w = itemWindow(rng, t, year);
      const laws = lawsFor(ref, rng, t, w.from, rng.int(1, 3));
      if (laws.length === 0) continue;
      const { venues, forms } = itemVenuesAndForms(rng, t, w.from, agency.code.endsWith('_JUSTICE'));
      const districts = home ? [home.id] : rng.chance(0.6) ? allDistricts : rng.sample(allDistricts, rng.int(1, 2));
      items.push({
        agency_id: agency.id, year, title: `${year}年${title}`,
        domain_id: t.domain === null ? null : ref.domainByCode(t.domain).id,
        audiences: rng.sample(t.audiences, rng.int(2, Math.min(4, t.audiences.length))),
        forms, venue_types: venues, planned_count: w.planned, starts_on: w.from, ends_on: w.to,
        responsible_leader: responsibleLeader(ref, seed, agency.id, year),
        responsible_department: ref.agencySpec(agency.id).department,
        published: rng.chance(underDelivers(agency.code, year) ? 0.7 : 0.94),
        laws, districts: [...districts].sort((a, b) => a - b), theme: t.code, keyDate: w.keyDate,
      });
    }
  }
  return items;
}

/**
 * Whether no activity of the same unit, day, place and form was drawn before: holding the
 * same event twice in one spot on one day is an artefact of drawing, not a plan.
 */
function firstOfItsKind(seen: Set<string>, a: ActivityDraft): boolean {
  const key = `${a.organiser_id}|${a.date}|${a.region_id}|${a.form}`;
  if (seen.has(key)) return false;
  seen.add(key);
  return true;
}

/** The activities that deliver one item. */
function deliver(ref: Reference, rng: Rng, item: ItemDraft, yearItems: ItemDraft[], seen: Set<string>): ActivityDraft[] {
  const t = theme(item.theme);
  const agencyCode = ref.agencyById(item.agency_id).code;
  const ratio = rng.real(...deliveryRange(agencyCode, item.year));
  const n = Math.round(item.planned_count * ratio);
  const districts = openDistricts(ref, t, item.year, item.districts);
  if (n === 0 || districts.length === 0) return [];
  // Some items name an audience their activities never reach.
  const dropped: Audience[] = item.audiences.length >= 3 && rng.chance(0.35) ? [rng.pick(item.audiences)] : [];
  const exclude = [...dropped, ...(UNREACHED[item.year] ?? [])];
  const keyDate = item.keyDate;
  const out: ActivityDraft[] = [];
  for (let tries = 0; out.length < n && tries < 3 * n; tries++) {
    let day = randomDay(rng, item.starts_on, item.ends_on);
    let kd: KeyDate | null = null;
    if (keyDate && rng.chance(0.6)) {
      const k = keyDateDay(rng, keyDate, item.year);
      if (k && k >= item.starts_on && k <= item.ends_on) { day = k; kd = keyDate; }
    }
    if (!themeValidOn(ref, t, day)) continue;
    const district = ref.regionById(rng.pick(districts));
    // Mostly the unit itself; sometimes a partner runs it with the unit as co-organiser.
    let organiser = item.agency_id;
    let co: number[] = [];
    const partners = partnerCandidates(ref, item.agency_id, item.domain_id, district, day)
      .filter((id) => ref.agencyById(id).kind !== 'DEPARTMENT');
    if (partners.length > 0 && rng.chance(0.15)) {
      organiser = rng.pick(partners);
      co = [item.agency_id];
    } else if (partners.length > 0 && rng.chance(0.2)) {
      co = [rng.pick(partners)];
    }
    const laws = item.laws.filter((l) => ref.lawValidOn(l, day));
    const stages = item.venue_types.filter((v) => fits('PERFORMANCE', v, day));
    let a: ActivityDraft;
    if (item.forms.includes('PERFORMANCE') && organiser === item.agency_id && stages.length > 0 && rng.chance(0.4)) {
      const venue = rng.pick(stages);
      a = performance(ref, rng, { organiser, troupe: TROUPES[agencyCode]!, day, district, venue, co });
      a.audiences = a.audiences.filter((x) => !exclude.includes(x));
      if (a.audiences.length === 0) a.audiences = ['GENERAL_PUBLIC'];
    } else {
      a = buildThemed(ref, rng, {
        agencyId: organiser, day, theme: t, keyDate: kd, venues: item.venue_types, forms: item.forms,
        districts: [district.id], audiences: item.audiences, excludeAudiences: exclude,
        laws: rng.sample(laws, rng.int(1, 2)), co,
      });
    }
    if (!firstOfItsKind(seen, a)) continue;
    a.items.push(item);
    // A joint activity also counts for the partner's own item on the same subject, if any.
    if (organiser !== item.agency_id) {
      const own = yearItems.find((x) => x.agency_id === organiser && x.theme === item.theme && x.starts_on <= day && day <= x.ends_on);
      if (own && rng.chance(0.7)) a.items.push(own);
    }
    out.push(a);
  }
  return out;
}

/** Activities outside any list: other member units, and the odd unlisted event of an enforcement unit. */
function unlisted(ref: Reference, rng: Rng, year: number, seen: Set<string>): ActivityDraft[] {
  const out: ActivityDraft[] = [];
  const all = ref.districts.map((d) => d.id);
  for (const agency of ref.agency) {
    if (agency.kind === 'MEDIA' || !ref.agencyValidOn(agency.id, ymd(year, 1, 1))) continue;
    const p = profile(agency.code);
    const n = agency.kind === 'ENFORCEMENT'
      ? (underDelivers(agency.code, year) ? rng.int(0, 1) : rng.int(0, 2))
      : Math.round(p.weight * rng.real(1.5, 2.6));
    for (let i = 0; i < n; i++) {
      let day = randomDay(rng, ymd(year, 1, 1), ymd(year, 12, 31));
      const home = ref.homeDistrict(agency.id);
      const where = home ? [home.id] : all;
      const themes = themesOf(ref, agency.id, day).filter((t) => openDistricts(ref, t, year, where).length > 0);
      if (themes.length === 0) continue;
      const t = rng.pick(themes);
      let keyDate: KeyDate | null = null;
      if (t.keyDates.length > 0 && rng.chance(0.5)) {
        const kd = rng.pick(t.keyDates);
        const k = keyDateDay(rng, kd, year);
        if (k && themeValidOn(ref, t, k)) { day = k; keyDate = kd; }
      }
      const a = buildThemed(ref, rng, {
        agencyId: agency.id, day, theme: t, keyDate, districts: openDistricts(ref, t, year, where),
        excludeAudiences: UNREACHED[year] ?? [],
      });
      if (firstOfItsKind(seen, a)) out.push(a);
    }
  }
  return out;
}

export function generateBawu(ref: Reference, rng: Rng, seed: number): { items: ItemDraft[]; activities: ActivityDraft[] } {
  const items: ItemDraft[] = [];
  const activities: ActivityDraft[] = [];
  for (const year of BAWU_YEARS) {
    const yearItems = makeItems(ref, rng, seed, year);
    items.push(...yearItems);
    const seen = new Set<string>();
    for (const item of yearItems) activities.push(...deliver(ref, rng, item, yearItems, seen));
    activities.push(...unlisted(ref, rng, year, seen));
  }
  return { items, activities };
}
