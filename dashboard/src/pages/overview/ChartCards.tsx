/**
 * The overview's three chart cards; each owns its query and its states. A
 * click on a month, an agency or a district hands the records behind it to
 * `onDrill` (the page's RecordsDrawer).
 */
import { useCallback, useMemo } from 'react';
import { useQuery } from 'urql';
import { measureValue, viewFilter } from '../../app/analytics';
import type { AnalyticsVariables } from '../../app/api-types';
import { Card, ErrorPanel } from '../../app/Card';
import { cardState } from '../../app/cardState';
import { formatInteger, formatMonth } from '../../app/format';
import { useI18n } from '../../app/I18nContext';
import { apiLocale } from '../../app/i18n';
import { formatPeriod, periodRange } from '../../app/period';
import { canSeeUnitRanking } from '../../app/roles';
import { localName, useSession, type NamedRef } from '../../app/session';
import { DistrictsQuery, regionName } from '../../app/shell.queries';
import { SignInLink } from '../../app/SignInLink';
import type { ViewState } from '../../app/url';
import { useRetryableQuery } from '../../app/useRetryableQuery';
import { agencyRankingHeight, buildAgencyRankingOption, rankedAgencies, RANKING_LIMIT } from '../../charts/agencyRanking';
import { buildDistrictBreakdownOption, districtItems, type DistrictItem } from '../../charts/districtBreakdown';
import { EChart, type ChartItemClick } from '../../charts/EChart';
import { buildMonthlyTrendOption, hasMonthlyData, monthlySeries } from '../../charts/monthlyTrend';
import { useElementWidth } from '../../charts/useElementWidth';
import { analyticsRecords, monthWithin, type RecordsDrill } from '../../components/records/drills';
import { DataTable } from '../../components/table/DataTable';
import type { Column } from '../../components/table/tableData';
import { AgencyRankingQuery, DistrictBreakdownQuery, MonthlyTrendQuery, OwnAgencyTotalsQuery } from './chartQuery';

const TREND_HEIGHT = 320;
const DISTRICT_HEIGHT = 320;

interface ChartCardProps {
  view: ViewState;
  /** Opens the records behind a clicked item. */
  onDrill: (drill: RecordsDrill) => void;
}

export function MonthlyTrendCard({ view, onDrill }: ChartCardProps) {
  const { lang, t } = useI18n();
  const variables = useMemo<AnalyticsVariables>(
    () => ({
      measures: ['ACTIVITY_COUNT', 'PARTICIPANTS'],
      groupBy: ['MONTH'],
      filter: viewFilter(view),
      locale: apiLocale(lang),
    }),
    [view, lang],
  );
  const [result, retry] = useRetryableQuery(MonthlyTrendQuery, variables);
  const rows = result.data?.analytics.rows;
  const state = cardState(result, (d) => !hasMonthlyData({ rows: d.analytics.rows, period: view.period }));
  const option = useMemo(
    () => (rows ? buildMonthlyTrendOption({ rows, period: view.period }, lang) : null),
    [rows, view.period, lang],
  );
  const title = t('chart.trend.title');
  function onItemClick({ dataIndex }: ChartItemClick) {
    const month = monthlySeries({ rows: rows ?? [], period: view.period }).months[dataIndex];
    const days = month ? monthWithin(month, periodRange(view.period)) : null;
    if (!month || !days) return;
    onDrill({
      title: t('drawer.activitiesInMonth', { month: formatMonth(month, lang, true) }),
      source: analyticsRecords('activity', viewFilter(view, days))!,
    });
  }
  return (
    <Card
      className="card-wide"
      title={title}
      unit={t('unit.activitiesAndPeople')}
      note={t('chart.openRecordsHint')}
      state={state}
      error={result.error}
      onRetry={retry}
      updating={result.fetching}
      bodyHeight={TREND_HEIGHT}
    >
      {option ? (
        <EChart
          option={option}
          lang={lang}
          height={TREND_HEIGHT}
          label={title}
          fileName={`${title} ${formatPeriod(view.period, lang)}`}
          onItemClick={onItemClick}
          testId="monthly-trend"
        />
      ) : null}
    </Card>
  );
}

const RANKING_PLACEHOLDER_HEIGHT = 320;

/**
 * The ranking of units is for the accounts that read every unit's records.
 * The hub refuses it to everyone else (UNAUTHENTICATED for the public), so
 * the card is not asked for then: the public gets a calm sign-in prompt, the
 * other roles a note, and an agency reporter its own agency's figures.
 */
