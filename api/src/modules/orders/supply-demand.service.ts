import type { EntityManager } from '@mikro-orm/core';
import { analyticsScope, type Viewer } from '../../graphql/access.js';
import { sql } from '../../db/sql.js';
import { badInput, userError } from '../../shared/errors.js';
import { existingIds } from '../../shared/validate.js';
import { Agency } from '../agencies/agency.entity.js';
import { EnforcementDomain } from '../domains/domain.entity.js';
import { todayInShanghai } from '../ingestion/rows.js';
import { Law } from '../laws/law.entity.js';
import { checkYear } from '../portal/portal.service.js';
import type { OrderFigures, SupplyDemand } from './orders.types.js';

export interface SupplyDemandQuery {
  year: number;
  overdueDays?: number | null;
  asOf?: string | null;
  agencyIds?: string[] | null;
}

interface FigureRow {
  g: 'agency' | 'domain' | 'total';
  key: number | null;
  routed: number;
  answered: number;
  waiting: number;
  overdue: number;
  accepted: number;
  declined: number;
  done: number;
  median: number | null;
}

const AGGREGATES = `count(*)::int as routed, count(*) filter (where status <> 'WAITING')::int as answered, count(*) filter (where status = 'WAITING')::int as waiting,
  count(*) filter (where overdue)::int as overdue, count(*) filter (where status = 'ACCEPTED')::int as accepted,
  count(*) filter (where status = 'DECLINED')::int as declined, count(*) filter (where status = 'DONE')::int as done,
  percentile_cont(0.5) within group (order by days) as median`;

/**
 * Supply meeting demand in a year (docs/metrics.md, "Supply and demand"): routed requests per
 * agency, per domain and in total; orders and unrouted orders; demand no menu offers.
 * Access as for unit-level analytics: the readers of every record see every agency; an agency
 * reporter sees its own agency's requests (and the city-wide demand); everyone else is refused.
 * Statements: the id check, three aggregates, then labels — a constant.
 */
export async function supplyDemand(em: EntityManager, viewer: Viewer, q: SupplyDemandQuery): Promise<SupplyDemand> {
  checkYear(q.year);
  const overdueDays = q.overdueDays ?? 14;
  if (!Number.isInteger(overdueDays) || overdueDays < 0 || overdueDays > 365) throw badInput('overdueDays must be between 0 and 365', [{ path: ['overdueDays'], message: 'out of range' }]);
  const asOf = q.asOf ?? todayInShanghai();
  const scope = analyticsScope(viewer);
  let agencies = await existingIds(em, 'Agency', q.agencyIds, ['agencyIds']);
  if (!scope.all) {
    if (!scope.signedIn) throw userError('UNAUTHENTICATED', 'Sign in to read supply and demand: it shows single agencies’ answers');
    if (!scope.ownAgency) throw userError('FORBIDDEN', 'Supply and demand shows single agencies’ answers; your account may see city-wide figures only');
    if (agencies?.some((a) => a !== scope.ownAgency)) throw userError('FORBIDDEN', `Your account may see only its own agency (Agency:${scope.ownAgency})`);
    agencies = [scope.ownAgency];
  }

  const params: unknown[] = [asOf, overdueDays, q.year];
  let scoped = '';
  if (agencies) {
    scoped = 'and r.agency_id = any(?)';
    params.push(agencies);
  }
  const figures = await sql<FigureRow>(em, `
    with base as (
      select r.order_id, r.agency_id, r.status,
        r.status = 'WAITING' and ?::date - (o.ordered_at at time zone 'Asia/Shanghai')::date > ?::int as overdue,
        extract(epoch from r.answered_at - o.ordered_at)::float8 / 86400 as days
      from education_order_agency r join education_order o on o.id = r.order_id
      where extract(year from o.wished_from)::int = ? ${scoped}
    )
    select 'agency' as g, agency_id as key, ${AGGREGATES} from base group by agency_id
    union all
    select 'domain', d.domain_id, ${AGGREGATES} from base b join education_order_domains d on d.order_id = b.order_id group by d.domain_id
    union all
    select 'total', null, ${AGGREGATES} from base`, params);

  const [counts] = await sql<{ orders: number; unrouted: number }>(em, `select count(*)::int as orders,
      count(*) filter (where not exists (select 1 from education_order_agency r where r.order_id = o.id))::int as unrouted
    from education_order o where extract(year from o.wished_from)::int = ?`, [q.year]);

  // An order is offered by a menu when a published item of the year teaches its law, or, for its
  // domain, belongs to the domain or teaches a law of it.
  const unmet = await sql<{ law_id: number | null; domain_id: number | null; orders: number }>(em, `
    select o.law_id, o.domain_id, count(*)::int as orders from education_order o
    where extract(year from o.wished_from)::int = ? and not exists (
      select 1 from responsibility_item i where i.year = ? and i.published and (
        (o.law_id is not null and exists (select 1 from responsibility_item_laws il where il.item_id = i.id and il.law_id = o.law_id))
        or (o.domain_id is not null and (i.domain_id = o.domain_id
          or exists (select 1 from responsibility_item_laws il join law_domains ld on ld.law_id = il.law_id where il.item_id = i.id and ld.domain_id = o.domain_id)))))
    group by o.law_id, o.domain_id
    order by orders desc, o.law_id nulls last, o.domain_id nulls last`, [q.year, q.year]);

  const ids = (g: FigureRow['g']) => figures.filter((f) => f.g === g).map((f) => f.key!);
  const domainIds = [...new Set([...ids('domain'), ...unmet.flatMap((u) => (u.domain_id ? [u.domain_id] : []))])];
  const lawIds = [...new Set(unmet.flatMap((u) => (u.law_id ? [u.law_id] : [])))];
  const [agencyRows, domainRows, lawRows] = await Promise.all([
    ids('agency').length ? em.find(Agency, { id: { $in: ids('agency') } }) : [],
    domainIds.length ? em.find(EnforcementDomain, { id: { $in: domainIds } }) : [],
    lawIds.length ? em.find(Law, { id: { $in: lawIds } }) : [],
  ]);
  const agencyById = new Map(agencyRows.map((a) => [a.id, a]));
  const domainById = new Map(domainRows.map((d) => [d.id, d]));
  const lawById = new Map(lawRows.map((l) => [l.id, l]));
  // An aggregate without GROUP BY always gives its one row, zeros over no requests.
  const total = figures.find((f) => f.g === 'total')!;
  return {
    year: q.year,
    asOf,
    overdueDays,
    orders: counts!.orders,
    unroutedOrders: counts!.unrouted,
    totals: toFigures(total),
    byAgency: figures.filter((f) => f.g === 'agency').map((f) => ({ agency: agencyById.get(f.key!)!, figures: toFigures(f) })).sort((a, b) => a.agency.code.localeCompare(b.agency.code)),
    byDomain: figures.filter((f) => f.g === 'domain').map((f) => ({ domain: domainById.get(f.key!)!, figures: toFigures(f) })).sort((a, b) => a.domain.code.localeCompare(b.domain.code)),
    unmetDemand: unmet.map((u) => ({ law: u.law_id ? lawById.get(u.law_id)! : null, domain: u.domain_id ? domainById.get(u.domain_id)! : null, orders: u.orders })),
  };
}

function toFigures(f: Omit<FigureRow, 'g' | 'key'>): OrderFigures {
  return {
    routed: f.routed, answered: f.answered, waiting: f.waiting, overdue: f.overdue,
    accepted: f.accepted, declined: f.declined, done: f.done,
    medianDaysToAnswer: f.median === null ? null : Math.round(Number(f.median) * 100) / 100,
  };
}
