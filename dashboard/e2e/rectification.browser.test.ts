/**
 * The rectification loop by clicking, in a real Chromium against the real hub (see hub.ts):
 * the inspector opens an item from an overlap gap on the overlaps page; the responsible agency's
 * reporter starts it, is refused submitting without evidence, uploads a PDF and submits; the
 * inspector reopens it with a reason; the reporter resumes and resubmits; the inspector verifies.
 * The board's counts and overdue marks, the verified mark beside the overlap view, and — through
 * /graphql, independently of the UI — the statuses and the audit trail are checked on the way.
 *
 * The gap is found through the API: a flag of the demo reporter's agency, in a year the overlaps
 * page offers, that has no item yet (the demo workflow data holds items of other gaps).
 */
import type { Page } from 'playwright-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { browserSuite, graphql, SETUP_TIMEOUT, skipBrowserTests, type PageOptions } from './hub';

const NAME = 'rectification.browser.test';
const UI_TIMEOUT = 20_000;
const SKIP = skipBrowserTests(NAME);
const poll = <T>(read: () => T | Promise<T>) => expect.poll(read, { timeout: UI_TIMEOUT, interval: 100 });

const PDF = Buffer.from('%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n');

interface Gap {
  domain: { id: string; name: string };
  flags: { kind: string; act: { id: string }[] }[];
}

