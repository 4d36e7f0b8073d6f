/**
 * The latest records under the upload: activities for an agency reporter,
 * broadcast slots for a media partner. The hub scopes both lists to what the
 * account may read, so a reporter sees its own agency's records.
 */
import { useMemo } from 'react';
import { gql } from 'urql';
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
  const { lang, t } = useI18n();
  const variables = useMemo(() => ({ first: LATEST }), []);
  const [result, retry] = useRetryableQuery(RecentActivitiesQuery, variables);
  const data = result.data?.activities;
  const state = cardState(result, (d) => d.activities.nodes.length === 0);
  return (
    <Card
      className="records-card"
      title={t('records.activities')}
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
                <th scope="col">{t('records.col.title')}</th>
                <th scope="col">{t('records.col.date')}</th>
                <th scope="col">{t('records.col.region')}</th>
                <th scope="col" className="num">
                  {t('records.col.participants')}
                </th>
              </tr>
            </thead>
            <tbody>
              {data.nodes.map((a) => (
                <tr key={a.id}>
                  <td>{a.title}</td>
                  <td className="nowrap">{formatDate(a.date, lang)}</td>
                  <td>{localName(a.region, lang)}</td>
                  <td className="num">{formatInteger(a.participants, lang)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      ) : null}
    </Card>
  );
}

function RecentSlots() {
  const { lang, t } = useI18n();
  const variables = useMemo(() => ({ first: LATEST }), []);
  const [result, retry] = useRetryableQuery(RecentSlotsQuery, variables);
  const data = result.data?.broadcastSlots;
  const state = cardState(result, (d) => d.broadcastSlots.nodes.length === 0);
  return (
    <Card
      className="records-card"
      title={t('records.broadcastSlots')}
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
                <th scope="col">{t('records.col.programme')}</th>
                <th scope="col">{t('records.col.outlet')}</th>
                <th scope="col">{t('records.col.start')}</th>
                <th scope="col" className="num">
                  {t('records.col.minutes')}
                </th>
              </tr>
            </thead>
            <tbody>
              {data.nodes.map((s) => (
                <tr key={s.id}>
                  <td>{s.programme}</td>
                  <td>{localName(s.outlet, lang)}</td>
                  <td className="nowrap">{formatHubDateTime(s.startsAt, lang)}</td>
                  <td className="num">{formatInteger(s.durationMinutes, lang)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      ) : null}
    </Card>
  );
}
