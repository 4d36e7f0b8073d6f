/**
 * The supply-and-demand cards of the orders page: requests per agency as
 * stacked bars (done, accepted, declined, waiting, overdue), and the same
 * figures per agency and per domain as tables with downloads.
 */
import { useMemo } from 'react';
import type { CombinedError } from 'urql';
import { Card } from '../../app/Card';
import type { CardState } from '../../app/cardState';
import { formatInteger } from '../../app/format';
import { useI18n } from '../../app/I18nContext';
import type { Translate } from '../../app/i18n';
import { EChart } from '../../charts/EChart';
import { buildOrderAnswersOption, orderAnswersHeight } from '../../charts/orderAnswers';
import { DataTable } from '../../components/table/DataTable';
import type { Column } from '../../components/table/tableData';
import type { SupplyDemand } from './orders.queries';
import { agencyRows, chartAgencies, domainRows, type SupplyRow } from './supplyFigures';

interface CardStatus {
  state: CardState;
  error: CombinedError | undefined;
  onRetry: () => void;
  updating: boolean;
}

export function SupplyCharts({ year, data, ...card }: { year: number; data: SupplyDemand | undefined } & CardStatus) {
  const { lang, t } = useI18n();
  const agencies = useMemo(() => (data ? agencyRows(data, lang) : undefined), [data, lang]);
  const domains = useMemo(() => (data ? domainRows(data, lang) : undefined), [data, lang]);
  const drawn = useMemo(() => (agencies ? chartAgencies(agencies) : []), [agencies]);
  const chartTitle = t('orders.chart.title');
  const option = useMemo(() => {
    if (!agencies) return null;
    return buildOrderAnswersOption(
      {
        agencies: drawn,
        names: {
          done: t('orders.status.DONE'),
          accepted: t('orders.status.ACCEPTED'),
          declined: t('orders.status.DECLINED'),
          onTime: t('orders.chart.onTime'),
          overdue: t('orders.chart.overdue'),
        },
        unit: t('orders.unit.requests'),
        description: t('orders.chart.aria', {
          year,
          items: drawn
            .map((r) => t('orders.chart.item', { agency: r.name, routed: formatInteger(r.routed, lang), answered: formatInteger(r.answered, lang), overdue: formatInteger(r.overdue, lang) }))
            .join(t('chart.listSeparator')),
        }),
      },
      lang,
    );
  }, [agencies, drawn, year, t, lang]);
  const height = orderAnswersHeight(drawn.length);
  const columns = useMemo(() => supplyColumns(t, 'agency'), [t]);
  const domainColumns = useMemo(() => supplyColumns(t, 'domain'), [t]);
  const agencyTitle = t('orders.byAgency.title');
  const domainTitle = t('orders.byDomain.title');

  return (
    <>
      <Card className="card-wide" title={chartTitle} unit={t('orders.unit.requestsLabel')} note={t('orders.chart.note')} bodyHeight={320} {...card}>
        {option ? <EChart option={option} lang={lang} height={height} label={chartTitle} fileName={`${chartTitle} ${year}`} testId="order-answers" /> : null}
      </Card>
      <Card className="card-wide" title={agencyTitle} unit={t('orders.unit.requestsLabel')} note={t('orders.byAgency.note')} bodyHeight={240} {...card}>
        <DataTable caption={`${agencyTitle} ${year}`} columns={columns} rows={agencies} rowKey={(r) => r.key} className="orders-table" />
      </Card>
      <Card className="card-wide" title={domainTitle} unit={t('orders.unit.requestsLabel')} note={t('orders.byDomain.note')} bodyHeight={240} {...card}>
        <DataTable caption={`${domainTitle} ${year}`} columns={domainColumns} rows={domains} rowKey={(r) => r.key} className="orders-table" />
      </Card>
    </>
  );
}

function supplyColumns(t: Translate, first: 'agency' | 'domain'): Column<SupplyRow>[] {
  return [
    { id: 'name', label: t(first === 'agency' ? 'orders.col.agency' : 'orders.col.domain'), value: (r) => r.name },
    { id: 'routed', label: t('orders.col.routed'), value: (r) => r.routed, kind: 'integer' },
    { id: 'answered', label: t('orders.col.answered'), value: (r) => r.answered, kind: 'integer' },
    { id: 'done', label: t('orders.status.DONE'), value: (r) => r.done, kind: 'integer' },
    { id: 'accepted', label: t('orders.status.ACCEPTED'), value: (r) => r.accepted, kind: 'integer' },
    { id: 'declined', label: t('orders.status.DECLINED'), value: (r) => r.declined, kind: 'integer' },
    { id: 'waiting', label: t('orders.col.waiting'), value: (r) => r.waiting, kind: 'integer' },
    { id: 'overdue', label: t('orders.col.overdue'), value: (r) => r.overdue, kind: 'integer' },
    { id: 'rate', label: t('orders.col.answerRate'), value: (r) => r.answerRate, kind: 'percent' },
    { id: 'median', label: t('orders.col.median'), value: (r) => r.medianDaysToAnswer, kind: 'decimal' },
  ];
}
