/**
 * A stored metrics snapshot read back: what was asked, when, the answer as a
 * small table (snapshotTables.ts), and a link that asks the same now.
 */
import { useMemo } from 'react';
import { formatDecimal, formatHubDateTime, formatInteger, formatPercent } from '../../app/format';
import { useI18n } from '../../app/I18nContext';
import { GradeBadge } from '../assessment/ScorecardTable';
import type { Snapshot } from './inspections.queries';
import { compareHref, snapshotTable, type SnapshotTable } from './snapshotTables';

export function SnapshotView({ snapshot, visitedIds }: { snapshot: Snapshot; visitedIds: readonly string[] }) {
  const { lang, t } = useI18n();
  const table = useMemo(() => snapshotTable(snapshot.kind, snapshot.query, snapshot.answer, visitedIds), [snapshot, visitedIds]);
  const href = compareHref(snapshot.kind, snapshot.query, lang === 'en' ? 'en' : 'zh');
  return (
    <article className="snapshot" data-snapshot={snapshot.kind}>
      <header className="snapshot-head">
        <h3>{t(`inspections.snapshots.kind.${snapshot.kind}`)}</h3>
        <span className="muted">{t('inspections.snapshots.takenAt', { at: formatHubDateTime(snapshot.takenAt, lang) })}</span>
        {href ? (
          <a className="button button-quiet" href={href}>
            {t('inspections.snapshots.compare')}
          </a>
        ) : null}
      </header>
      <p className="muted small snapshot-query" lang="en">
        {t('inspections.snapshots.query', { query: JSON.stringify(snapshot.query) })}
      </p>
      {table ? (
        <SnapshotTableView table={table} />
      ) : (
        <>
          <p>{t('inspections.snapshots.unreadable')}</p>
          <pre className="snapshot-raw">{JSON.stringify(snapshot.answer, null, 2)}</pre>
        </>
      )}
    </article>
  );
}

function SnapshotTableView({ table }: { table: SnapshotTable }) {
  const { lang, t } = useI18n();
  if (table.rows.length === 0) return <p className="muted">{t('inspections.snapshots.noRows')}</p>;
  const n = (v: number | null) => formatInteger(v, lang);
  const visitedMark = <span className="visited-mark">{t('inspections.snapshots.visited')}</span>;
  if (table.kind === 'SCORECARD') {
    return (
      <div className="chart-scroll">
        {table.year !== null ? <p className="small">{t('inspections.snapshots.scorecardOf', { year: table.year, version: table.rubricVersion ?? '' })}</p> : null}
        <table className="chart-table snapshot-table">
          <thead>
            <tr>
              <th scope="col">{t('inspections.snapshots.col.unit')}</th>
              <th scope="col">{t('inspections.snapshots.col.total')}</th>
              <th scope="col">{t('inspections.snapshots.col.rank')}</th>
              <th scope="col">{t('inspections.snapshots.col.grade')}</th>
            </tr>
          </thead>
          <tbody>
            {table.rows.map((r) => (
              <tr key={r.agencyId} className={r.visited ? 'is-visited' : undefined}>
                <th scope="row">
                  {r.unit} {r.visited ? visitedMark : null}
                </th>
                <td className="num">{formatDecimal(r.total, 2, lang)}</td>
                <td className="num">{n(r.rank)}</td>
                <td>{r.grade ? <GradeBadge grade={r.grade} label={r.gradeLabel} /> : null}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    );
  }
  if (table.kind === 'COVERAGE') {
    return (
      <div className="chart-scroll">
        <table className="chart-table snapshot-table">
          <thead>
            <tr>
              <th scope="col">{t('inspections.snapshots.col.unit')}</th>
              <th scope="col">{t('inspections.snapshots.col.items')}</th>
              <th scope="col">{t('inspections.snapshots.col.covered')}</th>
              <th scope="col">{t('inspections.snapshots.col.planned')}</th>
              <th scope="col">{t('inspections.snapshots.col.delivered')}</th>
              <th scope="col">{t('inspections.snapshots.col.completion')}</th>
            </tr>
          </thead>
          <tbody>
            {table.rows.map((r) => (
              <tr key={r.agencyId} className={r.visited ? 'is-visited' : undefined}>
                <th scope="row">{r.unit}</th>
                <td className="num">{n(r.items)}</td>
                <td className="num">{n(r.covered)}</td>
                <td className="num">{n(r.planned)}</td>
                <td className="num">{n(r.delivered)}</td>
                <td className="num">{formatPercent(r.completion, lang)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    );
  }
  return (
    <div className="chart-scroll">
      <table className="chart-table snapshot-table">
        <thead>
          <tr>
            <th scope="col">{t('inspections.snapshots.col.domain')}</th>
            <th scope="col">{t('inspections.snapshots.col.holders')}</th>
            <th scope="col">{t('inspections.snapshots.col.activities')}</th>
            <th scope="col">{t('inspections.snapshots.col.flags')}</th>
          </tr>
        </thead>
        <tbody>
          {table.rows.map((r) => (
            <tr key={r.domainId}>
              <th scope="row">{r.domain}</th>
              <td>{r.holders.join('、')}</td>
              <td className="num">{n(r.activityCount)}</td>
              <td>
                {r.flags.length === 0 ? (
                  t('inspections.snapshots.noFlags')
                ) : (
                  <ul className="flag-list">
                    {r.flags.map((f) => (
                      <li key={f}>{f}</li>
                    ))}
                  </ul>
                )}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
