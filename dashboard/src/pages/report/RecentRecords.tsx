/**
 * The latest records under the upload: activities for an agency reporter,
 * broadcast slots for a media partner, and the attendance of the training
 * session chosen in the form. The hub scopes every list to what the account
 * may read, so a reporter sees its own agency's records. The record just
 * accepted from the form is marked, found by its natural key.
 */
import { useEffect, useMemo } from 'react';
import type { AnyVariables, TypedDocumentNode } from 'urql';
import { graphql } from '../../app/graphql';
import { Card } from '../../app/Card';
import { cardState } from '../../app/cardState';
import { formatDate, formatDecimal, formatHubDateTime, formatInteger, NO_VALUE } from '../../app/format';
import { useI18n } from '../../app/I18nContext';
import type { RecordList } from '../../app/roles';
import { localName, type NamedRef } from '../../app/session';
import { useRetryableQuery } from '../../app/useRetryableQuery';
import { activityKey, attendanceKey, slotKey } from './recordForm';

const LATEST = 20;
/** A session's attendance is a roster, listed whole up to this many. */
const ROSTER = 100;
const BODY_HEIGHT = 240;

interface Connection<T> {
  totalCount: number;
  nodes: T[];
}

interface ActivityRow {
  id: string;
  title: string;
  date: string;
  participants: number;
  region: NamedRef;
  organiser: { id: string };
}

interface SlotRow {
  id: string;
  programme: string;
  channel: string;
  startsAt: string;
  durationMinutes: number;
  outlet: NamedRef;
}

interface AttendanceRow {
  id: string;
  attendee: string;
  attended: boolean;
  hours: number;
  score: number | null;
  agency: NamedRef;
  session: { id: string };
}

const RecentActivitiesQuery = graphql(`
  query ReportRecentActivities($first: Int) {
    activities(first: $first) {
      totalCount
      nodes {
        id
        title
        date
        participants
        region {
          id
          name
          nameEn
        }
        organiser {
          id
        }
      }
    }
  }
`);

const RecentSlotsQuery = graphql(`
  query ReportRecentSlots($first: Int) {
    broadcastSlots(first: $first) {
      totalCount
      nodes {
        id
        programme
        channel
        startsAt
        durationMinutes
        outlet {
          id
          name
          nameEn
        }
      }
    }
  }
`);

const SessionAttendanceQuery = graphql(`
  query ReportSessionAttendance($first: Int, $sessionId: ID!) {
    trainingAttendance(first: $first, filter: { sessionIds: [$sessionId] }) {
      totalCount
      nodes {
        id
        attendee
        attended
        hours
        score
        agency {
          id
          name
          nameEn
        }
        session {
          id
        }
      }
    }
  }
`);

export interface Marking {
  /** Natural key (recordForm.ts) of the record just accepted; null for none. */
  marked: string | null;
  /** Told whether the list shows the marked record, once the list has loaded. */
  onListed?: (listed: boolean) => void;
}

export function RecentRecords({ list, ...marking }: { list: Exclude<RecordList, null> } & Marking) {
  return list === 'activities' ? <RecentActivities {...marking} /> : <RecentSlots {...marking} />;
}

function RecentActivities(marking: Marking) {
  const { lang } = useI18n();
  const variables = useMemo(() => ({ first: LATEST }), []);
  return (
    <RecordsCard<{ activities: Connection<ActivityRow> }, ActivityRow, { first: number }>
      query={RecentActivitiesQuery}
      variables={variables}
      pick={(d) => d.activities}
      rowKey={(a) => activityKey(a.organiser.id, a.date, a.title)}
      titleKey="records.activities"
      noteKey="records.note"
      columns={[
        { label: 'records.col.title', cell: (a) => a.title },
        { label: 'records.col.date', cell: (a) => formatDate(a.date, lang), nowrap: true },
        { label: 'records.col.region', cell: (a) => localName(a.region, lang) },
        { label: 'records.col.participants', cell: (a) => formatInteger(a.participants, lang), numeric: true },
      ]}
      {...marking}
    />
  );
}

