/**
 * One agency's page: the page query (the unit and its responsibility list
 * from `coverage`; the list's rows are the item list's fragment), and each
 * card's own query, so one failing card leaves the others standing.
 */
import { AnalyticsRowFields, graphql, type ResultOf } from '../../app/graphql';
import { CoverageItemFields } from './responsibilityList';

export const AgencyPageQuery = graphql(
  `
    query AgencyPage($id: ID!, $coverage: CoverageFilter!, $locale: Locale) {
      node(id: $id) {
        ... on Agency {
          id
          name
          nameEn
          kind
          level
          validFrom
          validTo
          parent {
            id
            name
            nameEn
          }
        }
      }
      coverage(filter: $coverage, locale: $locale) {
        reason
        agencies {
          agencyId
          planned
          delivered
          completionCapped
          coverageRate
          itemCount
          coveredItemCount
          drills {
            from
            to
            itemIds
          }
          items {
            ...CoverageItemRow
          }
        }
      }
    }
  `,
  [CoverageItemFields],
);

export type AgencyPageData = ResultOf<typeof AgencyPageQuery>;

/** Broadcast slots with the agency as partner, per month. */
export const AgencyMediaQuery = graphql(
  `
    query AgencyMedia($filter: AnalyticsFilter, $locale: Locale) {
      analytics(measures: [BROADCAST_COUNT, BROADCAST_MINUTES], groupBy: [MONTH], filter: $filter, locale: $locale) {
        rows {
          ...AnalyticsRowFields
        }
      }
    }
  `,
  [AnalyticsRowFields],
);

/** The agency's typical cases (以案释法), newest decision first. */
export const AgencyCasesQuery = graphql(`
  query AgencyCases($filter: CaseFilter, $first: Int) {
    cases(filter: $filter, first: $first) {
      totalCount
      nodes {
        id
        title
        summary
        decidedOn
        published
        publishedOn
        domain {
          id
          name
          nameEn
        }
      }
    }
  }
`);

export type AgencyCase = ResultOf<typeof AgencyCasesQuery>['cases']['nodes'][number];
