/**
 * The media page's chart cards: slots and minutes per month (stacked by
 * outlet, or the city's), and, for the accounts that read single outlets,
 * prime-time share, public-service ads and the table by outlet. A click on a
 * bar or a table figure opens the slots behind it.
 */
import { useMemo } from 'react';
import type { UseQueryState } from 'urql';
import type { AnalyticsFilter, AnalyticsVariables } from '../../app/api-types';
import { Card } from '../../app/Card';
import { cardState, type CardState } from '../../app/cardState';
import type { ResultOf } from '../../app/graphql';
import { formatInteger, formatMonth } from '../../app/format';
import { useI18n } from '../../app/I18nContext';
import { apiLocale, type MessageKey } from '../../app/i18n';
import { formatPeriod, periodRange } from '../../app/period';
import type { ViewState } from '../../app/url';
import { useRetryableQuery } from '../../app/useRetryableQuery';
import { EChart } from '../../charts/EChart';
import { buildGroupedBarsOption, formatBarValue, horizontalBarsHeight } from '../../charts/groupedBars';
import { monthWithin, type RecordsDrill, type SlotFilter } from '../../components/records/drills';
import { DataTable } from '../../components/table/DataTable';
import type { Column } from '../../components/table/tableData';
import { byAds, byPrimeShare, MEDIA_MEASURES, monthlyBars, outletItems, slotsDrill, type OutletItem } from './mediaData';
import { MediaByOutletQuery, type MediaMonthlyQuery } from './media.queries';

const MONTHLY_HEIGHT = 340;

type Drill = (drill: RecordsDrill) => void;

export function MonthlyCard({
  view,
  measure,
  byOutlet,
  result,
  state,
  onRetry,
  slotFilter,
  onDrill,
}: {
  view: ViewState;
  measure: 'BROADCAST_COUNT' | 'BROADCAST_MINUTES';
  byOutlet: boolean;
  result: UseQueryState<ResultOf<typeof MediaMonthlyQuery>>;
  state: CardState;
  onRetry: () => void;
  slotFilter: SlotFilter;
  onDrill: Drill;
}) {
  const { lang, t } = useI18n();
  const range = useMemo(() => periodRange(view.period), [view.period]);
  const rows = result.data?.analytics.rows;
  const bars = useMemo(
    () => (rows ? monthlyBars(rows, range, measure, lang, t('media.city')) : null),
    [rows, range, measure, lang, t],
  );
  const unit = t(measure === 'BROADCAST_COUNT' ? 'unit.slots' : 'unit.minutes');
  const title = t(measure === 'BROADCAST_COUNT' ? 'media.monthlySlots.title' : 'media.monthlyMinutes.title');
  const option = useMemo(() => {
    if (!bars) return null;
    const total = bars.series.reduce((sum, s) => sum + s.values.reduce((a, b) => a + b, 0), 0);
    return buildGroupedBarsOption(
      {
        categories: bars.categories,
        series: bars.series,
        format: 'integer',
        unit,
        stacked: true,
        description: t('media.monthly.aria', {
          title,
          period: formatPeriod(view.period, lang),
          total: formatInteger(total, lang),
          unit,
          outlets: bars.series.length,
        }),
      },
      lang,
    );
  }, [bars, unit, title, view.period, lang, t]);

  function onItemClick({ seriesIndex, dataIndex }: { seriesIndex: number; dataIndex: number }) {
    const series = bars?.series[seriesIndex];
    const month = bars?.months[dataIndex];
    const days = month ? monthWithin(month, range) : null;
    if (!series || !month || !days) return;
    const monthName = formatMonth(month, lang, true);
    onDrill(
      slotsDrill(
        series.id ? t('media.drill.outletMonth', { outlet: series.name, month: monthName }) : t('media.drill.month', { month: monthName }),
        { ...slotFilter, ...days, ...(series.id ? { outletIds: [series.id] } : {}) },
      ),
    );
  }

  return (
    <Card
      title={title}
      unit={t('media.unitLabel', { unit })}
      note={byOutlet ? t('media.monthly.byOutlet') : t('media.monthly.city')}
      state={state}
      error={result.error}
      onRetry={onRetry}
      updating={result.fetching}
      bodyHeight={MONTHLY_HEIGHT}
    >
      {option ? (
        <EChart
          option={option}
          lang={lang}
          height={MONTHLY_HEIGHT}
          label={title}
          fileName={`${title} ${formatPeriod(view.period, lang)}`}
          onItemClick={onItemClick}
          testId={measure === 'BROADCAST_COUNT' ? 'media-monthly-slots' : 'media-monthly-minutes'}
        />
      ) : null}
    </Card>
  );
}

