/**
 * Typical cases (以案释法), 2019–2025: the case library the report asks for. Each case is a
 * template placed in a district and decided by a unit valid on the day; most are published
 * a few weeks after the decision.
 */
import type { CaseRow } from '../model.js';
import type { Reference } from '../reference.js';
import type { Rng } from '../prng.js';
import { addDays, daysBetween, minDate, within, ymd } from '../dates.js';
import { CASE_TEMPLATES } from './case-templates.js';
import { DISTRICT_WEIGHT } from './activity.js';

export type CaseDraft = Omit<CaseRow, 'id'> & { laws: number[] };

const PER_YEAR: Record<number, number> = { 2019: 8, 2020: 10, 2021: 13, 2022: 14, 2023: 15, 2024: 15, 2025: 15 };
const DISTRICT_KEY: Record<string, string> = { '150302': 'HBW', '150304': 'WD', '150303': 'HN' };
/** The demo data's "today": nothing is published after it. */
const LAST_DAY = '2025-12-31';

export function generateCases(ref: Reference, rng: Rng): CaseDraft[] {
  const out: CaseDraft[] = [];
  const used = new Set<string>();
  for (const [y, n] of Object.entries(PER_YEAR).map(([k, v]) => [Number(k), v] as const)) {
    for (let made = 0, tries = 0; made < n && tries < 500; tries++) {
      const t = rng.pick(CASE_TEMPLATES);
      const day = addDays(ymd(y, 1, 1), rng.int(0, daysBetween(ymd(y, 1, 1), y === 2025 ? '2025-10-31' : ymd(y, 12, 31))));
      if (!within(day, t.from ?? '1900-01-01', t.to ?? null)) continue;
      const district = rng.weighted(ref.districts, (d) => DISTRICT_WEIGHT[d.code] ?? 0.1);
      const title = t.title.replace('{d}', district.name);
      if (used.has(title)) continue;
      const agencies = t.agencies
        .map((c) => ref.agencyByCode(c.replace('#', DISTRICT_KEY[district.code]!)).id)
        .filter((id) => ref.agencyValidOn(id, day));
      const laws = t.laws.map((c) => ref.lawByCode(c).id).filter((id) => ref.lawValidOn(id, day));
      if (agencies.length === 0 || laws.length === 0) continue;
      used.add(title);
      const published = rng.chance(0.88);
      const region = rng.chance(0.5) ? district : rng.pick(ref.streetsOf(district.id));
      out.push({
        agency_id: rng.pick(agencies), title, summary: t.facts,
        body: `【基本案情】${t.facts}【处理结果】${t.result}【以案释法】${t.lesson}`,
        domain_id: t.domain === null ? null : ref.domainByCode(t.domain).id, region_id: region.id, decided_on: day,
        published, published_on: published ? minDate(LAST_DAY, addDays(day, rng.int(10, 60))) : null, laws,
      });
      made++;
    }
  }
  return out;
}
