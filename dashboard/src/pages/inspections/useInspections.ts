/**
 * Every record of a connection matching a filter, read page by page (a city
 * has a few dozen inspections a year; the calendar and a unit's history
 * need all of them, not the first page). The hub estimates a query's cost by
 * page size times nesting and refuses it above a limit, so each document
 * comes with the page size that fits it.
 */
import { useEffect, useState } from 'react';
import { CombinedError, useClient, type TypedDocumentNode } from 'urql';

/** A guard against a cursor that never ends. */
const MAX_PAGES = 200;

export interface Connection<Node> {
  totalCount: number;
  pageInfo: { hasNextPage: boolean; endCursor: string | null };
  nodes: Node[];
}

export type ListState<Node> =
  | { status: 'loading' }
  | { status: 'error'; error: CombinedError }
  | { status: 'ready'; nodes: Node[]; totalCount: number };

export function usePagedList<Data, Filter, Node>(
  query: TypedDocumentNode<Data, { filter?: Filter | null; first?: number | null; after?: string | null }>,
  select: (data: Data) => Connection<Node>,
  pageSize: number,
  filter: Filter,
  options: { pause?: boolean } = {},
): [ListState<Node>, boolean, () => void] {
  const client = useClient();
  const [state, setState] = useState<ListState<Node>>({ status: 'loading' });
  const [updating, setUpdating] = useState(false);
  const [attempt, setAttempt] = useState(0);
  const key = JSON.stringify(filter);

  useEffect(() => {
    if (options.pause) return undefined;
    let cancelled = false;
    setUpdating(true);
    (async () => {
      const nodes: Node[] = [];
      let after: string | null = null;
      let totalCount = 0;
      for (let page = 0; page < MAX_PAGES && !cancelled; page++) {
        const result = await client.query(query, { filter, first: pageSize, after }, { requestPolicy: 'network-only' }).toPromise();
        if (result.error) throw result.error;
        const connection: Connection<Node> = select(result.data as Data);
        nodes.push(...connection.nodes);
        totalCount = connection.totalCount;
        if (!connection.pageInfo.hasNextPage || !connection.pageInfo.endCursor) break;
        after = connection.pageInfo.endCursor;
      }
      return { nodes, totalCount };
    })()
      .then(({ nodes, totalCount }) => {
        if (!cancelled) setState({ status: 'ready', nodes, totalCount });
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
  }, [client, query, pageSize, key, attempt, options.pause]);

  return [state, updating, () => setAttempt((n) => n + 1)];
}
