/**
 * 交叉领域 Overlaps: the enforcement domains several unrelated agencies hold
 * power in, as a domain × agency heatmap of their activities, and the gaps
 * the hub flags in them with who should act. One `overlapGaps` query feeds
 * both cards; every cell, table figure and flag opens the activities behind
 * it (the API's drills) in the records drawer.
 */
import { useCallback, useMemo, useState } from 'react';
import type { CombinedError } from 'urql';
import { Card } from '../../app/Card';
import { cardState } from '../../app/cardState';
import { formatInteger } from '../../app/format';
import { useI18n } from '../../app/I18nContext';
import { apiLocale } from '../../app/i18n';
import { formatPeriod, periodRange } from '../../app/period';
import type { PageProps } from '../../app/routes';
import { localName, useSession, type Me } from '../../app/session';
import type { ViewState } from '../../app/url';
import { useRetryableQuery } from '../../app/useRetryableQuery';
import { ViewSummary } from '../../app/ViewSummary';
import { EChart } from '../../charts/EChart';
import {
  buildOverlapHeatmapOption,
  overlapHeatmapHeight,
  overlapHeatmapMinWidth,
  overlapMatrix,
} from '../../charts/overlapHeatmap';
import { activityFilterOf, type RecordsDrill } from '../../components/records/drills';
import { RecordsDrawer } from '../../components/records/RecordsDrawer';
import { DataTable } from '../../components/table/DataTable';
import type { Column } from '../../components/table/tableData';
import { UnmetDemandCard } from '../orders/UnmetDemandCard';
import { GapItems, OpenGapItemLink, useGapItems } from '../rectification/ItemsBeside';
import { RestrictedCard } from '../training/Restricted';
import { mayReadOverlaps } from './access';
import {
  flagDrillTitle,
  flagRows,
  holderDrillTitle,
  kindLabel,
  overlapFilter,
  overlapSummary,
  severityLabel,
  type FlagRow,
} from './overlapData';
import { OverlapGapsQuery, type OverlapGap } from './overlaps.queries';
import '../training/pages.css';
import './overlaps.css';

type Drill = (drill: RecordsDrill) => void;

export default function OverlapsPage({ view }: PageProps) {
  const { t } = useI18n();
  const { session } = useSession();
  const [drill, setDrill] = useState<RecordsDrill | null>(null);
  const title = t('overlaps.heatmap.title');

  return (
    <div className="page">
      <div className="page-heading">
        <h1>{t('overlaps.heading')}</h1>
        <ViewSummary view={view} />
      </div>
      {session.status === 'loading' ? (
        <Card title={title} state="loading" bodyHeight={360} />
      ) : session.status === 'anonymous' ? (
        <RestrictedCard title={title} message={t('overlaps.signIn')} signIn />
      ) : !mayReadOverlaps(session.user.role) ? (
        <RestrictedCard title={title} message={t('overlaps.notForRole')} />
      ) : (
        <OverlapsBody view={view} user={session.user} onDrill={setDrill} />
      )}
      <RecordsDrawer drill={drill} onClose={() => setDrill(null)} />
    </div>
  );
}

function OverlapsBody({ view, user, onDrill }: { view: ViewState; user: Me; onDrill: Drill }) {
  const { lang, t } = useI18n();
  const variables = useMemo(() => ({ filter: overlapFilter(view), locale: apiLocale(lang) }), [view, lang]);
  const [result, retry] = useRetryableQuery(OverlapGapsQuery, variables);
  const gaps = result.data?.overlapGaps;
  const state = cardState(result, (d) => d.overlapGaps.length === 0);
  const common = { state, error: result.error, onRetry: retry, updating: result.fetching };

  const notes: string[] = [];
  if (user.role === 'DISTRICT_ADMIN' && user.district) {
    notes.push(t('overlaps.scopeDistrict', { district: localName(user.district, lang) }));
  }
  if (user.role === 'AGENCY_REPORTER' && user.agency) {
    notes.push(t('overlaps.scopeAgency', { agency: localName(user.agency, lang) }));
  }
  if (view.agency) notes.push(t('overlaps.noAgencyFilter'));

  return (
    <>
      {notes.length ? (
        <ul className="page-notes" role="note">
          {notes.map((note) => (
            <li key={note}>{note}</li>
          ))}
        </ul>
      ) : null}
      <HeatmapCard view={view} gaps={gaps} onDrill={onDrill} {...common} />
      <GapsCard view={view} gaps={gaps} onDrill={onDrill} {...common} />
      <UnmetDemandCard view={view} />
    </>
  );
}