/** Prime-time share, public-service ads and the table, per outlet (one query). */
export function OutletCards({
  view,
  filter,
  slotFilter,
  onDrill,
}: {
  view: ViewState;
  filter: AnalyticsFilter;
  slotFilter: SlotFilter;
  onDrill: Drill;
}) {
  const { lang, t } = useI18n();
  const variables = useMemo<AnalyticsVariables>(
    () => ({ measures: [...MEDIA_MEASURES, 'BROADCAST_REACH'], groupBy: ['OUTLET'], filter, locale: apiLocale(lang) }),
    [filter, lang],
  );
  const [result, retry] = useRetryableQuery(MediaByOutletQuery, variables);
  const items = useMemo(() => (result.data ? outletItems(result.data.analytics.rows, lang) : undefined), [result.data, lang]);
  const state = cardState(result, (d) => d.analytics.rows.length === 0);
  const card = { state, error: result.error, onRetry: retry, updating: result.fetching };
  const period = formatPeriod(view.period, lang);

  const open = useMemo(
    () => ({
      slots: (o: OutletItem) => onDrill(slotsDrill(t('media.drill.outlet', { outlet: o.label }), { ...slotFilter, outletIds: [o.id] })),
      prime: (o: OutletItem) =>
        onDrill(slotsDrill(t('media.drill.outletPrime', { outlet: o.label }), { ...slotFilter, outletIds: [o.id], primeTime: true })),
      ads: (o: OutletItem) =>
        onDrill(
          slotsDrill(t('media.drill.outletAds', { outlet: o.label }), { ...slotFilter, outletIds: [o.id], kinds: ['PUBLIC_SERVICE_AD'] }),
        ),
    }),
    [onDrill, slotFilter, t],
  );

  const columns = useMemo<Column<OutletItem>[]>(
    () => [
      { id: 'outlet', label: t('media.col.outlet'), value: (o) => o.label },
      { id: 'slots', label: t('media.col.slots'), value: (o) => o.slots, kind: 'integer', onClick: open.slots },
      { id: 'minutes', label: t('media.col.minutes'), value: (o) => o.minutes, kind: 'integer' },
      { id: 'prime', label: t('media.col.prime'), value: (o) => o.primeShare, kind: 'percent', onClick: open.prime },
      { id: 'ads', label: t('media.col.ads'), value: (o) => o.ads, kind: 'integer', onClick: open.ads },
      { id: 'reach', label: t('media.col.reach'), value: (o) => o.reach, kind: 'integer' },
    ],
    [t, open],
  );

  const tableTitle = t('media.table.title');
  return (
    <>
      <div className="two-charts">
        <OutletBarsCard
          kind="prime"
          items={items ? byPrimeShare(items) : undefined}
          period={period}
          onOpen={open.prime}
          {...card}
        />
        <OutletBarsCard kind="ads" items={items ? byAds(items) : undefined} period={period} onOpen={open.ads} {...card} />
      </div>
      <Card className="card-wide" title={tableTitle} note={t('chart.openRecordsHint')} bodyHeight={240} {...card}>
        <DataTable
          caption={`${tableTitle} ${period}`}
          columns={columns}
          rows={items}
          rowKey={(o) => o.id}
          initialSort={{ column: 'slots', direction: 'desc' }}
        />
      </Card>
    </>
  );
}

function OutletBarsCard({
  kind,
  items,
  period,
  onOpen,
  ...card
}: {
  kind: 'prime' | 'ads';
  items: OutletItem[] | undefined;
  period: string;
  onOpen: (item: OutletItem) => void;
  state: CardState;
  error: UseQueryState<unknown>['error'];
  onRetry: () => void;
  updating: boolean;
}) {
  const { lang, t } = useI18n();
  const title = t(`media.${kind}.title` as MessageKey);
  const format = kind === 'prime' ? 'percent' : 'integer';
  const unit = kind === 'prime' ? t('unit.percent') : t('unit.slots');
  const option = useMemo(() => {
    if (!items) return null;
    const values = items.map((o) => (kind === 'prime' ? o.primeShare : o.ads));
    return buildGroupedBarsOption(
      {
        categories: items.map((o) => o.label),
        series: [{ name: title, values }],
        format,
        unit,
        horizontal: true,
        labels: true,
        description: t('media.outletBars.aria', {
          title,
          period,
          items: items.map((o, i) => `${o.label} ${formatBarValue(values[i], format, lang)}`).join(t('chart.listSeparator')),
        }),
      },
      lang,
    );
  }, [items, kind, title, format, unit, period, lang, t]);
  const height = horizontalBarsHeight(items?.length ?? 0);
  const empty = items !== undefined && items.length === 0;
  return (
    <Card
      title={title}
      unit={t('media.unitLabel', { unit })}
      note={t(`media.${kind}.note` as MessageKey)}
      bodyHeight={240}
      {...card}
      state={card.state === 'ready' && empty ? 'empty' : card.state}
    >
      {option && items ? (
        <EChart
          option={option}
          lang={lang}
          height={height}
          label={title}
          fileName={`${title} ${period}`}
          onItemClick={({ dataIndex }) => {
            const item = items[dataIndex];
            if (item) onOpen(item);
          }}
          testId={kind === 'prime' ? 'media-prime-share' : 'media-ads'}
        />
      ) : null}
    </Card>
  );
}
