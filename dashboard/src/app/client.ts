/**
 * The urql client for the hub's same-origin /graphql endpoint, and a small
 * store that remembers whether any response said `extensions.demoData`, so
 * the shell can warn that the figures are not real.
 *
 * The session is an HttpOnly cookie the browser sends by itself; what a
 * query answers depends on who is signed in. So signing in or out (or
 * writing records outside GraphQL, like a file import) replaces the client
 * with a fresh one: its cache starts empty and every shown query asks again
 * (see SessionProvider).
 */
import { useSyncExternalStore } from 'react';
import { cacheExchange, createClient, fetchExchange, mapExchange, type Client } from 'urql';

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

/** A client with an empty cache. */
export function createHubClient(): Client {
  return createClient({
    url: '/graphql',
    exchanges: [cacheExchange, demoDataExchange, fetchExchange],
    preferGetMethod: false,
    fetchOptions: { credentials: 'same-origin' },
  });
}
