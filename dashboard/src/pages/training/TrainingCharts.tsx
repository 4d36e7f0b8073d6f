/**
 * The training page's cards: rates and hours per session kind, leading
 * cadres' study, the agency × session kind heatmap and the table per agency.
 * Given `onOpen`, the figures that count attendance open its rows
 * (trainingAttendance, in RecordsDrawer): the leading cadres' rates, the
 * table's counts and rates, and the heatmap's cells.
 */
import { useMemo } from 'react';
import type { CombinedError } from 'urql';
import type { AnalyticsFilter, AnalyticsVariables, MeasureValue } from '../../app/api-types';
import { Card } from '../../app/Card';
import { cardState, type CardState } from '../../app/cardState';
import { formatInteger, formatPercent } from '../../app/format';
import { useI18n } from '../../app/I18nContext';
import { apiLocale } from '../../app/i18n';
import { formatPeriod } from '../../app/period';
import type { ViewState } from '../../app/url';
import { useRetryableQuery } from '../../app/useRetryableQuery';
import { EChart } from '../../charts/EChart';
import { buildGroupedBarsOption, horizontalBarsHeight, type BarFormat } from '../../charts/groupedBars';
import { buildRateHeatmapOption, rateHeatmapHeight } from '../../charts/rateHeatmap';
import { DataTable } from '../../components/table/DataTable';
import type { AttendanceRows } from '../../components/records/drills';
import type { Column } from '../../components/table/tableData';
import { FigureTiles } from './FigureTiles';
import {
  attendanceMatrix,
  LEADING_CADRE_LIMIT,
  LEADING_CADRE_STUDY,
  lowestLeadingCadres,
  trainingFigures,
  type AgencyItem,
  type KindItem,
} from './trainingData';
import { TrainingByAgencyKindQuery } from './training.queries';

const KIND_HEIGHT = 300;

interface Key {
  id: string;
  label: string;
}

/** Opens the attendance rows behind a figure of the page's period, narrowed to an agency and/or a session kind. */
export type OpenAttendance = (rows: AttendanceRows, keys?: { agency?: Key; kind?: Key }) => void;

export interface CardStatus {
  state: CardState;
  error: CombinedError | undefined;
  onRetry: () => void;
  updating: boolean;
}

/** Whole numbers of hours as integers, else one decimal. */
function hoursFormat(values: readonly number[]): BarFormat {
  return values.every(Number.isInteger) ? 'integer' : 'decimal';
}

type KindCardProps = { view: ViewState; kinds: KindItem[] | undefined; onOpen?: OpenAttendance | undefined } & CardStatus;

/** A kind's bar opens the rows its series counts (a rate: its denominator's rows), by series. */
function kindClick(kinds: KindItem[] | undefined, onOpen: OpenAttendance | undefined, rowsOfSeries: readonly AttendanceRows[]) {
  if (!kinds || !onOpen) return undefined;
  return ({ seriesIndex, dataIndex }: { seriesIndex: number; dataIndex: number }) => {
    const item = kinds[dataIndex];
    const rows = rowsOfSeries[seriesIndex];
    if (item && rows) onOpen(rows, { kind: { id: item.kind, label: item.label } });
  };
}

export function KindRatesCard({ view, kinds, onOpen, ...card }: KindCardProps) {
  const { lang, t } = useI18n();
  const title = t('training.kindRates.title');
  const option = useMemo(() => {
    if (!kinds) return null;
    const rate = t('training.series.rate');
    const pass = t('training.series.passRate');
    return buildGroupedBarsOption(
      {
        categories: kinds.map((k) => k.label),
        series: [
          { name: rate, values: kinds.map((k) => k.rate) },
          { name: pass, values: kinds.map((k) => k.passRate) },
        ],
        format: 'percent',
        unit: t('unit.percent'),
        labels: true,
        description: t('training.kindRates.aria', {
          period: formatPeriod(view.period, lang),
          items: kinds
            .map((k) => t('training.kindRates.item', { kind: k.label, rate: formatPercent(k.rate, lang), pass: formatPercent(k.passRate, lang) }))
            .join(t('chart.listSeparator')),
        }),
      },
      lang,
    );
  }, [kinds, view.period, lang, t]);
  return (
    <Card title={title} unit={t('training.unitLabel', { unit: t('unit.percent') })} note={onOpen ? t('chart.openRecordsHint') : undefined} bodyHeight={KIND_HEIGHT} {...card}>
      {option ? (
        <EChart
          option={option}
          lang={lang}
          height={KIND_HEIGHT}
          label={title}
          fileName={`${title} ${formatPeriod(view.period, lang)}`}
          onItemClick={kindClick(kinds, onOpen, ['required', 'scored'])}
          testId="training-kind-rates"
        />
      ) : null}
    </Card>
  );
}

