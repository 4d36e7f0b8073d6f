/**
 * The agency's activities per day over the year as a calendar heatmap; a
 * click on a day opens that day's activities (the same filter the dates were
 * read with, so the drawer's count is the day's number).
 */
import { useEffect, useMemo, useState } from 'react';
import { CombinedError, useClient } from 'urql';
import { Card } from '../../app/Card';
import { formatDate } from '../../app/format';
import { useI18n } from '../../app/I18nContext';
import type { DateRange } from '../../app/period';
import { buildActivityCalendarOption, CALENDAR_HEIGHT, calendarDays, countByDay } from '../../charts/activityCalendar';
import { EChart } from '../../charts/EChart';
import type { RecordsDrill } from '../../components/records/drills';
import { ActivityDatesQuery, agencyActivityFilter, DATES_PAGE_SIZE, fetchAllDates } from './activityDates';

type DatesState = { status: 'loading' } | { status: 'error'; error: CombinedError } | { status: 'ready'; dates: string[] };

/** Every activity date of the agency in the range, re-read when they change or on retry. */
function useActivityDates(agencyId: string, range: DateRange): [DatesState, boolean, () => void] {
  const client = useClient();
  const [state, setState] = useState<DatesState>({ status: 'loading' });
  const [updating, setUpdating] = useState(false);
  const [attempt, setAttempt] = useState(0);

  useEffect(() => {
    let cancelled = false;
    setUpdating(true);
    const filter = agencyActivityFilter(agencyId, range.from, range.to);
    fetchAllDates(async (after) => {
      const result = await client
        .query(ActivityDatesQuery, { filter, first: DATES_PAGE_SIZE, after }, { requestPolicy: attempt ? 'network-only' : 'cache-first' })
        .toPromise();
      if (result.error) throw result.error;
      const page = result.data!.activities;
      return { dates: page.nodes.map((n) => n.date), hasNextPage: page.pageInfo.hasNextPage, endCursor: page.pageInfo.endCursor ?? null };
    })
      .then((dates) => {
        if (!cancelled) setState({ status: 'ready', dates });
      })
      .catch((error: unknown) => {
        if (cancelled) return;
        const combined = error instanceof CombinedError ? error : new CombinedError({ networkError: error instanceof Error ? error : new Error(String(error)) });
        setState({ status: 'error', error: combined });
      })
      .finally(() => {
        if (!cancelled) setUpdating(false);
      });
    return () => {
      cancelled = true;
    };
  }, [client, agencyId, range.from, range.to, attempt]);

  return [state, updating, () => setAttempt((n) => n + 1)];
}

export function CalendarCard({
  agencyId,
  agencyName,
  range,
  onDrill,
}: {
  agencyId: string;
  agencyName: string;
  range: DateRange;
  onDrill: (drill: RecordsDrill) => void;
}) {
  const { lang, t } = useI18n();
  const [dates, updating, retry] = useActivityDates(agencyId, range);
  const data = useMemo(() => (dates.status === 'ready' ? { counts: countByDay(dates.dates), range } : null), [dates, range]);
  const option = useMemo(() => (data ? buildActivityCalendarOption(data, lang) : null), [data, lang]);
  const title = t('agency.calendar.title');
  const state = dates.status === 'ready' ? (dates.dates.length === 0 ? 'empty' : 'ready') : dates.status;

  return (
    <Card
      className="card-wide"
      title={title}
      unit={t('unit.activitiesOnly')}
      note={t('agency.calendar.note')}
      state={state}
      error={dates.status === 'error' ? dates.error : undefined}
      onRetry={retry}
      updating={updating && dates.status === 'ready'}
      bodyHeight={CALENDAR_HEIGHT + 28}
    >
      {option && data ? (
        <EChart
          option={option}
          lang={lang}
          height={CALENDAR_HEIGHT}
          label={title}
          fileName={`${agencyName} ${title} ${range.from.slice(0, 4)}`}
          onItemClick={({ dataIndex }) => {
            const day = calendarDays(data)[dataIndex]?.[0];
            if (!day) return;
            onDrill({
              title: t('agency.calendar.dayDrill', { agency: agencyName, day: formatDate(day, lang) }),
              source: { kind: 'activities', filters: [agencyActivityFilter(agencyId, day, day)] },
            });
          }}
          testId="activity-calendar"
        />
      ) : null}
    </Card>
  );
}
