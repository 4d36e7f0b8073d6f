import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { backends, countStatements, startTestHub, type TestHub } from '../../test/hub.js';
import { Role } from '../auth/role.js';
import { loadInspectionsFixture, PDF_BYTES } from './inspections.fixture.js';

const ITEM = `id status requirement deadline year rubricVersion sourceKind sourceDetail gapKind overdue daysOverdue allowedNextStatuses statusNote
  submittedAt submittedBy verifiedAt verifiedBy createdBy agency { id } finding { id text } inspection { id } domain { id } evidence { filename sha256 }`;
const CREATE = `mutation($i: RectificationInput!) { createRectificationItem(input: $i) { ${ITEM} } }`;
const MOVE = `mutation($id: ID!, $s: RectificationStatus!, $n: String) { setRectificationStatus(id: $id, status: $s, note: $n) { ${ITEM} } }`;
const UPDATE = `mutation($id: ID!, $i: RectificationUpdate!) { updateRectificationItem(id: $id, input: $i) { requirement deadline } }`;
const LIST = `query($f: RectificationFilter, $first: Int, $after: String) {
  rectificationItems(filter: $f, first: $first, after: $after) { totalCount pageInfo { hasNextPage endCursor } nodes { id status deadline overdue daysOverdue } } }`;
const COUNTS = `query($f: RectificationFilter) { rectificationCounts(filter: $f) { status count overdue } }`;
const BEFORE_AFTER = `query($id: ID!) { rectificationItem(id: $id) { beforeAfter { closed
  before { year present total maxScore rank grade frozen lost { key lost } activityCount agencyActivityCount flags messages }
  after { year present total maxScore rank grade frozen lost { key lost } activityCount agencyActivityCount flags messages } } } }`;
const AUDIT = `query($id: String) { auditTrail(filter: { entity: "RectificationItem", entityId: $id }, first: 50) { nodes { action actor before after } } }`;

const num = (id: string) => Number(id.split(':')[1]);