export function KindHoursCard({ view, kinds, onOpen, ...card }: KindCardProps) {
  const { lang, t } = useI18n();
  const title = t('training.kindHours.title');
  const unit = t('unit.hours');
  const option = useMemo(() => {
    if (!kinds) return null;
    const format = hoursFormat(kinds.map((k) => k.hours));
    return buildGroupedBarsOption(
      {
        categories: kinds.map((k) => k.label),
        series: [{ name: t('training.series.hours'), values: kinds.map((k) => k.hours) }],
        format,
        unit,
        labels: true,
        description: t('training.kindHours.aria', {
          period: formatPeriod(view.period, lang),
          items: kinds.map((k) => `${k.label} ${formatInteger(k.hours, lang)} ${unit}`).join(t('chart.listSeparator')),
        }),
      },
      lang,
    );
  }, [kinds, unit, view.period, lang, t]);
  return (
    <Card title={title} unit={t('training.unitLabel', { unit })} note={onOpen ? t('chart.openRecordsHint') : undefined} bodyHeight={KIND_HEIGHT} {...card}>
      {option ? (
        <EChart
          option={option}
          lang={lang}
          height={KIND_HEIGHT}
          label={title}
          fileName={`${title} ${formatPeriod(view.period, lang)}`}
          onItemClick={kindClick(kinds, onOpen, ['all'])}
          testId="training-kind-hours"
        />
      ) : null}
    </Card>
  );
}

/**
 * Leading cadres' law study: the sessions of that kind (attendance, hours,
 * pass rate), leading cadres' attendance over every kind, and — for the
 * readers of every unit — the agencies whose leading cadres attended least.
 */
export function LeadingCadresCard({
  view,
  kinds,
  totals,
  kindCard,
  agencies,
  agencyCard,
  onOpen,
}: {
  view: ViewState;
  kinds: KindItem[] | undefined;
  totals: readonly MeasureValue[] | undefined;
  kindCard: CardStatus;
  /** Null: the account does not see single agencies. */
  agencies: AgencyItem[] | undefined | null;
  agencyCard: CardStatus;
  onOpen?: OpenAttendance | undefined;
}) {
  const { lang, t } = useI18n();
  const title = t('training.leading.title');
  const study = kinds?.find((k) => k.kind === LEADING_CADRE_STUDY);
  const all = totals ? trainingFigures(totals) : undefined;
  const lowest = useMemo(() => (agencies ? lowestLeadingCadres(agencies, lang) : undefined), [agencies, lang]);
  const barsTitle = t('training.leading.lowest', { count: LEADING_CADRE_LIMIT });
  const option = useMemo(
    () =>
      lowest && lowest.length
        ? buildGroupedBarsOption(
            {
              categories: lowest.map((a) => a.label),
              series: [{ name: t('training.series.leadingRate'), values: lowest.map((a) => a.leadingRate) }],
              format: 'percent',
              unit: t('unit.percent'),
              horizontal: true,
              labels: true,
              description: t('training.leading.aria', {
                period: formatPeriod(view.period, lang),
                items: lowest.map((a) => `${a.label} ${formatPercent(a.leadingRate, lang)}`).join(t('chart.listSeparator')),
              }),
            },
            lang,
          )
        : null,
    [lowest, view.period, lang, t],
  );
  return (
    <Card className="card-wide" title={title} note={t('training.leading.note')} bodyHeight={120} {...kindCard}>
      <FigureTiles
        label={title}
        figures={
          all
            ? [
                {
                  id: 'leading-all',
                  label: t('training.leading.allKinds'),
                  value: all.leadingRate,
                  format: 'percent',
                  ...(onOpen ? { onOpen: () => onOpen('leadingRequired') } : {}),
                },
                {
                  id: 'leading-study-rate',
                  label: t('training.leading.studyRate'),
                  value: study?.rate ?? null,
                  format: 'percent',
                  ...(onOpen && study ? { onOpen: () => onOpen('required', { kind: { id: study.kind, label: study.label } }) } : {}),
                },
                {
                  id: 'leading-study-hours',
                  label: t('training.leading.studyHours'),
                  value: study?.hours ?? 0,
                  format: hoursFormat([study?.hours ?? 0]),
                  unit: t('unit.hours'),
                },
                { id: 'leading-study-pass', label: t('training.leading.studyPass'), value: study?.passRate ?? null, format: 'percent' },
              ]
            : undefined
        }
      />
      {agencies === null || agencyCard.state !== 'ready' || !lowest ? null : option ? (
        <div className="leading-lowest">
          <h3 className="section-title">{barsTitle}</h3>
          <EChart
            option={option}
            lang={lang}
            height={horizontalBarsHeight(lowest.length)}
            label={barsTitle}
            fileName={`${barsTitle} ${formatPeriod(view.period, lang)}`}
            testId="training-leading-lowest"
          />
        </div>
      ) : (
        <p className="leading-all">{t('training.leading.allAttended')}</p>
      )}
    </Card>
  );
}

