import { describe, expect, it } from 'vitest';
import { agencyChoice, mayFilterByAgency, usableView } from './filterAccess';
import type { Me, Session } from './session';
import type { ViewState } from './url';

const own = { id: 'Agency:7', name: '市司法局', nameEn: 'Municipal Justice Bureau' };

function signedIn(role: Me['role'], agency: Me['agency'] = null): Session {
  return { status: 'signedIn', user: { username: 'u', displayName: 'U', role, agency, outlet: null, district: null } };
}

const view: ViewState = {
  lang: 'zh-CN',
  period: { kind: 'year', year: 2025 },
  district: null,
  domain: 'EnforcementDomain:3',
  agency: 'Agency:12',
};

describe('who may narrow to an agency', () => {
  it('follows the hub: readers of every record any agency, a reporter its own, others none', () => {
    expect(agencyChoice({ status: 'loading' })).toEqual({ kind: 'pending' });
    expect(agencyChoice({ status: 'anonymous' })).toEqual({ kind: 'none', signedIn: false });
    for (const role of ['ADMIN', 'DISTRICT_ADMIN', 'LEADER', 'INSPECTOR'] as const) {
      expect(agencyChoice(signedIn(role))).toEqual({ kind: 'all' });
    }
    expect(agencyChoice(signedIn('AGENCY_REPORTER', own))).toEqual({ kind: 'own', agency: own });
    expect(agencyChoice(signedIn('MEDIA_PARTNER'))).toEqual({ kind: 'none', signedIn: true });
    expect(agencyChoice(signedIn('SURVEY_OPERATOR'))).toEqual({ kind: 'none', signedIn: true });
    // A reporter without an agency (a broken account) narrows to nothing.
    expect(agencyChoice(signedIn('AGENCY_REPORTER', null))).toEqual({ kind: 'none', signedIn: true });
  });

  it('lets a reporter narrow only to its own agency', () => {
    const choice = agencyChoice(signedIn('AGENCY_REPORTER', own));
    expect(mayFilterByAgency(choice, 'Agency:7')).toBe(true);
    expect(mayFilterByAgency(choice, 'Agency:12')).toBe(false);
    expect(mayFilterByAgency({ kind: 'all' }, 'Agency:12')).toBe(true);
    expect(mayFilterByAgency({ kind: 'none', signedIn: false }, 'Agency:12')).toBe(false);
  });

  it("drops an agency the reader may not use, keeps the rest of the view, and waits while that is unknown", () => {
    expect(usableView(view, { kind: 'all' })).toBe(view);
    expect(usableView(view, { kind: 'none', signedIn: false })).toEqual({ ...view, agency: null });
    expect(usableView(view, { kind: 'own', agency: own })).toEqual({ ...view, agency: null });
    expect(usableView({ ...view, agency: 'Agency:7' }, { kind: 'own', agency: own })?.agency).toBe('Agency:7');
    expect(usableView(view, { kind: 'pending' })).toBeNull();
    const noAgency = { ...view, agency: null };
    expect(usableView(noAgency, { kind: 'pending' })).toBe(noAgency);
  });
});
