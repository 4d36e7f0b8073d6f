import type { EntityManager } from '@mikro-orm/core';
import { AUDIENCES, type Audience } from '@pufa/seeds';
import { sql } from '../../db/sql.js';
import type { Viewer } from '../../graphql/access.js';
import { userError } from '../../shared/errors.js';
import { decodeIds } from '../../shared/ids.js';
import type { LocaleCode } from '../../shared/labels.js';
import { existingIds, regionsWithDescendants } from '../../shared/validate.js';
import { Agency } from '../agencies/agency.entity.js';
import { Role } from '../auth/role.js';
import { EnforcementDomain } from '../domains/domain.entity.js';
import { Region } from '../regions/region.entity.js';
import { collatorFor, compareHolders, compareOverlaps, gapFlags, type HolderFacts } from './gaps.js';
import type { OverlapDrill, OverlapFilter, OverlapGap, OverlapHolder } from './overlaps.types.js';
import { periodRanges, periodText } from './period.js';

/** What of the overlap view a viewer may see: everything, one district's regions, or one agency's overlaps. */
export interface OverlapAccess {
  districtId?: number;
  agencyId?: number;
}

/**
 * The overlap view shows agencies' performance: the readers of every record see it (a district
 * admin for its district's regions only); an agency reporter sees the overlaps its agency holds.
 */
export function overlapAccess(viewer: Viewer): OverlapAccess {
  if (viewer.kind === 'anonymous') throw userError('UNAUTHENTICATED', 'Sign in to see overlap gaps: they show single agencies’ performance');
  switch (viewer.role) {
    case Role.ADMIN:
    case Role.LEADER:
    case Role.INSPECTOR:
      return {};
    case Role.DISTRICT_ADMIN:
      if (viewer.districtId) return { districtId: viewer.districtId };
      break;
    case Role.AGENCY_REPORTER:
      if (viewer.agencyId) return { agencyId: viewer.agencyId };
      break;
    default:
      break;
  }
  throw userError('FORBIDDEN', `Your account (${viewer.role}) may not see overlap gaps: they show single agencies’ performance`);
}

/**
 * Holders of each overlapping domain with their activity figures, one statement. `held`: agencies
 * whose power (and the agency itself) is valid on some day of the period. `up`: the agencies each
 * agency reaches through parent and successor links. `overlap`: domains with two holders neither of
 * which reaches the other. `acts`: counted activities × the holders that organised or co-organised
 * them. The last branch carries the per-domain figures (a co-organised activity once).
 */
