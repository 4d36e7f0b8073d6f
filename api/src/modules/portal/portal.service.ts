import type { EntityManager } from '@mikro-orm/core';
import { analyticsScope, ANONYMOUS } from '../../graphql/access.js';
import { sql } from '../../db/sql.js';
import { badInput } from '../../shared/errors.js';
import { parseGlobalId } from '../../shared/ids.js';
import { Activity } from '../activities/activity.entity.js';
import { Agency } from '../agencies/agency.entity.js';
import { runAnalytics } from '../analytics/analytics.service.js';
import { Measure } from '../analytics/analytics.types.js';
import { CaseStudy } from '../cases/case.entity.js';
import { ResponsibilityItem } from '../responsibility/responsibility-item.entity.js';
import type { AgencyPortal, PortalAgency, PortalFigures, PublicActivity } from './portal.types.js';

/**
 * The public calendar of a year as (activity, agency) pairs: activities dated in the year that
 * deliver at least one published item, under their organiser and each co-organiser. Parameters:
 * first and last day of the year. (Why only these: docs/portal.md, "The activities calendar".)
 */
const CALENDAR = `
  select a.id as activity_id, x.agency_id from activity a
  cross join lateral (select a.organiser_id union select c.agency_id from activity_co_organisers c where c.activity_id = a.id) as x(agency_id)
  where a.date between ?::date and ?::date
    and exists (select 1 from activity_items ai join responsibility_item i on i.id = ai.item_id where ai.activity_id = a.id and i.published)`;

/** A case belongs to the year it was published in (the year it was decided when no publication day is known). */
const CASE_YEAR = 'extract(year from coalesce(c.published_on, c.decided_on))::int';

export function checkYear(year: number, path: (string | number)[] = ['year']): void {
  if (!Number.isInteger(year) || year < 2000 || year > 2100) throw badInput(`year must be between 2000 and 2100, not ${year}`, [{ path, message: 'out of range' }]);
}

/** The agency an `agencyId` argument names; BAD_USER_INPUT when malformed or unknown. */
export async function agencyArg(em: EntityManager, id: string, path: (string | number)[] = ['agencyId']): Promise<Agency> {
  const parsed = parseGlobalId(id);
  if (!parsed || parsed.type !== 'Agency') throw badInput(`"${id}" is not an Agency id (expected the form Agency:123)`, [{ path, message: 'not an Agency id' }]);
  const agency = await em.findOne(Agency, { id: parsed.id });
  if (!agency) throw badInput(`${id} does not exist`, [{ path, message: 'unknown agency' }]);
  return agency;
}

/** An agency's menu (菜单) for a year: its published responsibility items, by start of their window. */
export function menu(em: EntityManager, agencyId: number, year: number): Promise<ResponsibilityItem[]> {
  return em.find(ResponsibilityItem, { agency: agencyId, year, published: true }, { orderBy: { startsOn: 'asc', title: 'asc', id: 'asc' } });
}

/** Everything an agency published for a year. Statements: a constant number, whatever the size of the lists. */
export async function agencyPortal(em: EntityManager, agencyIdArg: string, year: number): Promise<AgencyPortal> {
  checkYear(year);
  const agency = await agencyArg(em, agencyIdArg);
  const [items, activities, cases] = await Promise.all([
    menu(em, agency.id, year),
    calendar(em, agency.id, year),
    em.find(CaseStudy, { agency: agency.id, published: true, $or: [
      { publishedOn: { $gte: `${year}-01-01`, $lte: `${year}-12-31` } },
      { publishedOn: null, decidedOn: { $gte: `${year}-01-01`, $lte: `${year}-12-31` } },
    ] }, { orderBy: { publishedOn: 'desc nulls last', decidedOn: 'desc', id: 'desc' } }),
  ]);
  return { agency, year, items, activities, cases };
}

async function calendar(em: EntityManager, agencyId: number, year: number): Promise<PublicActivity[]> {
  const rows = await sql<{ activity_id: number }>(em, `select activity_id from (${CALENDAR}) k where agency_id = ?`, [`${year}-01-01`, `${year}-12-31`, agencyId]);
  if (rows.length === 0) return [];
  const found = await em.find(Activity, { id: { $in: rows.map((r) => r.activity_id) } }, {
    populate: ['region', 'organiser', 'coOrganisers', 'laws', 'items', 'domain'],
    orderBy: { date: 'asc', id: 'asc' },
  });
  return found.map((a) => ({
    id: `Activity:${a.id}`,
    title: a.title,
    date: a.date,
    region: a.region.getEntity(),
    organiser: a.organiser.getEntity(),
    coOrganisers: a.coOrganisers.getItems(),
    form: a.form,
    venueType: a.venueType ?? null,
    audiences: a.audiences,
    laws: a.laws.getItems(),
    domain: a.domain?.getEntity() ?? null,
    troupe: a.troupe ?? null,
    keyDate: a.keyDate ?? null,
    participants: a.participants,
    items: a.items.getItems().filter((i) => i.published),
  }));
}

/** The portal's directory: agencies that published items or cases for the year, by code. */
export async function portalAgencies(em: EntityManager, year: number): Promise<PortalAgency[]> {
  checkYear(year);
  const rows = await sql<{ id: number; items: number; activities: number; cases: number }>(em, `
    with items as (select agency_id, count(*)::int as n from responsibility_item where year = ? and published group by 1),
    cases as (select c.agency_id, count(*)::int as n from case_study c where c.published and ${CASE_YEAR} = ? group by 1),
    acts as (select agency_id, count(distinct activity_id)::int as n from (${CALENDAR}) k group by 1)
    select g.id, coalesce(items.n, 0) as items, coalesce(acts.n, 0) as activities, coalesce(cases.n, 0) as cases
    from agency g left join items on items.agency_id = g.id left join cases on cases.agency_id = g.id left join acts on acts.agency_id = g.id
    where items.n is not null or cases.n is not null
    order by g.code`, [year, year, `${year}-01-01`, `${year}-12-31`]);
  const agencies = new Map((await em.find(Agency, { id: { $in: rows.map((r) => r.id) } })).map((a) => [a.id, a]));
  return rows.map((r) => ({ agency: agencies.get(r.id)!, publishedItems: r.items, calendarActivities: r.activities, publishedCases: r.cases }));
}

const FIGURE_MEASURES = [Measure.ACTIVITY_COUNT, Measure.PARTICIPANTS, Measure.MATERIALS_DISTRIBUTED, Measure.CONSULTATIONS, Measure.CASE_COUNT];

/** City-wide figures of a year: the analytics totals the public may read, and counts of published lists. */
export async function portalFigures(em: EntityManager, year: number): Promise<PortalFigures> {
  checkYear(year);
  const result = await runAnalytics(em, { measures: FIGURE_MEASURES, filter: { from: `${year}-01-01`, to: `${year}-12-31` } }, analyticsScope(ANONYMOUS));
  const total = (m: Measure) => result.totals.find((t) => t.measure === m)?.value ?? 0;
  const [lists] = await sql<{ items: number; agencies: number }>(em,
    `select count(*)::int as items, count(distinct agency_id)::int as agencies from responsibility_item where year = ? and published`, [year]);
  return {
    year,
    activities: total(Measure.ACTIVITY_COUNT),
    participants: total(Measure.PARTICIPANTS),
    materialsDistributed: total(Measure.MATERIALS_DISTRIBUTED),
    consultations: total(Measure.CONSULTATIONS),
    publishedCases: total(Measure.CASE_COUNT),
    publishedItems: lists!.items,
    agenciesWithPublishedList: lists!.agencies,
  };
}
