/**
 * The check: one overlap gap of the demo data taken through the whole loop — inspection,
 * rectification item, evidence, verification, next year's figures — as an inspector and as the
 * responsible agency. The figures are the overlap view's own (compared, not hand-computed).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { backends, startTestHub, type TestHub } from '../../test/hub.js';
import { Role } from '../auth/role.js';
import { PDF_BYTES } from './inspections.fixture.js';

const GAPS = `query($f: OverlapFilter!) { overlapGaps(filter: $f) { domain { id name } activityCount holders { agency { id } activityCount } flags { kind act { id } } } }`;

describe.each(backends())('the whole loop on the demo data on %s', (kind) => {
  let hub: TestHub;
  const previousNow = process.env.PUFA_NOW;
  const ok = async (token: string, query: string, variables: Record<string, unknown> = {}) => {
    const res = await hub.gqlAs(token, query, variables);
    expect(res.errors).toBeUndefined();
    return res.data;
  };

  beforeAll(async () => {
    // 2020 has ended on this clock: the verdict on a 2019 gap is known.
    process.env.PUFA_NOW = '2021-03-01T10:00:00+08:00';
    hub = await startTestHub(kind, { demo: true });
  });
  afterAll(async () => {
    if (previousNow === undefined) delete process.env.PUFA_NOW;
    else process.env.PUFA_NOW = previousNow;
    await hub?.close();
  });

  it('inspects a 2019 gap, rectifies it with evidence, verifies it and compares 2020', async () => {
    const inspector = await hub.login(Role.INSPECTOR);
    const gaps = (await ok(inspector, GAPS, { f: { years: [2019] } })).overlapGaps;
    const gap = gaps.find((g: any) => g.flags.some((f: any) => f.act.length > 0));
    expect(gap, 'the demo data has an overlap gap someone should act on in 2019').toBeDefined();
    const flag = gap.flags.find((f: any) => f.act.length > 0);
    const agencyId: string = flag.act[0].id;

    // The inspector records the visit with the overlap view it saw, and opens the item from the gap.
    const inspection = (await ok(inspector, `mutation($i: InspectionInput!) { createInspection(input: $i) { id snapshots { answer } } }`, {
      i: {
        kind: 'NPC_DEPUTIES', inspectors: '人大代表视察组', agencyIds: [agencyId], date: '2021-02-20', method: 'SPOT_CHECK',
        findings: [`${gap.domain.name}领域普法缺位`], snapshots: [{ overlapGaps: { years: [2019], domainIds: [gap.domain.id] } }],
      },
    })).createInspection;
    const [seen] = inspection.snapshots[0].answer;
    expect([seen.domain.id, seen.activityCount, seen.flags.map((f: any) => f.kind)]).toEqual([gap.domain.id, gap.activityCount, gap.flags.map((f: any) => f.kind)]);
    const item = (await ok(inspector, `mutation($i: RectificationInput!) { createRectificationItem(input: $i) { id status } }`, {
      i: { agencyId, requirement: `在${gap.domain.name}领域开展普法并覆盖缺口`, deadline: '2021-06-30', source: { overlapGap: { domainId: gap.domain.id, year: 2019, kind: flag.kind } } },
    })).createRectificationItem;

    // The agency sees its item, starts it, attaches proof and submits.
    const reporter = await hub.login(Role.AGENCY_REPORTER, { agencyId: Number(agencyId.split(':')[1]) });
    const mine = (await ok(reporter, `{ rectificationItems { nodes { id allowedNextStatuses } } }`)).rectificationItems.nodes;
    expect(mine).toEqual([{ id: item.id, allowedNextStatuses: ['IN_PROGRESS'] }]);
    const move = (token: string, status: string) => ok(token, `mutation($id: ID!, $s: RectificationStatus!) { setRectificationStatus(id: $id, status: $s) { status } }`, { id: item.id, s: status });
    await move(reporter, 'IN_PROGRESS');
    const uploaded = await fetch(`${hub.url}/evidence/rectification-items/${item.id}?filename=整改报告.pdf`, {
      method: 'POST', headers: { authorization: `Bearer ${reporter}`, 'x-pufa-csrf': '1' }, body: PDF_BYTES,
    });
    expect(uploaded.status).toBe(201);
    await move(reporter, 'SUBMITTED');

    // The inspector verifies; the next year's figures say whether the gap closed.
    expect((await move(inspector, 'VERIFIED')).setRectificationStatus.status).toBe('VERIFIED');
    const ba = (await ok(inspector, `query($id: ID!) { rectificationItem(id: $id) { beforeAfter { closed
      before { year present activityCount flags } after { year present activityCount agencyActivityCount flags } } } }`, { id: item.id })).rectificationItem.beforeAfter;
    expect(ba.before).toEqual({ year: 2019, present: true, activityCount: gap.activityCount, flags: gap.flags.map((f: any) => f.kind) });
    const [next] = (await ok(inspector, GAPS, { f: { years: [2020], domainIds: [gap.domain.id] } })).overlapGaps;
    const nextFlags = next ? next.flags.map((f: any) => f.kind) : [];
    expect(ba.after).toEqual({
      year: 2020, present: nextFlags.includes(flag.kind), activityCount: next ? next.activityCount : null,
      agencyActivityCount: next ? (next.holders.find((h: any) => h.agency.id === agencyId)?.activityCount ?? 0) : null, flags: nextFlags,
    });
    expect(ba.closed).toBe(!nextFlags.includes(flag.kind));

    // What the inspector opened is in the audit trail.
    const views = (await ok(inspector, `query($id: String) { auditTrail(filter: { entity: "RectificationItem", entityId: $id, action: "VIEW" }) { totalCount } }`, { id: item.id.split(':')[1] })).auditTrail;
    expect(views.totalCount).toBeGreaterThan(0);
  });
});
