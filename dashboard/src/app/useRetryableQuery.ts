import { useCallback } from 'react';
import { useQuery, type AnyVariables, type TypedDocumentNode, type UseQueryState } from 'urql';

/** useQuery plus a `retry` that bypasses the cache, for the cards' retry buttons. */
export function useRetryableQuery<Data, Variables extends AnyVariables>(
  query: TypedDocumentNode<Data, Variables>,
  variables: Variables,
): [UseQueryState<Data, Variables>, () => void] {
  const [result, reexecute] = useQuery<Data, Variables>({ query, variables } as Parameters<
    typeof useQuery<Data, Variables>
  >[0]);
  const retry = useCallback(() => reexecute({ requestPolicy: 'network-only' }), [reexecute]);
  return [result, retry];
}
