import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { backends, startTestHub, type TestHub } from '../../test/hub.js';
import { ANALYTICS_FIXTURE } from '../analytics/analytics.fixture.js';
import { Role } from '../auth/role.js';

const REPORT = `mutation($key: String!, $rows: [BroadcastSlotRowInput!]!) {
  reportBroadcastSlots(idempotencyKey: $key, rows: $rows) { batchId accepted inserted updated replayed }
}`;
const TOTALS = `{ analytics(measures: [BROADCAST_COUNT, BROADCAST_MINUTES]) { totals { value } } }`;

const row = (over: Record<string, unknown> = {}) => ({
  outletId: 'MediaOutlet:1', channel: 'FM', programme: '法治天天讲', kind: 'PROGRAMME', startsAt: '2019-06-01T20:00:00+08:00',
  durationMinutes: 15, primeTime: true, partnerAgencyId: 'Agency:2', domainId: 'EnforcementDomain:1', reach: 800, ...over,
});
const second = () => row({ channel: 'TV1', programme: '法治公益广告', kind: 'PUBLIC_SERVICE_AD', startsAt: '2019-06-02T12:00:00Z', durationMinutes: 45, primeTime: false, partnerAgencyId: null, domainId: null, reach: 2000 });

describe.each(backends())('reporting broadcast slots on %s', (kind) => {
  let hub: TestHub;
  let media: string;
  const count = async () => (await hub.sql('select count(*)::int as n from broadcast_slot'))[0].n as number;
  const audits = async () => (await hub.sql('select count(*)::int as n from audit_entry'))[0].n as number;
  const totals = async () => (await hub.gql(TOTALS)).data.analytics.totals.map((t: any) => t.value);

  beforeAll(async () => {
    hub = await startTestHub(kind);
    for (const stmt of ANALYTICS_FIXTURE.split(';').map((s) => s.trim()).filter(Boolean)) await hub.sql(stmt);
    await hub.sql(`insert into media_outlet (id, code, name, name_en, kind) values (2, 'TV', '电视台', 'TV', 'TV')`);
    media = await hub.login(Role.MEDIA_PARTNER, { outletId: 1 });
  });
  afterAll(() => hub?.close());

  it('writes a batch and moves every figure by exactly what it added', async () => {
    // Fixture: 2 slots of 30 and 20 minutes.
    expect(await totals()).toEqual([2, 50]);
    const res = await hub.gqlAs(media, REPORT, { key: 'slots-0001', rows: [row(), second()] });
    expect(res.errors).toBeUndefined();
    expect(res.data.reportBroadcastSlots).toMatchObject({ accepted: 2, inserted: 2, updated: 0, replayed: false });
    // 2 + 2 slots; 50 + 15 + 45 = 110 minutes.
    expect(await totals()).toEqual([4, 110]);
    const [stored] = await hub.sql(`select count(*)::int as n from broadcast_slot where starts_at = '2019-06-01T12:00:00Z' and channel = 'FM' and partner_agency_id = 2 and domain_id = 1 and reach = 800`);
    expect(stored.n).toBe(1);
    const audit = await hub.sql(`select action, entity, batch from audit_entry where entity = 'BroadcastSlot' order by id`);
    expect(audit).toEqual([
      { action: 'CREATE', entity: 'BroadcastSlot', batch: res.data.reportBroadcastSlots.batchId },
      { action: 'CREATE', entity: 'BroadcastSlot', batch: res.data.reportBroadcastSlots.batchId },
    ]);
  });

  it('answers a replay with the first result and writes nothing; another payload under the key is a conflict', async () => {
    const before = await count();
    const auditBefore = await audits();
    const replay = await hub.gqlAs(media, REPORT, { key: 'slots-0001', rows: [row(), second()] });
    expect(replay.data.reportBroadcastSlots).toMatchObject({ accepted: 2, inserted: 2, updated: 0, replayed: true });
    // The same instant written with another offset is the same payload.
    const sameInstant = await hub.gqlAs(media, REPORT, { key: 'slots-0001', rows: [row({ startsAt: '2019-06-01T12:00:00Z' }), second()] });
    expect(sameInstant.data.reportBroadcastSlots.replayed).toBe(true);
    const conflict = await hub.gqlAs(media, REPORT, { key: 'slots-0001', rows: [row({ durationMinutes: 16 })] });
    expect(conflict.errors![0]!.extensions!.code).toBe('CONFLICT');
    expect(await count()).toBe(before);
    expect(await audits()).toBe(auditBefore);
    expect(await totals()).toEqual([4, 110]);
  });

  it('updates in place when a corrected slot is resent under its natural key, with before and after in the audit trail', async () => {
    const before = await count();
    // Same outlet, channel and instant (written in UTC this time): the slot of the first batch.
    const res = await hub.gqlAs(media, REPORT, { key: 'slots-0002', rows: [row({ startsAt: '2019-06-01T12:00:00.000Z', durationMinutes: 25, reach: 900 })] });
    expect(res.errors).toBeUndefined();
    expect(res.data.reportBroadcastSlots).toMatchObject({ inserted: 0, updated: 1 });
    expect(await count()).toBe(before);
    // 4 slots; 110 − 15 + 25 = 120 minutes.
    expect(await totals()).toEqual([4, 120]);
    const [entry] = await hub.sql(`select before, after, batch from audit_entry where action = 'UPDATE' and entity = 'BroadcastSlot'`);
    const parse = (v: unknown) => (typeof v === 'string' ? JSON.parse(v) : v) as Record<string, unknown>;
    expect(parse(entry.before)).toMatchObject({ duration_minutes: 15, reach: 800, channel: 'FM' });
    expect(parse(entry.after)).toMatchObject({ duration_minutes: 25, reach: 900, starts_at: '2019-06-01T12:00:00.000Z' });
    expect(entry.batch).toBe(res.data.reportBroadcastSlots.batchId);
  });

  it('refuses a batch with any bad row, listing every problem by row and field, and writes nothing', async () => {
    const before = await count();
    const auditBefore = await audits();
    const good = row({ startsAt: '2019-07-01T20:00:00+08:00', durationMinutes: 10 });
    const latest = new Date();
    latest.setUTCFullYear(latest.getUTCFullYear() + 1);
    const res = await hub.gqlAs(media, REPORT, {
      key: 'slots-0003',
      rows: [
        good,
        row({ startsAt: '1999-12-31T00:00:00Z', durationMinutes: 1441, reach: -1 }),
        row({ startsAt: '2019-07-02T20:00:00+08:00', partnerAgencyId: 'Agency:9', domainId: 'Law:1' }),
        { ...good, programme: '重复' },
        row({ startsAt: '2019-07-03T20:00:00+08:00', channel: '  ', outletId: 'MediaOutlet:9' }),
        row({ startsAt: '2099-01-01T00:00:00Z' }),
      ],
    });
    expect(res.errors![0]!.extensions!.code).toBe('BAD_USER_INPUT');
    expect(res.errors![0]!.message).toMatch(/^The batch was refused and nothing was written: 9 problems in 5 row\(s\) of broadcast-slots; first: row 2, startsAt: 1999-12-31T00:00:00.000Z is outside/);
    expect(res.errors![0]!.extensions!.rowErrors).toEqual([
      { row: 1, field: 'startsAt', message: `1999-12-31T00:00:00.000Z is outside 2000-01-01 … ${latest.toISOString().slice(0, 10)} (one year from now)` },
      { row: 1, field: 'durationMinutes', message: 'must be a whole number from 0 to 1440' },
      { row: 1, field: 'reach', message: 'must be a whole number from 0 to 1000000000' },
      { row: 2, field: 'domainId', message: '"Law:1" is not a EnforcementDomain id (expected EnforcementDomain:123)' },
      { row: 2, field: 'partnerAgencyId', message: 'Agency:9 does not exist' },
      { row: 3, field: 'startsAt', message: 'same outlet, channel and start as row 1: send each slot once' },
      { row: 4, field: 'channel', message: 'required' },
      { row: 4, field: 'outletId', message: 'MediaOutlet:9 does not exist' },
      { row: 5, field: 'startsAt', message: `2099-01-01T00:00:00.000Z is outside 2000-01-01 … ${latest.toISOString().slice(0, 10)} (one year from now)` },
    ]);
    expect(await count()).toBe(before);
    expect(await audits()).toBe(auditBefore);
    // The key was not spent: the corrected batch goes through under it. 5 slots; 120 + 10 = 130 minutes.
    const retry = await hub.gqlAs(media, REPORT, { key: 'slots-0003', rows: [good] });
    expect(retry.data.reportBroadcastSlots.inserted).toBe(1);
    expect(await totals()).toEqual([5, 130]);
  });

  it('refuses slots of another outlet, other roles and the public, writing nothing; an admin writes any outlet', async () => {
    const reporter = await hub.login(Role.AGENCY_REPORTER, { agencyId: 2 });
    const before = await count();
    const auditBefore = await audits();
    const forged = await hub.gqlAs(media, REPORT, {
      key: 'slots-0004',
      rows: [row({ startsAt: '2019-08-01T20:00:00+08:00' }), row({ outletId: 'MediaOutlet:2', startsAt: '2019-08-01T20:00:00+08:00' })],
    });
    expect(forged.errors![0]!.extensions!.code).toBe('FORBIDDEN');
    expect(forged.errors![0]!.extensions!.rowErrors).toEqual([
      { row: 1, field: 'outletId', message: 'Your account reports for MediaOutlet:1; it may not write slots of MediaOutlet:2' },
    ]);
    const wrongRole = await hub.gqlAs(reporter, REPORT, { key: 'slots-0005', rows: [row({ startsAt: '2019-08-02T20:00:00+08:00' })] });
    expect(wrongRole.errors![0]!.extensions!.code).toBe('FORBIDDEN');
    expect(wrongRole.errors![0]!.extensions!.rowErrors[0]).toMatchObject({ row: 0, field: 'outletId' });
    expect((await hub.gqlAs(null, REPORT, { key: 'slots-0006', rows: [row()] })).errors![0]!.extensions!.code).toBe('UNAUTHENTICATED');
    expect(await count()).toBe(before);
    expect(await audits()).toBe(auditBefore);
    const admin = await hub.gql(REPORT, { key: 'slots-0007', rows: [row({ outletId: 'MediaOutlet:2', channel: 'CCTV', durationMinutes: 5 })] });
    expect(admin.data.reportBroadcastSlots).toMatchObject({ inserted: 1, updated: 0 });
    // 6 slots; 130 + 5 = 135 minutes.
    expect(await totals()).toEqual([6, 135]);
  });
});
