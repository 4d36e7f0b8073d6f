/**
 * The agency's public activities calendar: the activities of the year that
 * deliver a published item (docs/portal.md), per day on the same calendar
 * heatmap as the agency page (charts/activityCalendar.ts), and beneath it the
 * list — date, title, the published items each delivers. A click on a day
 * narrows the list to that day.
 */
import { useMemo, useState } from 'react';
import { formatDate, formatInteger } from '../../app/format';
import { useI18n } from '../../app/I18nContext';
import { buildActivityCalendarOption, CALENDAR_HEIGHT, calendarDays, countByDay } from '../../charts/activityCalendar';
import { EChart } from '../../charts/EChart';
import { DataTable } from '../../components/table/DataTable';
import type { Column } from '../../components/table/tableData';
import { yearRange } from '../agencies/year';
import type { PortalActivity } from './portal.queries';

export function PublicCalendar({ activities, year, agencyName }: { activities: readonly PortalActivity[]; year: number; agencyName: string }) {
  const { lang, t } = useI18n();
  const [day, setDay] = useState<string | null>(null);
  const data = useMemo(() => ({ counts: countByDay(activities.map((a) => a.date)), range: yearRange(year) }), [activities, year]);
  const option = useMemo(() => buildActivityCalendarOption(data, lang), [data, lang]);
  const shown = useMemo(() => (day ? activities.filter((a) => a.date === day) : activities), [activities, day]);
  const title = t('portal.calendar.title');

  const columns = useMemo<Column<PortalActivity>[]>(
    () => [
      { id: 'date', label: t('portal.calendar.col.date'), value: (a) => a.date, kind: 'date' },
      { id: 'title', label: t('portal.calendar.col.title'), value: (a) => a.title },
      {
        id: 'items',
        label: t('portal.calendar.col.items'),
        value: (a) => a.items.map((i) => i.title).join('；'),
        render: (a) => (
          <ul className="portal-item-list">
            {a.items.map((i) => (
              <li key={i.id}>{i.title}</li>
            ))}
          </ul>
        ),
      },
      { id: 'participants', label: t('portal.calendar.col.participants'), value: (a) => a.participants, kind: 'integer' },
    ],
    [t],
  );

  return (
    <>
      <div className="chart-scroll portal-calendar">
        <div className="portal-calendar-inner">
          <EChart
            option={option}
            lang={lang}
            height={CALENDAR_HEIGHT}
            label={title}
            fileName={`${agencyName} ${title} ${year}`}
            onItemClick={({ dataIndex }) => setDay(calendarDays(data)[dataIndex]?.[0] ?? null)}
            testId="public-calendar"
          />
        </div>
      </div>
      {day ? (
        <div className="portal-day">
          <p className="section-note" aria-live="polite">
            {t('portal.calendar.day', { day: formatDate(day, lang) })} {t('portal.calendar.count', { count: formatInteger(shown.length, lang) })}
          </p>
          <button type="button" className="button button-quiet" onClick={() => setDay(null)}>
            {t('portal.calendar.all')}
          </button>
        </div>
      ) : null}
      <DataTable
        caption={`${agencyName} ${title}`}
        columns={columns}
        rows={shown}
        rowKey={(a) => a.id}
        searchable={shown.length > 8}
        download={{ fileName: `${agencyName} ${title} ${year}` }}
        className="portal-activities"
      />
    </>
  );
}
