import type { EntityManager } from '@mikro-orm/core';
import type { AnalyticsScope } from '../../graphql/access.js';
import { sql } from '../../db/sql.js';
import { userError } from '../../shared/errors.js';
import { AUDIENCE_LABELS, enumLabel, VENUE_LABELS, type LocaleCode } from '../../shared/labels.js';
import { checkDateRange, existingIds, regionsWithDescendants } from '../../shared/validate.js';
import { capped, compareAgencies, compareSets, figures, itemDrill, unionDrills } from './coverage.compute.js';
import type { CoverageAgency, CoverageFilter, CoverageItem, CoverageResult, CoverageValue, ReachComparison } from './coverage.types.js';

/**
 * Coverage is unit-level: the readers of every record see every agency; an agency reporter only
 * its own (the answer is narrowed to it, and naming another agency is refused); everyone else is
 * refused. Returns the agencies the answer is limited to, or null for no limit.
 */
export function coverageAccess(scope: AnalyticsScope, filter: CoverageFilter): number[] | null {
  if (scope.all) return null;
  if (!scope.signedIn) throw userError('UNAUTHENTICATED', 'Coverage shows single agencies’ records; sign in with an account that may read them');
  if (!scope.ownAgency) throw userError('FORBIDDEN', 'Coverage shows single agencies’ records; your account may see city-wide figures only');
  const other = filter.agencyIds?.find((id) => id !== `Agency:${scope.ownAgency}`);
  if (other) throw userError('FORBIDDEN', `Your account may see the coverage of its own agency (Agency:${scope.ownAgency}) only, not of ${other}`);
  return [scope.ownAgency];
}

interface ItemRow {
  id: number;
  agency_id: number;
  agency_name: string;
  agency_name_en: string | null;
  year: number;
  title: string;
  planned: number;
  starts_on: string;
  ends_on: string;
  audiences: string[];
  venue_types: string[];
  districts: number[];
  delivered: number;
  reached_audiences: string[];
  reached_venue_types: string[];
  reached_districts: number[];
}

/**
 * Every selected item with its delivered count and what its counted activities reached, in one
 * set-based statement (plus one for district labels): the number of statements does not grow
 * with the number of agencies or items.
 */
const ITEMS_SQL = (where: string) => `
with sel as (
  select i.id, i.agency_id, i.year, i.title, i.planned_count, i.starts_on, i.ends_on, i.audiences, i.venue_types
  from responsibility_item i join agency g on g.id = i.agency_id
  where ${where}
), hit as (
  -- An activity counts for the items it names, only inside each item's window.
  select x.item_id, a.audiences, a.venue_type, r.district_id
  from sel i
  join activity_items x on x.item_id = i.id
  join activity a on a.id = x.activity_id and a.date between i.starts_on and i.ends_on
  join region r on r.id = a.region_id
)
select i.id, i.agency_id, g.name as agency_name, g.name_en as agency_name_en, i.year, i.title, i.planned_count as planned,
  i.starts_on::text as starts_on, i.ends_on::text as ends_on, i.audiences, i.venue_types,
  coalesce((select array_agg(d.region_id order by d.region_id) from responsibility_item_districts d where d.item_id = i.id), '{}') as districts,
  coalesce(h.delivered, 0) as delivered,
  coalesce(u.audiences, '{}') as reached_audiences,
  coalesce(h.venue_types, '{}') as reached_venue_types,
  coalesce(h.districts, '{}') as reached_districts
from sel i
join agency g on g.id = i.agency_id
left join (
  select item_id, count(*)::int as delivered,
    array_agg(distinct venue_type) filter (where venue_type is not null) as venue_types,
    array_agg(distinct district_id) filter (where district_id is not null) as districts
  from hit group by item_id
) h on h.item_id = i.id
left join (
  select item_id, array_agg(distinct aud) as audiences from hit cross join unnest(hit.audiences) as aud group by item_id
) u on u.item_id = i.id
order by i.agency_id, i.year, i.starts_on, i.id`;

