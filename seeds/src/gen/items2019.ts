/**
 * 2019–2020 responsibility lists, after the city's December 2018 implementing opinion
 * (《关于进一步健全完善普法责任制的实施意见》). Only the enforcement units kept a list in
 * these first two years; each item is written around the themes the unit actually taught,
 * and names the activities of the unit that fall inside its window.
 */
import type { Audience, Form, VenueType } from '../model.js';
import type { Reference } from '../reference.js';
import type { Rng } from '../prng.js';
import { ymd } from '../dates.js';
import type { ActivityDraft, ItemDraft } from './drafts.js';
import { theme } from './themes.js';
import { profile } from './profiles.js';
import { responsibleLeader } from './people.js';

export function generateItems2019(ref: Reference, rng: Rng, seed: number, activities: ActivityDraft[]): ItemDraft[] {
  const items: ItemDraft[] = [];
  for (const year of [2019, 2020]) {
    const from = ymd(year, 3, 1);
    for (const agency of ref.agency) {
      if (agency.kind !== 'ENFORCEMENT' || !ref.agencyValidOn(agency.id, from) || profile(agency.code).weight === 0) continue;
      const own = activities.filter((a) => a.organiser_id === agency.id && a.date.startsWith(String(year)) && a.theme !== 'TROUPE');
      const byTheme = new Map<string, ActivityDraft[]>();
      for (const a of own) byTheme.set(a.theme, [...(byTheme.get(a.theme) ?? []), a]);
      const themes = [...byTheme.entries()].sort((x, y) => y[1].length - x[1].length || x[0].localeCompare(y[0])).slice(0, 4);
      themes.forEach(([code, acts], rank) => {
        const t = theme(code);
        const to = rng.chance(0.3) ? ymd(year, 11, 30) : ymd(year, 12, 31);
        const delivered = acts.filter((a) => a.date >= from && a.date <= to);
        // A theme taught only once makes an item only if it is the unit's main one.
        if (delivered.length === 0 || (delivered.length === 1 && rank > 0)) return;
        const union = <T>(pick: (a: ActivityDraft) => T[]): T[] => [...new Set(delivered.flatMap(pick))];
        const item: ItemDraft = {
          agency_id: agency.id, year, title: `${year}年${rng.pick(t.items)}`,
          domain_id: t.domain === null ? null : ref.domainByCode(t.domain).id,
          audiences: union<Audience>((a) => a.audiences),
          forms: union<Form>((a) => [a.form]),
          venue_types: union<VenueType>((a) => (a.venue_type ? [a.venue_type] : [])),
          planned_count: Math.min(12, Math.max(2, delivered.length + (rng.chance(0.4) ? 1 : 0))),
          starts_on: from, ends_on: to,
          responsible_leader: responsibleLeader(ref, seed, agency.id, year),
          responsible_department: ref.agencySpec(agency.id).department,
          published: rng.chance(0.85),
          laws: union<number>((a) => a.laws),
          districts: union<number>((a) => [ref.districtOf(a.region_id)!.id]),
          theme: code,
          keyDate: null,
        };
        items.push(item);
        for (const a of delivered) a.items.push(item);
      });
    }
  }
  return items;
}
