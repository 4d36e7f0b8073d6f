/**
 * Every slot record a filter selects, fetched page by page (the calendar
 * needs days, which analytics does not group by). At most MAX_PAGES pages:
 * beyond that (a range of many years) the result says it is cut short.
 */
import type { CombinedError } from 'urql';
import { usePagedList } from '../../app/usePagedList';
import type { SlotFilter } from '../../components/records/drills';
import { SLOT_PAGE_SIZE, SlotFactsQuery, type SlotFact } from './media.queries';

export const MAX_PAGES = 25;

export interface AllSlots {
  /** Undefined while loading (or after an error). */
  slots: SlotFact[] | undefined;
  /** The number of records the filter selects (may exceed `slots` when truncated). */
  totalCount: number;
  truncated: boolean;
  error: CombinedError | undefined;
  fetching: boolean;
  retry: () => void;
}

export function useAllSlots(filter: SlotFilter, pause: boolean): AllSlots {
  const [list, updating, retry] = usePagedList(SlotFactsQuery, (d) => d.broadcastSlots, SLOT_PAGE_SIZE, filter, {
    pause,
    maxPages: MAX_PAGES,
    fresh: false,
  });
  const ready = list.status === 'ready' ? list : null;
  return {
    slots: ready?.nodes,
    totalCount: ready?.totalCount ?? 0,
    truncated: ready?.truncated ?? false,
    error: list.status === 'error' ? list.error : undefined,
    fetching: !pause && (list.status === 'loading' || updating),
    retry,
  };
}
