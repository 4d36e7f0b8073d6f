/** The orders pages' documents (schema: orderLegalEducation, menu, educationOrders, supplyDemand, answerOrder, eraseOrderContact). */
import { graphql, type ResultOf } from '../../app/graphql';

/**
 * What the public form offers: the districts, the laws, the domains. A law's
 * domains come for the chosen law only (LawDomainsQuery): nested in the list
 * they would cost more than the hub's query-cost limit (20,000) allows.
 */
export const OrderChoicesQuery = graphql(`
  query OrderChoices {
    regions(first: 10, filter: { level: DISTRICT }) {
      nodes {
        id
        name
        nameEn
      }
    }
    laws(first: 300) {
      nodes {
        id
        name
        nameEn
      }
    }
    domains(first: 100) {
      nodes {
        id
        name
        nameEn
      }
    }
  }
`);

/** The domains a law is enforced in: where an order on it goes. */
export const LawDomainsQuery = graphql(`
  query LawDomains($id: ID!) {
    node(id: $id) {
      ... on Law {
        id
        domains {
          id
          name
          nameEn
        }
      }
    }
  }
`);

export type OrderChoices = ResultOf<typeof OrderChoicesQuery>;

const MenuItemFields = graphql(`
  fragment MenuItemFields on ResponsibilityItem @_unmask {
    id
    title
    audiences
    startsOn
    endsOn
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

/** An agency's menu (菜单): its published items of this year, and of last year for when this year's is not out yet. */
export const AgencyMenuQuery = graphql(
  `
    query AgencyMenu($agencyId: ID!, $year: Int!, $lastYear: Int!) {
      node(id: $agencyId) {
        ... on Agency {
          id
          name
          nameEn
        }
      }
      menu(agencyId: $agencyId, year: $year) {
        ...MenuItemFields
      }
      lastMenu: menu(agencyId: $agencyId, year: $lastYear) {
        ...MenuItemFields
      }
    }
  `,
  [MenuItemFields],
);

export type MenuItem = ResultOf<typeof AgencyMenuQuery>['menu'][number];

export const OrderMutation = graphql(`
  mutation OrderLegalEducation($input: EducationOrderInput!) {
    orderLegalEducation(input: $input) {
      orderId
      domains {
        id
        name
        nameEn
      }
      routedTo {
        id
        name
        nameEn
      }
    }
  }
`);

export type OrderReceiptData = ResultOf<typeof OrderMutation>['orderLegalEducation'];

const FIGURES = graphql(`
  fragment OrderFigureFields on OrderFigures @_unmask {
    routed
    answered
    waiting
    overdue
    accepted
    declined
    done
    medianDaysToAnswer
  }
`);

/** Demand no menu offers: a law or domain the orders named, with how many. */
const UNMET = graphql(`
  fragment UnmetDemandFields on UnmetDemand @_unmask {
    law {
      id
      name
      nameEn
    }
    domain {
      id
      name
      nameEn
    }
    orders
  }
`);

export const SupplyDemandQuery = graphql(
  `
    query SupplyDemand($year: Int!, $overdueDays: Int) {
      supplyDemand(year: $year, overdueDays: $overdueDays) {
        year
        asOf
        overdueDays
        orders
        unroutedOrders
        totals {
          ...OrderFigureFields
        }
        byAgency {
          agency {
            id
            name
            nameEn
          }
          figures {
            ...OrderFigureFields
          }
        }
        byDomain {
          domain {
            id
            name
            nameEn
          }
          figures {
            ...OrderFigureFields
          }
        }
        unmetDemand {
          ...UnmetDemandFields
        }
      }
    }
  `,
  [FIGURES, UNMET],
);

export type SupplyDemand = ResultOf<typeof SupplyDemandQuery>['supplyDemand'];

/** Only the gap, for the card beside the overlap gaps. */
export const UnmetDemandQuery = graphql(
  `
    query UnmetDemand($year: Int!) {
      supplyDemand(year: $year) {
        year
        orders
        unroutedOrders
        unmetDemand {
          ...UnmetDemandFields
        }
      }
    }
  `,
  [UNMET],
);

export const EducationOrdersQuery = graphql(`
  query EducationOrders($filter: OrderFilter, $first: Int, $after: String) {
    educationOrders(filter: $filter, first: $first, after: $after) {
      totalCount
      pageInfo {
        hasNextPage
        endCursor
      }
      nodes {
        id
        orderedAt
        requesterKind
        requesterName
        contactName
        contactPhone
        contactErasedOn
        topic
        wishedFrom
        wishedTo
        audienceSize
        law {
          id
          name
          nameEn
        }
        domain {
          id
          name
          nameEn
        }
        district {
          id
          name
          nameEn
        }
        routes {
          status
          plannedOn
          declineReason
          activity {
            title
            date
          }
          agency {
            id
            name
            nameEn
            region {
              district {
                id
              }
            }
          }
        }
      }
    }
  }
`);

export type EducationOrder = ResultOf<typeof EducationOrdersQuery>['educationOrders']['nodes'][number];
export type OrderRouteData = EducationOrder['routes'][number];

export const AnswerOrderMutation = graphql(`
  mutation AnswerOrder($input: OrderAnswerInput!) {
    answerOrder(input: $input) {
      status
      plannedOn
      declineReason
      activityId
      answeredAt
    }
  }
`);

/** An admin erases an order's contact now (the hub erases it by itself some time after the order is settled). */
export const EraseOrderContactMutation = graphql(`
  mutation EraseOrderContact($orderId: ID!, $reason: String!) {
    eraseOrderContact(orderId: $orderId, reason: $reason) {
      id
      contactName
      contactPhone
      contactErasedOn
    }
  }
`);

/** The answering agency's activities on or after the order day, to name the one that delivered it. */
export const AgencyActivitiesQuery = graphql(`
  query OrderActivities($filter: ActivityFilter, $first: Int) {
    activities(filter: $filter, first: $first) {
      totalCount
      nodes {
        id
        title
        date
      }
    }
  }
`);
