/**
 * 订单 /orders: how agencies answer the legal education the public ordered.
 * Supply and demand for a year (supplyDemand: answered, waiting and overdue
 * requests per agency and domain, median time to answer, demand no menu
 * offers), and the orders themselves with the answering for an agency.
 * Its year is its own (`?orderYear=`): orders come in for the current year,
 * past the plan years the global period offers.
 */
import { useId, useMemo } from 'react';
import { Card } from '../../app/Card';
import { cardState } from '../../app/cardState';
import { formatDate, formatDecimal, formatInteger } from '../../app/format';
import { useI18n } from '../../app/I18nContext';
import type { PageProps } from '../../app/routes';
import { useSession, type Me } from '../../app/session';
import { useRetryableQuery } from '../../app/useRetryableQuery';
import { useSearchParam } from '../assessment/searchParam';
import { FigureTiles, type Figure } from '../training/FigureTiles';
import { RestrictedCard } from '../training/Restricted';
import { mayReadOrders } from './access';
import { OrderListCard } from './OrderList';
import { SupplyCharts } from './SupplyCards';
import { SupplyDemandQuery } from './orders.queries';
import { keyFigures, OVERDUE_CHOICES, orderYears, overdueBefore, parseOverdueDays, parseOrderYear } from './supplyFigures';
import { UnmetDemandList } from './UnmetDemandCard';
import '../training/pages.css';
import '../report/report.css';
import '../assessment/assessment.css';
import './orders.css';

export default function OrdersPage(_props: PageProps) {
  const { t } = useI18n();
  const { session } = useSession();
  const title = t('orders.figures.title');
  return (
    <div className="page orders-page">
      <div className="page-heading">
        <h1>{t('orders.heading')}</h1>
      </div>
      {session.status === 'loading' ? (
        <Card title={title} state="loading" bodyHeight={240} />
      ) : session.status === 'anonymous' ? (
        <RestrictedCard title={title} message={t('orders.signIn')} signIn />
      ) : !mayReadOrders(session.user.role) ? (
        <RestrictedCard title={title} message={t('orders.notForRole')} />
      ) : (
        <OrdersBody user={session.user} />
      )}
    </div>
  );
}

function OrdersBody({ user }: { user: Me }) {
  const { lang, t } = useI18n();
  const today = new Date();
  const [yearParam, setYearParam] = useSearchParam('orderYear');
  const [overdueParam, setOverdueParam] = useSearchParam('overdueDays');
  const year = parseOrderYear(yearParam, today);
  const overdueDays = parseOverdueDays(overdueParam);
  const yearId = useId();
  const overdueId = useId();
  const variables = useMemo(() => ({ year, overdueDays }), [year, overdueDays]);
  const [result, retry] = useRetryableQuery(SupplyDemandQuery, variables);
  const data = result.data?.supplyDemand;
  const card = { state: cardState(result, (d) => d.supplyDemand.orders === 0), error: result.error, onRetry: retry, updating: result.fetching };

  const figures = useMemo<Figure[] | undefined>(() => {
    if (!data) return undefined;
    const f = keyFigures(data);
    const requests = t('orders.unit.requests');
    return [
      { id: 'orders', label: t('orders.figure.orders'), value: f.orders, format: 'integer', unit: t('orders.unit.orders'), note: t('orders.figure.unrouted', { count: formatInteger(f.unrouted, lang) }) },
      { id: 'routed', label: t('orders.figure.routed'), value: f.routed, format: 'integer', unit: requests, note: t('orders.figure.routedNote') },
      { id: 'answered', label: t('orders.figure.answered'), value: f.answered, format: 'integer', unit: requests, note: f.answerRate === null ? undefined : t('orders.figure.answerRate', { rate: formatDecimal(f.answerRate * 100, 1, lang) }) },
      { id: 'waiting', label: t('orders.figure.waiting'), value: f.waiting, format: 'integer', unit: requests, note: t('orders.figure.overdue', { count: formatInteger(f.overdue, lang), days: overdueDays }) },
      { id: 'median', label: t('orders.figure.median'), value: f.medianDays, format: 'decimal', unit: t('orders.unit.days'), note: f.medianDays === null ? t('orders.figure.medianNone') : undefined },
    ];
  }, [data, t, lang, overdueDays]);

  const notes: string[] = [];
  if (user.role === 'AGENCY_REPORTER' && user.agency) notes.push(t('orders.scopeAgency'));
  if (data) notes.push(t('orders.asOf', { day: formatDate(data.asOf, lang), days: data.overdueDays }));

  return (
    <>
      <div className="orders-controls">
        <label htmlFor={yearId}>{t('orders.year')}</label>
        <select id={yearId} value={year} onChange={(e) => setYearParam(e.target.value)}>
          {orderYears(today).map((y) => (
            <option key={y} value={y}>
              {t('orders.yearOption', { year: y })}
            </option>
          ))}
        </select>
        <label htmlFor={overdueId}>{t('orders.overdueDays')}</label>
        <select id={overdueId} value={overdueDays} onChange={(e) => setOverdueParam(e.target.value)}>
          {OVERDUE_CHOICES.map((d) => (
            <option key={d} value={d}>
              {t('orders.overdueOption', { days: d })}
            </option>
          ))}
        </select>
      </div>
      {notes.length ? (
        <ul className="page-notes" role="note">
          {notes.map((n) => (
            <li key={n}>{n}</li>
          ))}
        </ul>
      ) : null}
      <FigureTiles label={t('orders.figures.title')} figures={result.error && !data ? undefined : figures} placeholders={5} error={result.error} onRetry={retry} />
      <SupplyCharts year={year} data={data} {...card} />
      <Card title={t('orders.unmet.title')} unit={t('orders.unit.ordersLabel')} note={t('orders.unmet.note')} bodyHeight={160} {...card} state={card.state === 'empty' ? 'ready' : card.state}>
        {data ? <UnmetDemandList year={year} unmet={data.unmetDemand} unrouted={data.unroutedOrders} orders={data.orders} /> : null}
      </Card>
      <OrderListCard user={user} year={year} overdueBefore={data ? overdueBefore(data.asOf, data.overdueDays) : null} agencies={data?.byAgency.map((a) => a.agency)} domains={data?.byDomain.map((d) => d.domain)} onAnswered={retry} />
    </>
  );
}
