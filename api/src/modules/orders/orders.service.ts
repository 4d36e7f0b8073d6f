import type { EntityManager } from '@mikro-orm/core';
import { analyticsScope, authorizeWrite, type Viewer } from '../../graphql/access.js';
import { sql } from '../../db/sql.js';
import { badInput, userError, type FieldProblem } from '../../shared/errors.js';
import { parseGlobalId } from '../../shared/ids.js';
import { existingIds } from '../../shared/validate.js';
import { Agency } from '../agencies/agency.entity.js';
import { recordAudit } from '../audit/audit.service.js';
import { EnforcementDomain } from '../domains/domain.entity.js';
import { todayInShanghai } from '../ingestion/rows.js';
import { OrderRoute, OrderStatus } from './order.entity.js';
import { OrderDecision, type EducationOrderInput, type OrderAnswerInput, type OrderFilter, type OrderReceipt } from './orders.types.js';

/** Days ahead an order may wish for: the menus of this year and the next. */
const MAX_DAYS_AHEAD = 400;

const addDays = (day: string, n: number) => new Date(Date.parse(`${day}T00:00:00Z`) + n * 86_400_000).toISOString().slice(0, 10);

function idOf(type: string, value: string | null | undefined, path: (string | number)[], problems: FieldProblem[]): number | null {
  if (value === null || value === undefined) return null;
  const parsed = parseGlobalId(value);
  if (!parsed || parsed.type !== type) {
    problems.push({ path, message: `"${value}" is not a ${type} id (expected the form ${type}:123)` });
    return null;
  }
  return parsed.id;
}

const refused = (what: string, problems: FieldProblem[]) => badInput(`${what}: ${problems.map((p) => `${p.path.join('.')}: ${p.message}`).join('; ')}`, problems);

/**
 * Places a public order and routes it, in one transaction: to every agency that holds power in one
 * of its domains on the day of the order and sits in the city or in the order's district. Its
 * domains are its domain and its law's domains. An order nobody holds powers for is kept, unrouted.
 */
export async function placeOrder(em: EntityManager, input: EducationOrderInput, today = todayInShanghai()): Promise<OrderReceipt> {
  const problems: FieldProblem[] = [];
  const lawId = idOf('Law', input.lawId, ['input', 'lawId'], problems);
  const domainId = idOf('EnforcementDomain', input.domainId, ['input', 'domainId'], problems);
  const districtId = idOf('Region', input.districtId, ['input', 'districtId'], problems);
  if (!input.lawId && !input.domainId) problems.push({ path: ['input', 'lawId'], message: 'name a law (lawId) or a domain (domainId), so the order can reach the agencies that teach it' });
  if (input.wishedFrom > input.wishedTo) problems.push({ path: ['input', 'wishedTo'], message: `ends ${input.wishedTo}, before it starts (${input.wishedFrom})` });
  else if (input.wishedTo < today) problems.push({ path: ['input', 'wishedTo'], message: `${input.wishedTo} is past; wish for a period that ends today (${today}) or later` });
  if (input.wishedFrom > addDays(today, MAX_DAYS_AHEAD)) problems.push({ path: ['input', 'wishedFrom'], message: `order at most ${MAX_DAYS_AHEAD} days ahead (until ${addDays(today, MAX_DAYS_AHEAD)})` });
  for (const key of ['requesterName', 'contactName', 'topic'] as const) {
    if (!input[key].trim()) problems.push({ path: ['input', key], message: 'must not be blank' });
  }
  if (problems.length) throw refused('The order was not placed', problems);

  const [refs] = await sql<{ law: boolean; law_domains: number[]; domain: boolean; level: string | null }>(em, `select
      exists (select 1 from law where id = ?) as law,
      coalesce((select array_agg(domain_id order by domain_id) from law_domains where law_id = ?), '{}') as law_domains,
      exists (select 1 from enforcement_domain where id = ?) as domain,
      (select level from region where id = ?) as level`, [lawId ?? 0, lawId ?? 0, domainId ?? 0, districtId]);
  if (lawId && !refs!.law) problems.push({ path: ['input', 'lawId'], message: `${input.lawId} does not exist` });
  if (domainId && !refs!.domain) problems.push({ path: ['input', 'domainId'], message: `${input.domainId} does not exist` });
  if (!refs!.level) problems.push({ path: ['input', 'districtId'], message: `${input.districtId} does not exist` });
  else if (refs!.level !== 'DISTRICT') problems.push({ path: ['input', 'districtId'], message: `${input.districtId} is a ${refs!.level}; give the district (a DISTRICT-level region)` });
  if (problems.length) throw refused('The order was not placed', problems);
  const domains = [...new Set([...(domainId ? [domainId] : []), ...refs!.law_domains])].sort((a, b) => a - b);

  const { orderId, agencies } = await em.transactional(async (tx) => {
    const [order] = await sql<{ id: number }>(tx, `insert into education_order (requester_kind, requester_name, contact_name, contact_phone, topic, law_id, domain_id, district_id, wished_from, wished_to, audience_size)
      values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) returning id`,
      [input.requesterKind, input.requesterName.trim(), input.contactName.trim(), input.contactPhone.trim(), input.topic.trim(), lawId, domainId, districtId, input.wishedFrom, input.wishedTo, input.audienceSize ?? null]);
    if (domains.length) await sql(tx, `insert into education_order_domains (order_id, domain_id) select ?, unnest(?::int[])`, [order!.id, domains]);
    const routed = await sql<{ agency_id: number }>(tx, `insert into education_order_agency (order_id, agency_id)
      select distinct ?::int, p.agency_id from enforcement_power p
      join agency a on a.id = p.agency_id join region ar on ar.id = a.region_id join region d on d.id = ?
      where p.domain_id = any(?) and p.valid_from <= ?::date and (p.valid_to is null or p.valid_to >= ?::date)
        and a.valid_from <= ?::date and (a.valid_to is null or a.valid_to >= ?::date) and d.path like ar.path || '%'
      returning agency_id`, [order!.id, districtId, domains, today, today, today, today]);
    // The audit keeps what was ordered and where it went, not who to call (personal data stays in one place).
    await recordAudit(tx, { kind: 'anonymous' }, {
      action: 'CREATE', entity: 'EducationOrder', entityId: order!.id,
      after: { requesterKind: input.requesterKind, requesterName: input.requesterName.trim(), topic: input.topic.trim(), lawId, domainId, districtId, wishedFrom: input.wishedFrom, wishedTo: input.wishedTo, domains, routedTo: routed.map((r) => r.agency_id) },
    });
    return { orderId: order!.id, agencies: routed.map((r) => r.agency_id) };
  });
  const [routedTo, domainRows] = await Promise.all([
    agencies.length ? em.find(Agency, { id: { $in: agencies } }, { orderBy: { code: 'asc' } }) : [],
    domains.length ? em.find(EnforcementDomain, { id: { $in: domains } }, { orderBy: { code: 'asc' } }) : [],
  ]);
  return { orderId: `EducationOrder:${orderId}`, domains: domainRows, routedTo };
}