const MAIN = `
with recursive
period (s, e) as (select * from unnest(?::date[], ?::date[])),
held as (
  select p.domain_id, p.agency_id, bool_or(p.is_lead) as is_lead
  from enforcement_power p join agency a on a.id = p.agency_id
  where (?::int[] is null or p.domain_id = any(?::int[]))
    and exists (select 1 from period
                where greatest(p.valid_from, a.valid_from, s) <= least(coalesce(p.valid_to, e), coalesce(a.valid_to, e), e))
  group by p.domain_id, p.agency_id
),
link (agency_id, above) as (
  select id, parent_id from agency where parent_id is not null
  union all
  select id, successor_id from agency where successor_id is not null
),
up (agency_id, above) as (
  select agency_id, above from link
  union
  select up.agency_id, link.above from up join link on link.agency_id = up.above
),
overlap as (
  select distinct h1.domain_id
  from held h1 join held h2 on h2.domain_id = h1.domain_id and h2.agency_id > h1.agency_id
  where not exists (select 1 from up where (up.agency_id = h1.agency_id and up.above = h2.agency_id)
                                        or (up.agency_id = h2.agency_id and up.above = h1.agency_id))
),
acts as (
  select x.id, x.domain_id, h.agency_id, x.audiences, r.district_id
  from activity x
  join overlap o on o.domain_id = x.domain_id
  join held h on h.domain_id = x.domain_id
  join region r on r.id = x.region_id
  where x.date between ?::date and ?::date
    and exists (select 1 from period where x.date between s and e)
    and (?::int[] is null or x.region_id = any(?::int[]))
    and (x.organiser_id = h.agency_id or h.agency_id = any(x.co_organiser_ids))
),
stats as (
  select x.domain_id, x.agency_id, grouping(x.agency_id) as whole_domain, count(distinct x.id)::int as n,
         coalesce(array_agg(distinct u.aud) filter (where u.aud is not null), '{}') as audiences,
         coalesce(array_agg(distinct x.district_id) filter (where x.district_id is not null), '{}') as districts
  from acts x left join lateral unnest(x.audiences) as u (aud) on true
  group by grouping sets ((x.domain_id, x.agency_id), (x.domain_id))
),
named as (
  select i.domain_id, i.agency_id, array_agg(distinct u.aud) as audiences
  from responsibility_item i
  join held h on h.domain_id = i.domain_id and h.agency_id = i.agency_id
  join overlap o on o.domain_id = i.domain_id
  cross join lateral unnest(i.audiences) as u (aud)
  where exists (select 1 from period where i.starts_on <= e and i.ends_on >= s)
  group by i.domain_id, i.agency_id
)
select h.domain_id, h.agency_id, h.is_lead, coalesce(s.n, 0) as n, coalesce(s.audiences, '{}') as audiences,
       coalesce(s.districts, '{}') as districts, coalesce(nm.audiences, '{}') as named
from held h
join overlap o on o.domain_id = h.domain_id
left join stats s on s.domain_id = h.domain_id and s.agency_id = h.agency_id and s.whole_domain = 0
left join named nm on nm.domain_id = h.domain_id and nm.agency_id = h.agency_id
union all
select s.domain_id, null, null, s.n, s.audiences, s.districts, null from stats s where s.whole_domain = 1`;

/**
 * The districts considered (those of the filter's regions, or every district), in code order;
 * `whole` when the filter covers the district entirely, else `parts`: the filter's regions inside it.
 */
const DISTRICTS = `
select d.*, coalesce(d.id = any(?::int[]), false) as whole,
       array(select f.id from region f where f.id = any(?::int[]) and f.district_id = d.id order by f.id) as parts
from region d
where d.id = d.district_id and (?::int[] is null or d.id in (select r.district_id from region r where r.id = any(?::int[])))
order by d.code`;

interface Row {
  domain_id: number;
  agency_id: number | null;
  is_lead: boolean | null;
  n: number;
  audiences: string[];
  districts: number[];
  named: string[] | null;
}

