/**
 * 无人供给的需求: the legal education the public ordered that no published
 * menu (responsibility item) of the year offers — a gap of its own, shown on
 * the overlaps page beside the overlap gaps and on the orders page. From
 * supplyDemand's `unmetDemand` (city-wide for every reader; docs/metrics.md).
 */
import { useMemo } from 'react';
import { Card } from '../../app/Card';
import { cardState } from '../../app/cardState';
import { formatInteger } from '../../app/format';
import { useI18n } from '../../app/I18nContext';
import { navigate, useSearch } from '../../app/location';
import { useSession } from '../../app/session';
import type { ViewState } from '../../app/url';
import { useRetryableQuery } from '../../app/useRetryableQuery';
import { DataTable } from '../../components/table/DataTable';
import type { Column } from '../../components/table/tableData';
import { withSearchParam } from '../assessment/searchParam';
import { mayReadOverlaps } from '../overlaps/access';
import { mayReadOrders } from './access';
import { UnmetDemandQuery } from './orders.queries';
import { unmetOrderCount, unmetRows, type UnmetLike, type UnmetRow } from './supplyFigures';
import './orders.css';

/** The year a view's period stands for: its year, or the year a custom range ends in. */
export function viewYear(view: ViewState): number {
  return view.period.kind === 'year' ? view.period.year : Number(view.period.to.slice(0, 4));
}

/** The card for the overlaps page; nothing for accounts that may not read both overlaps and orders. */
export function UnmetDemandCard({ view }: { view: ViewState }) {
  const { session } = useSession();
  const role = session.status === 'signedIn' ? session.user.role : null;
  if (!mayReadOverlaps(role) || !mayReadOrders(role)) return null;
  return <UnmetDemandQueryCard year={viewYear(view)} />;
}

function UnmetDemandQueryCard({ year }: { year: number }) {
  const { t } = useI18n();
  const variables = useMemo(() => ({ year }), [year]);
  const [result, retry] = useRetryableQuery(UnmetDemandQuery, variables);
  const data = result.data?.supplyDemand;
  const state = cardState(result, () => false);
  return (
    <Card
      className="card-wide orders-unmet-card"
      title={t('orders.unmet.title')}
      unit={t('orders.unmet.unitYear', { year })}
      note={t('orders.unmet.note')}
      state={state}
      error={result.error}
      onRetry={retry}
      updating={result.fetching}
      bodyHeight={160}
    >
      {data ? <UnmetDemandList year={year} unmet={data.unmetDemand} unrouted={data.unroutedOrders} orders={data.orders} withLink /> : null}
    </Card>
  );
}

export function UnmetDemandList({
  year,
  unmet,
  unrouted,
  orders,
  withLink = false,
}: {
  year: number;
  unmet: readonly UnmetLike[];
  unrouted: number;
  orders: number;
  /** A link to the orders page of the year (from the overlaps page). */
  withLink?: boolean;
}) {
  const { lang, t } = useI18n();
  const rows = useMemo(() => unmetRows(unmet, lang), [unmet, lang]);
  const columns = useMemo<Column<UnmetRow>[]>(
    () => [
      { id: 'law', label: t('orders.col.law'), value: (r) => r.law || '—' },
      { id: 'domain', label: t('orders.col.domain'), value: (r) => r.domain || '—' },
      { id: 'orders', label: t('orders.col.orders'), value: (r) => r.orders, kind: 'integer' },
    ],
    [t],
  );
  const title = t('orders.unmet.title');
  const href = withSearchParam(`${import.meta.env.BASE_URL}orders`, useSearch(), 'orderYear', String(year));
  const link = withLink ? (
    <a
      className="orders-link"
      href={href}
      onClick={(event) => {
        if (event.button !== 0 || event.metaKey || event.ctrlKey || event.shiftKey || event.altKey) return;
        event.preventDefault();
        navigate(href);
      }}
    >
      {t('orders.unmet.open', { year })}
    </a>
  ) : null;
  return (
    <div className="orders-unmet" data-testid="unmet-demand">
      <p className="orders-tally">
        <span>
          {t('orders.unmet.total')} <strong>{formatInteger(unmetOrderCount(unmet), lang)}</strong>
        </span>
        <span>
          {t('orders.unmet.unrouted')} <strong>{formatInteger(unrouted, lang)}</strong>
        </span>
        <span>
          {t('orders.unmet.ofOrders')} <strong>{formatInteger(orders, lang)}</strong>
        </span>
      </p>
      {rows.length === 0 ? (
        <p className="muted">{t(orders === 0 ? 'orders.unmet.noOrders' : 'orders.unmet.none', { year })}</p>
      ) : (
        <DataTable caption={`${title} ${year}`} columns={columns} rows={rows} rowKey={(r) => r.key} searchable={rows.length > 8} />
      )}
      {link}
    </div>
  );
}
