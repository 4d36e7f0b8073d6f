/** The public portal's documents: everything here is readable without signing in (docs/portal.md). */
import { graphql, type ResultOf } from '../../app/graphql';

export const PortalHomeQuery = graphql(`
  query PortalHome($year: Int!) {
    portalFigures(year: $year) {
      year
      activities
      participants
      materialsDistributed
      consultations
      publishedCases
      publishedItems
      agenciesWithPublishedList
    }
    portalAgencies(year: $year) {
      agency {
        id
        code
        name
        nameEn
        level
      }
      publishedItems
      calendarActivities
      publishedCases
    }
  }
`);

export type PortalFigures = ResultOf<typeof PortalHomeQuery>['portalFigures'];
export type PortalAgencyRow = ResultOf<typeof PortalHomeQuery>['portalAgencies'][number];

export const AgencyPortalQuery = graphql(`
  query AgencyPortal($agencyId: ID!, $year: Int!) {
    agencyPortal(agencyId: $agencyId, year: $year) {
      year
      agency {
        id
        name
        nameEn
      }
      items {
        id
        title
        laws {
          id
          name
          nameEn
        }
        domain {
          id
          name
          nameEn
        }
        audiences
        targetDistricts {
          id
          name
          nameEn
        }
        forms
        venueTypes
        plannedCount
        startsOn
        endsOn
        responsibleLeader
        responsibleDepartment
      }
      activities {
        id
        title
        date
        participants
        form
        region {
          id
          name
          nameEn
        }
        items {
          id
          title
        }
      }
      cases {
        id
        title
        decidedOn
        publishedOn
        laws {
          id
          name
          nameEn
        }
        domain {
          id
          name
          nameEn
        }
      }
    }
  }
`);

export type AgencyPortalData = ResultOf<typeof AgencyPortalQuery>['agencyPortal'];
export type PortalItem = AgencyPortalData['items'][number];
export type PortalActivity = AgencyPortalData['activities'][number];
export type PortalCase = AgencyPortalData['cases'][number];

/** A case as the library lists it and its page heads it. */
const LibraryCaseFields = graphql(`
  fragment LibraryCaseFields on CaseStudy @_unmask {
    id
    title
    summary
    decidedOn
    publishedOn
    agency {
      id
      name
      nameEn
    }
    laws {
      id
      name
      nameEn
    }
    domain {
      id
      name
      nameEn
    }
  }
`);

export const CaseLibraryQuery = graphql(
  `
    query CaseLibrary($query: String, $filter: CaseLibraryFilter, $first: Int, $offset: Int) {
      caseLibrary(query: $query, filter: $filter, first: $first, offset: $offset) {
        totalCount
        hits {
          rank
          case {
            ...LibraryCaseFields
          }
        }
      }
    }
  `,
  [LibraryCaseFields],
);

export type CaseHit = ResultOf<typeof CaseLibraryQuery>['caseLibrary']['hits'][number];

/** The laws for the case library's filter (a city's list is well under 200). */
export const LibraryLawsQuery = graphql(`
  query LibraryLaws {
    laws(first: 200) {
      nodes {
        id
        name
        nameEn
      }
    }
  }
`);

/**
 * One case by id. `node` gives unpublished cases to the accounts that may read them; the page
 * shows only published ones, since the library is the public view for everyone.
 */
export const PublicCaseQuery = graphql(
  `
    query PublicCase($id: ID!) {
      node(id: $id) {
        __typename
        ... on CaseStudy {
          ...LibraryCaseFields
          body
          published
          region {
            id
            name
            nameEn
          }
        }
      }
    }
  `,
  [LibraryCaseFields],
);

export const OpenWavesQuery = graphql(`
  query OpenFeedbackWaves {
    openFeedbackWaves {
      id
      code
      name
      method
      conductedBy
      startsOn
      endsOn
      questions {
        id
        kind
        text
      }
    }
  }
`);

export type OpenWave = ResultOf<typeof OpenWavesQuery>['openFeedbackWaves'][number];

export const SubmitFeedbackMutation = graphql(`
  mutation SubmitFeedback($input: FeedbackInput!) {
    submitFeedback(input: $input) {
      answers
      wave {
        id
      }
    }
  }
`);
