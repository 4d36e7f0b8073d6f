/** Who is signed in: the `me` query and the session's shape. */
import { createContext, useContext } from 'react';
import type { CombinedError } from 'urql';
import { graphql, type ResultOf } from './graphql';

export const MeQuery = graphql(`
  query Me {
    me {
      username
      displayName
      role
      agency {
        id
        name
        nameEn
      }
      outlet {
        id
        name
        nameEn
      }
      district {
        id
        name
        nameEn
      }
    }
  }
`);

/**
 * The signed-in account: its `agency` is the one an AGENCY_REPORTER reports
 * for, `outlet` a MEDIA_PARTNER's, `district` a DISTRICT_ADMIN's.
 */
export type Me = NonNullable<ResultOf<typeof MeQuery>['me']>;

/** A record named in both languages. */
export interface NamedRef {
  id: string;
  name: string;
  nameEn: string | null;
}

export const SignInMutation = graphql(`
  mutation SignIn($username: String!, $password: String!) {
    signIn(username: $username, password: $password) {
      expiresAt
      user {
        username
        displayName
        role
      }
    }
  }
`);

export const SignOutMutation = graphql(`
  mutation SignOut {
    signOut
  }
`);

export type Session =
  | { status: 'loading' }
  /** The public; `error` when `me` failed (e.g. a session that has ended). */
  | { status: 'anonymous'; error?: CombinedError | undefined }
  | { status: 'signedIn'; user: Me };

export interface SessionValue {
  session: Session;
  /**
   * Starts again with an empty cache, after signing in or out: `me` and every
   * shown query ask again. The session reads as loading meanwhile.
   */
  resetSession(): void;
  /**
   * Refetches every shown query after records were written outside GraphQL
   * (a file import), keeping the current session shown meanwhile.
   */
  refreshData(): void;
}

export const SessionContext = createContext<SessionValue>({
  session: { status: 'loading' },
  resetSession: () => undefined,
  refreshData: () => undefined,
});

export function useSession(): SessionValue {
  return useContext(SessionContext);
}

/** The signed-in account's role, or null for the public (and while loading). */
export function sessionRole(session: Session): string | null {
  return session.status === 'signedIn' ? session.user.role : null;
}

/** A name in the UI language (English falls back to Chinese). */
export function localName(ref: Pick<NamedRef, 'name' | 'nameEn'>, lang: string): string {
  return lang === 'en' && ref.nameEn ? ref.nameEn : ref.name;
}
