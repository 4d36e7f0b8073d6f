/**
 * The urql client for the hub's same-origin /graphql endpoint, and a small
 * store that remembers whether any response said `extensions.demoData`, so
 * the shell can warn that the figures are not real.
 */
import { useSyncExternalStore } from 'react';
import { cacheExchange, createClient, fetchExchange, mapExchange } from 'urql';

let demoData = false;
const listeners = new Set<() => void>();

function setDemoData(value: boolean): void {
  if (value === demoData) return;
  demoData = value;
  for (const listener of listeners) listener();
}

/** True once any GraphQL response has carried `extensions.demoData === true`. */
export function useDemoDataFlag(): boolean {
  return useSyncExternalStore(
    (listener) => {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    () => demoData,
  );
}

const demoDataExchange = mapExchange({
  onResult(result) {
    if (result.extensions?.demoData === true) setDemoData(true);
  },
});

export const client = createClient({
  url: '/graphql',
  exchanges: [cacheExchange, demoDataExchange, fetchExchange],
  preferGetMethod: false,
});
