/**
 * Every record of a connection matching a filter, read page by page: the
 * calendars (inspections, broadcast slots) and a unit's history need all of
 * them, not the first page. The hub estimates a query's cost by page size
 * times nesting and refuses it above a limit, so each document comes with the
 * page size that fits it; `maxPages` stops early, saying the list is cut short.
 */
import { useEffect, useState } from 'react';
import { CombinedError, useClient, type TypedDocumentNode } from 'urql';

/** A guard against a cursor that never ends. */
const DEFAULT_MAX_PAGES = 200;

export interface Connection<Node> {
  totalCount: number;
  pageInfo: { hasNextPage: boolean; endCursor: string | null };
  nodes: Node[];
}

export type ListState<Node> =
  | { status: 'loading' }
  | { status: 'error'; error: CombinedError }
  /** `truncated`: more records match than `maxPages` pages hold (`totalCount` counts them all). */
  | { status: 'ready'; nodes: Node[]; totalCount: number; truncated: boolean };

export function usePagedList<Data, Filter, Node>(
  query: TypedDocumentNode<Data, { filter?: Filter | null; first?: number | null; after?: string | null }>,
  select: (data: Data) => Connection<Node>,
  pageSize: number,
  filter: Filter,
  options: {
    pause?: boolean;
    maxPages?: number;
    /** False: the first fetch may answer from urql's cache (a retry always asks the hub). Default true. */
    fresh?: boolean;
  } = {},
): [ListState<Node>, boolean, () => void] {
  const client = useClient();
  const [state, setState] = useState<ListState<Node>>({ status: 'loading' });
  const [updating, setUpdating] = useState(false);
  const [attempt, setAttempt] = useState(0);
  const key = JSON.stringify(filter);
  const maxPages = options.maxPages ?? DEFAULT_MAX_PAGES;
  const fresh = options.fresh ?? true;

  useEffect(() => {
    if (options.pause) return undefined;
    let cancelled = false;
    setUpdating(true);
    (async () => {
      const nodes: Node[] = [];
      let after: string | null = null;
      let totalCount = 0;
      let truncated = false;
      for (let page = 1; !cancelled; page++) {
        const result = await client.query(query, { filter, first: pageSize, after }, fresh || attempt ? { requestPolicy: 'network-only' } : {}).toPromise();
        if (result.error) throw result.error;
        const connection: Connection<Node> = select(result.data as Data);
        nodes.push(...connection.nodes);
        totalCount = connection.totalCount;
        if (!connection.pageInfo.hasNextPage || !connection.pageInfo.endCursor) break;
        if (page >= maxPages) {
          truncated = true;
          break;
        }
        after = connection.pageInfo.endCursor;
      }
      return { nodes, totalCount, truncated };
    })()
      .then(({ nodes, totalCount, truncated }) => {
        if (!cancelled) setState({ status: 'ready', nodes, totalCount, truncated });
      })
      .catch((error: unknown) => {
        if (cancelled) return;
        const combined =
          error instanceof CombinedError
            ? error
            : new CombinedError({ networkError: error instanceof Error ? error : new Error(String(error)) });
        setState({ status: 'error', error: combined });
      })
      .finally(() => {
        if (!cancelled) setUpdating(false);
      });
    return () => {
      cancelled = true;
    };
    // `key` stands for the filter's content; `select` is read at fetch time only.
  }, [client, query, pageSize, key, attempt, options.pause, maxPages, fresh]);

  return [state, updating, () => setAttempt((n) => n + 1)];
}
