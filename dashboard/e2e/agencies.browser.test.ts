/**
 * The agencies pages and the overview's additions in a real Chromium against
 * the real hub (see hub.ts): the agencies table (figures, sorting, search, a
 * name opening the agency's page), an agency's planned vs delivered against
 * the API's `coverage`, a day of its calendar opening that day's activities,
 * what an agency reporter and the public are told, and the overview's change
 * vs last year, top overlap gaps and rectification list. Every expected figure
 * is asked from /graphql here and formatted here, independently of the
 * dashboard's code; charts are read through their ECharts instance.
 *
 * PUFA_E2E_SCREENSHOTS=<folder> keeps screenshots of the pages along the way.
 */
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { apiSignIn, browserSuite, graphql, skipBrowserTests } from './hub';

const NAME = 'agencies.browser.test';
const UI_TIMEOUT = 20_000;
const SKIP = skipBrowserTests(NAME);
const YEAR = 2025;
const YEAR_RANGE = { from: '2025-01-01', to: '2025-12-31' };

const poll = <T>(read: () => T | Promise<T>) => expect.poll(read, { timeout: UI_TIMEOUT, interval: 100 });

/** 95097 → "95,097"; 0.857 → "85.7%"; 82.9 → "82.90": the formats both languages use. */
const count = (value: number) => new Intl.NumberFormat('en-US', { maximumFractionDigits: 0 }).format(value);
const percent = (value: number) =>
  new Intl.NumberFormat('en-US', { style: 'percent', minimumFractionDigits: 1, maximumFractionDigits: 1 }).format(value);
const decimal2 = (value: number) => new Intl.NumberFormat('en-US', { minimumFractionDigits: 2, maximumFractionDigits: 2 }).format(value);

