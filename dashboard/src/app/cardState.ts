/** Which of its four states a card is in, from its query result. */
export type CardState = 'loading' | 'error' | 'empty' | 'ready';

export function cardState<T>(
  result: { data?: T | null | undefined; error?: unknown; fetching: boolean },
  isEmpty: (data: T) => boolean,
): CardState {
  // A failed request can come back as `data: null`, not undefined.
  if (result.data === undefined || result.data === null) {
    return result.error ? 'error' : 'loading';
  }
  // Shown data with a newer failed request: the failure wins, so nobody reads
  // stale figures as the answer to the filters now set.
  if (result.error && !result.fetching) return 'error';
  return isEmpty(result.data) ? 'empty' : 'ready';
}