function RecentSlots(marking: Marking) {
  const { lang } = useI18n();
  const variables = useMemo(() => ({ first: LATEST }), []);
  return (
    <RecordsCard<{ broadcastSlots: Connection<SlotRow> }, SlotRow, { first: number }>
      query={RecentSlotsQuery}
      variables={variables}
      pick={(d) => d.broadcastSlots}
      rowKey={(s) => slotKey(s.outlet.id, s.channel, s.startsAt)}
      titleKey="records.broadcastSlots"
      noteKey="records.note"
      columns={[
        { label: 'records.col.programme', cell: (s) => s.programme },
        { label: 'records.col.outlet', cell: (s) => localName(s.outlet, lang) },
        { label: 'records.col.start', cell: (s) => formatHubDateTime(s.startsAt, lang), nowrap: true },
        { label: 'records.col.minutes', cell: (s) => formatInteger(s.durationMinutes, lang), numeric: true },
      ]}
      {...marking}
    />
  );
}

/** Who attended the session chosen in the form (the hub orders the roster by agency). */
export function SessionAttendance({ sessionId, ...marking }: { sessionId: string } & Marking) {
  const { lang, t } = useI18n();
  const variables = useMemo(() => ({ first: ROSTER, sessionId }), [sessionId]);
  return (
    <RecordsCard<{ trainingAttendance: Connection<AttendanceRow> }, AttendanceRow, { first: number; sessionId: string }>
      query={SessionAttendanceQuery}
      variables={variables}
      pick={(d) => d.trainingAttendance}
      rowKey={(a) => attendanceKey(a.session.id, a.agency.id, a.attendee)}
      titleKey="records.attendance"
      noteKey="records.attendanceNote"
      columns={[
        { label: 'records.col.attendee', cell: (a) => a.attendee },
        { label: 'records.col.agency', cell: (a) => localName(a.agency, lang) },
        { label: 'records.col.attended', cell: (a) => (a.attended ? t('records.yes') : t('records.no')) },
        { label: 'records.col.hours', cell: (a) => formatDecimal(a.hours, 1, lang), numeric: true },
        { label: 'records.col.score', cell: (a) => (a.score === null ? NO_VALUE : formatDecimal(a.score, 1, lang)), numeric: true },
      ]}
      {...marking}
    />
  );
}

type MessageKeyOf = Parameters<ReturnType<typeof useI18n>['t']>[0];

interface Column<Row> {
  label: MessageKeyOf;
  cell: (row: Row) => string;
  numeric?: boolean;
  nowrap?: boolean;
}

/** One card of records: the query, the list it reads, its columns, and which row to mark. */
function RecordsCard<Data, Row extends { id: string }, V extends AnyVariables>(
  props: {
    query: TypedDocumentNode<Data, V>;
    variables: V;
    pick: (data: Data) => Connection<Row>;
    rowKey: (row: Row) => string;
    titleKey: MessageKeyOf;
    noteKey: MessageKeyOf;
    columns: Column<Row>[];
  } & Marking,
) {
  const { lang, t } = useI18n();
  const [result, retry] = useRetryableQuery(props.query, props.variables);
  const data = result.data ? props.pick(result.data) : undefined;
  const state = cardState(result, (d) => props.pick(d).nodes.length === 0);
  const cellClass = (c: Column<Row>) => [c.numeric ? 'num' : '', c.nowrap ? 'nowrap' : ''].filter(Boolean).join(' ') || undefined;
  const { marked, onListed, rowKey } = props;
  const listed = data && marked && !result.fetching ? data.nodes.some((row) => rowKey(row) === marked) : null;
  useEffect(() => {
    if (listed !== null) onListed?.(listed);
  }, [listed, onListed]);

  return (
    <Card
      className="records-card"
      title={t(props.titleKey)}
      unit={data ? t('records.total', { count: formatInteger(data.totalCount, lang) }) : undefined}
      note={t(props.noteKey)}
      state={state}
      error={result.error}
      onRetry={retry}
      updating={result.fetching}
      bodyHeight={BODY_HEIGHT}
    >
      {data ? (
        <div className="table-frame">
          <table className="data-table">
            <thead>
              <tr>
                {props.columns.map((c) => (
                  <th key={c.label} scope="col" className={c.numeric ? 'num' : undefined}>
                    {t(c.label)}
                  </th>
                ))}
              </tr>
            </thead>
            <tbody>
              {data.nodes.map((row) => {
                const isMarked = marked !== null && rowKey(row) === marked;
                return (
                  <tr key={row.id} className={isMarked ? 'is-just-accepted' : undefined}>
                    {props.columns.map((c, i) => (
                      <td key={c.label} className={cellClass(c)}>
                        {c.cell(row)}
                        {isMarked && i === 0 ? <span className="just-accepted-badge">{t('form.justAccepted')}</span> : null}
                      </td>
                    ))}
                  </tr>
                );
              })}
            </tbody>
          </table>
        </div>
      ) : null}
    </Card>
  );
}
