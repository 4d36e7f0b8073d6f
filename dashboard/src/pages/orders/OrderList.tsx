/**
 * The orders of the year (educationOrders), newest first, filterable by the
 * state of a route, agency and domain: who ordered what, for when, where it
 * went and how each agency answered. Contacts appear only where the hub
 * sends them (the admins, the agencies an order went to) and until it erases
 * them (then the day they were erased); an admin may erase one now. An
 * account that may answer for a route's agency gets an answer button there.
 */
import { useId, useMemo, useState } from 'react';
import { Card } from '../../app/Card';
import { cardState } from '../../app/cardState';
import { formatDate, formatDateRange, formatHubDateTime, formatInteger } from '../../app/format';
import { useI18n } from '../../app/I18nContext';
import type { MessageKey } from '../../app/i18n';
import { localName, type Me, type NamedRef } from '../../app/session';
import { useRetryableQuery } from '../../app/useRetryableQuery';
import { mayAnswerFor } from './access';
import { isOpen, shanghaiDay, type RouteStatus } from './answer';
import { AnswerDialog, type AnswerTarget } from './AnswerDialog';
import { EraseContactDialog, type EraseTarget } from './EraseContactDialog';
import { EducationOrdersQuery, type EducationOrder } from './orders.queries';

const STATUSES: RouteStatus[] = ['WAITING', 'ACCEPTED', 'DONE', 'DECLINED'];
/**
 * Orders a page: eight with their routes (and the activities done ones name) stay well under the
 * hub's query-cost limit (20,000; a route's field costs 10 × 10 × the page size: every list counts ten).
 */
const PAGE = 8;

export function OrderListCard({
  user,
  year,
  agencies,
  domains,
  overdueBefore,
  onAnswered,
}: {
  user: Me;
  year: number;
  /** Requests still waiting from orders placed before this day are overdue (supplyDemand's asOf − overdueDays). */
  overdueBefore: string | null;
  /** Choices of the filters: the agencies and domains with requests in the year. */
  agencies: readonly NamedRef[] | undefined;
  domains: readonly NamedRef[] | undefined;
  onAnswered: () => void;
}) {
  const { lang, t } = useI18n();
  const ids = { status: useId(), agency: useId(), domain: useId() };
  const [status, setStatus] = useState('');
  const [agency, setAgency] = useState('');
  const [domain, setDomain] = useState('');
  // The cursors of the pages before the shown one; the last is the shown page's `after`.
  const [cursors, setCursors] = useState<string[]>([]);
  const after = cursors.at(-1) ?? null;
  const [target, setTarget] = useState<AnswerTarget | null>(null);
  const [erasing, setErasing] = useState<EraseTarget | null>(null);
  const variables = useMemo(
    () => ({
      first: PAGE,
      after,
      filter: {
        years: [year],
        ...(status ? { statuses: [status as RouteStatus] } : {}),
        ...(agency ? { agencyIds: [agency] } : {}),
        ...(domain ? { domainIds: [domain] } : {}),
      },
    }),
    [after, year, status, agency, domain],
  );
  const [result, retry] = useRetryableQuery(EducationOrdersQuery, variables);
  const page = result.data?.educationOrders;
  const state = cardState(result, (d) => d.educationOrders.totalCount === 0);
  const title = t('orders.list.title');
  const ownAgencyOnly = user.role === 'AGENCY_REPORTER';

  return (
    <Card className="card-wide orders-list-card" title={title} note={t(ownAgencyOnly ? 'orders.list.noteOwn' : 'orders.list.note')} state={state === 'empty' ? 'ready' : state} error={result.error} onRetry={retry} updating={result.fetching} bodyHeight={240}>
      <div className="orders-filters">
        <label htmlFor={ids.status}>{t('orders.filter.status')}</label>
        <select id={ids.status} value={status} onChange={(e) => { setStatus(e.target.value); setCursors([]); }}>
          <option value="">{t('orders.filter.all')}</option>
          {STATUSES.map((s) => (
            <option key={s} value={s}>
              {t(`orders.status.${s}` as MessageKey)}
            </option>
          ))}
        </select>
        {!ownAgencyOnly ? (
          <>
            <label htmlFor={ids.agency}>{t('orders.filter.agency')}</label>
            <select id={ids.agency} value={agency} onChange={(e) => { setAgency(e.target.value); setCursors([]); }}>
              <option value="">{t('orders.filter.all')}</option>
              {(agencies ?? []).map((a) => (
                <option key={a.id} value={a.id}>
                  {localName(a, lang)}
                </option>
              ))}
            </select>
          </>
        ) : null}
        <label htmlFor={ids.domain}>{t('orders.filter.domain')}</label>
        <select id={ids.domain} value={domain} onChange={(e) => { setDomain(e.target.value); setCursors([]); }}>
          <option value="">{t('orders.filter.all')}</option>
          {(domains ?? []).map((d) => (
            <option key={d.id} value={d.id}>
              {localName(d, lang)}
            </option>
          ))}
        </select>
      </div>
      {page ? (
        <>
          <p className="muted small" role="status">
            {t('orders.list.count', {
              from: formatInteger(page.nodes.length ? cursors.length * PAGE + 1 : 0, lang),
              to: formatInteger(cursors.length * PAGE + page.nodes.length, lang),
              count: formatInteger(page.totalCount, lang),
            })}
          </p>
          {page.nodes.length === 0 ? <p className="state-title">{t('orders.list.none', { year })}</p> : null}
          <ol className="orders-list">
            {page.nodes.map((order) => (
              <OrderItem key={order.id} order={order} user={user} overdueBefore={overdueBefore} onAnswer={setTarget} onErase={setErasing} />
            ))}
          </ol>
          {cursors.length > 0 || page.pageInfo.hasNextPage ? (
            <div className="orders-pager">
              <button type="button" className="button button-quiet" disabled={result.fetching || cursors.length === 0} onClick={() => setCursors((c) => c.slice(0, -1))}>
                {t('orders.list.previous')}
              </button>
              <button
                type="button"
                className="button button-quiet"
                disabled={result.fetching || !page.pageInfo.hasNextPage || !page.pageInfo.endCursor}
                onClick={() => setCursors((c) => [...c, page.pageInfo.endCursor!])}
              >
                {t('orders.list.next')}
              </button>
            </div>
          ) : null}
        </>
      ) : null}
      {target ? (
        <AnswerDialog
          target={target}
          onClose={() => setTarget(null)}
          onAnswered={() => {
            setTarget(null);
            onAnswered();
            retry();
          }}
        />
      ) : null}
      {erasing ? (
        <EraseContactDialog
          target={erasing}
          onClose={() => setErasing(null)}
          onErased={() => {
            setErasing(null);
            retry();
          }}
        />
      ) : null}
    </Card>
  );
}

