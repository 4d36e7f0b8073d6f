import { useCallback } from 'react';
import { useQuery, type AnyVariables, type TypedDocumentNode, type UseQueryState } from 'urql';

/**
 * useQuery plus a `retry` that bypasses the cache, for the cards' retry
 * buttons. With `pause` the query is not sent (e.g. nothing applicable to ask).
 */
export function useRetryableQuery<Data, Variables extends AnyVariables>(
  query: TypedDocumentNode<Data, Variables>,
  variables: Variables,
  options: { pause?: boolean } = {},
): [UseQueryState<Data, Variables>, () => void] {
  const [result, reexecute] = useQuery<Data, Variables>({ query, variables, pause: options.pause } as Parameters<
    typeof useQuery<Data, Variables>
  >[0]);
  const retry = useCallback(() => reexecute({ requestPolicy: 'network-only' }), [reexecute]);
  return [result, retry];
}
