/**
 * The inspections pages' documents (docs/inspections.md). Fields are plain
 * data (`@_unmask`) read by the pure helpers of this folder.
 */
import { graphql, type ResultOf } from '../../app/graphql';

/**
 * What the list and the calendar show of an inspection: the findings and
 * evidence only as ids to count, since the hub estimates a query's cost
 * (limit 20,000) as page size × ten per nested list. No snapshots: a
 * reporter may not read them.
 */
export const InspectionListFields = graphql(`
  fragment InspectionListFields on Inspection @_unmask {
    id
    date
    kind
    method
    inspectors
    createdBy
    agencies {
      id
      name
      nameEn
    }
    findings {
      id
    }
    evidence {
      id
    }
  }
`);

export const InspectionsQuery = graphql(
  `
    query Inspections($filter: InspectionFilter, $first: Int, $after: String) {
      inspections(filter: $filter, first: $first, after: $after) {
        totalCount
        pageInfo {
          hasNextPage
          endCursor
        }
        nodes {
          ...InspectionListFields
        }
      }
    }
  `,
  [InspectionListFields],
);

export type InspectionListItem = ResultOf<typeof InspectionListFields>;

/** A unit's history: the findings' texts (their items come from UnitItemsQuery: nesting costs). */
export const InspectionHistoryFields = graphql(`
  fragment InspectionHistoryFields on Inspection @_unmask {
    id
    date
    kind
    method
    inspectors
    agencies {
      id
      name
      nameEn
    }
    findings {
      id
      text
    }
  }
`);

export const InspectionHistoryQuery = graphql(
  `
    query InspectionHistory($filter: InspectionFilter, $first: Int, $after: String) {
      inspections(filter: $filter, first: $first, after: $after) {
        totalCount
        pageInfo {
          hasNextPage
          endCursor
        }
        nodes {
          ...InspectionHistoryFields
        }
      }
    }
  `,
  [InspectionHistoryFields],
);

export type InspectionHistoryItem = ResultOf<typeof InspectionHistoryFields>;

/** Items started from findings, to count per inspection in the list. */
export const FindingItemsQuery = graphql(`
  query InspectionFindingItems($filter: RectificationFilter, $first: Int, $after: String) {
    rectificationItems(filter: $filter, first: $first, after: $after) {
      totalCount
      pageInfo {
        hasNextPage
        endCursor
      }
      nodes {
        id
        inspection {
          id
        }
      }
    }
  }
`);

/** The unit's rectification items started from inspection findings, with the finding each started from. */
export const UnitItemsQuery = graphql(`
  query InspectionUnitItems($filter: RectificationFilter, $first: Int, $after: String) {
    rectificationItems(filter: $filter, first: $first, after: $after) {
      totalCount
      pageInfo {
        hasNextPage
        endCursor
      }
      nodes {
        id
        status
        overdue
        deadline
        requirement
        finding {
          id
        }
      }
    }
  }
`);

export type UnitItem = ResultOf<typeof UnitItemsQuery>['rectificationItems']['nodes'][number];

/** An evidence file as the inspection and rectification pages list it (and link to its download). */
export const EvidenceFileFields = graphql(`
  fragment EvidenceFileFields on EvidenceFile @_unmask {
    id
    filename
    contentType
    size
    sha256
    uploadedAt
    uploadedBy
    url
  }
`);

const InspectionDetailFields = graphql(
  `
    fragment InspectionDetailFields on Inspection @_unmask {
      id
      date
      kind
      method
      inspectors
      summary
      createdBy
      createdAt
      updatedAt
      agencies {
        id
        name
        nameEn
      }
      findings {
        id
        position
        text
        rectificationItems {
          id
          status
          overdue
          deadline
          requirement
          agency {
            id
            name
            nameEn
          }
        }
      }
      evidence {
        ...EvidenceFileFields
      }
    }
  `,
  [EvidenceFileFields],
);

/** One inspection for the readers of every record: with the snapshots. */
export const InspectionQuery = graphql(
  `
    query Inspection($id: ID!) {
      inspection(id: $id) {
        ...InspectionDetailFields
        snapshots {
          id
          kind
          query
          answer
          takenAt
        }
      }
    }
  `,
  [InspectionDetailFields],
);

/** One inspection for an agency reporter: snapshots are not asked (the hub would refuse them). */
export const InspectionOwnQuery = graphql(
  `
    query InspectionOwn($id: ID!) {
      inspection(id: $id) {
        ...InspectionDetailFields
      }
    }
  `,
  [InspectionDetailFields],
);

export type InspectionDetail = ResultOf<typeof InspectionOwnQuery>['inspection'] & {
  snapshots?: Snapshot[] | null;
};
export type Snapshot = NonNullable<NonNullable<ResultOf<typeof InspectionQuery>['inspection']>['snapshots']>[number];

export const CreateInspectionMutation = graphql(`
  mutation CreateInspection($input: InspectionInput!) {
    createInspection(input: $input) {
      id
    }
  }
`);

export const UpdateInspectionMutation = graphql(`
  mutation UpdateInspection($id: ID!, $input: InspectionUpdate!) {
    updateInspection(id: $id, input: $input) {
      id
    }
  }
`);

export const DeleteInspectionMutation = graphql(`
  mutation DeleteInspection($id: ID!) {
    deleteInspection(id: $id)
  }
`);

export const DeleteEvidenceMutation = graphql(`
  mutation DeleteInspectionEvidence($id: ID!) {
    deleteEvidenceFile(id: $id)
  }
`);

/** A unit on the notice, with the indicators that cost it points. Plain data. */
export const NoticeEntryFields = graphql(`
  fragment NoticeEntryFields on NoticeEntry @_unmask {
    agencyId
    label
    total
    rank
    grade
    gradeLabel
    reason
    lost {
      key
      label
      lost
      reason
    }
    rectification {
      id
      requirement
      deadline
      status
    }
  }
`);

/** The yearly notice (通报) as data. */
export const NoticeQuery = graphql(
  `
    query Notice($year: Int!, $rubricVersion: String!, $locale: Locale) {
      notice(year: $year, rubricVersion: $rubricVersion, locale: $locale) {
        title
        year
        rubricVersion
        rubricName
        frozen
        frozenAt
        computedAt
        agencyCount
        maxScore
        reason
        htmlUrl
        pdfUrl
        commended {
          ...NoticeEntryFields
        }
        rectify {
          ...NoticeEntryFields
        }
      }
    }
  `,
  [NoticeEntryFields],
);

export type Notice = ResultOf<typeof NoticeQuery>['notice'];
export type NoticeEntry = ResultOf<typeof NoticeEntryFields>;