function OrderItem({
  order,
  user,
  overdueBefore,
  onAnswer,
  onErase,
}: {
  order: EducationOrder;
  user: Me;
  overdueBefore: string | null;
  onAnswer: (t: AnswerTarget) => void;
  onErase: (t: EraseTarget) => void;
}) {
  const { lang, t } = useI18n();
  const orderedOn = shanghaiDay(order.orderedAt);
  const what = [order.law ? localName(order.law, lang) : '', order.domain ? localName(order.domain, lang) : ''].filter(Boolean).join(' · ');
  return (
    <li className="orders-item" data-order={order.id}>
      <div className="orders-item-head">
        <strong>{order.requesterName}</strong>
        <span className="orders-kind">{t(`orders.kind.${order.requesterKind}` as MessageKey)}</span>
        <span className="muted small">
          {localName(order.district, lang)} · {t('orders.list.orderedAt', { time: formatHubDateTime(order.orderedAt, lang) })}
        </span>
      </div>
      <p className="orders-topic">{order.topic}</p>
      <p className="muted small">
        {[what, t('orders.list.wished', { period: formatDateRange(order.wishedFrom, order.wishedTo, lang) }), order.audienceSize ? t('orders.list.audience', { count: formatInteger(order.audienceSize, lang) }) : '']
          .filter(Boolean)
          .join(' · ')}
      </p>
      {order.contactName ? (
        <p className="orders-contact-line small">
          {t('orders.list.contact', { name: order.contactName, phone: order.contactPhone ?? '' })}
          {user.role === 'ADMIN' ? (
            <button
              type="button"
              className="button button-quiet button-small"
              onClick={() => onErase({ orderId: order.id, requester: order.requesterName })}
              aria-label={t('orders.list.eraseFor', { requester: order.requesterName })}
            >
              {t('orders.list.erase')}
            </button>
          ) : null}
        </p>
      ) : order.contactErasedOn ? (
        <p className="orders-contact-line is-erased small muted">{t('orders.list.contactErased', { day: order.contactErasedOn })}</p>
      ) : null}
      {order.routes.length === 0 ? (
        <p className="orders-unrouted small">{t('orders.list.unrouted')}</p>
      ) : (
        <ul className="orders-routes" aria-label={t('orders.list.routes')}>
          {order.routes.map((r) => (
            <li key={r.agency.id} data-agency={r.agency.id} data-status={r.status}>
              <span className="orders-route-agency">{localName(r.agency, lang)}</span>
              <span className={`orders-badge is-${r.status.toLowerCase()}`}>{t(`orders.status.${r.status}` as MessageKey)}</span>
              {r.status === 'WAITING' && overdueBefore && orderedOn < overdueBefore ? <span className="orders-badge is-overdue">{t('orders.list.overdue')}</span> : null}
              <span className="muted small">
                {r.status === 'ACCEPTED' && r.plannedOn ? t('orders.list.planned', { day: formatDate(r.plannedOn, lang) }) : null}
                {r.status === 'DECLINED' && r.declineReason ? t('orders.list.reason', { reason: r.declineReason }) : null}
                {r.status === 'DONE' ? (r.activity ? t('orders.list.delivered', { title: r.activity.title, day: formatDate(r.activity.date, lang) }) : t('orders.list.deliveredOther')) : null}
              </span>
              {isOpen(r.status) && mayAnswerFor(user, r.agency) ? (
                <button
                  type="button"
                  className="button button-quiet button-small"
                  onClick={() => onAnswer({ orderId: order.id, orderedOn, requester: order.requesterName, topic: order.topic, agency: r.agency, accepted: r.status === 'ACCEPTED' })}
                  aria-label={t('orders.list.answerFor', { agency: localName(r.agency, lang), requester: order.requesterName })}
                >
                  {t('orders.list.answer')}
                </button>
              ) : null}
            </li>
          ))}
        </ul>
      )}
    </li>
  );
}
