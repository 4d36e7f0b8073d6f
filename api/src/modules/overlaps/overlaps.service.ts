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
import { splitMonths } from '../analytics/periods.js';
import { periodRanges, periodText, type DayRange } from './period.js';

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
 * which reaches the other. `reach`: per (domain, holder, district, audience) the activities credited
 * to the holder (audience null) and those that reached each audience — for the whole months of the
 * period from rollup_overlap_reach, for the days at its edges (or everything, when the rollups cannot
 * answer the region filter) from the raw facts. `shared`: activities credited to k ≥ 2 holders of a
 * domain, which the holders' sum counts k times, so a domain's activities are that sum less
 * (k − 1) for each (rollup_overlap_shared, and the raw edges likewise), summed per domain once
 * (`shared_total`: a subquery per domain would read the shared rows once per domain). `stats` and
 * `named` are materialized: the planner, expecting a handful of rows, otherwise regroups them once per
 * holder (61 sorts of 1,373 rows at province scale: 20 of 37 ms). See docs/metrics.md.
 */
const MAIN = `
with recursive
period (s, e) as (select * from unnest(?::date[], ?::date[])),
months (s, e) as (select * from unnest(?::date[], ?::date[])),
edges (s, e) as (select * from unnest(?::date[], ?::date[])),
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
edge_acts as (
  select x.id, x.domain_id, x.organiser_id, x.co_organiser_ids, x.audiences, g.district_id
  from activity x
  join overlap o on o.domain_id = x.domain_id
  join region g on g.id = x.region_id
  where x.date between ?::date and ?::date
    and exists (select 1 from edges where x.date between s and e)
    and (?::int[] is null or x.region_id = any(?::int[]))
),
reach as (
  select r.domain_id, r.agency_id, r.district_id, r.audience, sum(r.n) as n
  from (select * from rollup_overlap_reach union all select * from rollup_overlap_reach_delta) r
  join held h on h.domain_id = r.domain_id and h.agency_id = r.agency_id
  join overlap o on o.domain_id = r.domain_id
  where r.month between ?::date and ?::date and exists (select 1 from months where r.month between s and e)
    and (?::int[] is null or r.district_id = any(?::int[]))
  group by 1, 2, 3, 4
  union all
  select x.domain_id, h.agency_id, x.district_id, u.audience, count(*)
  from edge_acts x
  join held h on h.domain_id = x.domain_id and (x.organiser_id = h.agency_id or h.agency_id = any(x.co_organiser_ids))
  cross join lateral (select null::text as audience union select y from unnest(x.audiences) y) u
  group by 1, 2, 3, 4
),
cred as (
  select domain_id, agency_id, district_id, audience, sum(n) as n from reach group by 1, 2, 3, 4 having sum(n) <> 0
),
holders as (select domain_id, array_agg(agency_id) as ids from held group by 1),
shared as (
  select s.domain_id, s.n * (c.k - 1) as extra
  from (select * from rollup_overlap_shared union all select * from rollup_overlap_shared_delta) s
  join overlap o on o.domain_id = s.domain_id
  join holders hs on hs.domain_id = s.domain_id
  cross join lateral (select count(*) as k from unnest(s.agency_ids) as a (id) where a.id = any(hs.ids)) c
  where s.month between ?::date and ?::date and s.agency_ids && hs.ids and c.k >= 2
    and exists (select 1 from months where s.month between months.s and months.e)
    and (?::int[] is null or s.district_id = any(?::int[]))
  union all
  select x.domain_id, c.k - 1
  from edge_acts x
  cross join lateral (select count(*) as k from held h where h.domain_id = x.domain_id and (h.agency_id = x.organiser_id or h.agency_id = any(x.co_organiser_ids))) c
  where c.k >= 2
),
shared_total as (select domain_id, sum(extra) as extra from shared group by 1),
stats as materialized (
  select c.domain_id, c.agency_id, (coalesce(sum(c.n) filter (where c.audience is null), 0))::int as n,
         coalesce(array_agg(distinct c.audience) filter (where c.audience is not null), '{}') as audiences,
         coalesce(array_agg(distinct c.district_id) filter (where c.district_id is not null), '{}') as districts
  from cred c group by 1, 2
),
whole as (
  select c.domain_id,
         (coalesce(sum(c.n) filter (where c.audience is null), 0) - coalesce(max(st.extra), 0))::int as n,
         coalesce(array_agg(distinct c.audience) filter (where c.audience is not null), '{}') as audiences,
         coalesce(array_agg(distinct c.district_id) filter (where c.district_id is not null), '{}') as districts
  from cred c left join shared_total st on st.domain_id = c.domain_id group by 1
),
named as materialized (
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
left join stats s on s.domain_id = h.domain_id and s.agency_id = h.agency_id
left join named nm on nm.domain_id = h.domain_id and nm.agency_id = h.agency_id
union all
select w.domain_id, null, null, w.n, w.audiences, w.districts, null from whole w`;

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

/**
 * overlapGaps(filter, locale): see docs/metrics.md, "Overlap gaps". A fixed number of statements.
 * `rollups: false` reads only the raw facts (the tests compare both answers).
 */
export async function overlapGaps(
  em: EntityManager,
  filter: OverlapFilter,
  locale: LocaleCode,
  access: OverlapAccess = {},
  opts: { rollups?: boolean } = {},
): Promise<OverlapGap[]> {
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
  // The rollups keep districts: they answer no region filter, or one of whole districts only.
  const wholeDistricts = regionIds ? districtRows.filter((d) => d.whole).map((d) => d.id) : null;
  const rollups = opts.rollups !== false && (!regionIds || wholeDistricts!.length === new Set(rootIds).size);
  const { months, edges } = splitRanges(ranges, rollups);
  const [monthFrom, monthTo] = [months[0]?.from ?? null, months[months.length - 1]?.to ?? null];
  let rows = await sql<Row>(em, MAIN, [
    starts, ends, months.map((m) => m.from), months.map((m) => m.to), edges.map((e) => e.from), edges.map((e) => e.to),
    domainIds ?? null, domainIds ?? null,
    edges[0]?.from ?? null, edges[edges.length - 1]?.to ?? null, regionIds ?? null, regionIds ?? null,
    monthFrom, monthTo, wholeDistricts, wholeDistricts, monthFrom, monthTo, wholeDistricts, wholeDistricts,
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

/**
 * The whole months of the ranges (first days of the first and last, read from the rollups) and the
 * days left at their edges (read from the raw facts); without rollups, every range is an edge.
 */
export function splitRanges(ranges: DayRange[], rollups: boolean): { months: DayRange[]; edges: DayRange[] } {
  if (!rollups) return { months: [], edges: ranges };
  const months: DayRange[] = [];
  const edges: DayRange[] = [];
  for (const r of ranges) {
    const split = splitMonths(r.from, r.to);
    if (split.months) months.push({ from: split.months.from!, to: split.months.to! });
    for (const e of split.edges) edges.push({ from: e.from!, to: e.to! });
  }
  return { months, edges: edges.sort((a, b) => (a.from < b.from ? -1 : 1)) };
}