export async function runCoverage(em: EntityManager, f: CoverageFilter, locale: LocaleCode, onlyAgencies: number[] | null): Promise<CoverageResult> {
  checkDateRange(f.from, f.to, ['filter']);
  const agencies = await existingIds(em, 'Agency', f.agencyIds, ['filter', 'agencyIds']);
  const regions = await regionsWithDescendants(em, f.regionIds, ['filter', 'regionIds']);
  const domains = await existingIds(em, 'EnforcementDomain', f.domainIds, ['filter', 'domainIds']);

  // The same period semantics as responsibilityItems: list years, and windows overlapping from/to.
  const where: string[] = ['true'];
  const params: unknown[] = [];
  const add = (cond: string, value: unknown) => {
    where.push(cond);
    params.push(value);
  };
  if (f.years?.length) add('i.year = any(?)', f.years);
  if (f.from) add('i.ends_on >= ?::date', f.from);
  if (f.to) add('i.starts_on <= ?::date', f.to);
  if (agencies) add('i.agency_id = any(?)', agencies);
  if (onlyAgencies) add('i.agency_id = any(?)', onlyAgencies);
  if (regions) add('g.region_id = any(?)', regions);
  if (domains) add('i.domain_id = any(?)', domains);
  const rows = await sql<ItemRow>(em, ITEMS_SQL(where.join(' and ')), params);

  const districtIds = [...new Set(rows.flatMap((r) => [...r.districts, ...r.reached_districts]))];
  const districtNames = new Map<number, string>();
  if (districtIds.length) {
    const names = await sql<{ id: number; name: string; name_en: string | null }>(em, 'select id, name, name_en from region where id = any(?)', [districtIds]);
    for (const n of names) districtNames.set(n.id, locale === 'EN' && n.name_en ? n.name_en : n.name);
  }

  const value = <T extends string | number>(toLabel: (v: T) => CoverageValue) => (c: ReturnType<typeof compareSets<T>>): ReachComparison => ({
    named: c.named.map(toLabel), reached: c.reached.map(toLabel), missing: c.missing.map(toLabel), extra: c.extra.map(toLabel),
  });
  const audience = value<string>((v) => ({ value: v, label: enumLabel(AUDIENCE_LABELS, v, locale) }));
  const venue = value<string>((v) => ({ value: v, label: enumLabel(VENUE_LABELS, v, locale) }));
  const district = value<number>((v) => ({ value: `Region:${v}`, label: districtNames.get(v) ?? `Region:${v}` }));

  const byAgency = new Map<number, { label: string; items: CoverageItem[]; facts: { id: number; startsOn: string; endsOn: string; planned: number; delivered: number }[] }>();
  for (const r of rows) {
    const facts = { id: r.id, startsOn: r.starts_on, endsOn: r.ends_on, planned: r.planned, delivered: r.delivered };
    const entry = byAgency.get(r.agency_id) ?? { label: locale === 'EN' && r.agency_name_en ? r.agency_name_en : r.agency_name, items: [], facts: [] };
    entry.facts.push(facts);
    entry.items.push({
      id: `ResponsibilityItem:${r.id}`,
      title: r.title,
      year: r.year,
      startsOn: r.starts_on,
      endsOn: r.ends_on,
      planned: r.planned,
      delivered: r.delivered,
      deliveredCapped: capped(facts),
      covered: r.delivered > 0,
      audiences: audience(compareSets(r.audiences, r.reached_audiences)),
      venueTypes: venue(compareSets(r.venue_types, r.reached_venue_types)),
      districts: district(compareSets(r.districts, r.reached_districts)),
      drill: itemDrill(facts),
    });
    byAgency.set(r.agency_id, entry);
  }

  const collation = locale === 'EN' ? 'en' : 'zh-CN';
  const result: (CoverageAgency & { id: number })[] = [...byAgency].map(([id, e]) => ({
    id, agencyId: `Agency:${id}`, label: e.label, items: e.items, ...figures(e.facts), drills: unionDrills(e.facts),
  }));
  result.sort((a, b) => compareAgencies(a, b, collation));
  const all = [...byAgency.values()].flatMap((e) => e.facts);
  return {
    agencies: result,
    totals: { agencyCount: result.length, ...figures(all), drills: unionDrills(all) },
    reason: rows.length ? null : 'No responsibility items match the filter, so there is nothing to cover: check the years or period, and the agencies, regions and domains.',
  };
}