describe.skipIf(SKIP)('the rectification loop in Chromium against the real hub', { timeout: 240_000 }, () => {
  const suite = browserSuite(NAME, { signIn: ['admin', 'inspector', 'reporter'] });
  let agencyId = '';
  let gap: { year: number; domainId: string; domainName: string; kind: string } | null = null;
  let itemId = '';

  const onPage = (name: string, signIn: string, body: (page: Page) => Promise<void>, options: PageOptions = {}) =>
    suite.onPage(name, body, { signIn, ...options });
  const api = <T>(as: string, query: string, variables: Record<string, unknown> = {}) => graphql<T>(suite.hub, query, variables, suite.auth(as));

  // The gap the test acts on, once the suite's hub is up.
  beforeAll(async () => {
    const me = await api<{ me: { agency: { id: string } } }>('reporter', '{ me { agency { id } } }');
    agencyId = me.me.agency.id;
    // A gap the reporter's agency should act on, newest year first, with no item yet.
    const { rectificationItems } = await api<{ rectificationItems: { nodes: { domain: { id: string } | null; gapKind: string | null; year: number }[] } }>(
      'admin', `query($a: [ID!]) { rectificationItems(filter: { agencyIds: $a, sourceKinds: [OVERLAP_GAP] }, first: 100) { nodes { domain { id } gapKind year } } }`, { a: [agencyId] });
    const taken = new Set(rectificationItems.nodes.map((i) => `${i.domain?.id}|${i.gapKind}|${i.year}`));
    for (let year = 2025; year >= 2016 && !gap; year--) {
      const { overlapGaps } = await api<{ overlapGaps: Gap[] }>('admin', `query($y: Int!) { overlapGaps(filter: { years: [$y] }) { domain { id name } flags { kind act { id } } } }`, { y: year });
      for (const g of overlapGaps) {
        const flag = g.flags.find((f) => f.kind !== 'NO_LEAD' && f.act.some((a) => a.id === agencyId) && !taken.has(`${g.domain.id}|${f.kind}|${year}`));
        if (flag) {
          gap = { year, domainId: g.domain.id, domainName: g.domain.name, kind: flag.kind };
          break;
        }
      }
    }
  }, SETUP_TIMEOUT + 30_000);

  async function counts(as: string): Promise<Record<string, { count: number; overdue: number }>> {
    const { rectificationCounts } = await api<{ rectificationCounts: { status: string; count: number; overdue: number }[] }>(as, '{ rectificationCounts { status count overdue } }');
    return Object.fromEntries(rectificationCounts.map((c) => [c.status, { count: c.count, overdue: c.overdue }]));
  }
  const column = (page: Page, status: string) => page.locator(`section.rect-column[data-status="${status}"]`);
  const statusOf = async (as: string) =>
    (await api<{ rectificationItem: { status: string } }>(as, 'query($id: ID!) { rectificationItem(id: $id) { status } }', { id: itemId })).rectificationItem.status;

  it('shows the board with the API’s counts, overdue items first and in red', async () => {
    const expected = await counts('inspector');
    expect(expected.OPEN!.overdue, 'the demo data has overdue open items').toBeGreaterThan(0);
    await onPage('board', 'inspector', async (page) => {
      await page.goto(`${suite.hub.url}/rectification`);
      await poll(() => column(page, 'OPEN').locator('.rect-column-count').textContent()).toBe(`${expected.OPEN!.count} 项`);
      for (const status of ['IN_PROGRESS', 'SUBMITTED', 'VERIFIED', 'REOPENED']) {
        expect(await column(page, status).locator('.rect-column-count').textContent()).toBe(`${expected[status]!.count} 项`);
      }
      expect(await column(page, 'OPEN').locator('.rect-column-title .rect-overdue').textContent()).toBe(`其中逾期 ${expected.OPEN!.overdue} 项`);
      // Overdue first: the first card of the column is overdue and says by how many days, in red.
      const first = column(page, 'OPEN').locator('li.rect-card').first();
      expect(await first.getAttribute('class')).toContain('is-overdue');
      expect(await first.locator('.rect-overdue').textContent()).toMatch(/^逾期 \d+ 天$/);
      expect(await first.locator('.rect-overdue').evaluate((e) => getComputedStyle(e).color)).toBe('rgb(163, 69, 58)');
      // Overdue only narrows the items to the overdue ones, in the URL.
      await page.getByLabel('只看逾期').check();
      await poll(() => page.url()).toContain('overdue=1');
      await poll(async () => (await page.locator('li.rect-card').count()) === (await page.locator('li.rect-card.is-overdue').count())).toBe(true);
      // The table view with its download.
      await page.getByRole('button', { name: '表格' }).click();
      await poll(() => page.getByText(/下载表格/).count()).toBe(1);
      expect(await page.locator('table tbody tr').count()).toBe(expected.OPEN!.overdue + expected.IN_PROGRESS!.overdue + expected.REOPENED!.overdue);
    });
  });

  it('lets the inspector open an item from the overlap gap on the overlaps page', async () => {
    expect(gap, 'a gap of the reporter’s agency without an item').not.toBeNull();
    await onPage('open from gap', 'inspector', async (page) => {
      await page.goto(`${suite.hub.url}/overlaps?year=${gap!.year}&domain=${encodeURIComponent(gap!.domainId)}`);
      const kindText = { NO_ACTIVITY: '均未开展活动', SINGLE_HOLDER: '仅一家单位开展', UNREACHED_DISTRICT: '区域未覆盖', UNREACHED_AUDIENCE: '对象未覆盖' }[gap!.kind]!;
      const link = page.getByRole('link', { name: `为“${gap!.domainName}：${kindText}”开整改事项` }).first();
      await link.waitFor({ timeout: UI_TIMEOUT });
      await link.click();
      await page.getByRole('heading', { name: '新开整改事项' }).waitFor({ timeout: UI_TIMEOUT });
      await poll(() => page.getByLabel('责任单位').locator('option').count()).toBeGreaterThan(1);
      await page.getByLabel('责任单位').selectOption(agencyId);
      // Refused before sending: a requirement is needed.
      await page.getByRole('button', { name: '开立整改事项' }).click();
      await poll(() => page.getByText('请写明需要整改什么').count()).toBe(1);
      await page.getByLabel('整改要求').fill('针对缺口开展普法活动，覆盖此前未覆盖的区域和对象');
      await page.getByRole('button', { name: '开立整改事项' }).click();
      await page.waitForURL(/item=RectificationItem/, { timeout: UI_TIMEOUT });
      itemId = new URL(page.url()).searchParams.get('item')!;
      await page.getByText('待整改').first().waitFor({ timeout: UI_TIMEOUT });
    });
    const { rectificationItem } = await api<{ rectificationItem: { status: string; sourceKind: string; agency: { id: string }; domain: { id: string }; year: number; createdBy: string } }>(
      'admin', 'query($id: ID!) { rectificationItem(id: $id) { status sourceKind agency { id } domain { id } year createdBy } }', { id: itemId });
    expect(rectificationItem).toEqual({ status: 'OPEN', sourceKind: 'OVERLAP_GAP', agency: { id: agencyId }, domain: { id: gap!.domainId }, year: gap!.year, createdBy: 'inspector' });
  });

  it('lets the agency start, refuses submitting without evidence, takes a PDF and submits', async () => {
    await onPage('agency submits', 'reporter', async (page) => {
      await page.goto(`${suite.hub.url}/rectification?item=${encodeURIComponent(itemId)}`);
      await page.getByRole('button', { name: '开始整改' }).click();
      await page.getByRole('button', { name: '提交核验' }).waitFor({ timeout: UI_TIMEOUT });
      // Without evidence the button is disabled and says why.
      expect(await page.getByRole('button', { name: '提交核验' }).isDisabled()).toBe(true);
      expect(await page.locator('.rect-blocked').textContent()).toBe('需先上传至少一份证明材料才能提交核验');
      // A file that is not a PDF, PNG or JPEG is refused with the hub's reason.
      await page.getByLabel('选择文件').setInputFiles({ name: 'notes.txt', mimeType: 'application/pdf', buffer: Buffer.from('not a pdf') });
      await page.getByRole('button', { name: '上传', exact: true }).click();
      await poll(() => page.locator('.rect-upload ~ .field-error').textContent()).toContain('HTTP 415');
      await page.getByLabel('选择文件').setInputFiles({ name: '整改报告.pdf', mimeType: 'application/pdf', buffer: PDF });
      await page.getByRole('button', { name: '上传', exact: true }).click();
      await page.getByRole('link', { name: '下载 整改报告.pdf' }).waitFor({ timeout: UI_TIMEOUT });
      await poll(() => page.getByRole('button', { name: '提交核验' }).isDisabled()).toBe(false);
      await page.getByRole('button', { name: '提交核验' }).click();
      await page.getByText('已更新为“已提交”。').waitFor({ timeout: UI_TIMEOUT });
    }, { allowedErrors: [/415/] });
    expect(await statusOf('reporter')).toBe('SUBMITTED');
  });

  it('lets the inspector reopen with a reason, and verify after the resubmission', async () => {
    await onPage('inspector reopens', 'inspector', async (page) => {
      await page.goto(`${suite.hub.url}/rectification?item=${encodeURIComponent(itemId)}`);
      await page.getByRole('button', { name: '退回' }).click();
      await page.getByLabel('退回理由（5–2000 字）').fill('太短');
      await page.getByRole('button', { name: '确认退回' }).click();
      await poll(() => page.getByText('请写明退回理由，至少 5 个字').count()).toBe(1);
      await page.getByLabel('退回理由（5–2000 字）').fill('证明材料缺少活动照片和签到表，请补充');
      await page.getByRole('button', { name: '确认退回' }).click();
      await page.getByText('已更新为“已退回”。').waitFor({ timeout: UI_TIMEOUT });
      // The history comes from the audit trail, with the reason.
      await poll(() => page.locator('.rect-history').textContent()).toContain('理由：证明材料缺少活动照片和签到表，请补充');
    });
    await onPage('agency resubmits', 'reporter', async (page) => {
      await page.goto(`${suite.hub.url}/rectification?item=${encodeURIComponent(itemId)}`);
      await page.getByText('证明材料缺少活动照片和签到表，请补充').first().waitFor({ timeout: UI_TIMEOUT });
      await page.getByRole('button', { name: '重新整改' }).click();
      await page.getByRole('button', { name: '提交核验' }).waitFor({ timeout: UI_TIMEOUT });
      await poll(() => page.getByRole('button', { name: '提交核验' }).isDisabled()).toBe(false);
      await page.getByRole('button', { name: '提交核验' }).click();
      await page.getByText('已更新为“已提交”。').waitFor({ timeout: UI_TIMEOUT });
    });
    const before = await counts('inspector');
    await onPage('inspector verifies', 'inspector', async (page) => {
      await page.goto(`${suite.hub.url}/rectification?item=${encodeURIComponent(itemId)}`);
      await page.getByRole('button', { name: '核验通过' }).click();
      await page.getByText('已更新为“已核验”。').waitFor({ timeout: UI_TIMEOUT });
      // A verified overlap-gap item shows its before and after, with the verdict on the next year.
      await page.getByRole('heading', { name: '整改前后对比' }).waitFor({ timeout: UI_TIMEOUT });
      expect(await page.locator('.rect-verdict').textContent()).toMatch(/^结论：(已消除|仍存在|待次年结束后判断)$/);
    });
    const after = await counts('inspector');
    expect(after.VERIFIED!.count).toBe(before.VERIFIED!.count + 1);
    expect(after.SUBMITTED!.count).toBe(before.SUBMITTED!.count - 1);

    // Independently of the UI: the status and every move in the audit trail, by whom.
    expect(await statusOf('admin')).toBe('VERIFIED');
    const { auditTrail } = await api<{ auditTrail: { nodes: { action: string; actor: string; after: { status?: string; statusNote?: string } | null }[] } }>(
      'admin', 'query($id: String) { auditTrail(first: 100, filter: { entity: "RectificationItem", entityId: $id }) { nodes { action actor after } } }', { id: itemId.split(':')[1] });
    const moves = auditTrail.nodes.filter((n) => n.action !== 'VIEW').reverse().map((n) => [n.action, n.actor, n.after?.status]);
    expect(moves).toEqual([
      ['CREATE', 'inspector', 'OPEN'],
      ['UPDATE', 'reporter', 'IN_PROGRESS'],
      ['UPDATE', 'reporter', 'SUBMITTED'],
      ['UPDATE', 'inspector', 'REOPENED'],
      ['UPDATE', 'reporter', 'IN_PROGRESS'],
      ['UPDATE', 'reporter', 'SUBMITTED'],
      ['UPDATE', 'inspector', 'VERIFIED'],
    ]);
  });

  it('marks the verified item beside the overlap view, and the board in English', async () => {
    await onPage('verified beside overlaps', 'leader', async (page) => {
      await page.goto(`${suite.hub.url}/overlaps?year=${gap!.year}&domain=${encodeURIComponent(gap!.domainId)}`);
      // Each flag row of the gap lists the item (a domain can have several flags of one kind, one per district).
      const mark = page.locator(`[data-item="${itemId}"] .rect-verified`).first();
      await mark.waitFor({ timeout: UI_TIMEOUT });
      expect(await mark.textContent()).toMatch(/^✓ 已核验（\d{4}年\d{1,2}月\d{1,2}日）$/);
      // A leader reads but does not open items.
      expect(await page.getByRole('link', { name: /开整改事项/ }).count()).toBe(0);
    });
    const expected = await counts('reporter');
    await onPage('board in English', 'reporter', async (page) => {
      await page.goto(`${suite.hub.url}/rectification?lang=en`);
      await poll(() => column(page, 'VERIFIED').locator('.rect-column-count').textContent()).toBe(`(${expected.VERIFIED!.count})`);
      expect(await page.getByRole('heading', { level: 1 }).textContent()).toBe('Rectification items');
      // The reporter sees its own agency's items only: no agency filter.
      expect(await page.getByLabel('Unit responsible').count()).toBe(0);
      expect(await page.locator(`a[href*="${encodeURIComponent(itemId)}"]`).count()).toBe(1);
    });
  });
});
