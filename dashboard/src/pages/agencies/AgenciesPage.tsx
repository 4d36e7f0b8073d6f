/**
 * 单位 Agencies: every member unit with its figures for the period's year —
 * activities, completion and coverage of its responsibility list, training
 * attendance, awareness and satisfaction, and its assessment score — in one
 * sortable, searchable table. A name opens the unit's page; a figure opens
 * the records behind it. The view's district, domain and agency choose which
 * units are listed (located in the district, holding power in the domain);
 * each unit's figures are always its whole year's.
 */
import { useMemo, useState, type ReactNode } from 'react';
import { useQuery } from 'urql';
import { ErrorPanel } from '../../app/Card';
import { cardState } from '../../app/cardState';
import { agencyChoice } from '../../app/filterAccess';
import { formatDecimal, formatInteger, formatPercent } from '../../app/format';
import { useI18n } from '../../app/I18nContext';
import { apiLocale, type Translate } from '../../app/i18n';
import { navigate, useSearch } from '../../app/location';
import type { PageProps } from '../../app/routes';
import { useSession } from '../../app/session';
import type { ViewState } from '../../app/url';
import { useRetryableQuery } from '../../app/useRetryableQuery';
import { ViewSummary } from '../../app/ViewSummary';
import { coverageDrill, type RecordsDrill } from '../../components/records/drills';
import { RecordsDrawer } from '../../components/records/RecordsDrawer';
import { DataTable } from '../../components/table/DataTable';
import type { Column } from '../../components/table/tableData';
import { OwnAgencyNotice, RestrictedNotice } from './AccessNotice';
import { AgenciesTableQuery } from './agencies.queries';
import { agencyRows, type AgencyRow, type SurveyCell } from './agencyTable';
import { agencyPath } from './links';
import { chooseRubric, rubricParam, RubricsQuery, ScorecardQuery, withRubric } from './rubric';
import { periodYear, yearRange } from './year';
import './agencies.css';

export default function AgenciesPage({ view }: PageProps) {
  const { t } = useI18n();
  const { session } = useSession();
  const choice = agencyChoice(session);
  const [drill, setDrill] = useState<RecordsDrill | null>(null);

  return (
    <div className="page">
      <div className="page-heading">
        <h1>{t('agencies.heading')}</h1>
        <ViewSummary view={view} />
      </div>
      {choice.kind === 'pending' ? (
        <p className="page-loading" role="status">
          {t('app.pageLoading')}
        </p>
      ) : choice.kind === 'own' ? (
        <OwnAgencyNotice agency={choice.agency} />
      ) : choice.kind === 'none' ? (
        <RestrictedNotice signedIn={choice.signedIn} />
      ) : (
        <AgenciesTable view={view} onDrill={setDrill} />
      )}
      <RecordsDrawer drill={drill} onClose={() => setDrill(null)} />
    </div>
  );
}

