/**
 * Holds the urql client and who is signed in. `me` is asked once at start
 * and again after each reset (a fresh client, so a fresh cache).
 */
import { useCallback, useMemo, useRef, useState, type ReactNode } from 'react';
import { Provider, useQuery, type Client } from 'urql';
import { createHubClient } from './client';
import { MeQuery, SessionContext, type Session, type SessionValue } from './session';

interface ClientState {
  client: Client;
  /** Show the previous session while `me` asks again (a data refresh, not a sign-in or out). */
  keepSession: boolean;
}

export function SessionProvider({ children }: { children: ReactNode }) {
  const [state, setState] = useState<ClientState>(() => ({ client: createHubClient(), keepSession: false }));
  const resetSession = useCallback(() => setState({ client: createHubClient(), keepSession: false }), []);
  const refreshData = useCallback(() => setState({ client: createHubClient(), keepSession: true }), []);
  return (
    <Provider value={state.client}>
      <SessionState keepSession={state.keepSession} resetSession={resetSession} refreshData={refreshData}>
        {children}
      </SessionState>
    </Provider>
  );
}

function SessionState({
  keepSession,
  resetSession,
  refreshData,
  children,
}: {
  keepSession: boolean;
  resetSession: () => void;
  refreshData: () => void;
  children: ReactNode;
}) {
  const [me] = useQuery({ query: MeQuery });
  const last = useRef<Session>({ status: 'loading' });
  const session = useMemo<Session>(() => {
    if (me.data) return me.data.me ? { status: 'signedIn', user: me.data.me } : { status: 'anonymous' };
    if (me.error) return { status: 'anonymous', error: me.error };
    return keepSession ? last.current : { status: 'loading' };
  }, [me.data, me.error, keepSession]);
  last.current = session;

  const value = useMemo<SessionValue>(() => ({ session, resetSession, refreshData }), [session, resetSession, refreshData]);
  return <SessionContext.Provider value={value}>{children}</SessionContext.Provider>;
}
