/**
 * Every slot record a filter selects, fetched page by page (the calendar
 * needs days, which analytics does not group by). At most MAX_PAGES pages:
 * beyond that (a range of many years) the result says it is cut short.
 */
import { useEffect, useState } from 'react';
import { useClient, type CombinedError, type OperationResult } from 'urql';
import type { ResultOf, VariablesOf } from '../../app/graphql';
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
  const client = useClient();
  const [attempt, setAttempt] = useState(0);
  const [state, setState] = useState<Omit<AllSlots, 'retry'>>({
    slots: undefined,
    totalCount: 0,
    truncated: false,
    error: undefined,
    fetching: !pause,
  });
  const key = JSON.stringify(filter);

  useEffect(() => {
    if (pause) return undefined;
    let cancelled = false;
    setState((s) => ({ ...s, fetching: true, error: undefined }));
    void (async () => {
      const slots: SlotFact[] = [];
      let after: string | null = null;
      for (let page = 1; ; page++) {
        const result: OperationResult<ResultOf<typeof SlotFactsQuery>, VariablesOf<typeof SlotFactsQuery>> = await client
          .query(SlotFactsQuery, { filter: JSON.parse(key) as SlotFilter, first: SLOT_PAGE_SIZE, after }, attempt ? { requestPolicy: 'network-only' } : {})
          .toPromise();
        if (cancelled) return;
        const data = result.data?.broadcastSlots;
        if (result.error || !data) {
          setState({ slots: undefined, totalCount: 0, truncated: false, error: result.error, fetching: false });
          return;
        }
        slots.push(...data.nodes);
        const more = data.pageInfo.hasNextPage && data.pageInfo.endCursor !== null;
        if (!more || page >= MAX_PAGES) {
          setState({ slots, totalCount: data.totalCount, truncated: more, error: undefined, fetching: false });
          return;
        }
        after = data.pageInfo.endCursor;
      }
    })();
    return () => {
      cancelled = true;
    };
  }, [client, key, pause, attempt]);

  return { ...state, retry: () => setAttempt((n) => n + 1) };
}
