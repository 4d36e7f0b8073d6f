import type { EntityManager } from '@mikro-orm/core';
import type { Database } from '../../db/orm.js';
import { sql } from '../../db/sql.js';
import { requireRole, type Viewer } from '../../graphql/access.js';
import { badInput, type FieldProblem } from '../../shared/errors.js';
import { parseGlobalId } from '../../shared/ids.js';
import { recordAudit } from '../audit/audit.service.js';
import { Role } from '../auth/role.js';
import { today as clockToday } from '../inspections/clock.js';
import { EducationOrder } from './order.entity.js';

/**
 * The public's contacts on orders are personal data kept no longer than the purpose needs
 * (个人信息保护法; docs/portal.md "Personal data"): erased `days` days after the order is settled, or
 * after its wished period ended when the agencies never settle it, or earlier by an admin. Erasing
 * sets both fields null and stamps contactErasedOn; the audit entry says when and why, never what.
 */

export const ERASE_REASON_LIMITS = { min: 5, max: 500 } as const;
/** The erased fields as the audit entry shows them: that they were erased, not their values. */
const erasedImage = (day: string) => ({ contactName: null, contactPhone: null, contactErasedOn: day });

/**
 * Erases, as of `today`, the contacts of the orders whose every route is settled (DONE or
 * DECLINED; settled on the day of the last answer) more than `days` days ago, or whose wished
 * period ended more than `days` days ago whatever the routes' state (an unrouted order too). One
 * transaction, one ERASE audit entry per order (actor: the system). Returns the erased ids.
 */
export async function eraseDueContacts(em: EntityManager, days: number, today = clockToday()): Promise<number[]> {
  return em.transactional(async (tx) => {
    // `o.contact_erased_on is null` is checked again on the locked row, so a concurrent run (an
    // admin's erasure, a second server) never erases or audits an order twice.
    const erased = await sql<{ id: number; settled_on: string | null; wished_to: string }>(tx, `
      update education_order o set contact_name = null, contact_phone = null, contact_erased_on = ?::date
      from (
        select o.id, s.settled_on from education_order o
        left join lateral (
          select (max(coalesce(r.updated_at, r.answered_at)) at time zone 'Asia/Shanghai')::date as settled_on
          from education_order_agency r where r.order_id = o.id
          having bool_and(r.status in ('DONE', 'DECLINED'))
        ) s on true
        where o.contact_erased_on is null and (o.wished_to < ?::date - ?::int or s.settled_on < ?::date - ?::int)
      ) due
      where o.id = due.id and o.contact_erased_on is null
      returning o.id, due.settled_on::text as settled_on, o.wished_to::text as wished_to`, [today, today, days, today, days]);
    erased.sort((a, b) => a.id - b.id);
    await recordAudit(tx, { kind: 'anonymous' }, ...erased.map((o) => ({
      action: 'ERASE', entity: 'EducationOrder', entityId: o.id, after: erasedImage(today),
      // The rule that fell due first.
      reason: o.settled_on !== null && o.settled_on <= o.wished_to
        ? `every route settled on ${o.settled_on}; contact kept ${days} days (PUFA_ORDER_CONTACT_DAYS)`
        : `wished period ended on ${o.wished_to}; contact kept ${days} days (PUFA_ORDER_CONTACT_DAYS)`,
    })));
    return erased.map((o) => o.id);
  });
}

/**
 * An admin erases an order's contact now, with a reason kept in the audit trail. Idempotent: an
 * order already erased is answered as it is and nothing is written.
 */
export async function eraseOrderContact(em: EntityManager, viewer: Viewer, orderId: string, reason: string, today = clockToday()): Promise<EducationOrder> {
  const user = requireRole(viewer, [Role.ADMIN], 'erase the contacts of orders (admins only)');
  const problems: FieldProblem[] = [];
  const parsed = parseGlobalId(orderId);
  if (!parsed || parsed.type !== 'EducationOrder') problems.push({ path: ['orderId'], message: `"${orderId}" is not a EducationOrder id (expected the form EducationOrder:123)` });
  const why = reason.trim();
  if (why.length < ERASE_REASON_LIMITS.min || why.length > ERASE_REASON_LIMITS.max) {
    problems.push({ path: ['reason'], message: `give a reason of ${ERASE_REASON_LIMITS.min}–${ERASE_REASON_LIMITS.max} characters; it is kept in the audit trail` });
  }
  const refused = () => badInput(`The contact was not erased: ${problems.map((p) => `${p.path.join('.')}: ${p.message}`).join('; ')}`, problems);
  if (problems.length) throw refused();
  const id = parsed!.id;

  await em.transactional(async (tx) => {
    const [order] = await sql<{ erased: boolean }>(tx, `select contact_erased_on is not null as erased from education_order where id = ? for update`, [id]);
    if (!order) {
      problems.push({ path: ['orderId'], message: `${orderId} does not exist` });
      throw refused();
    }
    if (order.erased) return;
    await sql(tx, `update education_order set contact_name = null, contact_phone = null, contact_erased_on = ?::date where id = ?`, [today, id]);
    await recordAudit(tx, user, { action: 'ERASE', entity: 'EducationOrder', entityId: id, after: erasedImage(today), reason: why });
  });
  return em.findOneOrFail(EducationOrder, id, { refresh: true });
}

const HOUR = 3_600_000;

/**
 * Runs eraseDueContacts once (resolving when done, so the hub can erase before it serves) and then
 * every `ms` (an hour) on the hub's clock; resolves to the stop function (which waits for a run in
 * progress). A failed run is logged and the next one tries again.
 */
export async function eraseContactsEvery(
  db: Database,
  days: number,
  ms = HOUR,
  onError: (err: unknown) => void = (err) => console.error('Erasing order contacts failed:', err),
): Promise<() => Promise<void>> {
  let running: Promise<void> | undefined;
  const run = () => {
    running ??= eraseDueContacts(db.orm.em.fork(), days)
      .then((ids) => {
        if (ids.length) console.log(`Erased the contacts of ${ids.length} order(s) no longer needed (PUFA_ORDER_CONTACT_DAYS=${days})`);
      }, onError)
      .finally(() => (running = undefined));
    return running;
  };
  await run();
  const timer = setInterval(run, ms);
  timer.unref();
  return async () => {
    clearInterval(timer);
    await running;
  };
}