function AgenciesTable({ view, onDrill }: { view: ViewState; onDrill: (drill: RecordsDrill) => void }) {
  const { lang, t } = useI18n();
  const search = useSearch();
  const year = periodYear(view.period);
  const locale = apiLocale(lang);
  const variables = useMemo(
    () => ({
      agencyFilter: {
        ...(view.district ? { regionIds: [view.district] } : {}),
        ...(view.domain ? { domainIds: [view.domain] } : {}),
        ...(view.agency ? { ids: [view.agency] } : {}),
      },
      coverage: { years: [year] },
      analytics: yearRange(year),
      survey: { years: [year] },
      locale,
    }),
    [view.district, view.domain, view.agency, year, locale],
  );
  const [result, retry] = useRetryableQuery(AgenciesTableQuery, variables);

  const [rubrics] = useQuery({ query: RubricsQuery });
  const rubric = rubrics.data ? chooseRubric(rubrics.data.rubrics, rubricParam(search)) : undefined;
  const [scores, retryScores] = useRetryableQuery(
    ScorecardQuery,
    { year, rubricVersion: rubric?.version ?? '', locale },
    { pause: !rubric },
  );
  const scoreRows = scores.data && !scores.error ? scores.data.scorecard.rows : undefined;
  const scoresPending = !rubrics.error && rubric !== null && !scores.error && !scores.data;

  const data = result.data;
  const rows = useMemo(
    () =>
      data
        ? agencyRows(
            {
              agencies: data.agencies.nodes,
              coverage: data.coverage.agencies,
              analytics: data.analytics.rows,
              awareness: data.awareness.rows,
              satisfaction: data.satisfaction.rows,
              scores: scoreRows,
            },
            year,
            lang,
          )
        : undefined,
    [data, scoreRows, year, lang],
  );
  const columns = useAgencyColumns(year, search, scoresPending, onDrill);
  const state = cardState(result, () => false);
  const caption = t('agencies.tableTitle', { year });

  return (
    <section className="card agencies-card" aria-labelledby="agencies-table-title" aria-busy={result.fetching || undefined}>
      <header className="card-header">
        <h2 id="agencies-table-title" className="card-title">
          {caption}
        </h2>
        <span className="card-note">{t('agencies.tableNote')}</span>
      </header>
      {rubrics.data && rubrics.data.rubrics.length > 1 ? (
        <div className="field agencies-rubric">
          <label htmlFor="agencies-rubric">{t('agencies.rubric')}</label>
          <select
            id="agencies-rubric"
            value={rubric?.version ?? ''}
            onChange={(e) => navigate(window.location.pathname + withRubric(window.location.search, e.target.value))}
          >
            {rubrics.data.rubrics.map((r) => (
              <option key={r.version} value={r.version}>
                {r.name}（{r.version}）
              </option>
            ))}
          </select>
        </div>
      ) : null}
      {rubrics.error || scores.error ? (
        <ErrorPanel
          className="agencies-score-error"
          title={t('agencies.scoresFailed')}
          error={rubrics.error ?? scores.error}
          onRetry={retryScores}
        />
      ) : rubric === null ? (
        <p className="agencies-note">{t('agencies.noRubric')}</p>
      ) : scores.data?.scorecard.reason ? (
        <p className="agencies-note">{scores.data.scorecard.reason}</p>
      ) : null}
      {state === 'error' ? (
        <ErrorPanel error={result.error} onRetry={retry} minHeight={240} />
      ) : (
        <DataTable
          caption={caption}
          columns={columns}
          rows={state === 'loading' ? undefined : rows}
          rowKey={(r) => r.id}
          initialSort={{ column: 'score', direction: 'desc' }}
          emptyText={t('agencies.empty')}
          loadingRows={10}
          className={result.fetching && rows ? 'is-updating agencies-table' : 'agencies-table'}
        />
      )}
      <p className="agencies-footnote">{t('agencies.smallSample')}</p>
    </section>
  );
}

function surveyCell(cell: SurveyCell | null, text: string, t: Translate) {
  if (!cell) return text;
  return (
    <>
      {text}
      {cell.smallSample ? (
        <abbr className="small-sample" title={t('agencies.smallSampleTitle', { n: cell.n })}>
          *
        </abbr>
      ) : null}
    </>
  );
}

