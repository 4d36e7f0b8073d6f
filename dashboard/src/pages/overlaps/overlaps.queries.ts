import { graphql, type ResultOf } from '../../app/graphql';

/** The fields of an OverlapDrill: an `activities` filter selecting the records behind a figure. */
export const OverlapDrillFields = graphql(`
  fragment OverlapDrillFields on OverlapDrill @_unmask {
    from
    to
    years
    agencyIds
    domainIds
    regionIds
    audiences
  }
`);

const NamedAgency = graphql(`
  fragment OverlapAgency on Agency @_unmask {
    id
    name
    nameEn
  }
`);

/**
 * Everything the page shows comes from one `overlapGaps` answer: the heatmap
 * reads the holders, the gap list the flags. Estimated cost ≈ 6,000 of the
 * API's 20,000 (plain lists count ten items each).
 */
export const OverlapGapsQuery = graphql(
  `
    query OverlapGaps($filter: OverlapFilter!, $locale: Locale) {
      overlapGaps(filter: $filter, locale: $locale) {
        activityCount
        severity
        domain {
          id
          name
          nameEn
        }
        holders {
          isLead
          activityCount
          agency {
            ...OverlapAgency
          }
          drill {
            ...OverlapDrillFields
          }
        }
        flags {
          kind
          message
          act {
            ...OverlapAgency
          }
          drill {
            ...OverlapDrillFields
          }
        }
      }
    }
  `,
  [OverlapDrillFields, NamedAgency],
);

export type OverlapGap = ResultOf<typeof OverlapGapsQuery>['overlapGaps'][number];
export type OverlapFlag = OverlapGap['flags'][number];