/**
 * Who reads orders: the roles that read every record see all; an agency reporter the orders routed
 * to its agency; nobody else (the public places orders but never reads them).
 */
export function orderReadScope(viewer: Viewer): { all: true } | { all: false; agencyId: number } {
  const scope = analyticsScope(viewer);
  if (scope.all) return { all: true };
  if (scope.ownAgency) return { all: false, agencyId: scope.ownAgency };
  if (!scope.signedIn) throw userError('UNAUTHENTICATED', 'Sign in to read orders for legal education');
  throw userError('FORBIDDEN', `Your account (${viewer.kind === 'user' ? viewer.role : ''}) may not read orders; agencies read the orders routed to them`);
}

/** The MikroORM condition for `educationOrders`. */
export async function orderWhere(em: EntityManager, viewer: Viewer, f: OrderFilter | undefined): Promise<Record<string, unknown>> {
  const scope = orderReadScope(viewer);
  const agencies = await existingIds(em, 'Agency', f?.agencyIds, ['filter', 'agencyIds']);
  const domains = await existingIds(em, 'EnforcementDomain', f?.domainIds, ['filter', 'domainIds']);
  if (!scope.all && agencies?.some((a) => a !== scope.agencyId)) {
    throw userError('FORBIDDEN', `Your account reads the orders routed to Agency:${scope.agencyId} only`);
  }
  const route: Record<string, unknown> = {};
  if (!scope.all) route.agency = scope.agencyId;
  else if (agencies) route.agency = { $in: agencies };
  if (f?.statuses) route.status = { $in: f.statuses };
  const and: Record<string, unknown>[] = [];
  if (Object.keys(route).length) and.push({ routes: route });
  if (domains) and.push({ domains: { $in: domains } });
  if (f?.years) and.push({ $or: f.years.map((y) => ({ wishedFrom: { $gte: `${y}-01-01`, $lte: `${y}-12-31` } })) });
  return { $and: and };
}

/** Contacts are personal data: the admins and the agencies an order went to read them, nobody else. */
export function mayReadContact(viewer: Viewer, routedAgencies: number[]): boolean {
  if (viewer.kind !== 'user') return false;
  if (viewer.role === 'ADMIN') return true;
  return viewer.role === 'AGENCY_REPORTER' && viewer.agencyId !== null && routedAgencies.includes(viewer.agencyId);
}

const FINAL = new Set<string>([OrderStatus.DONE, OrderStatus.DECLINED]);
const STATUS_OF: Record<OrderDecision, OrderStatus> = { ACCEPT: OrderStatus.ACCEPTED, DECLINE: OrderStatus.DECLINED, DONE: OrderStatus.DONE };

/**
 * An agency answers an order routed to it: WAITING or ACCEPTED → ACCEPTED (a planned day; again to
 * move it), DECLINED (a reason) or DONE (its activity). DONE and DECLINED are final (CONFLICT).
 * Whoever may write the agency's activities may answer for it. The first answer stamps answeredAt.
 */