/** overlapGaps(filter, locale): see docs/metrics.md, "Overlap gaps". A fixed number of statements. */
export async function overlapGaps(em: EntityManager, filter: OverlapFilter, locale: LocaleCode, access: OverlapAccess = {}): Promise<OverlapGap[]> {
  const ranges = periodRanges(filter);
  const domainIds = await existingIds(em, 'EnforcementDomain', filter.domainIds, ['filter', 'domainIds']);
  const roots = filter.regionIds ?? (access.districtId ? [`Region:${access.districtId}`] : undefined);
  const regionIds = await regionsWithDescendants(em, roots, ['filter', 'regionIds']);
  // An empty list of domains or regions selects nothing (as in every other filter of the hub).
  if (domainIds?.length === 0 || regionIds?.length === 0) return [];
  const rootIds = decodeIds('Region', roots, ['filter', 'regionIds']) ?? [];

  const districtRows = await sql<Record<string, unknown> & { id: number; whole: boolean; parts: number[] }>(em, DISTRICTS, [
    regionIds ?? null, rootIds, regionIds ?? null, regionIds ?? null,
  ]);
  if (access.districtId) {
    const own = districtRows.find((d) => d.id === access.districtId);
    const outside = rootIds.find((id) => !own?.parts.includes(id));
    if (outside !== undefined) {
      throw userError('FORBIDDEN', `Your account administers Region:${access.districtId}; Region:${outside} is not inside it`);
    }
  }
  const districts = districtRows.map(({ whole, parts, ...row }) => ({ region: em.map(Region, row), whole, parts }));

  const starts = ranges.map((r) => r.from);
  const ends = ranges.map((r) => r.to);
  let rows = await sql<Row>(em, MAIN, [
    starts, ends, domainIds ?? null, domainIds ?? null, starts[0], ends[ends.length - 1], regionIds ?? null, regionIds ?? null,
  ]);
  if (access.agencyId) {
    const own = new Set(rows.filter((r) => r.agency_id === access.agencyId).map((r) => r.domain_id));
    rows = rows.filter((r) => own.has(r.domain_id));
  }
  if (rows.length === 0) return [];

  const [agencies, domains] = await Promise.all([
    em.find(Agency, { id: { $in: [...new Set(rows.flatMap((r) => (r.agency_id === null ? [] : [r.agency_id])))] } }),
    em.find(EnforcementDomain, { id: { $in: [...new Set(rows.map((r) => r.domain_id))] } }),
  ]);
  const agencyById = new Map(agencies.map((a) => [a.id, a]));
  const name = (x: { name: string; nameEn?: string | null }) => (locale === 'EN' && x.nameEn ? x.nameEn : x.name);
  const collator = collatorFor(locale);
  const period = periodText(ranges, locale);
  const drillBase = {
    from: filter.from ?? null,
    to: filter.to ?? null,
    years: filter.years?.length ? filter.years : null,
    regionIds: roots ?? null,
  };
  const places = (ids: number[]) => districts.filter((d) => ids.includes(d.region.id)).map((d) => d.region);
  const audienceOrder = (list: string[]) => AUDIENCES.filter((a) => list.includes(a));

  const out: (OverlapGap & { holderCount: number; name: string })[] = [];
  for (const domain of domains) {
    const domainRows = rows.filter((r) => r.domain_id === domain.id);
    const whole = domainRows.find((r) => r.agency_id === null);
    const holders = domainRows
      .filter((r) => r.agency_id !== null)
      .map((r) => ({ row: r, agency: agencyById.get(r.agency_id!)!, isLead: r.is_lead === true, name: name(agencyById.get(r.agency_id!)!) }))
      .sort(compareHolders(collator));
    const holderIds = holders.map((h) => h.agency.globalId);
    const drill: OverlapDrill = { ...drillBase, domainIds: [domain.globalId], agencyIds: holderIds };
    const facts: HolderFacts[] = holders.map((h) => ({
      agencyId: h.agency.id, name: h.name, isLead: h.isLead, activityCount: h.row.n, named: h.row.named ?? [],
    }));
    const flags = gapFlags(
      { domainName: name(domain), holders: facts, audiencesReached: whole?.audiences ?? [], districtsReached: whole?.districts ?? [] },
      districts.map((d) => ({ id: d.region.id, name: name(d.region) })),
      period,
      locale,
    ).map((f) => {
      const district = f.districtId === undefined ? undefined : districts.find((d) => d.region.id === f.districtId)!;
      return {
        kind: f.kind,
        message: f.message,
        act: f.act.map((id) => agencyById.get(id)!),
        district: district?.region ?? null,
        audience: (f.audience as Audience | undefined) ?? null,
        drill: {
          ...drill,
          ...(district ? { regionIds: !regionIds || district.whole ? [district.region.globalId] : district.parts.map((id) => `Region:${id}`) } : {}),
          ...(f.audience ? { audiences: [f.audience as Audience] } : {}),
        },
      };
    });
    out.push({
      domain,
      holders: holders.map(
        (h): OverlapHolder => ({
          agency: h.agency,
          isLead: h.isLead,
          activityCount: h.row.n,
          audiencesReached: audienceOrder(h.row.audiences),
          districtsReached: places(h.row.districts),
          drill: { ...drill, agencyIds: [h.agency.globalId] },
        }),
      ),
      leads: holders.filter((h) => h.isLead).map((h) => h.agency),
      activityCount: whole?.n ?? 0,
      audiencesReached: audienceOrder(whole?.audiences ?? []),
      districtsReached: places(whole?.districts ?? []),
      flags,
      severity: flags[0]?.kind ?? null,
      drill,
      holderCount: holders.length,
      name: name(domain),
    });
  }
  return out.sort(compareOverlaps(collator)).map(({ holderCount: _h, name: _n, ...o }) => o);
}
