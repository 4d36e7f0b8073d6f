import { createHash } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { backends, countStatements, startTestHub, type TestHub } from '../../test/hub.js';
import { Role } from '../auth/role.js';
import { MAX_EVIDENCE_BYTES } from './evidence.detect.js';
import { JPEG_BYTES, loadInspectionsFixture, PDF_BYTES, PNG_BYTES } from './inspections.fixture.js';

const FIELDS = `id kind inspectors date method summary createdBy createdAt updatedAt
  agencies { id name } findings { id position text }
  evidence { id filename contentType size sha256 url uploadedBy }`;
const CREATE = `mutation($i: InspectionInput!) { createInspection(input: $i) { ${FIELDS} snapshots { id kind query answer takenAt } } }`;
const UPDATE = `mutation($id: ID!, $i: InspectionUpdate!) { updateInspection(id: $id, input: $i) { ${FIELDS} snapshots { id kind query } } }`;
const DELETE = `mutation($id: ID!) { deleteInspection(id: $id) }`;
const LIST = `query($f: InspectionFilter, $first: Int, $after: String) {
  inspections(filter: $f, first: $first, after: $after) { totalCount pageInfo { hasNextPage endCursor } nodes { id date agencies { id } } } }`;
const ONE = `query($id: ID!) { inspection(id: $id) { id findings { text } snapshots { kind } evidence { filename } } }`;
const AUDIT = `query($e: String, $id: String) { auditTrail(filter: { entity: $e, entityId: $id }, first: 50) { nodes { action entity entityId actor before after } } }`;

const sha = (b: Buffer) => createHash('sha256').update(b).digest('hex');
const num = (id: string) => Number(id.split(':')[1]);

const BASE = {
  kind: 'NPC_DEPUTIES', inspectors: '王某某代表、李某某代表', agencyIds: ['Agency:3', 'Agency:4'], date: '2024-01-15', method: 'FIELD_VISIT',
  summary: '人大代表视察卫健委和甲区城管局普法工作',
  findings: ['食品安全领域未开展普法活动', '普法责任清单未制定'],
};

