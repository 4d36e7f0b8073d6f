/**
 * One agency's responsibility list item by item, as `coverage` answers it:
 * the fields the item list reads (a fragment, spread by the agency page's
 * query) and what the list shows of each item — planned against delivered,
 * and the audiences, venue types and districts it named against those its
 * counted activities reached, as chips.
 */
import { graphql, type ResultOf } from '../../app/graphql';

const ReachFields = graphql(`
  fragment Reach on ReachComparison @_unmask {
    named {
      value
      label
    }
    reached {
      value
    }
    missing {
      value
    }
    extra {
      value
      label
    }
  }
`);

export const CoverageItemFields = graphql(
  `
    fragment CoverageItemRow on CoverageItem {
      id
      title
      startsOn
      endsOn
      planned
      delivered
      covered
      drill {
        from
        to
        itemIds
      }
      audiences {
        ...Reach
      }
      venueTypes {
        ...Reach
      }
      districts {
        ...Reach
      }
    }
  `,
  [ReachFields],
);

export type CoverageItem = ResultOf<typeof CoverageItemFields>;
export type ReachComparison = ResultOf<typeof ReachFields>;

/** reached: named and reached; missing: named, not reached; extra: reached, not named. */
export type ReachStatus = 'reached' | 'missing' | 'extra';

export interface ReachChip {
  value: string;
  label: string;
  status: ReachStatus;
}

/** The named values in the item's order, each reached or missing, then the extra ones. */
export function reachChips(comparison: ReachComparison): ReachChip[] {
  const reached = new Set(comparison.reached.map((v) => v.value));
  return [
    ...comparison.named.map((v) => ({ value: v.value, label: v.label, status: reached.has(v.value) ? ('reached' as const) : ('missing' as const) })),
    ...comparison.extra.map((v) => ({ value: v.value, label: v.label, status: 'extra' as const })),
  ];
}

/** How far an item is: done (delivered ≥ planned), short (some delivered), none (nothing delivered). */
export function itemProgress(item: Pick<CoverageItem, 'planned' | 'delivered'>): 'done' | 'short' | 'none' {
  if (item.delivered === 0) return 'none';
  return item.delivered >= item.planned ? 'done' : 'short';
}
