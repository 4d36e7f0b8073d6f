/**
 * Who may narrow the figures to one agency. The hub shows single units'
 * figures only to the accounts that read every record; an agency reporter
 * may narrow to its own agency; everyone else sees city-wide figures
 * (api/src/graphql/access.ts, analyticsScope). The dashboard offers only what
 * the hub would answer, and drops an agency in a shared link that the reader
 * may not use rather than showing a refusal on every card.
 */
import { canSeeUnitRanking } from './roles';
import type { NamedRef, Session } from './session';
import type { ViewState } from './url';

export type AgencyChoice =
  /** While `me` is asked: not known yet. */
  | { kind: 'pending' }
  | { kind: 'all' }
  | { kind: 'own'; agency: NamedRef }
  /** The public (`signedIn: false`) and roles that see city-wide figures only. */
  | { kind: 'none'; signedIn: boolean };

export function agencyChoice(session: Session): AgencyChoice {
  if (session.status === 'loading') return { kind: 'pending' };
  if (session.status === 'anonymous') return { kind: 'none', signedIn: false };
  const { user } = session;
  if (canSeeUnitRanking(user.role)) return { kind: 'all' };
  if (user.role === 'AGENCY_REPORTER' && user.agency) return { kind: 'own', agency: user.agency };
  return { kind: 'none', signedIn: true };
}

/** True when `choice` lets the reader narrow to `agencyId`. */
export function mayFilterByAgency(choice: AgencyChoice, agencyId: string): boolean {
  return choice.kind === 'all' || (choice.kind === 'own' && choice.agency.id === agencyId);
}

/**
 * The view the pages get: the URL's, less an agency the reader may not narrow
 * to. Null while that is not known yet (an agency in the URL and the session
 * still loading), so no page asks for figures it may have to throw away.
 */
export function usableView(view: ViewState, choice: AgencyChoice): ViewState | null {
  if (!view.agency) return view;
  if (choice.kind === 'pending') return null;
  return mayFilterByAgency(choice, view.agency) ? view : { ...view, agency: null };
}