interface CardProps {
  view: ViewState;
  gaps: readonly OverlapGap[] | undefined;
  onDrill: Drill;
  state: ReturnType<typeof cardState>;
  error: CombinedError | undefined;
  onRetry: () => void;
  updating: boolean;
}

interface HolderRow {
  key: string;
  gap: OverlapGap;
  holder: number;
  domain: string;
  agency: string;
  lead: boolean;
  count: number;
}

function HeatmapCard({ view, gaps, onDrill, ...card }: CardProps) {
  const { lang, t } = useI18n();
  const matrix = useMemo(() => (gaps ? overlapMatrix(gaps, lang) : null), [gaps, lang]);
  const option = useMemo(() => (matrix ? buildOverlapHeatmapOption(matrix, lang) : null), [matrix, lang]);
  const summary = useMemo(() => (gaps ? overlapSummary(gaps) : null), [gaps]);
  const title = t('overlaps.heatmap.title');
  const height = matrix ? overlapHeatmapHeight(matrix, lang) : 360;

  const openHolder = useCallback(
    (gap: OverlapGap, holder: number) =>
      onDrill({
        title: holderDrillTitle(gap, holder, lang),
        source: { kind: 'activities', filters: [activityFilterOf(gap.holders[holder]!.drill)] },
      }),
    [onDrill, lang],
  );

  // The same cells as a table: readable and clickable by keyboard, and downloadable.
  const rows = useMemo<HolderRow[] | undefined>(
    () =>
      gaps?.flatMap((gap) =>
        gap.holders.map((h, i) => ({
          key: `${gap.domain.id}|${h.agency.id}`,
          gap,
          holder: i,
          domain: localName(gap.domain, lang),
          agency: localName(h.agency, lang),
          lead: h.isLead,
          count: h.activityCount,
        })),
      ),
    [gaps, lang],
  );
  const columns = useMemo<Column<HolderRow>[]>(
    () => [
      { id: 'domain', label: t('overlaps.col.domain'), value: (r) => r.domain },
      { id: 'agency', label: t('overlaps.col.agency'), value: (r) => r.agency },
      { id: 'lead', label: t('overlaps.col.lead'), value: (r) => (r.lead ? t('overlaps.lead') : '') },
      {
        id: 'count',
        label: t('overlaps.col.activities'),
        value: (r) => r.count,
        kind: 'integer',
        onClick: (r) => openHolder(r.gap, r.holder),
        clickLabel: (r) => t('overlaps.openHolder', { agency: r.agency, domain: r.domain, count: formatInteger(r.count, lang) }),
      },
    ],
    [t, lang, openHolder],
  );

  return (
    <Card
      className="card-wide"
      title={title}
      unit={t('unit.activitiesOnly')}
      note={t('overlaps.heatmap.note')}
      bodyHeight={360}
      {...card}
    >
      {summary ? (
        <p className="overlap-summary">
          <span>
            {t('overlaps.summary.overlaps')} <strong>{formatInteger(summary.overlaps, lang)}</strong>
          </span>
          <span>
            {t('overlaps.summary.withGaps')} <strong>{formatInteger(summary.withGaps, lang)}</strong>
          </span>
          <span>
            {t('overlaps.summary.idle')} <strong>{formatInteger(summary.idleHolders, lang)}</strong>
          </span>
        </p>
      ) : null}
      {option && matrix && gaps ? (
        <div className="chart-scroll">
          <div style={{ minWidth: overlapHeatmapMinWidth(matrix, lang) }}>
            <EChart
              option={option}
              lang={lang}
              height={height}
              label={title}
              fileName={`${title} ${formatPeriod(view.period, lang)}`}
              onItemClick={({ dataIndex }) => {
                const cell = matrix.cells[dataIndex];
                if (cell) openHolder(gaps[cell.gap]!, cell.holder);
              }}
              testId="overlap-heatmap"
            />
          </div>
        </div>
      ) : null}
      {rows ? (
        <details className="chart-table">
          <summary>{t('chart.asTable')}</summary>
          <DataTable
            caption={`${title} ${formatPeriod(view.period, lang)}`}
            columns={columns}
            rows={rows}
            rowKey={(r) => r.key}
          />
        </details>
      ) : null}
    </Card>
  );
}

