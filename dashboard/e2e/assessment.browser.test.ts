/**
 * The assessment page (考评) in a real Chromium against the real hub (see
 * hub.ts): the scorecard table, the radar and the notice lists as
 * `scorecard` answers them; an indicator's records; what each role sees;
 * the admin's freeze with its confirmation, and frozen beside live figures.
 * Every expected figure is asked from /graphql here and formatted here,
 * independently of the dashboard's code.
 *
 * PUFA_E2E_SCREENSHOTS=<folder> keeps screenshots of the page along the way.
 */
import type { Page } from 'playwright-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { apiSignIn, browserSuite, graphql, SETUP_TIMEOUT, skipBrowserTests } from './hub';

const NAME = 'assessment.browser.test';
const UI_TIMEOUT = 20_000;
const SKIP = skipBrowserTests(NAME);

const poll = <T>(read: () => T | Promise<T>) => expect.poll(read, { timeout: UI_TIMEOUT, interval: 100 });

/** Points as the table shows them: two decimals, grouped. */
const points = (value: number) =>
  new Intl.NumberFormat('en-US', { minimumFractionDigits: 2, maximumFractionDigits: 2 }).format(value);
const count = (value: number) => new Intl.NumberFormat('en-US', { maximumFractionDigits: 0 }).format(value);

interface Score {
  key: string;
  label: string;
  metric: string;
  points: number;
  maxPoints?: number;
  noData: boolean;
  drill: { query: string; filter: Record<string, unknown>; note: string | null }[];
}
interface Row {
  agencyId: string;
  label: string;
  rank: number;
  total: number;
  gradeLabel: string;
  indicators: (Score & { maxPoints: number })[];
  deductions: Score[];
}
interface Notice {
  agencyId: string;
  label: string;
  reason: string;
}
interface Scorecard {
  frozen: boolean;
  frozenAt: string | null;
  frozenBy: string | null;
  agencyCount: number;
  rows: Row[];
  commended: Notice[];
  rectify: Notice[];
}

const SCORECARD = `query($y: Int!, $v: String!, $live: Boolean, $l: Locale) {
  scorecard(year: $y, rubricVersion: $v, live: $live, locale: $l) {
    frozen frozenAt frozenBy agencyCount
    rows {
      agencyId label rank total gradeLabel
      indicators { key label metric points maxPoints noData drill { query filter note } }
      deductions { key label metric points noData drill { query filter note } }
    }
    commended { agencyId label reason }
    rectify { agencyId label reason }
  }
}`;

