import { gql } from 'urql';
import type { AnalyticsResult, AnalyticsVariables, MeasureValue } from '../../app/api-types';

/**
 * Each chart card runs its own grouped analytics query rather than sharing one
 * page query: `analytics` is non-null, so one failing aggregate would null the
 * whole page's data; separate operations give every card its own error and
 * retry. The operation name tells the cards apart in the API's logs.
 */
function groupedAnalytics(operationName: string) {
  return gql<{ analytics: Pick<AnalyticsResult, 'rows'> }, AnalyticsVariables>(`
    query ${operationName}(
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
          keys {
            dimension
            value
            label
          }
          values {
            measure
            value
          }
        }
      }
    }
  `);
}

export const MonthlyTrendQuery = groupedAnalytics('OverviewMonthlyTrend');
export const AgencyRankingQuery = groupedAnalytics('OverviewAgencyRanking');
export const DistrictBreakdownQuery = groupedAnalytics('OverviewDistrictBreakdown');

/** An agency reporter's own agency's totals, shown where the public and other roles see no ranking. */
export const OwnAgencyTotalsQuery = gql<{ analytics: { totals: MeasureValue[] } }, AnalyticsVariables>`
  query OverviewOwnAgency($measures: [Measure!]!, $filter: AnalyticsFilter, $locale: Locale) {
    analytics(measures: $measures, filter: $filter, locale: $locale) {
      totals {
        measure
        value
      }
    }
  }
`;