function GapsCard({ view, gaps, onDrill, ...card }: CardProps) {
  const { lang, t } = useI18n();
  const rows = useMemo(() => (gaps ? flagRows(gaps, lang) : undefined), [gaps, lang]);
  const title = t('overlaps.gaps.title');
  // Rectification items opened from these flags (one query), and the link to open one: a gap's period is a calendar year.
  const range = periodRange(view.period);
  const beside = useGapItems(range.from, range.to, view.domain);
  const year = view.period.kind === 'year' ? view.period.year : null;
  const columns = useMemo<Column<FlagRow>[]>(
    () => [
      { id: 'domain', label: t('overlaps.col.domain'), value: (r) => r.domain },
      {
        id: 'severity',
        label: t('overlaps.col.severity'),
        value: (r) => severityLabel(r.severity, lang),
        sortable: false,
        render: (r) => <span className={`gap-badge is-${r.severity}`}>{severityLabel(r.severity, lang)}</span>,
      },
      { id: 'kind', label: t('overlaps.col.kind'), value: (r) => kindLabel(r.kind, lang) },
      {
        id: 'message',
        label: t('overlaps.col.message'),
        value: (r) => r.message,
        render: (r) => <span className="gap-message">{r.message}</span>,
        onClick: (r) => onDrill({ title: flagDrillTitle(r, lang), source: { kind: 'activities', filters: [r.drill] } }),
        clickLabel: (r) => t('overlaps.openFlag', { domain: r.domain, kind: kindLabel(r.kind, lang) }),
      },
      { id: 'act', label: t('overlaps.col.act'), value: (r) => r.act },
      {
        id: 'items',
        label: t('rectification.beside.title'),
        value: (r) => (beside.byFlag.get(`${r.domainId}|${r.kind}`) ?? []).map((i) => `#${i.id.split(':')[1]} ${t(`rectification.status.${i.status}`)}`).join(' '),
        sortable: false,
        render: (r) => (
          <>
            <GapItems items={beside.byFlag.get(`${r.domainId}|${r.kind}`)} domainName={r.domain} />
            {beside.canCreate && year !== null && r.kind !== 'NO_LEAD' ? (
              <OpenGapItemLink domainId={r.domainId} domainName={r.domain} year={year} kind={r.kind} agencyId={r.actIds.length === 1 ? r.actIds[0]! : null} />
            ) : null}
          </>
        ),
      },
    ],
    [t, lang, onDrill, beside, year],
  );
  return (
    <Card className="card-wide" title={title} note={t('overlaps.gaps.note')} bodyHeight={240} {...card}>
      <DataTable
        caption={`${title} ${formatPeriod(view.period, lang)}`}
        columns={columns}
        rows={rows}
        rowKey={(r) => r.key}
        emptyText={t('overlaps.gaps.none')}
        className="gaps-table"
      />
    </Card>
  );
}