export function AgencyRankingCard({ view, onDrill }: ChartCardProps) {
  const { t } = useI18n();
  const { session } = useSession();
  const title = t('chart.agencies.title');
  if (session.status === 'loading') {
    return <Card title={title} unit={t('unit.activitiesOnly')} state="loading" bodyHeight={RANKING_PLACEHOLDER_HEIGHT} />;
  }
  if (session.status === 'signedIn' && canSeeUnitRanking(session.user.role)) {
    return <AgencyRankingChart view={view} onDrill={onDrill} />;
  }
  const agency = session.status === 'signedIn' && session.user.role === 'AGENCY_REPORTER' ? session.user.agency : null;
  return (
    <Card title={title} state="ready" bodyHeight={RANKING_PLACEHOLDER_HEIGHT} className="card-restricted">
      {session.status === 'signedIn' ? (
        <div className="restricted-panel" role="note">
          <p className="restricted-title">{t('ranking.restricted')}</p>
          {agency ? <OwnAgencyFigures view={view} agency={agency} /> : null}
        </div>
      ) : (
        <div className="restricted-panel" role="note">
          <p className="restricted-title">{t('ranking.signInPrompt')}</p>
          <SignInLink className="button" />
        </div>
      )}
    </Card>
  );
}

function OwnAgencyFigures({ view, agency }: { view: ViewState; agency: NamedRef }) {
  const { lang, t } = useI18n();
  const variables = useMemo<AnalyticsVariables>(
    () => ({
      measures: ['ACTIVITY_COUNT', 'PARTICIPANTS'],
      filter: { ...viewFilter(view), agencyIds: [agency.id] },
      locale: apiLocale(lang),
    }),
    [view, agency.id, lang],
  );
  const [result, retry] = useRetryableQuery(OwnAgencyTotalsQuery, variables);
  const totals = result.data?.analytics.totals;
  const state = cardState(result, () => false);
  return (
    <section className="own-figures" aria-label={t('ranking.ownUnit', { unit: localName(agency, lang) })}>
      <p className="own-figures-title">{t('ranking.ownUnit', { unit: localName(agency, lang) })}</p>
      {state === 'error' ? (
        <ErrorPanel error={result.error} onRetry={retry} />
      ) : (
        <dl className={['own-figures-list', result.fetching && totals ? 'is-updating' : ''].filter(Boolean).join(' ')}>
          {(
            [
              ['ACTIVITY_COUNT', 'ranking.ownActivities', 'unit.activities'],
              ['PARTICIPANTS', 'ranking.ownParticipants', 'unit.people'],
            ] as const
          ).map(([measure, label, unit]) => (
            <div key={measure}>
              <dt>{t(label)}</dt>
              <dd>
                {totals ? (
                  <>
                    <span className="own-figures-number">{formatInteger(measureValue(totals, measure), lang)}</span>{' '}
                    <span className="kpi-unit">{t(unit)}</span>
                  </>
                ) : (
                  <span className="skeleton skeleton-figure" role="status">
                    <span className="visually-hidden">{t('state.loading')}</span>
                  </span>
                )}
              </dd>
            </div>
          ))}
        </dl>
      )}
    </section>
  );
}

function AgencyRankingChart({ view, onDrill }: ChartCardProps) {
  const { lang, t } = useI18n();
  const variables = useMemo<AnalyticsVariables>(
    () => ({
      measures: ['ACTIVITY_COUNT'],
      groupBy: ['AGENCY'],
      filter: viewFilter(view),
      orderBy: 'ACTIVITY_COUNT',
      limit: RANKING_LIMIT,
      locale: apiLocale(lang),
    }),
    [view, lang],
  );
  const [result, retry] = useRetryableQuery(AgencyRankingQuery, variables);
  // The names' room depends on the chart's width (a phone has little).
  const [frameRef, width] = useElementWidth<HTMLDivElement>();
  const rows = result.data?.analytics.rows;
  const count = rows ? rankedAgencies(rows, lang).length : RANKING_LIMIT;
  const state = cardState(result, (d) => rankedAgencies(d.analytics.rows, lang).length === 0);
  const option = useMemo(
    // Built once the frame is measured (in the same commit), so it is drawn once.
    () => (rows && width ? buildAgencyRankingOption({ rows, period: view.period }, lang, width) : null),
    [rows, view.period, lang, width],
  );
  const title = t('chart.agencies.title');
  const height = agencyRankingHeight(count);
  function onItemClick({ dataIndex }: ChartItemClick) {
    const agency = rows ? rankedAgencies(rows, lang)[dataIndex] : undefined;
    if (!agency) return;
    onDrill({
      title: t('drawer.activitiesOf', { name: agency.label }),
      source: analyticsRecords('activity', { ...viewFilter(view), agencyIds: [agency.key] })!,
    });
  }
  return (
    <Card
      title={title}
      unit={t('unit.activitiesOnly')}
      note={t('chart.openRecordsHint')}
      state={state}
      error={result.error}
      onRetry={retry}
      updating={result.fetching}
      bodyHeight={state === 'ready' ? height : 320}
    >
      <div ref={frameRef}>
        {option ? (
          <EChart
            option={option}
            lang={lang}
            height={height}
            label={title}
            fileName={`${title} ${formatPeriod(view.period, lang)}`}
            onItemClick={onItemClick}
            testId="agency-ranking"
          />
        ) : null}
      </div>
    </Card>
  );
}