describe.each(backends())('inspections on %s', (kind) => {
  let hub: TestHub;
  let inspector: string;
  let otherInspector: string;
  let reporterH: string;
  let reporterJ: string;
  const previousNow = process.env.PUFA_NOW;

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
  const count = async (table: string) => (await hub.sql(`select count(*)::int as n from ${table}`))[0].n as number;
  const upload = (token: string | null, path: string, body: BodyInit, headers: Record<string, string> = {}, query = '') =>
    fetch(`${hub.url}/evidence/${path}${query}`, {
      method: 'POST',
      headers: { 'content-type': 'application/octet-stream', 'x-pufa-csrf': '1', ...(token ? { authorization: `Bearer ${token}` } : {}), ...headers },
      body,
      // A stream body (no Content-Length) needs half-duplex.
      ...(body instanceof ReadableStream ? { duplex: 'half' } : {}),
    } as RequestInit);
  const download = (token: string | null, id: string) => fetch(`${hub.url}/evidence/${id}`, { headers: token ? { authorization: `Bearer ${token}` } : {} });

  beforeAll(async () => {
    process.env.PUFA_NOW = '2024-02-01T10:00:00+08:00';
    hub = await startTestHub(kind);
    await loadInspectionsFixture(hub);
    inspector = await hub.login(Role.INSPECTOR);
    otherInspector = await hub.login(Role.INSPECTOR);
    reporterH = await hub.login(Role.AGENCY_REPORTER, { agencyId: 3 });
    reporterJ = await hub.login(Role.AGENCY_REPORTER, { agencyId: 1 });
  });
  afterAll(async () => {
    if (previousNow === undefined) delete process.env.PUFA_NOW;
    else process.env.PUFA_NOW = previousNow;
    await hub?.close();
  });

  let first: any;

  it('records an inspection with its agencies, findings and the metrics snapshots computed by the services', async () => {
    const input = {
      ...BASE,
      snapshots: [
        { scorecard: { year: 2023, rubricVersion: 'T1' } },
        { coverage: { years: [2023], agencyIds: ['Agency:1', 'Agency:2'] } },
        { overlapGaps: { years: [2023], domainIds: ['EnforcementDomain:1'] } },
      ],
    };
    first = (await ok(CREATE, { i: input }, inspector)).createInspection;
    expect([first.kind, first.inspectors, first.date, first.method, first.summary, first.createdAt, first.updatedAt]).toEqual([
      'NPC_DEPUTIES', '王某某代表、李某某代表', '2024-01-15', 'FIELD_VISIT', '人大代表视察卫健委和甲区城管局普法工作', '2024-02-01T02:00:00.000Z', '2024-02-01T02:00:00.000Z',
    ]);
    expect(first.createdBy).toMatch(/^t-inspector-/);
    expect(first.agencies.map((a: any) => a.id)).toEqual(['Agency:3', 'Agency:4']);
    expect(first.findings.map((f: any) => [f.position, f.text])).toEqual([[1, '食品安全领域未开展普法活动'], [2, '普法责任清单未制定']]);

    const [card, coverage, overlap] = first.snapshots;
    expect(first.snapshots.map((s: any) => [s.kind, s.takenAt])).toEqual([
      ['SCORECARD', '2024-02-01T02:00:00.000Z'], ['COVERAGE', '2024-02-01T02:00:00.000Z'], ['OVERLAP_GAPS', '2024-02-01T02:00:00.000Z'],
    ]);
    // The query is stored as given; the answer is the service's (hand-computed in the fixture).
    expect(card.query).toEqual({ year: 2023, rubricVersion: 'T1' });
    expect(card.answer.rows.map((r: any) => [r.agencyId, r.total, r.rank, r.grade])).toEqual([
      ['Agency:1', 100, 1, 'EXCELLENT'], ['Agency:2', 50, 2, 'PASS'], ['Agency:4', 12.5, 3, 'FAIL'], ['Agency:3', 0, 4, 'FAIL'],
    ]);
    expect(card.answer.rectify.map((r: any) => r.agencyId)).toEqual(['Agency:3', 'Agency:4']);
    expect(card.answer.frozen).toBe(false);
    expect(coverage.query).toEqual({ filter: { years: [2023], agencyIds: ['Agency:1', 'Agency:2'] } });
    // M: 2 of 4 planned (0.5), J: 4 of 4 — worst first.
    expect(coverage.answer.agencies.map((a: any) => [a.agencyId, a.planned, a.deliveredCapped, a.completionCapped])).toEqual([['Agency:2', 4, 2, 0.5], ['Agency:1', 4, 4, 1]]);
    expect(coverage.answer.totals).toMatchObject({ planned: 8, deliveredCapped: 6, completionCapped: 0.75 });
    expect(overlap.query).toEqual({ filter: { years: [2023], domainIds: ['EnforcementDomain:1'] } });
    expect(overlap.answer).toHaveLength(1);
    expect(overlap.answer[0].domain).toEqual({ id: 'EnforcementDomain:1', name: '食品安全' });
    expect(overlap.answer[0].holders.map((h: any) => [h.agency.id, h.isLead, h.activityCount])).toEqual([['Agency:2', true, 2], ['Agency:3', false, 0]]);
    expect(overlap.answer[0].flags.map((f: any) => [f.kind, f.act.map((a: any) => a.id), f.message])).toEqual([
      ['SINGLE_HOLDER', ['Agency:3'], '2023年，食品安全领域仅市市场监督管理局开展了普法活动（2场），市卫生健康委员会未开展。'],
    ]);
  });

  it('keeps the snapshot as it was when data change later, while the live scorecard moves', async () => {
    // A fifth activity of U in 2023 lifts its live activity points from 12.5 to 25.
    await hub.sql(`insert into activity (id, title, date, region_id, organiser_id, form, audiences) values (90, '补充活动', '2023-08-01', 4, 4, 'LECTURE', array['GENERAL_PUBLIC'])`);
    try {
      const live = (await ok('query { scorecard(year: 2023, rubricVersion: "T1") { rows { agencyId total } } }', {})).scorecard;
      expect(live.rows.find((r: any) => r.agencyId === 'Agency:4').total).toBe(25);
      const stored = (await ok(`query($id: ID!) { inspection(id: $id) { snapshots { answer } } }`, { id: first.id })).inspection.snapshots[0].answer;
      expect(stored.rows.find((r: any) => r.agencyId === 'Agency:4').total).toBe(12.5);
    } finally {
      await hub.sql('delete from activity where id = 90');
    }
  });

  it('audits the creation: who, when, and the record with its findings and snapshot queries', async () => {
    const entries = (await ok(AUDIT, { e: 'Inspection', id: String(num(first.id)) })).auditTrail.nodes;
    expect(entries).toHaveLength(1);
    expect(entries[0]).toMatchObject({ action: 'CREATE', entity: 'Inspection', before: null });
    expect(entries[0].actor).toBe(first.createdBy);
    expect(entries[0].after).toEqual({
      kind: 'NPC_DEPUTIES', inspectors: '王某某代表、李某某代表', date: '2024-01-15', method: 'FIELD_VISIT', summary: BASE.summary,
      agencyIds: ['Agency:3', 'Agency:4'],
      findings: first.findings.map((f: any) => ({ id: f.id, text: f.text })),
      snapshots: first.snapshots.map((s: any) => ({ id: s.id, kind: s.kind, query: s.query })),
    });
  });

  it('refuses bad input with a path and writes nothing', async () => {
    const before = await count('inspection');
    const cases: [Record<string, unknown>, (string | number)[]][] = [
      [{ ...BASE, inspectors: '  ' }, ['input', 'inspectors']],
      [{ ...BASE, agencyIds: ['Agency:3', 'Agency:99'] }, ['input', 'agencyIds', 1]],
      [{ ...BASE, agencyIds: ['Agency:3', 'Agency:3'] }, ['input', 'agencyIds', 1]],
      [{ ...BASE, agencyIds: ['Region:3'] }, ['input', 'agencyIds', 0]],
      [{ ...BASE, findings: ['好', ''] }, ['input', 'findings', 1]],
      [{ ...BASE, date: '1999-12-31' }, ['input', 'date']],
      [{ ...BASE, snapshots: [{ scorecard: { year: 2023, rubricVersion: 'T1' }, coverage: { years: [2023] } }] }, ['input', 'snapshots', 0]],
      [{ ...BASE, snapshots: [{}] }, ['input', 'snapshots', 0]],
      [{ ...BASE, snapshots: [{ overlapGaps: { from: '2023-01-01' } }] }, ['input', 'snapshots', 0, 'overlapGaps', 'to']],
      [{ ...BASE, snapshots: [{ scorecard: { year: 2023, rubricVersion: 'nope' } }] }, ['input', 'snapshots', 0, 'scorecard', 'rubricVersion']],
    ];
    for (const [input, path] of cases) {
      const err = await refusal(CREATE, { i: input }, inspector);
      expect(err.extensions?.code, JSON.stringify(input)).toBe('BAD_USER_INPUT');
      expect(err.extensions?.problems?.[0]?.path, JSON.stringify(input)).toEqual(path);
    }
    expect((await refusal(CREATE, { i: { ...BASE, agencyIds: [] } }, inspector)).extensions?.code).toBe('BAD_USER_INPUT');
    expect(await count('inspection')).toBe(before);
  });

  it('lets admins, inspectors and district admins (for their district’s agencies) record inspections, and no one else', async () => {
    const input = { ...BASE, agencyIds: ['Agency:4'], findings: [] };
    const districtA = await hub.login(Role.DISTRICT_ADMIN, { districtId: 2 });
    const districtB = await hub.login(Role.DISTRICT_ADMIN, { districtId: 3 });
    const leader = await hub.login(Role.LEADER);
    expect((await ok(CREATE, { i: input }, districtA)).createInspection.agencies).toEqual([{ id: 'Agency:4', name: '甲区城市管理综合执法局' }]);
    const other = await refusal(CREATE, { i: input }, districtB);
    expect([other.extensions?.code, other.message]).toEqual(['FORBIDDEN', 'Your account administers Region:3; Agency:4 is not in that district']);
    // J is a city agency: no district admin's.
    expect((await refusal(CREATE, { i: { ...input, agencyIds: ['Agency:4', 'Agency:1'] } }, districtA)).extensions?.code).toBe('FORBIDDEN');
    for (const token of [leader, reporterH]) expect((await refusal(CREATE, { i: input }, token)).extensions?.code).toBe('FORBIDDEN');
    expect((await refusal(CREATE, { i: input }, null)).extensions?.code).toBe('UNAUTHENTICATED');
    // A snapshot is taken with its author's access: a district admin sees its own district's overlaps only.
    const err = await refusal(CREATE, { i: { ...input, snapshots: [{ overlapGaps: { years: [2023], regionIds: ['Region:3'] } }] } }, districtA);
    expect(err.extensions?.code).toBe('FORBIDDEN');
  });

  it('lists inspections by agency, period, kind and method, in pages, as far as the account may read', async () => {
    await ok(CREATE, { i: { ...BASE, kind: 'CPPCC_MEMBERS', inspectors: '赵某某委员', agencyIds: ['Agency:1'], date: '2023-11-20', method: 'SYMPOSIUM', findings: [] } }, inspector);
    await ok(CREATE, { i: { ...BASE, kind: 'LEGAL_EDUCATION_OFFICE', inspectors: '市普法办', agencyIds: ['Agency:2', 'Agency:3'], date: '2024-01-20', method: 'SPOT_CHECK', findings: [] } });
    const list = async (f: Record<string, unknown> | undefined, token?: string) => (await ok(LIST, { f }, token)).inspections;
    const all = await list(undefined);
    // Newest first: 01-20, then the two of 01-15 by id, then 2023-11-20.
    expect(all.nodes.map((n: any) => n.date)).toEqual(['2024-01-20', '2024-01-15', '2024-01-15', '2023-11-20']);
    expect(all.totalCount).toBe(4);
    expect((await list({ agencyIds: ['Agency:3'] })).nodes.map((n: any) => n.date)).toEqual(['2024-01-20', '2024-01-15']);
    expect((await list({ years: [2023] })).nodes.map((n: any) => n.date)).toEqual(['2023-11-20']);
    expect((await list({ from: '2024-01-16', to: '2024-12-31' })).totalCount).toBe(1);
    expect((await list({ kinds: ['CPPCC_MEMBERS', 'LEGAL_EDUCATION_OFFICE'] })).totalCount).toBe(2);
    expect((await list({ methods: ['SPOT_CHECK'] })).nodes.map((n: any) => n.agencies.map((a: any) => a.id))).toEqual([['Agency:2', 'Agency:3']]);
    const unknown = await refusal(LIST, { f: { agencyIds: ['Agency:77'] } });
    expect([unknown.extensions?.code, unknown.extensions?.problems?.[0]?.path]).toEqual(['BAD_USER_INPUT', ['filter', 'agencyIds', 0]]);

    const page1 = (await ok(LIST, { first: 3 })).inspections;
    const page2 = (await ok(LIST, { first: 3, after: page1.pageInfo.endCursor })).inspections;
    expect([page1.nodes.length, page1.pageInfo.hasNextPage, page2.nodes.length, page2.pageInfo.hasNextPage]).toEqual([3, true, 1, false]);
    expect(new Set([...page1.nodes, ...page2.nodes].map((n: any) => n.id)).size).toBe(4);

    // An agency reporter sees the inspections of its agency, findings included, but not the snapshots.
    expect((await list(undefined, reporterH)).nodes.map((n: any) => n.date)).toEqual(['2024-01-20', '2024-01-15']);
    // Its own scope and a filter on another agency: the inspections that visited both.
    expect((await list({ agencyIds: ['Agency:4'] }, reporterH)).nodes.map((n: any) => n.id)).toEqual([first.id]);
    const own = await hub.gqlAs(reporterH, ONE, { id: first.id });
    expect(own.data.inspection.findings).toHaveLength(2);
    expect(own.data.inspection.snapshots).toBeNull();
    expect(own.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    expect((await ok(ONE, { id: first.id }, reporterJ)).inspection).toBeNull();
    const surveyor = await hub.login(Role.SURVEY_OPERATOR);
    expect((await refusal(LIST, {}, surveyor)).extensions?.code).toBe('FORBIDDEN');
    expect((await refusal(LIST, {}, null)).extensions?.code).toBe('UNAUTHENTICATED');
  });

  it('reads a page of inspections with agencies, findings and evidence in a fixed number of statements', async () => {
    const q = `{ inspections(first: 50) { nodes { id agencies { id } findings { text } evidence { sha256 } } } }`;
    const { count: n } = await countStatements(() => hub.gql(q));
    // The insert of more inspections does not add statements: relations load in one query each.
    await ok(CREATE, { i: { ...BASE, agencyIds: ['Agency:1', 'Agency:2'], date: '2023-05-05' } });
    const { count: m } = await countStatements(() => hub.gql(q));
    expect(m).toBe(n);
    expect(n).toBeLessThanOrEqual(8);
  });

  it('changes an inspection: findings kept, edited, added and removed; audited with before and after', async () => {
    const [keep, drop] = first.findings;
    const changed = (await ok(UPDATE, {
      id: first.id,
      i: { method: 'DOCUMENTS_REVIEWED', findings: [{ text: '新发现：未设普法专栏' }, { id: keep.id, text: '食品安全领域全年未开展普法活动' }], removeSnapshotIds: [first.snapshots[1].id] },
    }, inspector)).updateInspection;
    expect(changed.method).toBe('DOCUMENTS_REVIEWED');
    expect(changed.findings.map((f: any) => [f.id === keep.id, f.position, f.text])).toEqual([[false, 1, '新发现：未设普法专栏'], [true, 2, '食品安全领域全年未开展普法活动']]);
    expect(changed.snapshots.map((s: any) => s.kind)).toEqual(['SCORECARD', 'OVERLAP_GAPS']);
    expect(await hub.sql(`select id from inspection_finding where id = ${num(drop.id)}`)).toEqual([]);
    const [update] = (await ok(AUDIT, { e: 'Inspection', id: String(num(first.id)) })).auditTrail.nodes;
    expect(update.action).toBe('UPDATE');
    expect([update.before.method, update.after.method]).toEqual(['FIELD_VISIT', 'DOCUMENTS_REVIEWED']);
    expect(update.before.findings.map((f: any) => f.text)).toEqual(['食品安全领域未开展普法活动', '普法责任清单未制定']);
    expect(update.after.findings.map((f: any) => f.text)).toEqual(['新发现：未设普法专栏', '食品安全领域全年未开展普法活动']);
    expect(update.after.snapshots.map((s: any) => s.kind)).toEqual(['SCORECARD', 'OVERLAP_GAPS']);
    first = { ...first, findings: changed.findings };

    // Another inspector may not change it; an admin may.
    expect((await refusal(UPDATE, { id: first.id, i: { summary: '改' } }, otherInspector)).extensions?.code).toBe('FORBIDDEN');
    expect((await ok(UPDATE, { id: first.id, i: { summary: '' } })).updateInspection.summary).toBeNull();
    const foreign = await refusal(UPDATE, { id: first.id, i: { findings: [{ id: 'InspectionFinding:999', text: 'x' }] } });
    expect([foreign.extensions?.code, foreign.extensions?.problems?.[0]?.path]).toEqual(['BAD_USER_INPUT', ['input', 'findings', 0, 'id']]);
  });

  it('keeps evidence files: PDF, PNG and JPEG told by their bytes, with their SHA-256, downloadable by readers', async () => {
    const res = await upload(inspector, `inspections/${first.id}`, PDF_BYTES, {}, '?filename=视察记录');
    expect(res.status).toBe(201);
    const { file } = (await res.json()) as any;
    expect(file).toMatchObject({ filename: '视察记录.pdf', contentType: 'application/pdf', size: PDF_BYTES.length, sha256: sha(PDF_BYTES), url: `/evidence/${num(file.id)}` });
    // The claimed type does not matter: the bytes do.
    const png = await upload(inspector, `inspections/${first.id}`, PNG_BYTES, { 'content-type': 'application/pdf' }, '?filename=photo');
    expect([png.status, ((await png.json()) as any).file.contentType]).toEqual([201, 'image/png']);
    const jpeg = await upload(inspector, `inspections/${first.id}`, JPEG_BYTES, {}, '?filename=现场.jpeg');
    expect([jpeg.status, ((await jpeg.json()) as any).file.filename]).toEqual([201, '现场.jpeg']);

    const got = await download(reporterH, file.id);
    expect([got.status, got.headers.get('content-type'), got.headers.get('x-content-type-options')]).toEqual([200, 'application/pdf', 'nosniff']);
    expect(Buffer.from(await got.arrayBuffer()).equals(PDF_BYTES)).toBe(true);
    expect((await download(reporterJ, file.id)).status).toBe(404);
    expect((await download(null, file.id)).status).toBe(401);
    expect((await download(inspector, 'EvidenceFile:9999')).status).toBe(404);
    const listed = (await ok(ONE, { id: first.id })).inspection.evidence.map((e: any) => e.filename);
    expect(listed).toEqual(['视察记录.pdf', 'photo.png', '现场.jpeg']);
    const [created] = (await ok(AUDIT, { e: 'EvidenceFile', id: String(num(file.id)) })).auditTrail.nodes;
    expect(created).toMatchObject({ action: 'CREATE', after: { owner: first.id, filename: '视察记录.pdf', contentType: 'application/pdf', size: PDF_BYTES.length, sha256: sha(PDF_BYTES) } });
  });

  it('refuses bad, oversized and unauthorised uploads with a clear error and stores nothing', async () => {
    const before = await count('evidence_file');
    const expectRefusal = async (res: Response, status: number, code: string) => {
      const body = (await res.json()) as any;
      expect([res.status, body.error.code], JSON.stringify(body)).toEqual([status, code]);
      expect(body.error.message.length).toBeGreaterThan(10);
      expect(body.error.messageZh.length).toBeGreaterThan(5);
      return body.error;
    };
    // A script named .png, a GIF, a zip that claims to be a PDF.
    await expectRefusal(await upload(inspector, `inspections/${first.id}`, Buffer.from('<script>alert(1)</script>'), { 'content-type': 'image/png' }, '?filename=x.png'), 415, 'UNSUPPORTED_MEDIA_TYPE');
    await expectRefusal(await upload(inspector, `inspections/${first.id}`, Buffer.from('GIF89a\x01\x00\x01\x00')), 415, 'UNSUPPORTED_MEDIA_TYPE');
    await expectRefusal(await upload(inspector, `inspections/${first.id}`, Buffer.from('PK\x03\x04%PDF-1.4'), { 'content-type': 'application/pdf' }), 415, 'UNSUPPORTED_MEDIA_TYPE');
    await expectRefusal(await upload(inspector, `inspections/${first.id}`, Buffer.alloc(0)), 400, 'BAD_USER_INPUT');
    // One byte over 10 MB, announced by Content-Length, and the same streamed without it.
    const big = Buffer.concat([PDF_BYTES, Buffer.alloc(MAX_EVIDENCE_BYTES + 1 - PDF_BYTES.length)]);
    const tooBig = await expectRefusal(await upload(inspector, `inspections/${first.id}`, big), 413, 'PAYLOAD_TOO_LARGE');
    expect(tooBig.message).toContain('10 MB');
    const stream = new ReadableStream({
      start(c) {
        for (let i = 0; i < 11; i++) c.enqueue(new Uint8Array(1024 * 1024).fill(i === 0 ? 0x25 : 0));
        c.close();
      },
    });
    await expectRefusal(await upload(inspector, `inspections/${first.id}`, stream), 413, 'PAYLOAD_TOO_LARGE');
    // Exactly 10 MB passes.
    const max = Buffer.concat([PDF_BYTES, Buffer.alloc(MAX_EVIDENCE_BYTES - PDF_BYTES.length)]);
    const fits = await upload(inspector, `inspections/${first.id}`, max);
    expect(fits.status).toBe(201);
    expect(((await fits.json()) as any).file.sha256).toBe(sha(max));
    await hub.sql(`delete from evidence_file where size = ${MAX_EVIDENCE_BYTES}`);

    await expectRefusal(await upload(inspector, `inspections/${first.id}`, PDF_BYTES, { 'x-pufa-csrf': '' }), 403, 'FORBIDDEN');
    await expectRefusal(await upload(null, `inspections/${first.id}`, PDF_BYTES), 401, 'UNAUTHENTICATED');
    await expectRefusal(await upload(reporterH, `inspections/${first.id}`, PDF_BYTES), 403, 'FORBIDDEN');
    await expectRefusal(await upload(otherInspector, `inspections/${first.id}`, PDF_BYTES), 403, 'FORBIDDEN');
    await expectRefusal(await upload(inspector, 'inspections/Inspection:9999', PDF_BYTES), 404, 'NOT_FOUND');
    await expectRefusal(await upload(inspector, 'inspections/Agency:1', PDF_BYTES), 400, 'BAD_USER_INPUT');
    await expectRefusal(await upload(inspector, `minutes/${first.id}`, PDF_BYTES), 404, 'NOT_FOUND');
    expect(await count('evidence_file')).toBe(before);
  });

  it('deletes an inspection with its findings, snapshots and evidence, keeping a before-image in the audit trail', async () => {
    const made = (await ok(CREATE, { i: { ...BASE, agencyIds: ['Agency:2'], snapshots: [{ scorecard: { year: 2023, rubricVersion: 'T1' } }] } }, inspector)).createInspection;
    expect((await upload(inspector, `inspections/${made.id}`, PNG_BYTES)).status).toBe(201);
    expect((await refusal(DELETE, { id: made.id }, otherInspector)).extensions?.code).toBe('FORBIDDEN');
    expect((await ok(DELETE, { id: made.id }, inspector)).deleteInspection).toBe(made.id);
    const id = num(made.id);
    const left = await hub.sql(`select (select count(*) from inspection_finding where inspection_id = ${id})::int as f, (select count(*) from inspection_snapshot where inspection_id = ${id})::int as s,
      (select count(*) from evidence_file where inspection_id = ${id})::int as e, (select count(*) from inspection_agencies where inspection_id = ${id})::int as a`);
    expect(left).toEqual([{ f: 0, s: 0, e: 0, a: 0 }]);
    const [gone] = (await ok(AUDIT, { e: 'Inspection', id: String(id) })).auditTrail.nodes;
    expect(gone.action).toBe('DELETE');
    expect(gone.before.findings.map((f: any) => f.text)).toEqual(BASE.findings);
    expect(gone.before.evidence.map((e: any) => [e.filename, e.sha256])).toEqual([['evidence.png', sha(PNG_BYTES)]]);
    expect((await ok(ONE, { id: made.id })).inspection).toBeNull();
    expect((await refusal(DELETE, { id: made.id })).extensions?.code).toBe('NOT_FOUND');
  });
});
