/**
 * The latest records under the upload: activities for an agency reporter,
 * broadcast slots for a media partner. The hub scopes both lists to what the
 * account may read, so a reporter sees its own agency's records.
 */
import { useMemo } from 'react';
import { gql, type TypedDocumentNode } from 'urql';
import { Card } from '../../app/Card';
import { cardState } from '../../app/cardState';
import { formatDate, formatHubDateTime, formatInteger } from '../../app/format';
import { useI18n } from '../../app/I18nContext';
import type { RecordList } from '../../app/roles';
import { localName, type NamedRef } from '../../app/session';
import { useRetryableQuery } from '../../app/useRetryableQuery';

const LATEST = 20;
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
}

interface SlotRow {
  id: string;
  programme: string;
  startsAt: string;
  durationMinutes: number;
  outlet: NamedRef;
}

const RecentActivitiesQuery = gql<{ activities: Connection<ActivityRow> }, { first: number }>`
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
      }
    }
  }
`;

const RecentSlotsQuery = gql<{ broadcastSlots: Connection<SlotRow> }, { first: number }>`
  query ReportRecentSlots($first: Int) {
    broadcastSlots(first: $first) {
      totalCount
      nodes {
        id
        programme
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
`;

export function RecentRecords({ list }: { list: Exclude<RecordList, null> }) {
  return list === 'activities' ? <RecentActivities /> : <RecentSlots />;
}

function RecentActivities() {
  const { lang } = useI18n();
  return (
    <RecordsCard<{ activities: Connection<ActivityRow> }, ActivityRow>
      query={RecentActivitiesQuery}
      pick={(d) => d.activities}
      titleKey="records.activities"
      columns={[
        { label: 'records.col.title', cell: (a) => a.title },
        { label: 'records.col.date', cell: (a) => formatDate(a.date, lang), nowrap: true },
        { label: 'records.col.region', cell: (a) => localName(a.region, lang) },
        { label: 'records.col.participants', cell: (a) => formatInteger(a.participants, lang), numeric: true },
      ]}
    />
  );
}

function RecentSlots() {
  const { lang } = useI18n();
  return (
    <RecordsCard<{ broadcastSlots: Connection<SlotRow> }, SlotRow>
      query={RecentSlotsQuery}
      pick={(d) => d.broadcastSlots}
      titleKey="records.broadcastSlots"
      columns={[
        { label: 'records.col.programme', cell: (s) => s.programme },
        { label: 'records.col.outlet', cell: (s) => localName(s.outlet, lang) },
        { label: 'records.col.start', cell: (s) => formatHubDateTime(s.startsAt, lang), nowrap: true },
        { label: 'records.col.minutes', cell: (s) => formatInteger(s.durationMinutes, lang), numeric: true },
      ]}
    />
  );
}

interface Column<Row> {
  label: Parameters<ReturnType<typeof useI18n>['t']>[0];
  cell: (row: Row) => string;
  numeric?: boolean;
  nowrap?: boolean;
}

/** One card of the latest records: the query, the list it reads, and its columns. */
function RecordsCard<Data, Row extends { id: string }>(props: {
  query: TypedDocumentNode<Data, { first: number }>;
  pick: (data: Data) => Connection<Row>;
  titleKey: Column<Row>['label'];
  columns: Column<Row>[];
}) {
  const { lang, t } = useI18n();
  const variables = useMemo(() => ({ first: LATEST }), []);
  const [result, retry] = useRetryableQuery(props.query, variables);
  const data = result.data ? props.pick(result.data) : undefined;
  const state = cardState(result, (d) => props.pick(d).nodes.length === 0);
  const cellClass = (c: Column<Row>) => [c.numeric ? 'num' : '', c.nowrap ? 'nowrap' : ''].filter(Boolean).join(' ') || undefined;
  return (
    <Card
      className="records-card"
      title={t(props.titleKey)}
      unit={data ? t('records.total', { count: formatInteger(data.totalCount, lang) }) : undefined}
      note={t('records.note')}
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
              {data.nodes.map((row) => (
                <tr key={row.id}>
                  {props.columns.map((c) => (
                    <td key={c.label} className={cellClass(c)}>
                      {c.cell(row)}
                    </td>
                  ))}
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      ) : null}
    </Card>
  );
}