describe.skipIf(SKIP)('assessment page in Chromium against the real hub', { timeout: 150_000 }, () => {
  const suite = browserSuite(NAME, { signIn: ['admin'] });
  let rubricVersion = '';

  beforeAll(async () => {
    const { rubrics } = await graphql<{ rubrics: { version: string }[] }>(suite.hub, '{ rubrics { version } }', {}, suite.auth('admin'));
    rubricVersion = rubrics[0]!.version;
  }, SETUP_TIMEOUT);

  async function scorecard(year: number, options: { headers?: Record<string, string>; live?: boolean; locale?: string } = {}) {
    const data = await graphql<{ scorecard: Scorecard }>(
      suite.hub,
      SCORECARD,
      { y: year, v: rubricVersion, live: options.live ?? false, l: options.locale ?? 'ZH_CN' },
      options.headers ?? suite.auth('admin'),
    );
    return data.scorecard;
  }


  // ---------- the page ----------

  const table = (page: Page) => page.locator('.scorecard-table');

  /** The cells of an agency's row in the scorecard table, as shown. */
  async function rowCells(page: Page, agency: string): Promise<string[]> {
    const row = table(page)
      .locator('tbody tr')
      .filter({ has: page.locator('td:nth-child(2)', { hasText: new RegExp(`^${agency}$`) }) });
    return (await row.first().locator('td').allTextContents()).map((t) => t.trim());
  }

  /** The cells the table should show for a row of the API's answer (frozen columns aside). */
  function expectedCells(row: Row, noData = '无数据'): string[] {
    const tag = (score: Score) => (score.noData ? noData : '');
    return [
      String(row.rank),
      row.label,
      points(row.total),
      row.gradeLabel,
      ...row.indicators.map((i) => `${points(i.points)}${tag(i)}`),
      ...row.deductions.map((d) => `${d.points === 0 ? '0.00' : `−${points(d.points)}`}${tag(d)}`),
    ];
  }

  /** The radar's series values: the agency's shares, then the median's (if drawn). */
  async function radar(page: Page): Promise<{ names: string[]; values: number[][] }> {
    const frame = page.locator('[data-chart="assessment-radar"] .echart');
    await frame.locator('canvas').first().waitFor({ timeout: UI_TIMEOUT });
    return frame.evaluate((el) => {
      const option = (el as unknown as { pufaChart: { getOption(): { series: { data: { name: string; value: number[] }[] }[] } } }).pufaChart.getOption();
      const data = option.series[0]!.data;
      return { names: data.map((d) => d.name), values: data.map((d) => d.value) };
    });
  }

  function shares(row: Row): number[] {
    return row.indicators.map((i) => Math.min(1, Math.max(0, i.points / i.maxPoints)));
  }

  function medianShares(rows: Row[]): number[] {
    return rows[0]!.indicators.map((_, k) => {
      const values = rows.map((r) => shares(r)[k]!).sort((a, b) => a - b);
      const mid = Math.floor(values.length / 2);
      return values.length % 2 ? values[mid]! : (values[mid - 1]! + values[mid]!) / 2;
    });
  }

  const drawer = (page: Page) => page.locator('dialog.records-drawer[open]');

  // ---------- the tests ----------

  it('shows the scorecard as the API answers it: totals, ranks, grades, points; the radar against the median', async () => {
    const card = await scorecard(2025);
    expect(card.frozen).toBe(false);
    expect(card.rows.length).toBeGreaterThan(3);
    const [first, second] = card.rows;
    const last = card.rows[card.rows.length - 1]!;

    await suite.onPage(
      'admin-scorecard',
      async (page) => {
        await page.goto(`${suite.hub.url}/assessment`);
        await page.getByRole('heading', { level: 1, name: '年度考评' }).waitFor({ timeout: UI_TIMEOUT });
        await poll(() => table(page).locator('tbody tr').count()).toBe(card.rows.length);
        for (const row of [first!, second!, last]) expect(await rowCells(page, row.label)).toEqual(expectedCells(row));
        await page.getByText(`共 ${card.rows.length} 行`).waitFor();
        expect(await page.locator('.assessment-facts').textContent()).toContain('实时计算（尚未冻结）');

        // The radar: the first agency against the median of every agency.
        await poll(() => radar(page).then((r) => r.names)).toEqual([first!.label, '全市中位数']);
        const drawnRadar = await radar(page);
        expect(drawnRadar.values[0]).toEqual(shares(first!));
        expect(drawnRadar.values[1]).toEqual(medianShares(card.rows));
        await page.getByRole('combobox', { name: '单位', exact: true }).last().selectOption(last.agencyId);
        await poll(() => radar(page).then((r) => r.values[0])).toEqual(shares(last));

        // The notice lists, with the hub's sentences.
        const rectify = page.locator('section.notice-rectify');
        expect(await rectify.locator('li').count()).toBe(card.rectify.length);
        expect(card.rectify.length, 'the demo year has units to rectify').toBeGreaterThan(0);
        expect(await rectify.locator('.notice-reason').first().textContent()).toBe(card.rectify[0]!.reason);
        const commended = page.locator('section.notice-commend');
        expect(await commended.locator('li').count()).toBe(card.commended.length);
        await suite.shot(page, 'assessment-admin-zh');
      },
      { signIn: 'admin' },
    );
  });

  it("opens an indicator's records in the drawer, and puts case counts in words", async () => {
    const card = await scorecard(2025);
    const row = card.rows[0]!;
    const acts = row.indicators.find((i) => i.metric === 'ACTIVITY_COUNT')!;
    expect(acts.drill.map((d) => d.query)).toEqual(['activities']);
    const { activities } = await graphql<{ activities: { totalCount: number } }>(
      suite.hub,
      'query($f: ActivityFilter) { activities(filter: $f, first: 1) { totalCount } }',
      { f: acts.drill[0]!.filter },
      suite.auth('admin'),
    );
    expect(activities.totalCount).toBeGreaterThan(0);
    const cases = row.indicators.find((i) => i.metric === 'CASE_COUNT')!;

    await suite.onPage(
      'indicator-drill',
      async (page) => {
        await page.goto(`${suite.hub.url}/assessment`);
        await poll(() => table(page).locator('tbody tr').count()).toBe(card.rows.length);
        await page.getByRole('button', { name: `查看${row.label}“${acts.label}”（${acts.points} 分）的明细记录` }).click();
        await drawer(page).getByRole('heading', { level: 2, name: `${row.label}：${acts.label}` }).waitFor({ timeout: UI_TIMEOUT });
        await poll(() => drawer(page).locator('.records-drawer-count').textContent()).toMatch(new RegExp(`共 ${count(activities.totalCount)} 条$`));
        await page.keyboard.press('Escape');
        await poll(() => drawer(page).count()).toBe(0);

        await page.getByRole('button', { name: `查看${row.label}“${cases.label}”（${cases.points} 分）的明细记录` }).click();
        const words = page.locator('dialog.assessment-dialog[open]');
        await words.getByRole('heading', { name: `${row.label}：${cases.label}` }).waitFor();
        expect(await words.locator('.drill-words-query').textContent()).toBe('以案释法案例');
        expect(await words.locator('li').allTextContents()).toEqual([`单位：${row.label}`, '仅已发布的']);
        expect(await words.locator('.drill-words-note').textContent()).toBe(cases.drill[0]!.note);
        await words.getByRole('button', { name: '关闭' }).click();
        await poll(() => words.count()).toBe(0);
      },
      { signIn: 'admin' },
    );
  });

  it('shows an agency reporter its own row only, ranked among all, without the median', async () => {
    const reporter = await apiSignIn(suite.hub, suite.account('reporter'));
    const own = await scorecard(2025, { headers: reporter });
    expect(own.rows).toHaveLength(1);
    const row = own.rows[0]!;

    await suite.onPage(
      'reporter',
      async (page) => {
        await page.goto(`${suite.hub.url}/assessment`);
        await poll(() => table(page).locator('tbody tr').count()).toBe(1);
        expect(await rowCells(page, row.label)).toEqual(expectedCells(row));
        await page.getByText(`单位填报员只能查看本单位的考评结果；名次为在全部 ${own.agencyCount} 个参评单位中的名次。`).waitFor();
        await poll(() => radar(page).then((r) => r.names)).toEqual([row.label]);
        await page.getByText('全市中位数仅向可查看全部单位的账号显示').waitFor();
        expect(await page.getByRole('button', { name: /冻结/ }).count()).toBe(0);
        await suite.shot(page, 'assessment-reporter-zh');
      },
      { signIn: 'reporter' },
    );
  });

  it('explains the refusal to a media partner and asks the public to sign in', async () => {
    await suite.onPage(
      'media',
      async (page) => {
        await page.goto(`${suite.hub.url}/assessment`);
        await page.getByText('当前账号无权查看考评结果。', { exact: false }).waitFor({ timeout: UI_TIMEOUT });
        expect(await page.locator('nav').getByRole('link', { name: '考评' }).count()).toBe(0);
        expect(await table(page).count()).toBe(0);
      },
      { signIn: 'media' },
    );
    await suite.onPage('public', async (page) => {
      await page.goto(`${suite.hub.url}/assessment?lang=en`);
      await page.getByText('Assessment results are for the legal-education office', { exact: false }).waitFor({ timeout: UI_TIMEOUT });
      expect(await page.getByRole('link', { name: 'Sign in' }).count()).toBeGreaterThan(0);
    });
  });

  it('speaks English, with the grades and names in English', async () => {
    const card = await scorecard(2025, { locale: 'EN' });
    const row = card.rows[0]!;
    await suite.onPage(
      'english',
      async (page) => {
        await page.goto(`${suite.hub.url}/assessment?lang=en`);
        await page.getByRole('heading', { level: 1, name: 'Annual assessment' }).waitFor({ timeout: UI_TIMEOUT });
        await poll(() => table(page).locator('tbody tr').count()).toBe(card.rows.length);
        expect(await rowCells(page, row.label)).toEqual(expectedCells(row, 'no data'));
        await page.getByRole('heading', { level: 2, name: 'Commended' }).waitFor();
        await suite.shot(page, 'assessment-admin-en');
      },
      { signIn: 'admin' },
    );
  });

  it('lets the admin freeze a year after a confirmation, then shows frozen and live side by side', async () => {
    const before = await scorecard(2024);
    expect(before.frozenAt).toBeNull();
    const top = before.rows[0]!;

    await suite.onPage(
      'freeze',
      async (page) => {
        await page.goto(`${suite.hub.url}/assessment?year=2024`);
        await poll(() => table(page).locator('tbody tr').count()).toBe(before.rows.length);

        // Cancelling freezes nothing.
        await page.getByRole('button', { name: '冻结2024年度考评结果' }).click();
        const dialog = page.locator('dialog.assessment-dialog[open]');
        await dialog.getByRole('heading', { name: '冻结2024年度考评结果？' }).waitFor();
        // The safe choice has the focus.
        expect(await page.evaluate(() => document.activeElement?.textContent)).toBe('取消');
        await dialog.getByRole('button', { name: '取消' }).click();
        await poll(() => dialog.count()).toBe(0);
        expect((await scorecard(2024)).frozenAt).toBeNull();

        await page.getByRole('button', { name: '冻结2024年度考评结果' }).click();
        await dialog.getByRole('button', { name: '确认冻结' }).click();
        await page.getByText(new RegExp(`^已冻结2024年度考评结果（.+，操作人 admin，${before.rows.length} 个单位）。$`)).waitFor({ timeout: UI_TIMEOUT });

        const after = await scorecard(2024);
        expect([after.frozen, after.frozenBy]).toEqual([true, 'admin']);
        await poll(() => page.locator('.assessment-facts dd[data-status="frozen"]').count()).toBe(1);
        expect(await page.getByRole('button', { name: '冻结2024年度考评结果' }).count()).toBe(0);
        await poll(() => page.getByRole('combobox', { name: '考评细则版本' }).locator('option').first().textContent()).toContain('（2024年已冻结）');
        expect(await rowCells(page, top.label)).toEqual(expectedCells(after.rows.find((r) => r.agencyId === top.agencyId)!));

        // Live beside frozen: the frozen totals and ranks in their own columns.
        const live = await scorecard(2024, { live: true });
        await page.getByRole('radio', { name: '实时计算' }).check();
        await poll(() => table(page).locator('thead th').allTextContents()).toContain('冻结时总分↕');
        const liveTop = live.rows[0]!;
        const frozenTop = after.rows.find((r) => r.agencyId === liveTop.agencyId)!;
        const cells = await rowCells(page, liveTop.label);
        expect(cells.slice(0, 6)).toEqual([
          String(liveTop.rank),
          liveTop.label,
          points(liveTop.total),
          liveTop.gradeLabel,
          points(frozenTop.total),
          String(frozenTop.rank),
        ]);
        await page.getByText(/个单位的总分或名次与冻结结果不同$/).waitFor();
        await suite.shot(page, 'assessment-frozen-live-zh');
      },
      { signIn: 'admin' },
    );
  });
});