export function DistrictBreakdownCard({ view, onDrill }: ChartCardProps) {
  const { lang, t } = useI18n();
  // Always every district, for the chosen period (domain, agency): a chosen
  // district is highlighted among the others rather than drawn alone.
  const cityWide = useMemo(() => viewFilter({ ...view, district: null }), [view]);
  const variables = useMemo<AnalyticsVariables>(
    () => ({
      measures: ['ACTIVITY_COUNT', 'PARTICIPANTS'],
      groupBy: ['DISTRICT'],
      filter: cityWide,
      orderBy: 'ACTIVITY_COUNT',
      locale: apiLocale(lang),
    }),
    [cityWide, lang],
  );
  const [result, retry] = useRetryableQuery(DistrictBreakdownQuery, variables);
  // Same document as the filter bar's, answered from urql's cache.
  const [districts] = useQuery({ query: DistrictsQuery });
  const [frameRef, width] = useElementWidth<HTMLDivElement>();
  const rows = result.data?.analytics.rows;
  const state = cardState(result, (d) => districtItems(d.analytics.rows, lang).length === 0);
  const highlight = view.district;
  const option = useMemo(
    () =>
      rows && width ? buildDistrictBreakdownOption({ rows, period: view.period }, lang, highlight, width) : null,
    [rows, view.period, lang, highlight, width],
  );
  const chosen = highlight ? districts.data?.regions.edges.find((e) => e.node.id === highlight)?.node : undefined;
  const title = t('chart.districts.title');
  const items = useMemo(() => (rows ? districtItems(rows, lang) : undefined), [rows, lang]);
  const drillDistrict = useCallback(
    (district: DistrictItem) =>
      onDrill({
        title: t('drawer.activitiesIn', { name: district.label }),
        source: analyticsRecords('activity', { ...cityWide, regionIds: [district.id] })!,
      }),
    [t, cityWide, onDrill],
  );
  // The same figures as a table: readable without the chart, opens the records by keyboard, downloads.
  const columns = useMemo<Column<DistrictItem>[]>(
    () => [
      { id: 'district', label: t('filters.district'), value: (d) => d.label },
      { id: 'activities', label: t('chart.districts.activities'), value: (d) => d.activities, kind: 'integer', onClick: drillDistrict },
      { id: 'participants', label: t('chart.districts.participants'), value: (d) => d.participants, kind: 'integer' },
    ],
    [t, drillDistrict],
  );
  return (
    <Card
      title={title}
      unit={t('unit.activitiesAndPeople')}
      note={highlight ? t('chart.districts.highlight', { district: chosen ? regionName(chosen, lang) : highlight }) : undefined}
      state={state}
      error={result.error}
      onRetry={retry}
      updating={result.fetching}
      bodyHeight={DISTRICT_HEIGHT}
    >
      <div ref={frameRef}>
        {option ? (
          <EChart
            option={option}
            lang={lang}
            height={DISTRICT_HEIGHT}
            label={title}
            fileName={`${title} ${formatPeriod(view.period, lang)}`}
            onItemClick={({ dataIndex }) => {
              const district = items?.[dataIndex];
              if (district) drillDistrict(district);
            }}
            testId="district-breakdown"
          />
        ) : null}
        {option && items ? (
          <details className="chart-table">
            <summary>{t('chart.asTable')}</summary>
            <DataTable
              caption={`${title} ${formatPeriod(view.period, lang)}`}
              columns={columns}
              rows={items}
              rowKey={(d) => d.id}
              searchable={false}
            />
          </details>
        ) : null}
      </div>
    </Card>
  );
}
