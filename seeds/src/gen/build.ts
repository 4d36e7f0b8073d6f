/**
 * Builds one themed activity draft: picks the venue, form, place, audiences, laws,
 * co-organisers and counts that fit the organiser, the theme and the day. Callers (the
 * 2016–2020 and 2021–2025 generators) fix whatever they need and let the rest be drawn.
 */
import type { Audience, Form, KeyDate, RegionRow, VenueType } from '../model.js';
import type { Reference } from '../reference.js';
import type { Rng } from '../prng.js';
import type { Theme } from './themes.js';
import type { ActivityDraft } from './drafts.js';
import {
  activityTitle, audiencesFor, fits, formsFor, lawsFor, offlineBanned, pickDistrict, pickRegion, rawCounts,
} from './activity.js';

const FORM_WEIGHT: Record<Form, number> = {
  LECTURE: 3, CONSULTATION: 2, MATERIAL_HANDOUT: 2, QUIZ: 1, CASE_EXPLANATION: 1.5, EXHIBITION: 1,
  SYMPOSIUM: 0.7, NEW_MEDIA_POST: 3, LIVE_STREAM: 1, PERFORMANCE: 1,
};

export interface BuildOptions {
  agencyId: number;
  day: string;
  theme: Theme;
  keyDate?: KeyDate | null;
  /** Candidate venues / forms (defaults: the theme's venues, the forms fitting the venue). */
  venues?: VenueType[];
  forms?: Form[];
  /** Districts the activity may take place in (default: any, or the organiser's own). */
  districts?: number[];
  /** Audience pool to draw from, and audiences never to name. */
  audiences?: Audience[];
  excludeAudiences?: Audience[];
  laws?: number[];
  co?: number[];
  /** Probability of inviting co-organisers when `co` is not given. */
  coChance?: number;
}

/** Venue weights: online work grows from 2019 on. */
function venueWeight(v: VenueType, day: string): number {
  if (v === 'ONLINE') return day < '2019-01-01' ? 0.3 : day < '2021-01-01' ? 0.8 : 1.2;
  return v === 'PUBLIC_SPACE' || v === 'COMMUNITY' ? 1.5 : 1;
}

/** Co-organiser candidates: other holders of the domain, the justice bureaus, the publicity department. */
export function partnerCandidates(ref: Reference, organiser: number, domainId: number | null, district: RegionRow, day: string): number[] {
  const ids = new Set<number>();
  if (domainId !== null) for (const a of ref.holders(domainId, day)) ids.add(a);
  ids.add(ref.agencyByCode('CITY_JUSTICE').id);
  for (const a of ref.agency) if (a.code.endsWith('_JUSTICE') && a.region_id === district.id) ids.add(a.id);
  ids.add(ref.agencyByCode('CITY_PROPAGANDA').id);
  ids.delete(organiser);
  // District units only work in their own district.
  return [...ids].filter((id) => ref.agencyValidOn(id, day) && ref.agencyById(id).kind !== 'MEDIA'
    && (ref.homeDistrict(id) === null || ref.homeDistrict(id)!.id === district.id));
}

export function buildThemed(ref: Reference, rng: Rng, o: BuildOptions): ActivityDraft {
  const t = o.theme;
  const day = o.day;
  const offline = !offlineBanned(day);
  let venues = (o.venues ?? t.venues).filter((v) => offline || v === 'ONLINE');
  if (venues.length === 0) venues = ['ONLINE'];
  // Choose a venue and a form that fit each other, preferring the caller's forms.
  const pairs: [VenueType, Form][] = [];
  for (const v of venues) {
    const forms = o.forms ? o.forms.filter((f) => f !== 'PERFORMANCE' && fits(f, v, day)) : formsFor(v, day);
    for (const f of forms) pairs.push([v, f]);
  }
  if (pairs.length === 0) for (const v of venues) for (const f of formsFor(v, day)) pairs.push([v, f]);
  const [venue, form] = rng.weighted(pairs, ([v, f]) => venueWeight(v, day) * FORM_WEIGHT[f]);

  const agency = ref.agencyById(o.agencyId);
  // City units post online from their seat in 海勃湾区; otherwise place by population.
  const district = venue === 'ONLINE' && agency.level === 'CITY' && (!o.districts || o.districts.includes(ref.regionByCode('150302').id))
    ? ref.regionByCode('150302')
    : pickDistrict(ref, rng, o.agencyId, o.districts);
  const region = pickRegion(ref, rng, district, venue);

  const exclude = new Set(o.excludeAudiences ?? []);
  let audiences: Audience[];
  if (o.audiences) {
    const pool = o.audiences.filter((a) => !exclude.has(a));
    audiences = rng.sample(pool, rng.int(1, Math.min(3, pool.length)));
  } else {
    audiences = audiencesFor(rng, t.audiences, venue).filter((a) => !exclude.has(a));
  }
  if (audiences.length === 0) audiences = ['GENERAL_PUBLIC'];

  const laws = o.laws && o.laws.length > 0 ? o.laws : lawsFor(ref, rng, t, day, form === 'QUIZ' ? 1 : rng.int(1, 2));
  const domainId = t.domain === null ? null : ref.domainByCode(t.domain).id;
  let co = o.co;
  if (!co) {
    co = [];
    if (rng.chance(o.coChance ?? 0.3)) {
      const pool = partnerCandidates(ref, o.agencyId, domainId, district, day);
      co = rng.sample(pool, rng.chance(0.75) ? 1 : 2);
    }
  }
  const keyDate = o.keyDate ?? null;
  return {
    title: activityTitle(ref, o.agencyId, t, form, venue, keyDate, day, laws),
    date: day, region_id: region.id, organiser_id: o.agencyId, form, venue_type: venue,
    audiences, domain_id: domainId, troupe: null, ...rawCounts(rng, form, venue), key_date: keyDate,
    co, laws, items: [], theme: t.code,
  };
}
