import { AnalyticsRowFields, graphql, MeasureValueFields, withOperationName } from '../../app/graphql';

/**
 * Each chart card runs its own grouped analytics query rather than sharing one
 * page query: `analytics` is non-null, so one failing aggregate would null the
 * whole page's data; separate operations give every card its own error and
 * retry. The operation name tells the cards apart in the API's logs.
 */
const GroupedAnalyticsQuery = graphql(
  `
    query OverviewGroupedAnalytics(
      $measures: [Measure!]!
      $groupBy: [Dimension!]
      $filter: AnalyticsFilter
      $orderBy: Measure
      $limit: Int
      $locale: Locale
    ) {
      analytics(
        measures: $measures
        groupBy: $groupBy
        filter: $filter
        orderBy: $orderBy
        limit: $limit
        locale: $locale
      ) {
        rows {
          ...AnalyticsRowFields
        }
      }
    }
  `,
  [AnalyticsRowFields],
);

export const MonthlyTrendQuery = withOperationName(GroupedAnalyticsQuery, 'OverviewMonthlyTrend');
export const AgencyRankingQuery = withOperationName(GroupedAnalyticsQuery, 'OverviewAgencyRanking');
export const DistrictBreakdownQuery = withOperationName(GroupedAnalyticsQuery, 'OverviewDistrictBreakdown');

/** An agency reporter's own agency's totals, shown where the public and other roles see no ranking. */
export const OwnAgencyTotalsQuery = graphql(
  `
    query OverviewOwnAgency($measures: [Measure!]!, $filter: AnalyticsFilter, $locale: Locale) {
      analytics(measures: $measures, filter: $filter, locale: $locale) {
        totals {
          ...MeasureValueFields
        }
      }
    }
  `,
  [MeasureValueFields],
);
