import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestHub, type TestHub } from '../test/hub.js';

// Limits are the same on both databases: the embedded one is enough here.
describe('request limits', () => {
  let hub: TestHub;
  beforeAll(async () => {
    hub = await startTestHub('pglite', { production: true, limits: { perMinute: 30, signInPerMinute: 3 } });
  });
  afterAll(() => hub?.close());

  const post = (body: string, headers: Record<string, string> = {}) =>
    fetch(`${hub.url}/graphql`, { method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body });

  it('refuses 2,000 aliases of an expensive field before running anything', async () => {
    const query = `{ ${Array.from({ length: 2000 }, (_, i) => `a${i}: analytics(measures: [ACTIVITY_COUNT]) { totals { value } }`).join(' ')} }`;
    const res = await post(JSON.stringify({ query }));
    const body = await res.json();
    expect(res.status).toBe(400);
    expect(body.errors[0].extensions.code).toBe('QUERY_TOO_COMPLEX');
    expect(body.errors[0].message).toMatch(/too expensive \(estimated cost \d+, limit 20000\)/);
  });

  it('refuses deep nesting of large pages', async () => {
    const query = `{ activities(first: 500) { edges { node { coOrganisers { region { parent { parent { name } } } } laws { domains { name } } items { laws { name } targetDistricts { name } } } } } }`;
    const res = await post(JSON.stringify({ query }));
    expect((await res.json()).errors[0].extensions.code).toBe('QUERY_TOO_COMPLEX');
  });

  it('answers variables of the wrong type with BAD_USER_INPUT naming the variable, not an internal error', async () => {
    const query = 'query($m: [Measure!]!, $l: Int) { analytics(measures: $m, limit: $l) { totals { value } } }';
    const res = await post(JSON.stringify({ query, variables: { m: ['NO_SUCH_MEASURE'], l: 'many' } }));
    const body = await res.json();
    expect(res.status).toBe(400);
    expect(body.errors[0].extensions.code).toBe('BAD_USER_INPUT');
    expect(body.errors[0].message).toMatch(/\$m/);
  });

  it('refuses a 10 MB request and a query text over 200,000 characters', async () => {
    const huge = await post(JSON.stringify({ query: `{ hubInfo { demoData } } #${'x'.repeat(10_000_000)}` }));
    expect(huge.status).toBe(413);
    expect((await huge.json()).errors[0].extensions.code).toBe('PAYLOAD_TOO_LARGE');
    const long = await post(JSON.stringify({ query: `{ hubInfo { demoData } } #${'x'.repeat(300_000)}` }));
    expect(long.status).toBe(413);
    expect((await long.json()).errors[0].extensions.code).toBe('QUERY_TOO_LARGE');
  });

  it('keeps introspection off and error internals hidden in production', async () => {
    const res = await hub.gqlAs(null, '{ __schema { types { name } } }');
    expect(res.errors?.[0]?.extensions?.code).toBe('GRAPHQL_VALIDATION_FAILED');
  });

  it('answers 429 with Retry-After past the per-minute limit, and far sooner for sign-in attempts', async () => {
    const signIn = JSON.stringify({ query: 'mutation { signIn(username: "nobody", password: "wrong-password") { token } }' });
    // The test kit's own admin sign-in used one of the 3 attempts this minute.
    const codes = [];
    for (let i = 0; i < 2; i++) codes.push((await post(signIn)).status);
    expect(codes).toEqual([200, 200]);
    const limited = await post(signIn);
    expect(limited.status).toBe(429);
    expect(Number(limited.headers.get('retry-after'))).toBeGreaterThan(0);
    expect((await limited.json()).errors[0].extensions.code).toBe('RATE_LIMITED');

    const statuses: number[] = [];
    for (let i = 0; i < 40; i++) statuses.push((await post(JSON.stringify({ query: '{ hubInfo { demoData } }' }))).status);
    expect(statuses.filter((s) => s === 429).length).toBeGreaterThan(0);
  });

});
