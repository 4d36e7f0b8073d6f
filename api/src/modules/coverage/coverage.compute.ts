/**
 * The arithmetic of coverage, free of SQL and GraphQL (definitions in docs/metrics.md,
 * "Coverage of the responsibility list").
 */
import { MAX_FILTER_IDS } from '../../shared/filters.js';

/** One responsibility item with what its counted activities (inside its window) reached. */
export interface ItemFacts {
  id: number;
  startsOn: string;
  endsOn: string;
  planned: number;
  delivered: number;
}

export interface Figures {
  planned: number;
  delivered: number;
  deliveredCapped: number;
  itemCount: number;
  coveredItemCount: number;
  completionCapped: number | null;
  completionUncapped: number | null;
  coverageRate: number | null;
}

export interface Drill {
  from: string;
  to: string;
  itemIds: string[];
}

/** n ÷ d, null (never NaN or Infinity) when there is nothing to divide by. */
export function ratio(n: number, d: number): number | null {
  return d > 0 ? n / d : null;
}

export function capped(item: Pick<ItemFacts, 'planned' | 'delivered'>): number {
  return Math.min(item.delivered, item.planned);
}

/** Sums over items, and the rates from the sums (never an average of averages). */
export function figures(items: Pick<ItemFacts, 'planned' | 'delivered'>[]): Figures {
  let planned = 0;
  let delivered = 0;
  let deliveredCapped = 0;
  let coveredItemCount = 0;
  for (const i of items) {
    planned += i.planned;
    delivered += i.delivered;
    deliveredCapped += capped(i);
    if (i.delivered > 0) coveredItemCount++;
  }
  return {
    planned,
    delivered,
    deliveredCapped,
    itemCount: items.length,
    coveredItemCount,
    completionCapped: ratio(deliveredCapped, planned),
    completionUncapped: ratio(delivered, planned),
    coverageRate: ratio(coveredItemCount, items.length),
  };
}

/**
 * Named against reached: `reached` keeps the named values some activity reached (in the named
 * order), `missing` the rest, `extra` what activities reached beyond the names (sorted).
 */
export function compareSets<T extends string | number>(named: readonly T[], byActivities: readonly T[]) {
  const hit = new Set(byActivities);
  const names = new Set(named);
  return {
    named: [...names],
    reached: [...names].filter((v) => hit.has(v)),
    missing: [...names].filter((v) => !hit.has(v)),
    extra: [...hit].filter((v) => !names.has(v)).sort((a, b) => (a < b ? -1 : a > b ? 1 : 0)),
  };
}

/** The activities counted for one item: those naming it inside its window. */
export function itemDrill(item: Pick<ItemFacts, 'id' | 'startsOn' | 'endsOn'>): Drill {
  return { from: item.startsOn, to: item.endsOn, itemIds: [`ResponsibilityItem:${item.id}`] };
}

/**
 * Drills whose union selects exactly the activities counted for a set of items. ActivityFilter's
 * from/to apply to every item it names, so items are grouped by identical window (one drill when
 * all share a window, the usual case of yearly lists), and a group is split at the filter's id limit.
 */
export function unionDrills(items: Pick<ItemFacts, 'id' | 'startsOn' | 'endsOn'>[]): Drill[] {
  const byWindow = new Map<string, number[]>();
  for (const i of items) {
    const key = `${i.startsOn}|${i.endsOn}`;
    byWindow.set(key, [...(byWindow.get(key) ?? []), i.id]);
  }
  const drills: Drill[] = [];
  for (const key of [...byWindow.keys()].sort()) {
    const [from, to] = key.split('|') as [string, string];
    const ids = [...new Set(byWindow.get(key)!)].sort((a, b) => a - b);
    for (let k = 0; k < ids.length; k += MAX_FILTER_IDS) {
      drills.push({ from, to, itemIds: ids.slice(k, k + MAX_FILTER_IDS).map((id) => `ResponsibilityItem:${id}`) });
    }
  }
  return drills;
}

/** Worst capped completion first; agencies without a rate (nothing planned) last; then by name, then id. */
export function compareAgencies(
  a: { completionCapped: number | null; label: string; id: number },
  b: { completionCapped: number | null; label: string; id: number },
  locale: string,
): number {
  if (a.completionCapped !== b.completionCapped) {
    if (a.completionCapped === null) return 1;
    if (b.completionCapped === null) return -1;
    return a.completionCapped - b.completionCapped;
  }
  return a.label.localeCompare(b.label, locale) || a.id - b.id;
}
