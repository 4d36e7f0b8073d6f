/**
 * The inspections pages and the notice preview in a real Chromium against
 * the real hub (see hub.ts): an inspector records an inspection through the
 * form (a refusal of the hub shown beside its field, then two findings and a
 * scorecard snapshot), finds it on the calendar, in the list and in the
 * unit's history, reads its snapshot, uploads a PDF and has a text file
 * refused; the hub is asked directly what it holds. A reporter sees its own
 * agency's inspections without snapshots, the public a restricted card; the
 * notice preview lists the units the hub's `notice` names, in Chinese and
 * in English.
 *
 * PUFA_E2E_SCREENSHOTS=<folder> keeps screenshots of the pages along the way.
 */
import { createHash } from 'node:crypto';
import { beforeAll, describe, expect, it } from 'vitest';
import { apiSignIn, browserSuite, graphql, SETUP_TIMEOUT, skipBrowserTests } from './hub';

const NAME = 'inspections.browser.test';
const UI_TIMEOUT = 20_000;
const SKIP = skipBrowserTests(NAME);

const poll = <T>(read: () => T | Promise<T>) => expect.poll(read, { timeout: UI_TIMEOUT, interval: 100 });

/** The day the test's inspections take place: inside the default period (2025). */
const DAY = '2025-09-17';
const DAY_ZH = '2025年9月17日';
const INSPECTORS = '王某某代表、李某某委员';
const FINDINGS = ['食品安全领域未开展普法宣传', '普法责任清单台账不全'];
const PDF = Buffer.from('%PDF-1.4\n1 0 obj\n<<>>\nendobj\n%%EOF\n');

interface Agency {
  id: string;
  name: string;
}

interface HubInspection {
  id: string;
  kind: string;
  inspectors: string;
  date: string;
  method: string;
  summary: string | null;
  agencies: { id: string }[];
  findings: { id: string; text: string }[];
  evidence: { filename: string; size: number; sha256: string }[];
  snapshots: { kind: string; query: unknown; answer: { rows: { agencyId: string; label: string; total: number; gradeLabel: string }[] } }[] | null;
}

const INSPECTION = `query($id: ID!) { inspection(id: $id) {
  id kind inspectors date method summary agencies { id } findings { id text }
  evidence { filename size sha256 } snapshots { kind query answer } } }`;

