/**
 * The calendar of slots per day, from the slot records the account may list
 * (every outlet's, a partner's own, a reporter's agency's as partner), and a
 * media partner's own figures counted from the same records. A day opens its
 * slots.
 */
import { useMemo } from 'react';
import { Card } from '../../app/Card';
import type { CardState } from '../../app/cardState';
import { formatDate, formatInteger } from '../../app/format';
import { useI18n } from '../../app/I18nContext';
import { formatPeriod, periodRange } from '../../app/period';
import { localName, type NamedRef } from '../../app/session';
import type { ViewState } from '../../app/url';
import { EChart } from '../../charts/EChart';
import { buildSlotCalendarOption, calendarDay, calendarYears, slotCalendarHeight } from '../../charts/slotCalendar';
import type { RecordsDrill, SlotFilter } from '../../components/records/drills';
import { DataTable } from '../../components/table/DataTable';
import type { Column } from '../../components/table/tableData';
import { FigureTiles } from '../training/FigureTiles';
import { slotFigures, slotsDrill, slotsPerDay } from './mediaData';
import type { SlotFact } from './media.queries';
import type { AllSlots } from './useAllSlots';

interface DayRow {
  day: string;
  count: number;
}

export function SlotCalendarCard({
  title,
  view,
  slots,
  slotFilter,
  onDrill,
}: {
  title: string;
  view: ViewState;
  slots: AllSlots;
  slotFilter: SlotFilter;
  onDrill: (drill: RecordsDrill) => void;
}) {
  const { lang, t } = useI18n();
  const range = useMemo(() => periodRange(view.period), [view.period]);
  const data = useMemo(() => (slots.slots ? { counts: slotsPerDay(slots.slots), range } : null), [slots.slots, range]);
  const option = useMemo(() => (data ? buildSlotCalendarOption(data, lang) : null), [data, lang]);
  const days = useMemo<DayRow[] | undefined>(
    () => (data ? calendarYears(data).flatMap((y) => y.days.map(([day, count]) => ({ day, count }))) : undefined),
    [data],
  );
  const state: CardState = slots.error ? 'error' : !slots.slots ? 'loading' : slots.slots.length === 0 ? 'empty' : 'ready';
  const height = slotCalendarHeight(range);

  const openDay = (day: string) =>
    onDrill(slotsDrill(t('media.drill.day', { day: formatDate(day, lang) }), { ...slotFilter, from: day, to: day }));
  const columns: Column<DayRow>[] = [
    { id: 'day', label: t('media.col.day'), value: (r) => r.day, kind: 'date' },
    { id: 'count', label: t('media.col.slots'), value: (r) => r.count, kind: 'integer', onClick: (r) => openDay(r.day) },
  ];

  return (
    <Card
      className="card-wide"
      title={title}
      unit={t('media.unitLabel', { unit: t('unit.slots') })}
      note={
        slots.truncated
          ? t('media.calendar.truncated', { shown: formatInteger(slots.slots?.length ?? 0, lang), total: formatInteger(slots.totalCount, lang) })
          : t('media.calendar.note')
      }
      state={state}
      error={slots.error}
      onRetry={slots.retry}
      updating={slots.fetching && !!slots.slots}
      bodyHeight={Math.min(height, 320)}
    >
      {option && data ? (
        <EChart
          option={option}
          lang={lang}
          height={height}
          label={title}
          fileName={`${title} ${formatPeriod(view.period, lang)}`}
          onItemClick={({ seriesIndex, dataIndex }) => {
            const day = calendarDay(data, seriesIndex, dataIndex);
            if (day) openDay(day);
          }}
          testId="media-calendar"
        />
      ) : null}
      {days ? (
        <details className="chart-table">
          <summary>{t('chart.asTable')}</summary>
          <DataTable
            caption={`${title} ${formatPeriod(view.period, lang)}`}
            columns={columns}
            rows={days}
            rowKey={(r) => r.day}
          />
        </details>
      ) : null}
    </Card>
  );
}

/** A media partner's own outlet: its figures for the period, counted from its slot records. */
export function OwnOutletCard({ outlet, slots, view }: { outlet: NamedRef; slots: readonly SlotFact[]; view: ViewState }) {
  const { lang, t } = useI18n();
  const figures = useMemo(() => slotFigures(slots), [slots]);
  const name = localName(outlet, lang);
  return (
    <Card className="card-wide" title={t('media.own.title', { outlet: name })} note={t('media.own.note')} state="ready" bodyHeight={120}>
      <FigureTiles
        label={t('media.own.title', { outlet: name }) + ' ' + formatPeriod(view.period, lang)}
        figures={[
          { id: 'own-slots', label: t('media.figure.BROADCAST_COUNT'), value: figures.count, format: 'integer', unit: t('unit.slots') },
          { id: 'own-minutes', label: t('media.figure.BROADCAST_MINUTES'), value: figures.minutes, format: 'integer', unit: t('unit.minutes') },
          { id: 'own-prime', label: t('media.figure.PRIME_TIME_SHARE'), value: figures.primeShare, format: 'percent' },
          { id: 'own-ads', label: t('media.figure.PUBLIC_SERVICE_ADS'), value: figures.ads, format: 'integer', unit: t('unit.slots') },
        ]}
      />
    </Card>
  );
}
