/**
 * One agency's page (/agencies/<n>) for the period's year: its figures at a
 * glance (list completion and coverage, score and grade), its responsibility
 * list item by item, its activity calendar, its media and its cases. The
 * readers of every record may open any agency; an agency reporter its own;
 * everyone else is told why not.
 */
import { useMemo, useState } from 'react';
import { useQuery } from 'urql';
import { ErrorPanel } from '../../app/Card';
import { cardState } from '../../app/cardState';
import { agencyChoice } from '../../app/filterAccess';
import { formatDate, formatDecimal, formatInteger, formatPercent } from '../../app/format';
import { useI18n } from '../../app/I18nContext';
import { apiLocale, type MessageKey } from '../../app/i18n';
import { navigate, usePathname, useSearch } from '../../app/location';
import { formatPeriod } from '../../app/period';
import { routeParams, type PageProps } from '../../app/routes';
import { localName, useSession } from '../../app/session';
import type { ViewState } from '../../app/url';
import { useRetryableQuery } from '../../app/useRetryableQuery';
import { coverageDrill, type RecordsDrill } from '../../components/records/drills';
import { RecordsDrawer } from '../../components/records/RecordsDrawer';
import { OwnAgencyNotice, RestrictedNotice } from './AccessNotice';
import { AgencyPageQuery, type AgencyPageData } from './agency.queries';
import { CalendarCard } from './CalendarCard';
import { CasesCard } from './CasesCard';
import { CoverageCard } from './CoverageCard';
import { AGENCY_PAGE, agenciesPath, agencyIdOf } from './links';
import { MediaCard } from './MediaCard';
import { chooseRubric, rubricParam, RubricsQuery, ScorecardQuery } from './rubric';
import { periodYear, yearRange } from './year';
import './agencies.css';

export default function AgencyPage({ view }: PageProps) {
  const { t } = useI18n();
  const pathname = usePathname();
  const id = agencyIdOf(routeParams(AGENCY_PAGE, pathname)?.id);
  const { session } = useSession();
  const choice = agencyChoice(session);
  const [drill, setDrill] = useState<RecordsDrill | null>(null);

  const mayOpen = Boolean(id) && (choice.kind === 'all' || (choice.kind === 'own' && choice.agency.id === id));
  let body;
  if (!id) body = <NotFound />;
  else if (choice.kind === 'pending') {
    body = (
      <p className="page-loading" role="status">
        {t('app.pageLoading')}
      </p>
    );
  } else if (choice.kind === 'none') body = <RestrictedNotice signedIn={choice.signedIn} />;
  else if (choice.kind === 'own' && !mayOpen) body = <OwnAgencyNotice agency={choice.agency} asked />;
  else body = <AgencyDetail key={id} id={id} view={view} onDrill={setDrill} showBack={choice.kind === 'all'} />;

  return (
    <div className="page agency-page">
      {mayOpen ? null : (
        // The agency's own heading (its name) comes with its figures.
        <div className="page-heading">
          <h1>{t('agencies.heading')}</h1>
        </div>
      )}
      {body}
      <RecordsDrawer drill={drill} onClose={() => setDrill(null)} />
    </div>
  );
}

function BackLink() {
  const { t } = useI18n();
  const search = useSearch();
  const href = agenciesPath(search);
  return (
    <a
      className="back-link"
      href={href}
      onClick={(event) => {
        if (event.button !== 0 || event.metaKey || event.ctrlKey || event.shiftKey || event.altKey) return;
        event.preventDefault();
        navigate(href);
      }}
    >
      ← {t('agency.back')}
    </a>
  );
}

function NotFound({ id }: { id?: string }) {
  const { t } = useI18n();
  return (
    <div className="state-panel page-error" role="alert">
      <p className="state-title">{id ? t('agency.notFound', { id }) : t('agency.badLink')}</p>
      <BackLink />
    </div>
  );
}

type AgencyNode = Extract<NonNullable<AgencyPageData['node']>, { name: string }>;

function AgencyDetail({
  id,
  view,
  onDrill,
  showBack,
}: {
  id: string;
  view: ViewState;
  onDrill: (drill: RecordsDrill) => void;
  /** The list of every agency is for the readers of every record, not for a reporter. */
  showBack: boolean;
}) {
  const { lang, t } = useI18n();
  const year = periodYear(view.period);
  // One object per year: the cards rebuild their charts only when it changes.
  const range = useMemo(() => yearRange(year), [year]);
  const variables = useMemo(() => ({ id, coverage: { agencyIds: [id], years: [year] }, locale: apiLocale(lang) }), [id, year, lang]);
  const [result, retry] = useRetryableQuery(AgencyPageQuery, variables);
  const state = cardState(result, () => false);
  const node = result.data?.node;
  const agency = node && 'name' in node ? (node as AgencyNode) : null;
  const coverage = result.data?.coverage.agencies.find((a) => a.agencyId === id);

  if (state === 'error') {
    return (
      <>
        {showBack ? <BackLink /> : null}
        <ErrorPanel error={result.error} onRetry={retry} minHeight={240} />
      </>
    );
  }
  if (state === 'ready' && !agency) return <NotFound id={id} />;
  const name = agency ? localName(agency, lang) : '';
  const narrowed = view.district || view.domain || view.agency;

  return (
    <>
      <div className="page-heading agency-heading">
        {showBack ? <BackLink /> : null}
        <h1>{agency ? name : <span className="skeleton skeleton-line" style={{ display: 'inline-block', width: 240 }} />}</h1>
        {agency ? (
          <p className="page-scope">
            {[
              t(`agency.level.${agency.level}` as MessageKey),
              t(`agency.kind.${agency.kind}` as MessageKey),
              agency.parent ? t('agency.parent', { parent: localName(agency.parent, lang) }) : null,
              agency.validTo ? t('agency.validTo', { day: formatDate(agency.validTo, lang) }) : null,
            ]
              .filter(Boolean)
              .join(' · ')}
          </p>
        ) : null}
        <p className="page-scope">
          {t('agency.scope', { year })}
          {view.period.kind === 'range' ? t('agency.scopeRange', { period: formatPeriod(view.period, lang) }) : null}
          {narrowed ? t('agency.scopeFilters') : null}
        </p>
      </div>

      <AgencySummary agencyId={id} year={year} coverage={coverage} loading={state === 'loading'} onDrill={onDrill} name={name} />

      <div className="chart-grid agency-grid">
        <CoverageCard
          agencyName={name}
          year={year}
          items={state === 'loading' ? undefined : (coverage?.items ?? [])}
          state={state === 'loading' ? 'loading' : 'ready'}
          onDrill={onDrill}
        />
        <CalendarCard key={`${id} ${year}`} agencyId={id} agencyName={name} range={range} onDrill={onDrill} />
        <MediaCard agencyId={id} agencyName={name} range={range} onDrill={onDrill} />
        <CasesCard agencyId={id} agencyName={name} />
      </div>
    </>
  );
}

