import { graphql, type ResultOf } from '../../app/graphql';
import { EvidenceFileFields } from '../inspections/inspections.queries';

const Named = graphql(`
  fragment RectNamed on Agency @_unmask {
    id
    name
    nameEn
  }
`);

/** What a card on the board and a row of the table show. */
export const ItemCardFields = graphql(
  `
    fragment ItemCardFields on RectificationItem @_unmask {
      id
      status
      sourceKind
      year
      requirement
      deadline
      overdue
      daysOverdue
      gapKind
      rubricVersion
      verifiedAt
      agency {
        ...RectNamed
      }
      domain {
        id
        name
        nameEn
      }
    }
  `,
  [Named],
);

/** The board: the counts per status and one page of items (the API orders overdue first). */
export const BoardQuery = graphql(
  `
    query RectificationBoard($filter: RectificationFilter, $first: Int) {
      rectificationCounts(filter: $filter) {
        status
        count
        overdue
      }
      rectificationItems(filter: $filter, first: $first) {
        totalCount
        nodes {
          ...ItemCardFields
        }
      }
    }
  `,
  [ItemCardFields],
);

export type BoardItem = ResultOf<typeof ItemCardFields>;
export type BoardCount = ResultOf<typeof BoardQuery>['rectificationCounts'][number];

const FiguresFields = graphql(`
  fragment RectFigures on RectificationFigures @_unmask {
    year
    present
    total
    maxScore
    rank
    grade
    frozen
    lost {
      label
      lost
    }
    activityCount
    agencyActivityCount
    flags
    messages
  }
`);

export const ItemQuery = graphql(
  `
    query RectificationItem($id: ID!) {
      rectificationItem(id: $id) {
        ...ItemCardFields
        sourceDetail
        statusNote
        allowedNextStatuses
        createdAt
        createdBy
        submittedAt
        submittedBy
        verifiedBy
        updatedAt
        finding {
          id
          text
        }
        inspection {
          id
          date
          kind
          method
        }
        evidence {
          ...EvidenceFileFields
        }
        beforeAfter {
          closed
          before {
            ...RectFigures
          }
          after {
            ...RectFigures
          }
        }
      }
    }
  `,
  [ItemCardFields, FiguresFields, EvidenceFileFields],
);

export type ItemDetail = NonNullable<ResultOf<typeof ItemQuery>['rectificationItem']>;
export type Figures = ResultOf<typeof FiguresFields>;

/** The item's status moves, for the roles that read the audit trail (admins and inspectors). */
export const HistoryQuery = graphql(`
  query RectificationHistory($id: String!) {
    auditTrail(first: 100, filter: { entity: "RectificationItem", entityId: $id }) {
      nodes {
        id
        action
        actor
        at
        before
        after
      }
    }
  }
`);

export type HistoryEntry = ResultOf<typeof HistoryQuery>['auditTrail']['nodes'][number];

export const CreateItemMutation = graphql(`
  mutation CreateRectificationItem($input: RectificationInput!) {
    createRectificationItem(input: $input) {
      id
    }
  }
`);

export const UpdateItemMutation = graphql(`
  mutation UpdateRectificationItem($id: ID!, $input: RectificationUpdate!) {
    updateRectificationItem(id: $id, input: $input) {
      id
      requirement
      deadline
      overdue
      daysOverdue
    }
  }
`);

export const SetStatusMutation = graphql(`
  mutation SetRectificationStatus($id: ID!, $status: RectificationStatus!, $note: String) {
    setRectificationStatus(id: $id, status: $status, note: $note) {
      id
      status
      statusNote
      allowedNextStatuses
    }
  }
`);

/** The sources the create form names: the overlap's holders and flags, the scorecard's rectification list. */
export const GapSourceQuery = graphql(
  `
    query RectGapSource($filter: OverlapFilter!) {
      overlapGaps(filter: $filter) {
        domain {
          id
          name
          nameEn
        }
        holders {
          agency {
            ...RectNamed
          }
        }
        flags {
          kind
          message
          act {
            ...RectNamed
          }
        }
      }
    }
  `,
  [Named],
);

export const ScorecardSourceQuery = graphql(`
  query RectScorecardSource($year: Int!, $rubricVersion: String!) {
    scorecard(year: $year, rubricVersion: $rubricVersion) {
      rectify {
        agencyId
        label
        total
        grade
        gradeLabel
        reason
      }
    }
  }
`);

/** The verified and open items beside the overlap view and the scorecard: one query per page. */
export const ItemsBesideQuery = graphql(
  `
    query RectItemsBeside($filter: RectificationFilter) {
      rectificationItems(filter: $filter, first: 60) {
        nodes {
          ...ItemCardFields
        }
      }
    }
  `,
  [ItemCardFields],
);