export function AttendanceHeatmapCard({
  view,
  filter,
  agencies,
  agencyCard,
  onOpen,
}: {
  view: ViewState;
  filter: AnalyticsFilter;
  agencies: AgencyItem[] | undefined;
  agencyCard: CardStatus;
  onOpen?: OpenAttendance | undefined;
}) {
  const { lang, t } = useI18n();
  const variables = useMemo<AnalyticsVariables>(
    () => ({ measures: ['TRAINING_ATTENDANCE_RATE'], groupBy: ['AGENCY', 'SESSION_KIND'], filter, locale: apiLocale(lang) }),
    [filter, lang],
  );
  const [result, retry] = useRetryableQuery(TrainingByAgencyKindQuery, variables);
  const pairs = result.data?.analytics.rows;
  const matrix = useMemo(() => (pairs && agencies ? attendanceMatrix(pairs, agencies, lang) : null), [pairs, agencies, lang]);
  const title = t('training.heatmap.title');
  const series = t('training.series.rate');
  const option = useMemo(
    () =>
      matrix
        ? buildRateHeatmapOption(
            matrix,
            {
              series,
              description: t('training.heatmap.aria', {
                period: formatPeriod(view.period, lang),
                agencies: matrix.rows.length,
                kinds: matrix.columns.map((c) => c.label).join(t('chart.listSeparator')),
              }),
            },
            lang,
          )
        : null,
    [matrix, series, view.period, lang, t],
  );
  // Both queries feed the chart: the pairs, and the agencies' overall rates for the order.
  const own = cardState(result, (d) => d.analytics.rows.length === 0);
  const state: CardState = own === 'ready' ? agencyCard.state : own;
  const height = matrix ? rateHeatmapHeight(matrix.rows.length) : 360;
  // A cell's rate is attended ÷ required of its agency and kind: it opens the required rows.
  const onItemClick =
    onOpen && matrix
      ? ({ dataIndex }: { dataIndex: number }) => {
          const cell = matrix.cells[dataIndex];
          const agency = cell && matrix.rows[cell.y];
          const kind = cell && matrix.columns[cell.x];
          if (agency && kind) onOpen('required', { agency, kind });
        }
      : undefined;
  return (
    <Card
      className="card-wide"
      title={title}
      unit={t('training.unitLabel', { unit: t('unit.percent') })}
      note={t('training.heatmap.note')}
      state={state}
      error={result.error ?? agencyCard.error}
      onRetry={() => {
        retry();
        agencyCard.onRetry();
      }}
      updating={result.fetching || agencyCard.updating}
      bodyHeight={360}
    >
      {option ? (
        <EChart
          option={option}
          lang={lang}
          height={height}
          label={title}
          fileName={`${title} ${formatPeriod(view.period, lang)}`}
          onItemClick={onItemClick}
          testId="training-heatmap"
        />
      ) : null}
    </Card>
  );
}

export function AgencyTableCard({
  view,
  agencies,
  onOpen,
  ...card
}: { view: ViewState; agencies: AgencyItem[] | undefined; onOpen?: OpenAttendance | undefined } & CardStatus) {
  const { lang, t } = useI18n();
  const title = t('training.table.title');
  const columns = useMemo<Column<AgencyItem>[]>(() => {
    // A rate opens its denominator's rows: those the agency's people were required to attend.
    const open = (rows: AttendanceRows) => (onOpen ? { onClick: (a: AgencyItem) => onOpen(rows, { agency: a }) } : {});
    return [
      { id: 'agency', label: t('training.col.agency'), value: (a) => a.label },
      { id: 'required', label: t('training.col.required'), value: (a) => a.required, kind: 'integer', ...open('required') },
      { id: 'attended', label: t('training.col.attended'), value: (a) => a.attended, kind: 'integer', ...open('attended') },
      { id: 'rate', label: t('training.col.rate'), value: (a) => a.rate, kind: 'percent', ...open('required') },
      { id: 'leadingRate', label: t('training.col.leadingRate'), value: (a) => a.leadingRate, kind: 'percent', ...open('leadingRequired') },
      {
        id: 'hours',
        label: t('training.col.hours'),
        value: (a) => a.hours,
        kind: hoursFormat(agencies?.map((a) => a.hours) ?? []),
      },
      { id: 'passRate', label: t('training.col.passRate'), value: (a) => a.passRate, kind: 'percent' },
    ];
  }, [t, agencies, onOpen]);
  return (
    <Card className="card-wide" title={title} bodyHeight={240} {...card}>
      <DataTable caption={`${title} ${formatPeriod(view.period, lang)}`} columns={columns} rows={agencies} rowKey={(a) => a.id} />
    </Card>
  );
}
