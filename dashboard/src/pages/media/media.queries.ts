import { AnalyticsRowFields, graphql, MeasureValueFields, withOperationName, type ResultOf } from '../../app/graphql';

/** Broadcast measures grouped (or not) with their totals; each card's use gets its own operation name. */
const MediaAnalyticsQuery = graphql(
  `
    query MediaAnalytics($measures: [Measure!]!, $groupBy: [Dimension!], $filter: AnalyticsFilter, $locale: Locale) {
      analytics(measures: $measures, groupBy: $groupBy, filter: $filter, locale: $locale) {
        rows {
          ...AnalyticsRowFields
        }
        totals {
          ...MeasureValueFields
        }
      }
    }
  `,
  [AnalyticsRowFields, MeasureValueFields],
);

/** By month (and by outlet for the accounts that may see single outlets), with the key figures' totals. */
export const MediaMonthlyQuery = withOperationName(MediaAnalyticsQuery, 'MediaMonthly');
/** By outlet: the table, prime-time share and public-service ads. */
export const MediaByOutletQuery = withOperationName(MediaAnalyticsQuery, 'MediaByOutlet');

/**
 * Slot records for the calendar (and a partner's own figures), page by page.
 * The API estimates a page's cost at 2 + 57 × rows (each node's fields and
 * the __typename urql adds, times ten for the list): 300 rows ≈ 17,100, under
 * its limit of 20,000 (400 rows would be refused).
 */
export const SLOT_PAGE_SIZE = 300;

export const SlotFactsQuery = graphql(`
  query MediaSlotFacts($filter: SlotFilter, $first: Int, $after: String) {
    broadcastSlots(filter: $filter, first: $first, after: $after) {
      totalCount
      pageInfo {
        hasNextPage
        endCursor
      }
      nodes {
        startsAt
        durationMinutes
        primeTime
        kind
      }
    }
  }
`);

export type SlotFact = ResultOf<typeof SlotFactsQuery>['broadcastSlots']['nodes'][number];
