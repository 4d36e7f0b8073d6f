import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { backends, startTestHub, type TestHub } from '../../test/hub.js';
import { ANALYTICS_FIXTURE } from '../analytics/analytics.fixture.js';
import { Role } from './role.js';

type Outcome = number | 'UNAUTHENTICATED' | 'FORBIDDEN';

/** The answer a viewer gets: the count it may see, or the refusal code. */
async function outcome(hub: TestHub, token: string | null, query: string, pick: (data: any) => number): Promise<Outcome> {
  const res = await hub.gqlAs(token, query);
  if (res.errors) {
    expect(res.data ?? null).toBeNull(); // refusals leak no partial data
    return res.errors[0]!.extensions!.code as Outcome;
  }
  return pick(res.data);
}

describe.each(backends())('who may read what on %s', (kind) => {
  let hub: TestHub;
  const tokens: Record<string, string | null> = {};
  beforeAll(async () => {
    hub = await startTestHub(kind);
    for (const stmt of ANALYTICS_FIXTURE.split(';').map((s) => s.trim()).filter(Boolean)) await hub.sql(stmt);
    tokens.anonymous = null;
    tokens.admin = await hub.login(Role.ADMIN);
    tokens.district = await hub.login(Role.DISTRICT_ADMIN, { districtId: 2 });
    tokens.leader = await hub.login(Role.LEADER);
    tokens.inspector = await hub.login(Role.INSPECTOR);
    tokens.reporter = await hub.login(Role.AGENCY_REPORTER, { agencyId: 2 });
    tokens.media = await hub.login(Role.MEDIA_PARTNER, { outletId: 1 });
    tokens.surveyor = await hub.login(Role.SURVEY_OPERATOR);
  });
  afterAll(() => hub?.close());

  // Fixture: 4 activities (agency 2 organises or co-organises 3); 2 slots (partner agencies 1 and 2);
  // 2 cases of agency 2 (1 published); 6 attendance rows (2 of agency 2); 3 survey responses.
  const matrix: [string, string, (d: any) => number, Record<string, Outcome>][] = [
    ['activities', '{ activities { totalCount } }', (d) => d.activities.totalCount,
      { anonymous: 'UNAUTHENTICATED', admin: 4, district: 4, leader: 4, inspector: 4, reporter: 3, media: 'FORBIDDEN', surveyor: 'FORBIDDEN' }],
    ['broadcast slots', '{ broadcastSlots { totalCount } }', (d) => d.broadcastSlots.totalCount,
      { anonymous: 'UNAUTHENTICATED', admin: 2, district: 2, leader: 2, inspector: 2, reporter: 1, media: 2, surveyor: 'FORBIDDEN' }],
    ['cases', '{ cases { totalCount } }', (d) => d.cases.totalCount,
      { anonymous: 1, admin: 2, district: 2, leader: 2, inspector: 2, reporter: 2, media: 1, surveyor: 1 }],
    ['training attendance', '{ trainingAttendance { totalCount } }', (d) => d.trainingAttendance.totalCount,
      { anonymous: 'UNAUTHENTICATED', admin: 6, district: 6, leader: 6, inspector: 6, reporter: 2, media: 'FORBIDDEN', surveyor: 'FORBIDDEN' }],
    ['survey responses', '{ surveyResponses { totalCount } }', (d) => d.surveyResponses.totalCount,
      { anonymous: 'UNAUTHENTICATED', admin: 3, district: 3, leader: 3, inspector: 3, reporter: 'FORBIDDEN', media: 'FORBIDDEN', surveyor: 3 }],
    ['city-wide totals', '{ analytics(measures: [ACTIVITY_COUNT]) { totals { value } } }', (d) => d.analytics.totals[0].value,
      { anonymous: 4, admin: 4, district: 4, leader: 4, inspector: 4, reporter: 4, media: 4, surveyor: 4 }],
    ['figures by agency', '{ analytics(measures: [ACTIVITY_COUNT], groupBy: [AGENCY]) { rows { keys { value } } } }', (d) => d.analytics.rows.length,
      { anonymous: 'UNAUTHENTICATED', admin: 3, district: 3, leader: 3, inspector: 3, reporter: 'FORBIDDEN', media: 'FORBIDDEN', surveyor: 'FORBIDDEN' }],
    ['own agency’s figures', '{ analytics(measures: [ACTIVITY_COUNT], filter: { agencyIds: ["Agency:2"] }) { totals { value } } }', (d) => d.analytics.totals[0].value,
      { anonymous: 'UNAUTHENTICATED', admin: 3, district: 3, leader: 3, inspector: 3, reporter: 3, media: 'FORBIDDEN', surveyor: 'FORBIDDEN' }],
    ['another agency’s figures', '{ analytics(measures: [ACTIVITY_COUNT], filter: { agencyIds: ["Agency:1"] }) { totals { value } } }', (d) => d.analytics.totals[0].value,
      { anonymous: 'UNAUTHENTICATED', admin: 2, district: 2, leader: 2, inspector: 2, reporter: 'FORBIDDEN', media: 'FORBIDDEN', surveyor: 'FORBIDDEN' }],
    ['the audit trail', '{ auditTrail(filter: { action: "SIGN_IN" }) { totalCount } }', (d) => Math.min(d.auditTrail.totalCount, 1),
      { anonymous: 'UNAUTHENTICATED', admin: 1, district: 'FORBIDDEN', leader: 'FORBIDDEN', inspector: 1, reporter: 'FORBIDDEN', media: 'FORBIDDEN', surveyor: 'FORBIDDEN' }],
    ['accounts', '{ users { username } }', (d) => Math.min(d.users.length, 1),
      { anonymous: 'UNAUTHENTICATED', admin: 1, district: 'FORBIDDEN', leader: 'FORBIDDEN', inspector: 'FORBIDDEN', reporter: 'FORBIDDEN', media: 'FORBIDDEN', surveyor: 'FORBIDDEN' }],
    ['reference data', '{ agencies { totalCount } regions { totalCount } laws { totalCount } }', (d) => d.agencies.totalCount + d.regions.totalCount + d.laws.totalCount,
      { anonymous: 10, admin: 10, district: 10, leader: 10, inspector: 10, reporter: 10, media: 10, surveyor: 10 }],
  ];

  it.each(matrix)('%s', async (_name, query, pick, expected) => {
    const got: Record<string, Outcome> = {};
    for (const viewer of Object.keys(expected)) got[viewer] = await outcome(hub, tokens[viewer]!, query, pick);
    expect(got).toEqual(expected);
  });

  it('hides a record outside the viewer’s scope from node() as if it did not exist', async () => {
    const q = (id: string) => `{ node(id: "${id}") { id } }`;
    expect((await hub.gqlAs(tokens.reporter!, q('Activity:2'))).data.node).toEqual({ id: 'Activity:2' });
    expect((await hub.gqlAs(tokens.reporter!, q('Activity:4'))).data.node).toBeNull();
    expect((await hub.gqlAs(tokens.anonymous!, q('CaseStudy:1'))).data.node).toEqual({ id: 'CaseStudy:1' });
    expect((await hub.gqlAs(tokens.anonymous!, q('CaseStudy:2'))).data.node).toBeNull();
  });

  it('logs every record an inspector opens, and only an inspector’s', async () => {
    const [{ mark }] = await hub.sql(`select coalesce(max(id), 0) as mark from audit_entry`);
    await hub.gqlAs(tokens.inspector!, '{ activities(first: 2) { nodes { id } } }');
    await hub.gqlAs(tokens.inspector!, '{ node(id: "CaseStudy:2") { id } }');
    await hub.gqlAs(tokens.leader!, '{ activities(first: 2) { nodes { id } } }');
    const rows = await hub.sql(`select actor, entity, entity_id from audit_entry where action = 'VIEW' and id > ${mark} order by entity, entity_id`);
    expect(rows.map((r: any) => [r.actor.replace(/-\d+$/, ''), r.entity, r.entity_id])).toEqual([
      ['t-inspector', 'Activity', '3'], ['t-inspector', 'Activity', '4'], ['t-inspector', 'CaseStudy', '2'],
    ]);
  });

  it('refuses account management to everyone but admins and writes nothing', async () => {
    const before = await hub.sql('select count(*)::int as n from app_user');
    const create = `mutation { createUser(input: { username: "intruder", displayName: "x", role: ADMIN, password: "long-enough-password" }) { id } }`;
    for (const viewer of ['anonymous', 'district', 'leader', 'inspector', 'reporter', 'media', 'surveyor']) {
      const res = await hub.gqlAs(tokens[viewer]!, create);
      expect(res.errors?.[0]?.extensions?.code, viewer).toBe(viewer === 'anonymous' ? 'UNAUTHENTICATED' : 'FORBIDDEN');
    }
    expect(await hub.sql('select count(*)::int as n from app_user')).toEqual(before);
  });
});