describe.skipIf(SKIP)('inspections and the notice preview in Chromium against the real hub', { timeout: 240_000 }, () => {
  const suite = browserSuite(NAME, { signIn: ['inspector', 'reporter'] });
  let rubricVersion = '';
  /** The reporter's agency (市司法局 in the demo) and another agency. */
  let own: Agency = { id: '', name: '' };
  let other: Agency = { id: '', name: '' };
  /** The inspection recorded through the form. */
  let recordedId = '';

  beforeAll(async () => {
    const { me } = await graphql<{ me: { agency: Agency } }>(suite.hub, '{ me { agency { id name } } }', {}, suite.auth('reporter'));
    own = me.agency;
    const { agencies } = await graphql<{ agencies: { nodes: (Agency & { level: string })[] } }>(
      suite.hub,
      '{ agencies(first: 200) { nodes { id name level } } }',
      {},
      suite.auth('inspector'),
    );
    other = agencies.nodes.find((a) => a.id !== own.id && a.level === 'CITY')!;
    const { rubrics } = await graphql<{ rubrics: { version: string }[] }>(suite.hub, '{ rubrics { version } }', {}, suite.auth('inspector'));
    rubricVersion = rubrics[0]!.version;
  }, SETUP_TIMEOUT);

  async function inspection(id: string, headers = suite.auth('inspector')): Promise<HubInspection> {
    return (await graphql<{ inspection: HubInspection }>(suite.hub, INSPECTION, { id }, headers)).inspection;
  }

  /** How many inspections the account reads on `day` (of one agency). */
  async function countOn(day: string, headers: Record<string, string>, agencyId?: string): Promise<number> {
    const filter = { from: day, to: day, ...(agencyId ? { agencyIds: [agencyId] } : {}) };
    const data = await graphql<{ inspections: { totalCount: number } }>(
      suite.hub,
      'query($f: InspectionFilter) { inspections(filter: $f, first: 1) { totalCount } }',
      { f: filter },
      headers,
    );
    return data.inspections.totalCount;
  }

  it('records an inspection through the form: the hub’s refusal beside its field, then two findings and a snapshot', async () => {
    await suite.onPage(
      'record',
      async (page) => {
        await page.goto(`${suite.hub.url}/inspections`);
        await page.getByRole('heading', { level: 1, name: '检查与视察' }).waitFor({ timeout: UI_TIMEOUT });
        await page.getByRole('button', { name: '记录新检查' }).click();
        const form = page.locator('form.inspection-form');
        await form.getByLabel('检查主体').selectOption({ label: '人大代表' });
        await form.getByLabel('检查方式').selectOption({ label: '实地考察' });
        await form.getByLabel('检查人员').fill(INSPECTORS);
        await poll(() => form.getByLabel('被检查单位').locator('option').count()).toBeGreaterThan(10);
        await form.getByLabel('被检查单位').selectOption([{ label: own.name }, { label: other.name }]);
        await form.getByLabel('情况概述').fill('听取汇报，实地查看普法阵地');
        await form.getByLabel('问题 1', { exact: true }).fill(FINDINGS[0]!);
        await form.getByRole('button', { name: '添加一条问题' }).click();
        await form.getByLabel('问题 2', { exact: true }).fill(FINDINGS[1]!);
        await form.getByLabel('年份').fill('2024');
        await form.getByLabel('考评结果（全部单位的总分、名次、等次）').check();

        // A year the hub refuses: its message is shown beside the date, in Chinese, and nothing is saved.
        await form.getByLabel('检查日期').fill('1999-05-01');
        await form.getByRole('button', { name: '保存', exact: true }).click();
        const dateError = form.locator('.field', { has: page.getByLabel('检查日期') }).locator('.field-error');
        await poll(() => dateError.textContent()).toBe('日期须在 2000 年至 2100 年之间');
        await form.getByText('未保存任何内容。').waitFor();
        expect(await form.getByLabel('检查日期').getAttribute('aria-invalid')).toBe('true');
        expect(await countOn('1999-05-01', suite.auth('inspector'))).toBe(0);
        await suite.shot(page, 'inspection-form-refused');

        await form.getByLabel('检查日期').fill(DAY);
        await form.getByRole('button', { name: '保存', exact: true }).click();
        await page.waitForURL(/\/inspections\/\d+/, { timeout: UI_TIMEOUT });
        recordedId = `Inspection:${/\/inspections\/(\d+)/.exec(page.url())![1]}`;
        await page.getByRole('heading', { name: `${DAY_ZH} 人大代表检查` }).waitFor({ timeout: UI_TIMEOUT });
      },
      // The refused save answers 200 with errors: no console error is expected.
      { signIn: 'inspector' },
    );

    // What the hub holds is exactly what was entered.
    const held = await inspection(recordedId);
    expect(held).toMatchObject({
      kind: 'NPC_DEPUTIES',
      inspectors: INSPECTORS,
      date: DAY,
      method: 'FIELD_VISIT',
      summary: '听取汇报，实地查看普法阵地',
      evidence: [],
    });
    expect(held.agencies.map((a) => a.id).sort()).toEqual([own.id, other.id].sort());
    expect(held.findings.map((f) => f.text)).toEqual(FINDINGS);
    expect(held.snapshots!.map((s) => [s.kind, s.query])).toEqual([['SCORECARD', { year: 2024, rubricVersion }]]);
  });

  it('shows the inspection on the calendar, in the list (a click on the day narrows it) and in the unit’s history', async () => {
    const onDay = await countOn(DAY, suite.auth('inspector'), other.id);
    expect(onDay).toBeGreaterThanOrEqual(1);
    await suite.onPage('calendar-list-history', async (page) => {
      await page.goto(`${suite.hub.url}/inspections?agency=${encodeURIComponent(other.id)}`);
      const chart = page.locator('[data-chart="inspection-calendar"] .echart');
      await chart.locator('canvas').first().waitFor({ timeout: UI_TIMEOUT });
      const data = await chart.evaluate(
        (el) => (el as unknown as { pufaChart: { getOption(): { series: { data: [string, number][] }[] } } }).pufaChart.getOption().series[0]!.data,
      );
      expect(data).toContainEqual([DAY, onDay]);

      // Click the day's cell where the chart draws it.
      const [x, y] = await chart.evaluate(
        (el, day) => (el as unknown as { pufaChart: { convertToPixel(finder: unknown, value: string): [number, number] } }).pufaChart.convertToPixel({ calendarIndex: 0 }, day),
        DAY,
      );
      await chart.click({ position: { x, y } });
      await page.getByText(`只显示 ${DAY_ZH} 的检查`).waitFor({ timeout: UI_TIMEOUT });
      const rows = page.locator('.inspections-table tbody tr');
      await poll(() => rows.count()).toBe(onDay);
      const ours = rows.filter({ hasText: INSPECTORS });
      expect((await ours.locator('td').allTextContents()).map((t) => t.trim())).toEqual([
        DAY_ZH,
        '人大代表',
        '实地考察',
        INSPECTORS,
        expect.stringContaining(other.name),
        '2',
        '0',
        '0',
      ]);

      const history = page.locator('.unit-history');
      await history.getByText(INSPECTORS).waitFor({ timeout: UI_TIMEOUT });
      for (const text of FINDINGS) await history.getByText(text).waitFor();
      expect(await history.locator('.card-title').textContent()).toContain(other.name);
      await suite.shot(page, 'inspections-list');
    }, { signIn: 'inspector' });
  });

  it('opens the detail: the snapshot’s figures as the hub stored them, an uploaded PDF, a refused text file', async () => {
    const held = await inspection(recordedId);
    const rows = held.snapshots![0]!.answer.rows;
    const number = recordedId.split(':')[1];
    await suite.onPage(
      'detail',
      async (page) => {
        await page.goto(`${suite.hub.url}/inspections/${number}`);
        const snapshot = page.locator('[data-snapshot="SCORECARD"]');
        await snapshot.waitFor({ timeout: UI_TIMEOUT });
        const shown = snapshot.locator('tbody tr');
        expect(await shown.count()).toBe(rows.length);
        const best = [...rows].sort((a, b) => b.total - a.total)[0]!;
        const cells = (await shown.first().locator('th, td').allTextContents()).map((t) => t.trim());
        // The units of this inspection are marked in the table.
        const visited = (id: string) => id === own.id || id === other.id;
        expect(cells).toEqual([`${best.label}${visited(best.agencyId) ? ' 本次被检查单位' : ''}`, best.total.toFixed(2), '1', best.gradeLabel]);
        expect(await snapshot.locator('.visited-mark').count()).toBe(rows.filter((r) => visited(r.agencyId)).length);
        expect(await snapshot.getByRole('link', { name: '打开当前数据对比' }).getAttribute('href')).toBe(
          `/assessment?year=2024&rubric=${encodeURIComponent(rubricVersion)}&lang=zh`,
        );

        // Each finding offers the rectification board's form for each unit visited.
        const create = page.getByRole('link', { name: `开整改事项：${other.name}` }).first();
        expect(await create.getAttribute('href')).toBe(
          `/rectification?create=FINDING&findingId=${encodeURIComponent(held.findings[0]!.id)}&agencyId=${encodeURIComponent(other.id)}`,
        );

        const file = page.getByLabel('上传证明材料');
        await file.setInputFiles({ name: '视察记录.pdf', mimeType: 'application/pdf', buffer: PDF });
        await page.getByText('已上传“视察记录.pdf”。').waitFor({ timeout: UI_TIMEOUT });
        const sha = createHash('sha256').update(PDF).digest('hex');
        const row = page.locator('.evidence-table tbody tr');
        await poll(() => row.count()).toBe(1);
        expect(await row.getByRole('link', { name: '视察记录.pdf' }).getAttribute('href')).toMatch(/^\/evidence\/\d+$/);
        expect(await row.locator('code').textContent()).toBe(`${sha.slice(0, 8)}…${sha.slice(-8)}`);
        expect(await row.locator('code').getAttribute('title')).toBe(`完整 SHA-256：${sha}`);
        expect(await row.textContent()).toContain(`${PDF.length} B`);

        await file.setInputFiles({ name: 'notes.txt', mimeType: 'text/plain', buffer: Buffer.from('meeting notes') });
        const refusal = page.locator('.evidence-upload [role="alert"]');
        await refusal.waitFor({ timeout: UI_TIMEOUT });
        expect(await refusal.textContent()).toContain('未能上传“notes.txt”');
        expect(await refusal.textContent()).toContain('仅接受 PDF、PNG、JPEG 格式的证明材料');
        expect(await refusal.textContent()).toContain('HTTP 415');
        await suite.shot(page, 'inspection-detail');
      },
      { signIn: 'inspector', allowedErrors: [/status of 415/] },
    );

    // One file, the PDF's bytes; the refused one stored nothing.
    const after = await inspection(recordedId);
    expect(after.evidence).toEqual([{ filename: '视察记录.pdf', size: PDF.length, sha256: createHash('sha256').update(PDF).digest('hex') }]);
  });

  it('refuses to delete an inspection whose finding started an item, and says why', async () => {
    const held = await inspection(recordedId);
    const { createRectificationItem } = await graphql<{ createRectificationItem: { id: string } }>(
      suite.hub,
      `mutation($i: RectificationInput!) { createRectificationItem(input: $i) { id } }`,
      { i: { agencyId: other.id, requirement: '在食品安全领域开展普法宣传', deadline: '2099-12-31', source: { findingId: held.findings[0]!.id } } },
      suite.auth('inspector'),
    );
    await suite.onPage(
      'delete-refused',
      async (page) => {
        await page.goto(`${suite.hub.url}/inspections/${recordedId.split(':')[1]}`);
        const chip = page.locator('.finding').first().locator('a.item-chip');
        await chip.waitFor({ timeout: UI_TIMEOUT });
        expect(await chip.getAttribute('href')).toBe(`/rectification?item=${encodeURIComponent(createRectificationItem.id)}`);
        expect(await chip.textContent()).toContain('待整改');
        await page.getByRole('button', { name: '删除检查' }).click();
        const dialog = page.locator('dialog[open]');
        await dialog.getByRole('button', { name: '确认删除' }).click();
        await dialog.getByText('已据这次检查发现的问题开出整改事项').waitFor({ timeout: UI_TIMEOUT });
        expect(await dialog.textContent()).toContain('CONFLICT');
      },
      { signIn: 'inspector' },
    );
    expect((await inspection(recordedId)).id).toBe(recordedId);
  });

  it('shows a reporter its own agency’s inspections only, without snapshots', async () => {
    // An inspection of another agency only, on the same day: not the reporter's to see.
    await graphql(
      suite.hub,
      `mutation($i: InspectionInput!) { createInspection(input: $i) { id } }`,
      { i: { kind: 'THIRD_PARTY', inspectors: '第三方评估组', agencyIds: [other.id], date: DAY, method: 'SPOT_CHECK' } },
      suite.auth('inspector'),
    );
    const reporter = suite.auth('reporter');
    const mine = await countOn(DAY, reporter);
    expect(mine).toBeLessThan(await countOn(DAY, suite.auth('inspector')));
    await suite.onPage(
      'reporter',
      async (page) => {
        await page.goto(`${suite.hub.url}/inspections?from=${DAY}&to=${DAY}`);
        await page.getByText('您的账号只能看到检查过本单位的记录，不含指标快照。').waitFor({ timeout: UI_TIMEOUT });
        const rows = page.locator('.inspections-table tbody tr');
        await poll(() => rows.count()).toBe(mine);
        for (const units of await rows.locator('td:nth-child(5)').allTextContents()) expect(units).toContain(own.name);
        expect(await page.getByText('第三方评估组').count()).toBe(0);

        await rows.filter({ hasText: INSPECTORS }).getByRole('link').click();
        await page.getByRole('heading', { name: `${DAY_ZH} 人大代表检查` }).waitFor({ timeout: UI_TIMEOUT });
        await page.getByText(FINDINGS[0]!).waitFor();
        expect(await page.getByRole('heading', { name: '指标快照（检查时所见）' }).count()).toBe(0);
        expect(await page.getByRole('button', { name: '删除检查' }).count()).toBe(0);
        expect(await page.getByLabel('上传证明材料').count()).toBe(0);
      },
      { signIn: 'reporter' },
    );
  });

  it('gives the public a restricted card instead of inspections or the notice', async () => {
    await suite.onPage('public', async (page) => {
      await page.goto(`${suite.hub.url}/inspections`);
      await page.getByText('检查记录仅供登录的普法办、领导、人大政协检查人员及被检查单位查阅。').waitFor({ timeout: UI_TIMEOUT });
      await page.locator('.card-restricted').getByRole('link', { name: '登录' }).waitFor();
      expect(await page.locator('.inspections-table').count()).toBe(0);
      expect(await page.getByRole('link', { name: '检查', exact: true }).count()).toBe(0);
      await page.goto(`${suite.hub.url}/notice`);
      await page.getByText('通报预览仅供登录的普法办、领导、检查人员和成员单位查阅。').waitFor({ timeout: UI_TIMEOUT });
    });
  });

  it('previews the notice with the units the hub names, from the assessment page, in Chinese and in English', async () => {
    const leader = await apiSignIn(suite.hub, suite.account('leader'));
    type Entry = { label: string; rank: number };
    type NoticeAnswer = { title: string; frozen: boolean; commended: Entry[]; rectify: Entry[] };
    const ask = async (locale: string) =>
      (
        await graphql<{ notice: NoticeAnswer }>(
          suite.hub,
          'query($y: Int!, $v: String!, $l: Locale) { notice(year: $y, rubricVersion: $v, locale: $l) { title frozen commended { label rank } rectify { label rank } } }',
          { y: 2024, v: rubricVersion, l: locale },
          leader,
        )
      ).notice;
    const zh = await ask('ZH_CN');
    const en = await ask('EN');
    expect(zh.commended.length + zh.rectify.length).toBeGreaterThan(0);

    await suite.onPage(
      'notice',
      async (page) => {
        await page.goto(`${suite.hub.url}/assessment?year=2024`);
        await page.getByRole('link', { name: '查看通报预览' }).click({ timeout: UI_TIMEOUT });
        await page.waitForURL(/\/notice\?/);
        const document = page.locator('.notice-document');
        await document.getByRole('heading', { name: zh.title }).waitFor({ timeout: UI_TIMEOUT });
        const units = (list: string) => page.locator(`[data-list="${list}"] .notice-unit`).allTextContents();
        expect(await units('commend')).toEqual(zh.commended.map((e) => e.label));
        expect(await units('rectify')).toEqual(zh.rectify.map((e) => e.label));
        expect(await document.getByText('预览（考评结果尚未冻结，数据变化时通报随之变化）').count()).toBe(zh.frozen ? 0 : 1);
        const html = await page.getByRole('link', { name: '打开可打印网页' }).getAttribute('href');
        expect(html).toBe(`/notices/2024/${encodeURIComponent(rubricVersion)}.html`);
        const printable = await page.request.get(`${suite.hub.url}${html}`);
        expect(printable.status()).toBe(200);
        expect(await printable.text()).toContain(zh.title);
        await suite.shot(page, 'notice-zh');

        await page.getByRole('button', { name: 'English' }).click();
        await page.getByRole('heading', { level: 1, name: 'Yearly assessment notice' }).waitFor({ timeout: UI_TIMEOUT });
        await document.getByRole('heading', { name: en.title }).waitFor({ timeout: UI_TIMEOUT });
        expect(await units('commend')).toEqual(en.commended.map((e) => e.label));
        expect(await units('rectify')).toEqual(en.rectify.map((e) => e.label));
        expect(await page.getByRole('link', { name: 'Download the PDF' }).getAttribute('href')).toBe(
          `/notices/2024/${encodeURIComponent(rubricVersion)}.pdf?locale=en`,
        );
        await suite.shot(page, 'notice-en');
      },
      { signIn: 'leader' },
    );
  });
});