describe.each(backends())('rectification items on %s', (kind) => {
  let hub: TestHub;
  let inspector: string;
  let reporterH: string;
  let reporterU: string;
  let districtA: string;
  let districtB: string;
  let leader: string;
  let findings: { id: string }[];
  let inspectionId: string;
  const items: Record<'A' | 'B' | 'C' | 'D', any> = {} as any;
  const previousNow = process.env.PUFA_NOW;
  const at = (day: string) => {
    process.env.PUFA_NOW = `${day}T10:00:00+08:00`;
  };

  const ok = async (query: string, variables: Record<string, unknown>, token?: string | null) => {
    const res = token === undefined ? await hub.gql(query, variables) : await hub.gqlAs(token, query, variables);
    expect(res.errors).toBeUndefined();
    return res.data;
  };
  const refusal = async (query: string, variables: Record<string, unknown>, token?: string | null) => {
    const res = token === undefined ? await hub.gql(query, variables) : await hub.gqlAs(token, query, variables);
    expect(res.errors?.length).toBeGreaterThan(0);
    return res.errors![0]!;
  };
  const move = async (token: string | null | undefined, item: any, s: string, n?: string) => (await ok(MOVE, { id: item.id, s, n }, token)).setRectificationStatus;
  const refusedMove = async (token: string | null | undefined, item: any, s: string, n?: string) => {
    const err = await refusal(MOVE, { id: item.id, s, n }, token);
    return [err.extensions?.code, err.extensions?.allowed ?? null, err.message] as [string, string[] | null, string];
  };
  const upload = (token: string, item: any) => fetch(`${hub.url}/evidence/rectification-items/${item.id}?filename=整改报告.pdf`, {
    method: 'POST', headers: { authorization: `Bearer ${token}`, 'x-pufa-csrf': '1', 'content-type': 'application/pdf' }, body: PDF_BYTES,
  });

  beforeAll(async () => {
    at('2024-02-01');
    hub = await startTestHub(kind);
    await loadInspectionsFixture(hub);
    inspector = await hub.login(Role.INSPECTOR);
    reporterH = await hub.login(Role.AGENCY_REPORTER, { agencyId: 3 });
    reporterU = await hub.login(Role.AGENCY_REPORTER, { agencyId: 4 });
    districtA = await hub.login(Role.DISTRICT_ADMIN, { districtId: 2 });
    districtB = await hub.login(Role.DISTRICT_ADMIN, { districtId: 3 });
    leader = await hub.login(Role.LEADER);
    const made = (await ok(`mutation($i: InspectionInput!) { createInspection(input: $i) { id findings { id } } }`, {
      i: { kind: 'CPPCC_MEMBERS', inspectors: '政协委员视察组', agencyIds: ['Agency:3', 'Agency:4'], date: '2024-01-20', method: 'FIELD_VISIT', findings: ['城管进社区活动偏少', '食品安全普法缺位'] },
    }, inspector)).createInspection;
    inspectionId = made.id;
    findings = made.findings;
  });
  afterAll(async () => {
    if (previousNow === undefined) delete process.env.PUFA_NOW;
    else process.env.PUFA_NOW = previousNow;
    await hub?.close();
  });

  it('opens items from a finding, a scorecard rectification-list entry and an overlap gap, keeping what the source said', async () => {
    items.A = (await ok(CREATE, { i: { agencyId: 'Agency:4', requirement: '每季度至少开展一次进社区普法', deadline: '2024-03-31', source: { findingId: findings[0]!.id } } }, districtA)).createRectificationItem;
    expect(items.A).toMatchObject({
      status: 'OPEN', sourceKind: 'FINDING', year: 2024, agency: { id: 'Agency:4' }, finding: { id: findings[0]!.id, text: '城管进社区活动偏少' }, inspection: { id: inspectionId },
      overdue: false, daysOverdue: 0, allowedNextStatuses: [], domain: null,
    });
    expect(items.A.sourceDetail).toMatchObject({ inspectionId, date: '2024-01-20', finding: '城管进社区活动偏少' });

    items.B = (await ok(CREATE, { i: { agencyId: 'Agency:3', requirement: '制定年度普法责任清单并开展活动', deadline: '2024-06-30', source: { scorecard: { year: 2023, rubricVersion: 'T1' } } } }, inspector)).createRectificationItem;
    expect(items.B).toMatchObject({ status: 'OPEN', sourceKind: 'SCORECARD', year: 2023, rubricVersion: 'T1', finding: null, domain: null });
    // H scored 0 of 100 in 2023, last of four, and lost both indicators whole.
    expect(items.B.sourceDetail).toMatchObject({ frozen: false, total: 0, maxScore: 100, rank: 4, grade: 'FAIL' });
    expect(items.B.sourceDetail.lostMost.map((l: any) => [l.key, l.lost])).toEqual([['list', 50], ['acts', 50]]);

    items.C = (await ok(CREATE, { i: { agencyId: 'Agency:3', requirement: '在食品安全领域开展普法活动', deadline: '2024-12-31', source: { overlapGap: { domainId: 'EnforcementDomain:1', year: 2023, kind: 'SINGLE_HOLDER' } } } }, inspector)).createRectificationItem;
    expect(items.C).toMatchObject({ status: 'OPEN', sourceKind: 'OVERLAP_GAP', year: 2023, gapKind: 'SINGLE_HOLDER', domain: { id: 'EnforcementDomain:1' } });
    expect(items.C.sourceDetail).toEqual({
      activityCount: 2,
      flags: [{ message: '2023年，食品安全领域仅市市场监督管理局开展了普法活动（2场），市卫生健康委员会未开展。', act: ['Agency:3'] }],
    });

    items.D = (await ok(CREATE, { i: { agencyId: 'Agency:3', requirement: '补齐食品安全普法', deadline: '2024-05-31', source: { findingId: findings[1]!.id } } })).createRectificationItem;
    expect(items.D.createdBy).toBe('t-admin-0');
    // The agency's reporter may start it; an inspector may not.
    expect((await ok(`query($id: ID!) { rectificationItem(id: $id) { allowedNextStatuses } }`, { id: items.B.id }, reporterH)).rectificationItem.allowedNextStatuses).toEqual(['IN_PROGRESS']);
  });

  it('checks each source and refuses what does not hold, with a path; writes nothing', async () => {
    const before = (await hub.sql('select count(*)::int as n from rectification_item'))[0].n;
    const base = { requirement: '整改', deadline: '2024-06-30' };
    const cases: [Record<string, unknown>, (string | number)[], string][] = [
      [{ ...base, agencyId: 'Agency:1', source: { scorecard: { year: 2023, rubricVersion: 'T1' } } }, ['input', 'source', 'scorecard'], 'the list names Agency:3 (市卫生健康委员会), Agency:4 (甲区城市管理综合执法局)'],
      [{ ...base, agencyId: 'Agency:3', source: { overlapGap: { domainId: 'EnforcementDomain:1', year: 2023, kind: 'NO_LEAD' } } }, ['input', 'source', 'overlapGap', 'kind'], 'its flags: SINGLE_HOLDER'],
      [{ ...base, agencyId: 'Agency:1', source: { overlapGap: { domainId: 'EnforcementDomain:1', year: 2023, kind: 'SINGLE_HOLDER' } } }, ['input', 'agencyId'], 'holds no enforcement power'],
      [{ ...base, agencyId: 'Agency:3', source: { overlapGap: { domainId: 'EnforcementDomain:2', year: 2023, kind: 'SINGLE_HOLDER' } } }, ['input', 'source', 'overlapGap', 'kind'], 'not an overlap'],
      [{ ...base, agencyId: 'Agency:1', source: { findingId: findings[0]!.id } }, ['input', 'agencyId'], 'was not inspected'],
      [{ ...base, agencyId: 'Agency:3', source: { findingId: 'InspectionFinding:999' } }, ['input', 'source', 'findingId'], 'does not exist'],
      [{ ...base, agencyId: 'Agency:3', source: { findingId: findings[1]!.id, scorecard: { year: 2023, rubricVersion: 'T1' } } }, ['input', 'source'], 'exactly one source'],
      [{ ...base, agencyId: 'Agency:3', deadline: '2024-01-31', source: { findingId: findings[1]!.id } }, ['input', 'deadline'], 'before today (2024-02-01)'],
      [{ ...base, agencyId: 'Agency:3', requirement: ' ', source: { findingId: findings[1]!.id } }, ['input', 'requirement'], 'say what must change'],
      [{ ...base, agencyId: 'Agency:99', source: { findingId: findings[1]!.id } }, ['input', 'agencyId', 0], 'does not exist'],
    ];
    for (const [input, path, text] of cases) {
      const err = await refusal(CREATE, { i: input });
      expect([err.extensions?.code, err.extensions?.problems?.[0]?.path], JSON.stringify(input)).toEqual(['BAD_USER_INPUT', path]);
      expect(err.message).toContain(text);
    }
    const twice = await refusal(CREATE, { i: { ...base, agencyId: 'Agency:3', source: { scorecard: { year: 2023, rubricVersion: 'T1' } } } });
    expect([twice.extensions?.code, twice.message]).toEqual(['CONFLICT', `${items.B.id} already rectifies this for Agency:3 and is not verified yet; change that item instead`]);
    const d = { ...base, agencyId: 'Agency:3', source: { findingId: findings[1]!.id } };
    for (const token of [reporterH, leader, districtA]) expect((await refusal(CREATE, { i: d }, token)).extensions?.code).toBe('FORBIDDEN');
    expect((await refusal(CREATE, { i: { ...d, agencyId: 'Agency:4', source: { findingId: findings[0]!.id } } }, districtB)).extensions?.code).toBe('FORBIDDEN');
    expect((await refusal(CREATE, { i: d }, null)).extensions?.code).toBe('UNAUTHENTICATED');
    expect((await hub.sql('select count(*)::int as n from rectification_item'))[0].n).toBe(before);
  });

  it('moves an item through its life: each move by its role only, refusals naming the allowed next statuses', async () => {
    const B = items.B;
    // OPEN
    expect(await refusedMove(inspector, B, 'IN_PROGRESS')).toEqual([
      'FORBIDDEN', [], `${B.id}: Only the agency reporter of the responsible agency moves an item from OPEN to IN_PROGRESS; your account (INSPECTOR) may move it to no other status`,
    ]);
    expect(await refusedMove(reporterH, B, 'SUBMITTED')).toEqual(['BAD_USER_INPUT', ['IN_PROGRESS'], `${B.id}: The item is OPEN; it can move to IN_PROGRESS, not to SUBMITTED`]);
    expect((await refusedMove(reporterU, B, 'IN_PROGRESS')).slice(0, 1)).toEqual(['FORBIDDEN']);
    expect((await refusedMove(leader, B, 'IN_PROGRESS')).slice(0, 2)).toEqual(['FORBIDDEN', []]);
    expect((await refusedMove(null, B, 'IN_PROGRESS'))[0]).toBe('UNAUTHENTICATED');
    expect((await move(reporterH, B, 'IN_PROGRESS')).status).toBe('IN_PROGRESS');

    // IN_PROGRESS: submitting needs evidence on the item.
    const bare = await refusal(MOVE, { id: B.id, s: 'SUBMITTED' }, reporterH);
    expect([bare.extensions?.code, bare.extensions?.problems?.[0]?.path]).toEqual(['BAD_USER_INPUT', ['status']]);
    expect(bare.message).toContain('has no evidence');
    expect((await refusedMove(undefined, B, 'SUBMITTED')).slice(0, 2)).toEqual(['FORBIDDEN', []]);
    expect((await upload(reporterU, B)).status).toBe(403);
    expect((await upload(reporterH, B)).status).toBe(201);
    at('2024-05-20');
    const submitted = await move(reporterH, B, 'SUBMITTED');
    expect([submitted.status, submitted.submittedAt, submitted.submittedBy, submitted.evidence.map((e: any) => e.filename)]).toEqual([
      'SUBMITTED', '2024-05-20T02:00:00.000Z', expect.stringMatching(/^t-agency_reporter-/), ['整改报告.pdf'],
    ]);

    // SUBMITTED: the evidence is fixed for the agency; a checker verifies or reopens with a reason.
    expect((await upload(reporterH, B)).status).toBe(409);
    expect(await refusedMove(reporterH, B, 'VERIFIED')).toEqual([
      'FORBIDDEN', [], `${B.id}: Only an administrator (普法办) or an inspector moves an item from SUBMITTED to VERIFIED; your account (AGENCY_REPORTER) may move it to no other status`,
    ]);
    expect((await refusedMove(inspector, B, 'IN_PROGRESS')).slice(0, 2)).toEqual(['BAD_USER_INPUT', ['VERIFIED', 'REOPENED']]);
    const noReason = await refusal(MOVE, { id: B.id, s: 'REOPENED' }, inspector);
    expect([noReason.extensions?.code, noReason.extensions?.problems?.[0]?.path]).toEqual(['BAD_USER_INPUT', ['note']]);
    const reopened = await move(inspector, B, 'REOPENED', '整改报告缺少活动照片，请补充后再提交');
    expect([reopened.status, reopened.statusNote, reopened.allowedNextStatuses]).toEqual(['REOPENED', '整改报告缺少活动照片，请补充后再提交', []]);

    // REOPENED goes back to IN_PROGRESS, by the agency.
    expect((await refusedMove(inspector, B, 'VERIFIED')).slice(0, 2)).toEqual(['BAD_USER_INPUT', ['IN_PROGRESS']]);
    await move(reporterH, B, 'IN_PROGRESS');
    expect((await upload(reporterH, B)).status).toBe(201);
    await move(reporterH, B, 'SUBMITTED');
    at('2024-06-10');
    const verified = await move(undefined, B, 'VERIFIED', '已核实');
    expect([verified.status, verified.verifiedAt, verified.verifiedBy, verified.allowedNextStatuses]).toEqual(['VERIFIED', '2024-06-10T02:00:00.000Z', 't-admin-0', []]);

    // VERIFIED is closed.
    expect(await refusedMove(inspector, B, 'REOPENED', '再看看')).toEqual(['BAD_USER_INPUT', [], `${B.id}: The item is VERIFIED; it can move to nothing (it is closed), not to REOPENED`]);
    expect((await refusal(UPDATE, { id: B.id, i: { deadline: '2024-12-31' } })).extensions?.code).toBe('CONFLICT');
    expect((await upload(inspector, B)).status).toBe(409);
  });

  it('audits every change of an item: who, what, before and after', async () => {
    const entries = [...(await ok(AUDIT, { id: String(num(items.B.id)) })).auditTrail.nodes].reverse();
    expect(entries.map((e: any) => [e.action, e.before?.status ?? null, e.after.status])).toEqual([
      ['CREATE', null, 'OPEN'],
      ['UPDATE', 'OPEN', 'IN_PROGRESS'],
      ['UPDATE', 'IN_PROGRESS', 'SUBMITTED'],
      ['UPDATE', 'SUBMITTED', 'REOPENED'],
      ['UPDATE', 'REOPENED', 'IN_PROGRESS'],
      ['UPDATE', 'IN_PROGRESS', 'SUBMITTED'],
      ['UPDATE', 'SUBMITTED', 'VERIFIED'],
    ]);
    expect(entries.map((e: any) => e.actor.replace(/-\d+$/, ''))).toEqual(['t-inspector', 't-agency_reporter', 't-agency_reporter', 't-inspector', 't-agency_reporter', 't-agency_reporter', 't-admin']);
    expect(entries[0].after).toMatchObject({ agencyId: 'Agency:3', sourceKind: 'SCORECARD', year: 2023, rubricVersion: 'T1', deadline: '2024-06-30' });
    expect(entries[3].after.statusNote).toBe('整改报告缺少活动照片，请补充后再提交');
    expect(entries[6].after).toMatchObject({ verifiedAt: '2024-06-10T02:00:00.000Z', verifiedBy: 't-admin-0' });

    const changed = (await ok(UPDATE, { id: items.D.id, i: { requirement: '补齐食品安全普法并报送总结', deadline: '2024-05-31' } }, inspector)).updateRectificationItem;
    expect(changed).toEqual({ requirement: '补齐食品安全普法并报送总结', deadline: '2024-05-31' });
    const [update] = (await ok(AUDIT, { id: String(num(items.D.id)) })).auditTrail.nodes;
    expect([update.action, update.before.requirement, update.after.requirement]).toEqual(['UPDATE', '补齐食品安全普法', '补齐食品安全普法并报送总结']);
  });

  it('flags overdue items on the hub’s clock and lists them first, then by deadline', async () => {
    await move(reporterH, items.D, 'IN_PROGRESS');
    await move(reporterH, items.C, 'IN_PROGRESS');
    at('2024-07-15');
    const list = async (f?: Record<string, unknown>, token?: string) => (await ok(LIST, { f }, token)).rectificationItems;
    const all = await list();
    // A (OPEN, due 03-31) and D (IN_PROGRESS, due 05-31) are late; B is verified; C is due 12-31.
    expect(all.nodes.map((n: any) => [n.id, n.status, n.overdue, n.daysOverdue])).toEqual([
      [items.A.id, 'OPEN', true, 106],
      [items.D.id, 'IN_PROGRESS', true, 45],
      [items.B.id, 'VERIFIED', false, 0],
      [items.C.id, 'IN_PROGRESS', false, 0],
    ]);
    expect(all.totalCount).toBe(4);
    expect((await list({ overdue: true })).nodes.map((n: any) => n.id)).toEqual([items.A.id, items.D.id]);
    expect((await list({ overdue: false })).nodes.map((n: any) => n.id)).toEqual([items.B.id, items.C.id]);
    expect((await list({ statuses: ['IN_PROGRESS'] })).nodes.map((n: any) => n.id)).toEqual([items.D.id, items.C.id]);
    expect((await list({ sourceKinds: ['SCORECARD', 'OVERLAP_GAP'] })).nodes.map((n: any) => n.id)).toEqual([items.B.id, items.C.id]);
    expect((await list({ domainIds: ['EnforcementDomain:1'] })).nodes.map((n: any) => n.id)).toEqual([items.C.id]);
    expect((await list({ agencyIds: ['Agency:4'] })).nodes.map((n: any) => n.id)).toEqual([items.A.id]);
    expect((await list({ years: [2023], rubricVersion: 'T1' })).nodes.map((n: any) => n.id)).toEqual([items.B.id]);
    expect((await list({ inspectionIds: [inspectionId] })).nodes.map((n: any) => n.id)).toEqual([items.A.id, items.D.id]);
    expect((await list({ statuses: ['VERIFIED'], agencyIds: ['Agency:3'] })).nodes.map((n: any) => n.id)).toEqual([items.B.id]);

    // Pages keep the order and neither skip nor repeat.
    const page1 = (await ok(LIST, { first: 3 })).rectificationItems;
    const page2 = (await ok(LIST, { first: 3, after: page1.pageInfo.endCursor })).rectificationItems;
    expect([...page1.nodes, ...page2.nodes].map((n: any) => n.id)).toEqual(all.nodes.map((n: any) => n.id));
    expect([page1.pageInfo.hasNextPage, page2.pageInfo.hasNextPage]).toEqual([true, false]);
    expect((await refusal(LIST, { after: 'nonsense' })).extensions?.problems?.[0]?.path).toEqual(['after']);

    expect((await ok(COUNTS, {})).rectificationCounts).toEqual([
      { status: 'OPEN', count: 1, overdue: 1 }, { status: 'IN_PROGRESS', count: 2, overdue: 1 }, { status: 'SUBMITTED', count: 0, overdue: 0 },
      { status: 'VERIFIED', count: 1, overdue: 0 }, { status: 'REOPENED', count: 0, overdue: 0 },
    ]);
    // An agency reporter sees its agency's items only; the public none.
    expect((await list(undefined, reporterH)).nodes.map((n: any) => n.id)).toEqual([items.D.id, items.B.id, items.C.id]);
    expect((await refusal(`query($id: ID!) { rectificationItem(id: $id) { id } }`, { id: items.A.id }, reporterH)).extensions?.code).toBe('FORBIDDEN');
    expect((await refusal(LIST, {}, null)).extensions?.code).toBe('UNAUTHENTICATED');
    expect((await ok(LIST, {}, leader)).rectificationItems.totalCount).toBe(4);

    // A new deadline makes a late item current again.
    await ok(UPDATE, { id: items.A.id, i: { deadline: '2024-08-31' } }, districtA);
    expect((await list({ overdue: true })).nodes.map((n: any) => n.id)).toEqual([items.D.id]);
  });

  it('reads a page of items with their agency, evidence and source in a fixed number of statements', async () => {
    const q = `{ rectificationItems(first: 50) { nodes { id agency { name } evidence { sha256 } finding { text } inspection { id } domain { name } overdue } } }`;
    const { count } = await countStatements(() => hub.gql(q));
    expect(count).toBeLessThanOrEqual(10);
  });

  it('shows before and after for verified items from a scorecard entry or an overlap gap', async () => {
    // The overlap item is verified too.
    expect((await upload(reporterH, items.C)).status).toBe(201);
    await move(reporterH, items.C, 'SUBMITTED');
    await move(inspector, items.C, 'VERIFIED');
    const ba = async (item: any) => (await ok(BEFORE_AFTER, { id: item.id })).rectificationItem.beforeAfter;

    // 2024 is not over on the clock (2024-07-15): the figures show, the verdict waits.
    const score = await ba(items.B);
    expect(score.closed).toBeNull();
    expect(score.before).toEqual({
      year: 2023, present: true, total: 0, maxScore: 100, rank: 4, grade: 'FAIL', frozen: false, lost: [{ key: 'list', lost: 50 }, { key: 'acts', lost: 50 }],
      activityCount: null, agencyActivityCount: null, flags: null, messages: null,
    });
    expect(score.after).toEqual({
      year: 2024, present: false, total: 75, maxScore: 100, rank: 1, grade: 'PASS', frozen: false, lost: [{ key: 'acts', lost: 25 }],
      activityCount: null, agencyActivityCount: null, flags: null, messages: null,
    });
    const gap = await ba(items.C);
    expect(gap.before).toEqual({
      year: 2023, present: true, total: null, maxScore: null, rank: null, grade: null, frozen: null, lost: null,
      activityCount: 2, agencyActivityCount: 0, flags: ['SINGLE_HOLDER'], messages: ['2023年，食品安全领域仅市市场监督管理局开展了普法活动（2场），市卫生健康委员会未开展。'],
    });
    expect(gap.after).toMatchObject({ year: 2024, present: false, activityCount: 3, agencyActivityCount: 2, flags: [], messages: [] });

    at('2025-03-01');
    expect((await ba(items.B)).closed).toBe(true);
    expect((await ba(items.C)).closed).toBe(true);
    // Not verified, or from a finding: nothing to compare.
    expect(await ba(items.D)).toBeNull();
    // The verified items beside the overlap view and the scorecard, per domain and per agency.
    const verified = (await ok(LIST, { f: { statuses: ['VERIFIED'], domainIds: ['EnforcementDomain:1'] } })).rectificationItems.nodes.map((n: any) => n.id);
    expect(verified).toEqual([items.C.id]);
  });

  it('keeps the findings and inspections that started items', async () => {
    const del = await refusal(`mutation($id: ID!) { deleteInspection(id: $id) }`, { id: inspectionId }, inspector);
    expect([del.extensions?.code, del.message]).toEqual(['CONFLICT', `${inspectionId} has rectification items started from its findings (${items.A.id} (${findings[0]!.id}), ${items.D.id} (${findings[1]!.id})); an inspection that started a rectification cannot be deleted`]);
    const drop = await refusal(`mutation($id: ID!, $i: InspectionUpdate!) { updateInspection(id: $id, input: $i) { id } }`, { id: inspectionId, i: { findings: [{ id: findings[0]!.id, text: '城管进社区活动偏少' }] } }, inspector);
    expect(drop.extensions?.code).toBe('CONFLICT');
    // An admin deletes an item made by mistake; others may not.
    expect((await refusal(`mutation($id: ID!) { deleteRectificationItem(id: $id) }`, { id: items.A.id }, inspector)).extensions?.code).toBe('FORBIDDEN');
    expect((await ok(`mutation($id: ID!) { deleteRectificationItem(id: $id) }`, { id: items.A.id })).deleteRectificationItem).toBe(items.A.id);
    const [gone] = (await ok(AUDIT, { id: String(num(items.A.id)) })).auditTrail.nodes;
    expect([gone.action, gone.before.requirement]).toEqual(['DELETE', '每季度至少开展一次进社区普法']);
  });
});
