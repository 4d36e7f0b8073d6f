/** The overview's three chart cards; each owns its query and its states. */
import { useMemo } from 'react';
import { useQuery } from 'urql';
import { viewFilter } from '../../app/analytics';
import type { AnalyticsVariables } from '../../app/api-types';
import { Card } from '../../app/Card';
import { cardState } from '../../app/cardState';
import { useI18n } from '../../app/I18nContext';
import { apiLocale } from '../../app/i18n';
import { DistrictsQuery, regionName } from '../../app/shell.queries';
import type { ViewState } from '../../app/url';
import { useRetryableQuery } from '../../app/useRetryableQuery';
import { agencyRankingHeight, buildAgencyRankingOption, rankedAgencies, RANKING_LIMIT } from '../../charts/agencyRanking';
import { buildDistrictBreakdownOption, districtItems } from '../../charts/districtBreakdown';
import { EChart } from '../../charts/EChart';
import { useElementWidth } from '../../charts/useElementWidth';
import { buildMonthlyTrendOption, hasMonthlyData } from '../../charts/monthlyTrend';
import { AgencyRankingQuery, DistrictBreakdownQuery, MonthlyTrendQuery } from './chartQuery';

const TREND_HEIGHT = 320;
const DISTRICT_HEIGHT = 320;

export function MonthlyTrendCard({ view }: { view: ViewState }) {
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
  return (
    <Card
      className="card-wide"
      title={title}
      unit={t('unit.activitiesAndPeople')}
      state={state}
      error={result.error}
      onRetry={retry}
      updating={result.fetching}
      bodyHeight={TREND_HEIGHT}
    >
      {option ? <EChart option={option} lang={lang} height={TREND_HEIGHT} label={title} /> : null}
    </Card>
  );
}

export function AgencyRankingCard({ view }: { view: ViewState }) {
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
  return (
    <Card
      title={title}
      unit={t('unit.activitiesOnly')}
      state={state}
      error={result.error}
      onRetry={retry}
      updating={result.fetching}
      bodyHeight={state === 'ready' ? height : 320}
    >
      <div ref={frameRef}>
        {option ? <EChart option={option} lang={lang} height={height} label={title} /> : null}
      </div>
    </Card>
  );
}

export function DistrictBreakdownCard({ view }: { view: ViewState }) {
  const { lang, t } = useI18n();
  // Always every district, for the chosen period: a chosen district is
  // highlighted among the others rather than drawn alone.
  const variables = useMemo<AnalyticsVariables>(
    () => ({
      measures: ['ACTIVITY_COUNT', 'PARTICIPANTS'],
      groupBy: ['DISTRICT'],
      filter: viewFilter({ period: view.period, district: null }),
      orderBy: 'ACTIVITY_COUNT',
      locale: apiLocale(lang),
    }),
    [view.period, lang],
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
        {option ? <EChart option={option} lang={lang} height={DISTRICT_HEIGHT} label={title} /> : null}
      </div>
    </Card>
  );
}
