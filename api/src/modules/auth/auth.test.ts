import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { backends, startTestHub, TEST_PASSWORD, type TestHub } from '../../test/hub.js';
import { createUser } from './auth.service.js';
import { Role } from './role.js';

const SIGN_IN = `mutation($u: String!, $p: String!) { signIn(username: $u, password: $p) { token user { username role } } }`;

describe.each(backends())('signing in on %s', (kind) => {
  let hub: TestHub;
  beforeAll(async () => {
    hub = await startTestHub(kind);
    await createUser(hub.db.orm.em.fork(), { username: 'zhang', displayName: '张三', role: Role.LEADER, password: TEST_PASSWORD });
  });
  afterAll(() => hub?.close());

  it('sets an HttpOnly session cookie that signs the dashboard in; after signing out the cookie is cleared', async () => {
    const res = await fetch(`${hub.url}/graphql`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ query: SIGN_IN, variables: { u: 'zhang', p: TEST_PASSWORD } }) });
    const cookie = res.headers.get('set-cookie')!;
    expect(cookie).toMatch(/^pufa_session=pufa_s_[\w-]+;/);
    expect(cookie).toMatch(/HttpOnly/);
    expect(cookie).toMatch(/SameSite=Strict/);
    const session = cookie.split(';')[0]!;
    const me = await fetch(`${hub.url}/graphql`, { method: 'POST', headers: { 'content-type': 'application/json', cookie: session }, body: JSON.stringify({ query: '{ me { username role } }' }) });
    expect((await me.json()).data.me).toEqual({ username: 'zhang', role: 'LEADER' });
    await fetch(`${hub.url}/graphql`, { method: 'POST', headers: { 'content-type': 'application/json', cookie: session }, body: JSON.stringify({ query: 'mutation { signOut }' }) });
    // The ended session's cookie makes the browser the public again (and is cleared), so the
    // person can sign in anew; an invalid bearer token, by contrast, is refused outright.
    const after = await fetch(`${hub.url}/graphql`, { method: 'POST', headers: { 'content-type': 'application/json', cookie: session }, body: JSON.stringify({ query: '{ me { username } }' }) });
    expect(after.status).toBe(200);
    expect((await after.json()).data.me).toBeNull();
    expect(after.headers.get('set-cookie')).toMatch(/^pufa_session=;.*Expires=Thu, 01 Jan 1970/);
    const bearer = await hub.gqlAs(session.split('=')[1]!, '{ me { username } }');
    expect(bearer.errors![0]!.extensions!.code).toBe('UNAUTHENTICATED');
  });

  it('never says whether a username exists, and locks an account after 5 failures', async () => {
    await createUser(hub.db.orm.em.fork(), { username: 'lisi', displayName: '李四', role: Role.LEADER, password: TEST_PASSWORD });
    const unknown = await hub.gqlAs(null, SIGN_IN, { u: 'nobody', p: 'whatever-password' });
    const wrong = await hub.gqlAs(null, SIGN_IN, { u: 'lisi', p: 'wrong-password-1' });
    expect(unknown.errors![0]!.message).toBe('Wrong username or password');
    expect(wrong.errors![0]!.message).toBe('Wrong username or password');
    for (let i = 0; i < 4; i++) await hub.gqlAs(null, SIGN_IN, { u: 'lisi', p: 'wrong-password-1' });
    const locked = await hub.gqlAs(null, SIGN_IN, { u: 'lisi', p: TEST_PASSWORD });
    expect(locked.errors![0]!.extensions!.code).toBe('UNAUTHENTICATED');
    expect(locked.errors![0]!.message).toMatch(/locked until/);
    const [row] = await hub.sql(`select locked_until > now() + interval '14 minutes' as locked from app_user where username = 'lisi'`);
    expect(row.locked).toBe(true);
    const failures = await hub.sql(`select count(*)::int as n from audit_entry where action = 'SIGN_IN_FAILED'`);
    expect(failures[0].n).toBe(5);
  });

  it('issues API tokens shown once, stored hashed, refused once revoked', async () => {
    const session = (await hub.gqlAs(null, SIGN_IN, { u: 'zhang', p: TEST_PASSWORD })).data.signIn.token;
    const created = await hub.gqlAs(session, `mutation { createApiToken(name: "报表同步") { secret apiToken { id name } } }`);
    const { secret, apiToken } = created.data.createApiToken;
    expect(secret).toMatch(/^pufa_t_/);
    const stored = await hub.sql(`select token_hash from api_token where name = '报表同步'`);
    expect(stored[0].token_hash).not.toContain(secret);
    expect((await hub.gqlAs(secret, '{ me { username } }')).data.me.username).toBe('zhang');
    await hub.gqlAs(session, `mutation { revokeApiToken(id: "${apiToken.id}") { revokedAt } }`);
    expect((await hub.gqlAs(secret, '{ me { username } }')).errors![0]!.extensions!.code).toBe('UNAUTHENTICATED');
  });

  it('changes a password only with the current one, and ends the other sessions', async () => {
    const a = (await hub.gqlAs(null, SIGN_IN, { u: 'zhang', p: TEST_PASSWORD })).data.signIn.token;
    const b = (await hub.gqlAs(null, SIGN_IN, { u: 'zhang', p: TEST_PASSWORD })).data.signIn.token;
    const bad = await hub.gqlAs(a, `mutation { changePassword(currentPassword: "nope-nope-nope", newPassword: "another-long-one") }`);
    expect(bad.errors![0]!.extensions!.code).toBe('BAD_USER_INPUT');
    const short = await hub.gqlAs(a, `mutation { changePassword(currentPassword: "${TEST_PASSWORD}", newPassword: "short") }`);
    expect(short.errors![0]!.message).toMatch(/at least 10 characters/);
    const ok = await hub.gqlAs(a, `mutation { changePassword(currentPassword: "${TEST_PASSWORD}", newPassword: "another-long-one") }`);
    expect(ok.data.changePassword).toBe(true);
    expect((await hub.gqlAs(b, '{ me { username } }')).errors![0]!.extensions!.code).toBe('UNAUTHENTICATED');
    expect((await hub.gqlAs(null, SIGN_IN, { u: 'zhang', p: 'another-long-one' })).data.signIn.user.username).toBe('zhang');
  });

  it('lets an admin create accounts that must say whom they report for', async () => {
    const missing = await hub.gql(`mutation { createUser(input: { username: "rep", displayName: "填报员", role: AGENCY_REPORTER, password: "long-enough-password" }) { id } }`);
    expect(missing.errors![0]!.extensions!.code).toBe('BAD_USER_INPUT');
    expect(missing.errors![0]!.message).toBe('A AGENCY_REPORTER account needs agencyId');
    const taken = await hub.gql(`mutation { createUser(input: { username: "zhang", displayName: "x", role: LEADER, password: "long-enough-password" }) { id } }`);
    expect(taken.errors![0]!.extensions!.code).toBe('CONFLICT');
  });
});