export async function answerOrder(em: EntityManager, viewer: Viewer, input: OrderAnswerInput): Promise<OrderRoute> {
  if (viewer.kind === 'anonymous') throw userError('UNAUTHENTICATED', 'Sign in to answer orders for your agency');
  const problems: FieldProblem[] = [];
  const orderId = idOf('EducationOrder', input.orderId, ['input', 'orderId'], problems);
  const activityId = idOf('Activity', input.activityId, ['input', 'activityId'], problems);
  let agencyId = idOf('Agency', input.agencyId, ['input', 'agencyId'], problems);
  if (!input.agencyId && viewer.kind === 'user' && viewer.agencyId) agencyId = viewer.agencyId;
  const reason = input.reason?.trim() ?? '';
  const d = input.decision;
  if (d === OrderDecision.ACCEPT && !input.plannedOn) problems.push({ path: ['input', 'plannedOn'], message: 'ACCEPT needs the day planned' });
  if (d !== OrderDecision.ACCEPT && input.plannedOn) problems.push({ path: ['input', 'plannedOn'], message: 'only with ACCEPT' });
  if (d === OrderDecision.DECLINE && reason.length < 5) problems.push({ path: ['input', 'reason'], message: 'DECLINE needs a reason of 5–500 characters the audience can understand' });
  if (d !== OrderDecision.DECLINE && input.reason) problems.push({ path: ['input', 'reason'], message: 'only with DECLINE' });
  if (d === OrderDecision.DONE && !input.activityId) problems.push({ path: ['input', 'activityId'], message: 'DONE needs the activity that delivered the order' });
  if (d !== OrderDecision.DONE && input.activityId) problems.push({ path: ['input', 'activityId'], message: 'only with DONE' });
  if (!agencyId && !input.agencyId) problems.push({ path: ['input', 'agencyId'], message: 'give the answering agency' });
  if (problems.length) throw refused('The answer was not saved', problems);

  const [agency] = await sql<{ district_id: number | null }>(em, `select r.district_id from agency a join region r on r.id = a.region_id where a.id = ?`, [agencyId]);
  if (!agency) throw refused('The answer was not saved', [{ path: ['input', 'agencyId'], message: `Agency:${agencyId} does not exist` }]);
  const user = authorizeWrite(viewer, 'Activity', { agencyId, agencyDistrictId: agency.district_id });

  await em.transactional(async (tx) => {
    const [route] = await sql<{ row: unknown; status: string; ordered_on: string }>(tx, `select row_to_json(r) as row, r.status, (o.ordered_at at time zone 'Asia/Shanghai')::date::text as ordered_on
      from education_order_agency r join education_order o on o.id = r.order_id where r.order_id = ? and r.agency_id = ? for update of r`, [orderId, agencyId]);
    if (!route) throw userError('NOT_FOUND', `EducationOrder:${orderId} was not routed to Agency:${agencyId}`);
    if (FINAL.has(route.status)) throw userError('CONFLICT', `Agency:${agencyId} already answered EducationOrder:${orderId} with ${route.status}, which is final`);
    if (input.plannedOn && input.plannedOn < route.ordered_on) {
      throw refused('The answer was not saved', [{ path: ['input', 'plannedOn'], message: `${input.plannedOn} is before the order (${route.ordered_on})` }]);
    }
    if (activityId) {
      const [activity] = await sql<{ date: string; ours: boolean }>(tx, `select a.date::text as date, (a.organiser_id = ? or exists (select 1 from activity_co_organisers c where c.activity_id = a.id and c.agency_id = ?)) as ours
        from activity a where a.id = ?`, [agencyId, agencyId, activityId]);
      const problem = !activity ? `Activity:${activityId} does not exist`
        : !activity.ours ? `Activity:${activityId} was not organised or co-organised by Agency:${agencyId}`
        : activity.date < route.ordered_on ? `Activity:${activityId} was held ${activity.date}, before the order (${route.ordered_on})` : null;
      if (problem) throw refused('The answer was not saved', [{ path: ['input', 'activityId'], message: problem }]);
    }
    const [after] = await sql<{ row: unknown }>(tx, `update education_order_agency set status = ?,
        planned_on = case when ? = 'ACCEPTED' then ?::date else planned_on end,
        decline_reason = ?, activity_id = ?, answered_at = coalesce(answered_at, now()), updated_at = now()
      where order_id = ? and agency_id = ? returning row_to_json(education_order_agency.*) as row`,
      [STATUS_OF[d], STATUS_OF[d], input.plannedOn ?? null, d === OrderDecision.DECLINE ? reason : null, activityId, orderId, agencyId]);
    await recordAudit(tx, user, { action: 'UPDATE', entity: 'OrderRoute', entityId: `${orderId}:${agencyId}`, before: route.row, after: after!.row });
  });
  return em.findOneOrFail(OrderRoute, { order: orderId!, agency: agencyId! }, { refresh: true });
}

