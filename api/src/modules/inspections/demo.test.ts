import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestHub, type TestHub } from '../../test/hub.js';
import { createDemoAccounts } from '../auth/demo-accounts.js';
import { detectEvidenceType } from './evidence.detect.js';
import { demoPdf, loadDemoInspections, type DemoInspectionsResult } from './demo.js';

/**
 * The demo inspections on the demo city (embedded database; the services are the same SQL on
 * PostgreSQL), with the hub's clock at 2026-06-15: the loader tells a story over 2023–2026 and
 * leaves the clock as it found it.
 */
describe('demo inspections and rectification items (pglite)', () => {
  let hub: TestHub;
  let loaded: DemoInspectionsResult;
  const previousNow = process.env.PUFA_NOW;
  const NOW = '2026-06-15T10:00:00+08:00';

  beforeAll(async () => {
    process.env.PUFA_NOW = NOW;
    hub = await startTestHub('pglite', { demo: true });
    await createDemoAccounts(hub.db.orm.em.fork());
    loaded = await loadDemoInspections(hub.db.orm.em.fork(), '2026-06-15');
  }, 180_000);
  afterAll(async () => {
    if (previousNow === undefined) delete process.env.PUFA_NOW;
    else process.env.PUFA_NOW = previousNow;
    await hub?.close();
  });

  it('puts the clock back', () => {
    expect(process.env.PUFA_NOW).toBe(NOW);
  });

  it('records inspections of every kind of inspector over the years, with different methods', async () => {
    const { data, errors } = await hub.gql(`{ inspections(first: 50) { totalCount nodes { date kind method findings { text } } } }`);
    expect(errors).toBeUndefined();
    const nodes = data.inspections.nodes as { date: string; kind: string; method: string; findings: { text: string }[] }[];
    expect(data.inspections.totalCount).toBe(loaded.inspections);
    expect(loaded.inspections).toBe(5);
    expect(new Set(nodes.map((n) => n.date.slice(0, 4)))).toEqual(new Set(['2023', '2024', '2025', '2026']));
    expect(new Set(nodes.map((n) => n.kind))).toEqual(new Set(['NPC_DEPUTIES', 'CPPCC_MEMBERS', 'LEGAL_EDUCATION_OFFICE']));
    expect(new Set(nodes.map((n) => n.method)).size).toBe(5);
    expect(nodes.every((n) => n.findings.length > 0 && n.findings.every((f) => /[\u4e00-\u9fff]/.test(f.text)))).toBe(true);
  });

  it('has items from all three sources in every status, some overdue', async () => {
    const { data, errors } = await hub.gql(`{ rectificationCounts { status count overdue }
      rectificationItems(first: 30) { totalCount nodes { id sourceKind status overdue daysOverdue evidence { contentType size } createdAt submittedAt verifiedAt verifiedBy } } }`);
    expect(errors).toBeUndefined();
    const counts = Object.fromEntries((data.rectificationCounts as { status: string; count: number; overdue: number }[]).map((c) => [c.status, c]));
    for (const status of ['OPEN', 'IN_PROGRESS', 'SUBMITTED', 'VERIFIED', 'REOPENED']) expect(counts[status].count, status).toBeGreaterThan(0);
    // Hand count: OPEN = spot check ×2, scorecard ×1, gap ×1; IN_PROGRESS the plan (overdue 15 days); VERIFIED the gap and the cases.
    expect(counts.OPEN).toEqual({ status: 'OPEN', count: 4, overdue: 2 });
    expect(counts.IN_PROGRESS).toEqual({ status: 'IN_PROGRESS', count: 1, overdue: 1 });
    expect(counts.SUBMITTED!.count + counts.REOPENED!.count).toBe(2);
    expect(counts.VERIFIED!.count).toBe(2);
    const items = data.rectificationItems.nodes as any[];
    expect(items).toHaveLength(loaded.items);
    expect(new Set(items.map((i) => i.sourceKind))).toEqual(new Set(['FINDING', 'SCORECARD', 'OVERLAP_GAP']));
    // Overdue first (the API's order), the plan 15 days late.
    expect(items.slice(0, 3).every((i) => i.overdue)).toBe(true);
    expect(items.map((i) => i.daysOverdue).sort((a, b) => b - a).slice(0, 3)).toEqual([15, 12, 7]);
    for (const i of items.filter((x) => ['SUBMITTED', 'VERIFIED', 'REOPENED'].includes(x.status))) {
      expect(i.evidence.length, i.id).toBeGreaterThan(0);
      expect(i.evidence[0].contentType).toBe('application/pdf');
      expect(i.submittedAt).not.toBeNull();
    }
    // Stamped on the days they happened, not on the day of loading.
    const verified = items.filter((i) => i.status === 'VERIFIED');
    expect(verified.every((i) => i.verifiedAt.startsWith('2025') && i.verifiedBy === 'inspector')).toBe(true);
  });

  it('has a verified overlap-gap item whose next year shows the gap closed', async () => {
    expect(loaded.closedGapItem).not.toBeNull();
    const { data, errors } = await hub.gql(`query($id: ID!) { rectificationItem(id: $id) { status sourceKind year beforeAfter { closed before { present } after { present } } } }`, { id: loaded.closedGapItem });
    expect(errors).toBeUndefined();
    expect(data.rectificationItem).toMatchObject({ status: 'VERIFIED', sourceKind: 'OVERLAP_GAP', year: 2024, beforeAfter: { closed: true, before: { present: true }, after: { present: false } } });
  });

  it('wrote the audit trail with the demo accounts as actors', async () => {
    const { data, errors } = await hub.gql(`{ auditTrail(first: 500, filter: { entity: "RectificationItem" }) { nodes { actor action } } }`);
    expect(errors).toBeUndefined();
    const actors = new Set((data.auditTrail.nodes as { actor: string }[]).map((n) => n.actor));
    expect(actors).toEqual(new Set(['admin', 'inspector', 'reporter']));
  });

  it('makes a valid PDF the evidence check accepts', () => {
    const pdf = demoPdf('Report (1)');
    expect(detectEvidenceType(pdf)).toBe('application/pdf');
    const text = pdf.toString('latin1');
    const xref = Number(/startxref\n(\d+)/.exec(text)![1]);
    expect(text.slice(xref, xref + 4)).toBe('xref');
    // Each object's offset in the table points at "n 0 obj".
    const offsets = [...text.matchAll(/^(\d{10}) 00000 n $/gm)].map((m) => Number(m[1]));
    offsets.forEach((o, i) => expect(text.slice(o, o + `${i + 1} 0 obj`.length)).toBe(`${i + 1} 0 obj`));
  });
});