describe.skipIf(SKIP)('agencies pages and the overview’s additions in Chromium against the real hub', { timeout: 150_000 }, () => {
  const suite = browserSuite(NAME, { signIn: ['admin'] });

  // ---------- the API, as the admin ----------

  const api = <T>(query: string, variables: Record<string, unknown> = {}) => graphql<T>(suite.hub, query, variables, suite.auth('admin'));

  type Agency = { id: string; name: string; validFrom: string; validTo: string | null };
  async function agencies2025(): Promise<Agency[]> {
    const data = await api<{ agencies: { nodes: Agency[] } }>('{ agencies(first: 200) { nodes { id name validFrom validTo } } }');
    return data.agencies.nodes.filter((a) => a.validFrom <= YEAR_RANGE.to && (a.validTo === null || a.validTo >= YEAR_RANGE.from));
  }

  async function activityCounts(): Promise<Map<string, number>> {
    const data = await api<{ analytics: { rows: { keys: { value: string }[]; values: { value: number }[] }[] } }>(
      'query($f: AnalyticsFilter) { analytics(measures: [ACTIVITY_COUNT], groupBy: [AGENCY], filter: $f) { rows { keys { value } values { value } } } }',
      { f: YEAR_RANGE },
    );
    return new Map(data.analytics.rows.map((r) => [r.keys[0]!.value, r.values[0]!.value]));
  }

  type ScoreRow = { agencyId: string; label: string; total: number; rank: number; gradeLabel: string };
  async function scorecard(): Promise<{ rows: ScoreRow[]; rectify: { agencyId: string; label: string }[] }> {
    const { rubrics } = await api<{ rubrics: { version: string }[] }>('{ rubrics { version } }');
    const data = await api<{ scorecard: { rows: ScoreRow[]; rectify: { agencyId: string; label: string }[] } }>(
      'query($y: Int!, $v: String!) { scorecard(year: $y, rubricVersion: $v) { rows { agencyId label total rank gradeLabel } rectify { agencyId label } } }',
      { y: YEAR, v: rubrics[0]!.version },
    );
    return data.scorecard;
  }

  type CoverageAgency = { agencyId: string; completionCapped: number | null; items: { title: string; planned: number; delivered: number }[] };
  async function coverage(agencyId?: string): Promise<CoverageAgency[]> {
    const data = await api<{ coverage: { agencies: CoverageAgency[] } }>(
      'query($f: CoverageFilter!) { coverage(filter: $f) { agencies { agencyId completionCapped items { title planned delivered } } } }',
      { f: { years: [YEAR], ...(agencyId ? { agencyIds: [agencyId] } : {}) } },
    );
    return data.coverage.agencies;
  }

  async function activityCount(filter: Record<string, unknown>): Promise<number> {
    const data = await api<{ activities: { totalCount: number } }>('query($f: ActivityFilter) { activities(filter: $f, first: 1) { totalCount } }', { f: filter });
    return data.activities.totalCount;
  }

  // ---------- the page ----------

  const table = (page: Page) => page.locator('.agencies-table table');
  const bodyRows = (page: Page) => table(page).locator('tbody tr');
  const cellTexts = (page: Page, column: number) =>
    bodyRows(page).evaluateAll((rows, i) => rows.map((r) => (r.querySelectorAll('td')[i]?.textContent ?? '').trim()), column);
  const drawer = (page: Page) => page.locator('dialog.records-drawer[open]');
  const drawerCount = (page: Page) => drawer(page).locator('.records-drawer-count').textContent();

  /** The option a chart draws, read from its ECharts instance. */
  async function chartOption<T>(page: Page, chart: string): Promise<T> {
    const frame = page.locator(`[data-chart="${chart}"] .echart`);
    await frame.locator('canvas').first().waitFor({ timeout: UI_TIMEOUT });
    return frame.evaluate((el) => (el as unknown as { pufaChart: { getOption(): unknown } }).pufaChart.getOption()) as Promise<T>;
  }

  // ---------- the tests ----------

  it('lists every agency with its figures, sorts, searches and opens an agency page', async () => {
    const listed = await agencies2025();
    const activities = await activityCounts();
    const scores = await scorecard();
    const cover = new Map((await coverage()).map((c) => [c.agencyId, c]));
    const best = scores.rows[0]!;
    const busiest = [...listed].sort((a, b) => (activities.get(b.id) ?? 0) - (activities.get(a.id) ?? 0))[0]!;

    await suite.onPage(
      'agencies-table',
      async (page) => {
        await page.goto(`${suite.hub.url}/agencies`);
        await poll(() => bodyRows(page).count()).toBe(listed.length);
        // Sorted by score, best first, once the scores are in.
        await poll(() => cellTexts(page, 7).then((c) => c[0])).toBe(decimal2(best.total));
        const first = bodyRows(page).first().locator('td');
        expect(await first.nth(0).textContent()).toBe(best.label);
        expect(await first.nth(1).textContent()).toBe(count(activities.get(best.agencyId) ?? 0));
        expect(await first.nth(2).textContent()).toBe(percent(cover.get(best.agencyId)!.completionCapped!));
        expect(await first.nth(8).textContent()).toBe(best.gradeLabel);
        expect(await first.nth(9).textContent()).toBe(String(best.rank));
        await suite.shot(page, 'agencies-zh');

        // Sort by activities: the busiest first; again: the fewest first.
        await table(page).locator('thead').getByRole('button', { name: '普法活动' }).click();
        expect(await table(page).locator('th').nth(1).getAttribute('aria-sort')).toBe('descending');
        const sorted = (await cellTexts(page, 1)).map((t) => Number(t.replace(/,/g, '')));
        expect(sorted).toEqual([...listed.map((a) => activities.get(a.id) ?? 0)].sort((a, b) => b - a));
        await table(page).locator('thead').getByRole('button', { name: '普法活动' }).click();
        expect(Number((await cellTexts(page, 1))[0]!.replace(/,/g, ''))).toBe(Math.min(...listed.map((a) => activities.get(a.id) ?? 0)));

        // Search narrows the rows to the agency named.
        await page.getByRole('searchbox', { name: '搜索' }).fill(busiest.name);
        await poll(() => cellTexts(page, 0)).toContain(busiest.name);
        expect((await cellTexts(page, 0)).every((n) => n.includes(busiest.name))).toBe(true);

        // Its name opens its page.
        await table(page).getByRole('link', { name: busiest.name, exact: true }).click();
        await poll(() => new URL(page.url()).pathname).toBe(`/agencies/${busiest.id.split(':')[1]}`);
        await page.getByRole('heading', { level: 1, name: busiest.name }).waitFor({ timeout: UI_TIMEOUT });
      },
      { signIn: 'admin' },
    );
  });

  it("shows an agency's planned vs delivered as coverage answers, and a calendar day's activities", async () => {
    const scores = await scorecard();
    const agencyId = scores.rows[0]!.agencyId;
    const [own] = await coverage(agencyId);
    expect(own!.items.length).toBeGreaterThan(1);

    await suite.onPage(
      'agency-page',
      async (page) => {
        await page.goto(`${suite.hub.url}/agencies/${agencyId.split(':')[1]}`);
        type BarOption = { yAxis: { data: string[] }[]; series: { name: string; data: number[] }[] };
        const bars = await chartOption<BarOption>(page, 'planned-delivered');
        expect(bars.yAxis[0]!.data).toEqual(own!.items.map((i) => i.title));
        expect(bars.series.map((s) => [s.name, s.data])).toEqual([
          ['计划场次', own!.items.map((i) => i.planned)],
          ['完成场次', own!.items.map((i) => i.delivered)],
        ]);
        // The list below says the same, item by item.
        const listed = await page.locator('.item').evaluateAll((items) =>
          items.map((i) => [i.querySelector('.item-title')?.textContent, Number(i.querySelector('.item-planned')?.textContent), Number(i.querySelector('.item-delivered')?.textContent)]),
        );
        expect(listed).toEqual(own!.items.map((i) => [i.title, i.planned, i.delivered]));

        // The calendar: a day's colour is its number of activities; a click lists them.
        type CalendarOption = { series: { data: [string, number][] }[] };
        const days = (await chartOption<CalendarOption>(page, 'activity-calendar')).series[0]!.data;
        expect(days.reduce((sum, [, n]) => sum + n, 0)).toBe(await activityCount({ ...YEAR_RANGE, agencyIds: [agencyId] }));
        const [day, n] = [...days].sort((a, b) => b[1] - a[1])[0]!;
        expect(n).toBe(await activityCount({ from: day, to: day, agencyIds: [agencyId] }));
        const frame = page.locator('[data-chart="activity-calendar"] .echart');
        await page.waitForTimeout(600);
        const [x, y] = await frame.evaluate(
          (el, date) => (el as unknown as { pufaChart: { convertToPixel(finder: object, value: unknown): number[] } }).pufaChart.convertToPixel({ calendarIndex: 0 }, date),
          day,
        );
        await frame.scrollIntoViewIfNeeded();
        const box = (await frame.boundingBox())!;
        await page.mouse.click(box.x + x!, box.y + y!);
        const [, m, d] = day.split('-').map(Number);
        await drawer(page).getByRole('heading', { level: 2, name: new RegExp(`${YEAR}年${m}月${d}日的普法活动$`) }).waitFor({ timeout: UI_TIMEOUT });
        await poll(() => drawerCount(page)).toBe(`第 1–${n} 条，共 ${n} 条`);
        expect(await drawer(page).locator('tbody tr').count()).toBe(n);
        await suite.shot(page, 'agency-zh');
      },
      { signIn: 'admin' },
    );
  });

  it('shows an agency reporter its own agency only, and asks the public to sign in', async () => {
    const reporter = suite.account('reporter');
    const { me } = await graphql<{ me: { agency: { id: string; name: string } } }>(suite.hub, '{ me { agency { id name } } }', {}, await apiSignIn(suite.hub, reporter));
    const own = me.agency;
    const other = (await agencies2025()).find((a) => a.id !== own.id)!;

    await suite.onPage(
      'agencies-reporter',
      async (page) => {
        await page.goto(`${suite.hub.url}/agencies/${other.id.split(':')[1]}`);
        await page.getByText(`您的账号只能查看本单位（${own.name}）的数据，不能查看其他单位。`).waitFor({ timeout: UI_TIMEOUT });
        expect(await page.getByRole('heading', { level: 1, name: other.name }).count()).toBe(0);
        await page.getByRole('link', { name: `查看本单位：${own.name}` }).click();
        await page.getByRole('heading', { level: 1, name: own.name }).waitFor({ timeout: UI_TIMEOUT });
        await chartOption(page, 'planned-delivered');
        await suite.shot(page, 'agency-reporter-zh');
      },
      { signIn: 'reporter' },
    );

    await suite.onPage('agencies-public', async (page) => {
      await page.goto(`${suite.hub.url}/agencies?lang=en`);
      await page.getByText('Sign in with an account that may read single agencies’ figures.').waitFor({ timeout: UI_TIMEOUT });
      expect(await page.locator('.agencies-table').count()).toBe(0);
      // The nav does not offer the page to the public.
      expect(await page.getByRole('navigation').getByRole('link', { name: 'Agencies' }).count()).toBe(0);
    });
  });

  it('shows the change vs last year as the API computes it, the top overlap gaps and the rectification list', async () => {
    type Compared = { measure: string; value: number | null; previous: number | null; change: number | null };
    const data = await api<{ analytics: { totals: Compared[] } }>(
      `query($f: AnalyticsFilter) { analytics(measures: [ACTIVITY_COUNT, PARTICIPANTS, AWARENESS_RATE], filter: $f, compare: SAME_PERIOD_LAST_YEAR) {
        totals { measure value previous change } } }`,
      { f: YEAR_RANGE },
    );
    const figure = (m: string) => data.analytics.totals.find((t) => t.measure === m)!;
    /** The API's relative change as "▲ +12.3%" / "▼ −4.0%"; a rate's as points between the shown percentages. */
    const expected = (m: string, points: boolean) => {
      const { value, previous, change } = figure(m);
      if (change === null || value === null || previous === null) return '—';
      const amount = points ? Math.round(value * 1000) / 10 - Math.round(previous * 1000) / 10 : change * 100;
      const text = `${Math.abs(amount).toFixed(1)}${points ? ' 个百分点' : '%'}`;
      if (Math.round(Math.abs(amount) * 10) === 0) return text;
      return `${amount > 0 ? '▲ +' : '▼ −'}${text}`;
    };
    const gaps = await api<{ overlapGaps: { severity: string | null; domain: { name: string } }[] }>(
      'query($f: OverlapFilter!) { overlapGaps(filter: $f) { severity domain { name } } }',
      { f: YEAR_RANGE },
    );
    const flagged = gaps.overlapGaps.filter((g) => g.severity !== null).slice(0, 5).map((g) => g.domain.name);
    expect(flagged.length).toBeGreaterThan(0);
    const { rectify } = await scorecard();

    await suite.onPage(
      'overview-additions',
      async (page) => {
        await page.goto(`${suite.hub.url}/`);
        const change = (label: string) =>
          page.locator('li.kpi-card').filter({ has: page.locator('.kpi-label', { hasText: new RegExp(`^${label}$`) }) }).locator('.kpi-change-value');
        await poll(() => change('普法活动').textContent()).toBe(expected('ACTIVITY_COUNT', false));
        await poll(() => change('参与群众').textContent()).toBe(expected('PARTICIPANTS', false));
        await poll(() => change('法律知晓率').textContent()).toBe(expected('AWARENESS_RATE', true));

        const gapList = page.locator('[data-list="gaps"] .notice-open');
        await poll(() => gapList.allTextContents()).toEqual(flagged);
        await page.locator('[data-list="gaps"] .notice-open').first().click();
        await drawer(page).getByRole('heading', { level: 2, name: `${flagged[0]}领域各执法单位的普法活动` }).waitFor({ timeout: UI_TIMEOUT });
        await page.keyboard.press('Escape');

        await poll(() => page.locator('[data-list="rectify"] .notice-item').count()).toBe(rectify.length);
        expect(await page.locator('[data-list="rectify"] .notice-open').first().textContent()).toBe(rectify[0]!.label);
        await suite.shot(page, 'overview-additions-zh');
      },
      { signIn: 'admin' },
    );

    // The public sees neither list.
    await suite.onPage('overview-public', async (page) => {
      await page.goto(`${suite.hub.url}/`);
      await poll(() => change(page)).not.toBe('');
      expect(await page.locator('.notice-grid').count()).toBe(0);
    });
    async function change(page: Page) {
      const value = page.locator('li.kpi-card .kpi-change-value').first();
      return (await value.count()) ? ((await value.textContent()) ?? '') : '';
    }
  });
});