function useAgencyColumns(
  year: number,
  search: string,
  scoresPending: boolean,
  onDrill: (drill: RecordsDrill) => void,
): Column<AgencyRow>[] {
  const { lang, t } = useI18n();
  return useMemo(() => {
    const open = (label: string) => (r: AgencyRow) => t('agencies.openFigure', { agency: r.name, figure: label });
    const pending = (render: (r: AgencyRow) => ReactNode) => (r: AgencyRow) =>
      scoresPending ? <span className="skeleton skeleton-line short" aria-label={t('state.loading')} /> : render(r);
    return [
      { id: 'name', label: t('agencies.col.agency'), value: (r) => r.name, href: (r) => agencyPath(r.id, search) },
      {
        id: 'activities',
        label: t('agencies.col.activities'),
        value: (r) => r.activities,
        kind: 'integer',
        clickLabel: (r) => open(`${t('agencies.col.activities')} ${formatInteger(r.activities, lang)}`)(r),
        onClick: (r) =>
          onDrill({
            title: t('agencies.drill.activities', { agency: r.name, year }),
            source: { kind: 'activities', filters: [{ ...yearRange(year), agencyIds: [r.id] }] },
          }),
      },
      {
        id: 'completion',
        label: t('agencies.col.completion'),
        value: (r) => r.completion,
        kind: 'percent',
        clickLabel: (r) => open(`${t('agencies.col.completion')} ${formatPercent(r.completion, lang)}`)(r),
        onClick: (r) => {
          if (r.coverage) onDrill(coverageDrill(t('agencies.drill.delivered', { agency: r.name, year }), r.coverage.drills));
        },
      },
      {
        id: 'coverage',
        label: t('agencies.col.coverage'),
        value: (r) => r.coverageRate,
        kind: 'percent',
        clickLabel: (r) => open(`${t('agencies.col.coverage')} ${formatPercent(r.coverageRate, lang)}`)(r),
        onClick: (r) =>
          onDrill({
            title: t('agencies.drill.items', { agency: r.name, year }),
            source: { kind: 'responsibilityItems', filters: [{ years: [year], agencyIds: [r.id] }] },
          }),
      },
      { id: 'training', label: t('agencies.col.training'), value: (r) => r.training, kind: 'percent' },
      {
        id: 'awareness',
        label: t('agencies.col.awareness'),
        value: (r) => r.awareness?.value ?? null,
        kind: 'percent',
        render: (r) => surveyCell(r.awareness, formatPercent(r.awareness?.value, lang), t),
        clickLabel: (r) => open(`${t('agencies.col.awareness')} ${formatPercent(r.awareness?.value, lang)}`)(r),
        onClick: (r) => {
          if (r.awareness) {
            onDrill({ title: t('agencies.drill.awareness', { agency: r.name, year }), source: { kind: 'surveyResponses', filters: [r.awareness.responses] } });
          }
        },
      },
      {
        id: 'satisfaction',
        label: t('agencies.col.satisfaction'),
        value: (r) => r.satisfaction?.value ?? null,
        kind: 'decimal',
        digits: 2,
        render: (r) => surveyCell(r.satisfaction, formatDecimal(r.satisfaction?.value, 2, lang), t),
        clickLabel: (r) => open(`${t('agencies.col.satisfaction')} ${formatDecimal(r.satisfaction?.value, 2, lang)}`)(r),
        onClick: (r) => {
          if (r.satisfaction) {
            onDrill({
              title: t('agencies.drill.satisfaction', { agency: r.name, year }),
              source: { kind: 'surveyResponses', filters: [r.satisfaction.responses] },
            });
          }
        },
      },
      {
        id: 'score',
        label: t('agencies.col.score'),
        value: (r) => r.score?.total ?? null,
        kind: 'decimal',
        digits: 2,
        render: pending((r) => formatDecimal(r.score?.total, 2, lang)),
      },
      {
        id: 'grade',
        label: t('agencies.col.grade'),
        value: (r) => r.score?.gradeLabel ?? null,
        sortable: false,
        render: pending((r) => (r.score ? <span className={`grade grade-${r.score.grade.toLowerCase()}`}>{r.score.gradeLabel}</span> : '—')),
      },
      {
        id: 'rank',
        label: t('agencies.col.rank'),
        value: (r) => r.score?.rank ?? null,
        kind: 'integer',
        render: pending((r) => formatInteger(r.score?.rank, lang)),
      },
    ];
  }, [lang, t, year, search, scoresPending, onDrill]);
}