type CoverageFigures = NonNullable<AgencyPageData['coverage']['agencies'][number]>;

/** The agency's year at a glance: its list's completion and coverage, its score, grade and rank. */
function AgencySummary({
  agencyId,
  name,
  year,
  coverage,
  loading,
  onDrill,
}: {
  agencyId: string;
  name: string;
  year: number;
  coverage: CoverageFigures | undefined;
  loading: boolean;
  onDrill: (drill: RecordsDrill) => void;
}) {
  const { lang, t } = useI18n();
  const search = useSearch();
  const [rubrics] = useQuery({ query: RubricsQuery });
  const rubric = rubrics.data ? chooseRubric(rubrics.data.rubrics, rubricParam(search)) : undefined;
  const [scores] = useRetryableQuery(ScorecardQuery, { year, rubricVersion: rubric?.version ?? '', locale: apiLocale(lang) }, { pause: !rubric });
  const score = scores.data?.scorecard.rows.find((r) => r.agencyId === agencyId);
  const scoreKnown = Boolean(scores.data) || rubric === null || Boolean(scores.error || rubrics.error);

  const figures: { key: string; label: string; value: string; sub?: string; open?: () => void; loading: boolean }[] = [
    {
      key: 'completion',
      label: t('agencies.col.completion'),
      value: formatPercent(coverage?.completionCapped, lang),
      sub: coverage ? t('agency.summary.plannedDelivered', { planned: formatInteger(coverage.planned, lang), delivered: formatInteger(coverage.delivered, lang) }) : t('agency.summary.noList'),
      open: coverage ? () => onDrill(coverageDrill(t('agencies.drill.delivered', { agency: name, year }), coverage.drills)) : undefined,
      loading,
    },
    {
      key: 'coverage',
      label: t('agencies.col.coverage'),
      value: formatPercent(coverage?.coverageRate, lang),
      sub: coverage ? t('agency.summary.items', { covered: formatInteger(coverage.coveredItemCount, lang), count: formatInteger(coverage.itemCount, lang) }) : undefined,
      open: coverage
        ? () => onDrill({ title: t('agencies.drill.items', { agency: name, year }), source: { kind: 'responsibilityItems', filters: [{ years: [year], agencyIds: [agencyId] }] } })
        : undefined,
      loading,
    },
    {
      key: 'score',
      label: t('agencies.col.score'),
      value: formatDecimal(score?.total, 2, lang),
      sub: score
        ? t('agency.summary.rank', { rank: formatInteger(score.rank, lang), count: formatInteger(scores.data!.scorecard.agencyCount, lang), max: formatInteger(scores.data!.scorecard.maxScore, lang) })
        : scores.error || rubrics.error
          ? t('agencies.scoresFailed')
          : t('agency.summary.notAssessed'),
      loading: !scoreKnown,
    },
    {
      key: 'grade',
      label: t('agencies.col.grade'),
      value: score ? score.gradeLabel : '—',
      sub: rubric ? rubric.name : undefined,
      loading: !scoreKnown,
    },
  ];

  return (
    <dl className="agency-summary" aria-busy={loading || !scoreKnown || undefined}>
      {figures.map((f) => (
        <div key={f.key} className="agency-figure" data-figure={f.key}>
          <dt>{f.label}</dt>
          <dd>
            {f.loading ? (
              <span className="skeleton skeleton-figure" role="status">
                <span className="visually-hidden">{t('state.loading')}</span>
              </span>
            ) : f.open && f.value !== '—' ? (
              <button type="button" className="kpi-open" onClick={f.open} aria-label={t('table.openRecords', { figure: `${f.label} ${f.value}` })}>
                <span className="agency-figure-value">{f.value}</span>
              </button>
            ) : (
              <span className={`agency-figure-value${f.key === 'grade' && score ? ` grade grade-${score.grade.toLowerCase()}` : ''}`}>{f.value}</span>
            )}
            {f.sub && !f.loading ? <span className="agency-figure-sub">{f.sub}</span> : null}
          </dd>
        </div>
      ))}
    </dl>
  );
}
