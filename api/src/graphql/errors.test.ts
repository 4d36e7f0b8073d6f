import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { backends, startTestHub, type TestHub } from '../test/hub.js';

const codeOf = (res: { errors?: { extensions?: Record<string, unknown> }[] }) => res.errors?.[0]?.extensions?.code;

describe.each(backends())('bad input on %s', (kind) => {
  let hub: TestHub;
  beforeAll(async () => {
    hub = await startTestHub(kind, { production: true });
  });
  afterAll(() => hub?.close());

  it('answers BAD_USER_INPUT for a period that ends before it starts', async () => {
    const res = await hub.gql(`{ analytics(measures: [ACTIVITY_COUNT], filter: { from: "2020-01-01", to: "2019-12-31" }) { totals { value } } }`);
    expect(codeOf(res)).toBe('BAD_USER_INPUT');
    expect(res.errors![0]!.message).toMatch(/from \(2020-01-01\) is after to \(2019-12-31\)/);
    const list = await hub.gql(`{ activities(filter: { from: "2020-01-01", to: "2019-12-31" }) { totalCount } }`);
    expect(codeOf(list)).toBe('BAD_USER_INPUT');
  });

  it('answers BAD_USER_INPUT for unknown and malformed ids, naming them', async () => {
    const unknown = await hub.gql(`{ analytics(measures: [ACTIVITY_COUNT], filter: { agencyIds: ["Agency:999"] }) { totals { value } } }`);
    expect(codeOf(unknown)).toBe('BAD_USER_INPUT');
    expect(unknown.errors![0]!.message).toBe('Agency:999 does not exist');
    expect(unknown.errors![0]!.extensions!.problems).toEqual([{ path: ['filter', 'agencyIds', 0], message: 'unknown id' }]);
    const wrongType = await hub.gql(`{ activities(filter: { agencyIds: ["Law:1"] }) { totalCount } }`);
    expect(codeOf(wrongType)).toBe('BAD_USER_INPUT');
    expect(wrongType.errors![0]!.message).toContain('is not a Agency id');
    const region = await hub.gql(`{ regions(filter: { within: ["Region:424242"] }) { totalCount } }`);
    expect(codeOf(region)).toBe('BAD_USER_INPUT');
    const node = await hub.gql(`{ node(id: "garbage") { id } }`);
    expect(codeOf(node)).toBe('BAD_USER_INPUT');
    const missing = await hub.gql(`{ node(id: "Agency:999") { id } }`);
    expect(missing.errors).toBeUndefined();
    expect(missing.data.node).toBeNull();
  });

  it('limits page size to 500 and analytics rows to 10,000', async () => {
    const page = await hub.gql(`{ activities(first: 501) { totalCount } }`);
    expect(codeOf(page)).toBe('BAD_USER_INPUT');
    expect(page.errors![0]!.message).toContain('first may be at most 500');
    const limit = await hub.gql(`{ analytics(measures: [ACTIVITY_COUNT], groupBy: [MONTH], limit: 10001) { totals { value } } }`);
    expect(codeOf(limit)).toBe('BAD_USER_INPUT');
    expect(limit.errors![0]!.message).toBe('limit must be between 1 and 10000');
    const cursor = await hub.gql(`{ activities(after: "not-a-cursor") { totalCount } }`);
    expect(codeOf(cursor)).toBe('BAD_USER_INPUT');
  });

  it('answers a malformed date or enum with a validation error, not a 500', async () => {
    const res = await fetch(`${hub.url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ query: `{ analytics(measures: [ACTIVITY_COUNT], filter: { from: "2020-13-45" }) { totals { value } } }` }),
    });
    expect(res.status).toBe(400);
    const body = await res.json();
    expect(body.errors[0].extensions.code).toBe('GRAPHQL_VALIDATION_FAILED');
    expect(JSON.stringify(body)).not.toContain('stacktrace');
  });

  it('hides internals in production mode', async () => {
    // A table every activity count reads (the monthly rollup), gone: the database's error must not reach the client.
    await hub.sql('alter table rollup_activity rename to rollup_activity_gone');
    try {
      const res = await hub.gql(`{ analytics(measures: [ACTIVITY_COUNT]) { totals { value } } }`);
      expect(codeOf(res)).toBe('INTERNAL_SERVER_ERROR');
      expect(res.errors![0]!.message).toMatch(/^Internal server error/);
      expect(JSON.stringify(res)).not.toMatch(/rollup_activity|stacktrace|relation/);
    } finally {
      await hub.sql('alter table rollup_activity_gone rename to rollup_activity');
    }
  });
});
