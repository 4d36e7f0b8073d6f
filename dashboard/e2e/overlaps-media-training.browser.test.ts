/**
 * The overlaps (交叉领域), media (媒体) and training (培训) pages in a real
 * Chromium against the real hub (see hub.ts). Every figure asserted is asked
 * from /graphql here, independently of the dashboard's code; charts are read
 * through their ECharts instance (EChart.tsx exposes it as `pufaChart`) and
 * clicked where ECharts drew the item, as a person would.
 *
 * PUFA_E2E_SCREENSHOTS=<folder> keeps screenshots of the pages (zh and en,
 * admin and a low role).
 */
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { apiSignIn, browserSuite, graphql, skipBrowserTests } from './hub';

const NAME = 'overlaps-media-training.browser.test';
const UI_TIMEOUT = 20_000;
const SKIP = skipBrowserTests(NAME);
const YEAR_2025 = { from: '2025-01-01', to: '2025-12-31' };

const poll = <T>(read: () => T | Promise<T>) => expect.poll(read, { timeout: UI_TIMEOUT, interval: 100 });

/** 95097 → "95,097": the grouping both languages use. */
const count = (value: number) => new Intl.NumberFormat('en-US', { maximumFractionDigits: 0 }).format(value);
/** 0.9084 → "90.8%". */
const percent = (value: number) =>
  new Intl.NumberFormat('en-US', { style: 'percent', minimumFractionDigits: 1, maximumFractionDigits: 1 }).format(value);

type Named = { id: string; name: string; nameEn: string | null };
type Drill = Record<string, unknown>;
interface Gap {
  domain: Named;
  holders: { isLead: boolean; activityCount: number; agency: Named; drill: Drill }[];
  flags: { kind: string; message: string; act: Named[]; drill: Drill }[];
}
type Row = { keys: { dimension: string; value: string; label: string }[]; values: { measure: string; value: number | null }[] };

/** A drill as an `activities` filter: its set fields, none of the type's own. */
function filterOf(drill: Drill): Drill {
  return Object.fromEntries(Object.entries(drill).filter(([key, value]) => value !== null && key !== '__typename'));
}

describe.skipIf(SKIP)('overlaps, media and training pages in Chromium against the real hub', { timeout: 180_000 }, () => {
  const suite = browserSuite(NAME, { signIn: ['admin'] });
  const admin = () => suite.auth('admin');

  // ---------- the API ----------

  async function overlapGaps(filter: Record<string, unknown>, locale = 'ZH_CN'): Promise<Gap[]> {
    const drill = 'from to years agencyIds domainIds regionIds audiences';
    const data = await graphql<{ overlapGaps: Gap[] }>(
      suite.hub,
      `query($f: OverlapFilter!, $l: Locale) { overlapGaps(filter: $f, locale: $l) {
        domain { id name nameEn }
        holders { isLead activityCount agency { id name nameEn } drill { ${drill} } }
        flags { kind message act { id name nameEn } drill { ${drill} } }
      } }`,
      { f: filter, l: locale },
      admin(),
    );
    return data.overlapGaps;
  }

  async function analytics(measures: string[], groupBy: string[], filter: Record<string, unknown>, headers = admin()) {
    const data = await graphql<{ analytics: { rows: Row[]; totals: Row['values'] } }>(
      suite.hub,
      `query($m: [Measure!]!, $g: [Dimension!], $f: AnalyticsFilter) {
        analytics(measures: $m, groupBy: $g, filter: $f) { rows { keys { dimension value label } values { measure value } } totals { measure value } }
      }`,
      { m: measures, g: groupBy, f: filter },
      headers,
    );
    return data.analytics;
  }

  const value = (values: Row['values'], measure: string) => values.find((v) => v.measure === measure)?.value ?? null;

  async function totalCount(list: 'activities' | 'broadcastSlots' | 'trainingAttendance', filterType: string, filter: Drill, headers = admin()): Promise<number> {
    const data = await graphql<Record<string, { totalCount: number }>>(
      suite.hub,
      `query($f: ${filterType}) { ${list}(filter: $f, first: 1) { totalCount } }`,
      { f: filter },
      headers,
    );
    return data[list]!.totalCount;
  }

  // ---------- the page ----------

  const onPage = suite.onPage;
  const shot = (page: Page, name: string) => suite.shot(page, name);

  /** Each series' data as drawn (items may be objects with a value). */
  async function chartSeries(page: Page, chart: string): Promise<unknown[][]> {
    const frame = page.locator(`[data-chart="${chart}"] .echart`);
    await frame.locator('canvas').first().waitFor({ timeout: UI_TIMEOUT });
    return frame.evaluate((el) => {
      const option = (el as unknown as { pufaChart: { getOption(): { series: { data: unknown[] }[] } } }).pufaChart.getOption();
      return option.series.map((s) => s.data.map((d) => (typeof d === 'object' && d !== null && !Array.isArray(d) && 'value' in d ? (d as { value: unknown }).value : d)));
    });
  }

  async function chartAxis(page: Page, chart: string, axis: 'xAxis' | 'yAxis'): Promise<string[]> {
    const frame = page.locator(`[data-chart="${chart}"] .echart`);
    await frame.locator('canvas').first().waitFor({ timeout: UI_TIMEOUT });
    return frame.evaluate((el, name) => {
      const option = (el as unknown as { pufaChart: { getOption(): Record<string, { data: string[] }[]> } }).pufaChart.getOption();
      return option[name]![0]!.data;
    }, axis);
  }

  /** Clicks where ECharts drew `point` (in the series' coordinates: [x, y], or a calendar day). */
  async function clickAt(page: Page, chart: string, seriesIndex: number, point: unknown): Promise<void> {
    const frame = page.locator(`[data-chart="${chart}"] .echart`);
    await frame.scrollIntoViewIfNeeded();
    await page.waitForTimeout(700); // the entry animation
    const [x, y] = await frame.evaluate(
      (el, [s, p]) =>
        (el as unknown as { pufaChart: { convertToPixel(finder: object, value: unknown): number[] } }).pufaChart.convertToPixel(
          { seriesIndex: s },
          p,
        ),
      [seriesIndex, point] as const,
    );
    const box = (await frame.boundingBox())!;
    await page.mouse.click(box.x + x!, box.y + y!);
  }

  const drawer = (page: Page) => page.locator('dialog.records-drawer[open]');
  const drawerCount = (page: Page) => drawer(page).locator('.records-drawer-count').textContent();
  /** The drawer's count line for `n` records. */
  const countLine = (n: number) => (n === 0 ? '没有符合条件的记录' : new RegExp(`共 ${count(n)} 条$`));
  async function closeDrawer(page: Page) {
    await page.keyboard.press('Escape');
    await poll(() => drawer(page).count()).toBe(0);
  }

  const figure = (page: Page, id: string) => page.locator(`li.kpi-card[data-figure="${id}"] .kpi-number`);

  // ---------- overlaps ----------

  it('draws the domain × agency heatmap as the API answers it; a cell and a flag open their activities', async () => {
    const gaps = await overlapGaps(YEAR_2025);
    expect(gaps.length).toBeGreaterThan(1);
    // The columns: agencies in order of first appearance down the domains.
    const agencies: string[] = [];
    for (const g of gaps) for (const h of g.holders) if (!agencies.includes(h.agency.id)) agencies.push(h.agency.id);
    const cells = gaps.flatMap((g, y) => g.holders.map((h) => [agencies.indexOf(h.agency.id), y, h.activityCount]));
    // The busiest holder, and a flag of the first overlap with flags.
    const busiest = gaps.flatMap((g) => g.holders.map((h) => ({ g, h }))).sort((a, b) => b.h.activityCount - a.h.activityCount)[0]!;
    const busiestIndex = cells.findIndex(([x, y]) => x === agencies.indexOf(busiest.h.agency.id) && y === gaps.indexOf(busiest.g));
    const listed = await totalCount('activities', 'ActivityFilter', filterOf(busiest.h.drill));
    expect(listed, 'the holder’s drill selects exactly its count').toBe(busiest.h.activityCount);
    const flags = gaps.flatMap((g) => g.flags.map((f) => ({ g, f })));
    expect(flags.length).toBeGreaterThan(0);
    const flag = flags[0]!;
    const flagListed = await totalCount('activities', 'ActivityFilter', filterOf(flag.f.drill));

    await onPage(
      'overlaps-admin',
      async (page) => {
        await page.goto(`${suite.hub.url}/overlaps`);
        await poll(() => chartSeries(page, 'overlap-heatmap').then((s) => s[0])).toEqual(cells);
        expect(await chartAxis(page, 'overlap-heatmap', 'yAxis')).toEqual(gaps.map((g) => g.domain.name));
        expect(await page.locator('.overlap-summary').textContent()).toContain(`交叉领域 ${gaps.length}`);

        const [x, y] = cells[busiestIndex]!;
        await clickAt(page, 'overlap-heatmap', 0, [x, y]);
        await drawer(page)
          .getByRole('heading', { level: 2, name: `${busiest.h.agency.name}在${busiest.g.domain.name}领域的普法活动` })
          .waitFor({ timeout: UI_TIMEOUT });
        await poll(() => drawerCount(page)).toMatch(countLine(busiest.h.activityCount));
        await closeDrawer(page);

        // The gap list: every flag, in the API's order, with its sentence.
        const table = page.locator('.gaps-table table');
        await poll(() => table.locator('tbody tr').count()).toBe(flags.length);
        expect(await table.locator('tbody tr td:nth-child(4)').allTextContents()).toEqual(flags.map((x) => x.f.message));
        const act = flag.f.act.length ? flag.f.act.map((a) => a.name).join('、') : '普法办（指定牵头单位）';
        expect(await table.locator('tbody tr').first().locator('td').nth(4).textContent()).toBe(act);
        await table.locator('tbody tr').first().getByRole('button').click();
        await drawer(page).getByRole('heading', { level: 2 }).waitFor({ timeout: UI_TIMEOUT });
        expect(await drawer(page).getByRole('heading', { level: 2 }).textContent()).toMatch(new RegExp(`^${flag.g.domain.name}：`));
        await poll(() => drawerCount(page)).toMatch(countLine(flagListed));
        await closeDrawer(page);
        await shot(page, 'overlaps-admin-zh');
      },
      { signIn: 'admin' },
    );
  });

  it('narrows the overlaps to a district from the URL and speaks English', async () => {
    const districts = await graphql<{ regions: { nodes: { id: string }[] } }>(suite.hub, '{ regions(filter: { level: DISTRICT }, first: 10) { nodes { id } } }');
    const district = districts.regions.nodes[0]!.id;
    const narrowed = await overlapGaps({ ...YEAR_2025, regionIds: [district] });
    const city = await overlapGaps(YEAR_2025);
    const holders = (gaps: Gap[]) => gaps.flatMap((g) => g.holders.map((h) => h.activityCount));
    expect(holders(narrowed), 'the district changes the figures').not.toEqual(holders(city));
    const english = await overlapGaps({ ...YEAR_2025, regionIds: [district] }, 'EN');

    await onPage(
      'overlaps-district-en',
      async (page) => {
        await page.goto(`${suite.hub.url}/overlaps?district=${encodeURIComponent(district)}&lang=en`);
        await page.getByRole('heading', { level: 1, name: 'Overlapping domains' }).waitFor({ timeout: UI_TIMEOUT });
        // In English the API orders domains by their English names.
        await poll(() => chartSeries(page, 'overlap-heatmap').then((s) => (s[0] as number[][]).map((c) => c[2]))).toEqual(holders(english));
        expect(await chartAxis(page, 'overlap-heatmap', 'yAxis')).toEqual(english.map((g) => g.domain.nameEn ?? g.domain.name));
        const messages = english.flatMap((g) => g.flags.map((f) => f.message));
        await poll(() => page.locator('.gaps-table tbody tr td:nth-child(4)').allTextContents()).toEqual(messages);
        await page.getByRole('heading', { level: 2, name: 'Activities by overlapping domain and agency' }).waitFor();
        await shot(page, 'overlaps-district-en');
      },
      { signIn: 'leader' },
    );
  });

  it('asks the public to sign in, explains the refusal to a media partner, and shows an API failure', async () => {
    await onPage('overlaps-public', async (page) => {
      await page.goto(`${suite.hub.url}/overlaps`);
      await page.getByText('交叉领域的分析仅供登录后的普法办、领导、监督人员和执法单位查阅。').waitFor({ timeout: UI_TIMEOUT });
      expect(await page.locator('.restricted-panel').getByRole('link', { name: '登录' }).count()).toBe(1);
      // Not offered in the nav.
      expect(await page.getByRole('navigation').getByRole('link', { name: '交叉领域' }).count()).toBe(0);
      await shot(page, 'overlaps-public-zh');
    });
    await onPage(
      'overlaps-media-partner',
      async (page) => {
        await page.goto(`${suite.hub.url}/overlaps`);
        await page.getByText('当前账号无权查看交叉领域的分析。', { exact: false }).waitFor({ timeout: UI_TIMEOUT });
        expect(await page.locator('[data-chart="overlap-heatmap"]').count()).toBe(0);
      },
      { signIn: 'media' },
    );
    await onPage(
      'overlaps-failure',
      async (page) => {
        await page.route('**/graphql', async (route) => {
          if (route.request().postData()?.includes('query OverlapGaps')) {
            await route.fulfill({ status: 500, contentType: 'application/json', body: JSON.stringify({ errors: [{ message: 'boom', extensions: { code: 'INTERNAL_SERVER_ERROR' } }] }) });
          } else {
            await route.continue();
          }
        });
        await page.goto(`${suite.hub.url}/overlaps`);
        await page.getByRole('alert').filter({ hasText: '数据加载失败' }).first().waitFor({ timeout: UI_TIMEOUT });
        expect(await page.getByRole('button', { name: '重试' }).count()).toBeGreaterThan(0);
      },
      { signIn: 'admin', allowedErrors: [/status of 500/] },
    );
  });

  // ---------- media ----------

  it('shows slots and minutes by outlet and month as the API counts them; a bar, an ad bar and a calendar day open their slots', async () => {
    const totals = (await analytics(['BROADCAST_COUNT', 'BROADCAST_MINUTES', 'PRIME_TIME_SHARE', 'PUBLIC_SERVICE_ADS'], [], YEAR_2025)).totals;
    const pairs = await analytics(['BROADCAST_COUNT'], ['OUTLET', 'MONTH'], YEAR_2025);
    const outletTotals = new Map<string, number>();
    for (const r of pairs.rows) outletTotals.set(r.keys[0]!.value, (outletTotals.get(r.keys[0]!.value) ?? 0) + value(r.values, 'BROADCAST_COUNT')!);
    const top = [...outletTotals].sort((a, b) => b[1] - a[1])[0]![0];
    const months = Array.from({ length: 12 }, (_, i) => `2025-${String(i + 1).padStart(2, '0')}`);
    const topSeries = months.map((m) => value(pairs.rows.find((r) => r.keys[0]!.value === top && r.keys[1]!.value === m)?.values ?? [], 'BROADCAST_COUNT') ?? 0);
    const busiest = topSeries.indexOf(Math.max(...topSeries));
    const byOutlet = await analytics(['PUBLIC_SERVICE_ADS'], ['OUTLET'], YEAR_2025);
    const ads = byOutlet.rows.filter((r) => value(r.values, 'PUBLIC_SERVICE_ADS')! > 0).sort((a, b) => value(b.values, 'PUBLIC_SERVICE_ADS')! - value(a.values, 'PUBLIC_SERVICE_ADS')!);
    const adsListed = await totalCount('broadcastSlots', 'SlotFilter', { ...YEAR_2025, outletIds: [ads[0]!.keys[0]!.value], kinds: ['PUBLIC_SERVICE_AD'] });
    expect(adsListed, 'the ad drill selects exactly the figure').toBe(value(ads[0]!.values, 'PUBLIC_SERVICE_ADS'));

    await onPage(
      'media-admin',
      async (page) => {
        await page.goto(`${suite.hub.url}/media`);
        await poll(() => figure(page, 'BROADCAST_COUNT').textContent()).toBe(count(value(totals, 'BROADCAST_COUNT')!));
        expect(await figure(page, 'BROADCAST_MINUTES').textContent()).toBe(count(value(totals, 'BROADCAST_MINUTES')!));
        expect(await figure(page, 'PRIME_TIME_SHARE').textContent()).toBe(percent(value(totals, 'PRIME_TIME_SHARE')!));
        expect(await figure(page, 'PUBLIC_SERVICE_ADS').textContent()).toBe(count(value(totals, 'PUBLIC_SERVICE_ADS')!));

        // The first (largest) stacked series is the top outlet, month by month.
        const series = await chartSeries(page, 'media-monthly-slots');
        expect(series[0]).toEqual(topSeries);
        expect((series as number[][]).reduce((sum, s) => sum + s.reduce((a, b) => a + b, 0), 0)).toBe(value(totals, 'BROADCAST_COUNT'));
        // Its busiest month: the segment is the first of the stack, centred at half its height.
        await clickAt(page, 'media-monthly-slots', 0, [busiest, topSeries[busiest]! / 2]);
        await drawer(page).getByRole('heading', { level: 2 }).waitFor({ timeout: UI_TIMEOUT });
        await poll(() => drawerCount(page)).toMatch(countLine(topSeries[busiest]!));
        expect(await drawer(page).locator('thead th').first().textContent()).toBe('播出时间');
        await closeDrawer(page);

        expect((await chartSeries(page, 'media-ads'))[0]).toEqual(ads.map((r) => value(r.values, 'PUBLIC_SERVICE_ADS')));
        await clickAt(page, 'media-ads', 0, [value(ads[0]!.values, 'PUBLIC_SERVICE_ADS')! / 2, 0]);
        await drawer(page).getByRole('heading', { level: 2, name: `${ads[0]!.keys[0]!.label}的公益广告` }).waitFor({ timeout: UI_TIMEOUT });
        await poll(() => drawerCount(page)).toMatch(countLine(adsListed));
        await closeDrawer(page);

        // The calendar adds up to the period's slots; a day opens that day's slots.
        const days = (await chartSeries(page, 'media-calendar')) as [string, number][][];
        expect(days.flat().reduce((sum, [, n]) => sum + n, 0)).toBe(value(totals, 'BROADCAST_COUNT'));
        const [day, n] = [...days[0]!].sort((a, b) => b[1] - a[1])[0]!;
        expect(await totalCount('broadcastSlots', 'SlotFilter', { from: day, to: day })).toBe(n);
        await clickAt(page, 'media-calendar', 0, [day, n]);
        await drawer(page).getByRole('heading', { level: 2 }).waitFor({ timeout: UI_TIMEOUT });
        await poll(() => drawerCount(page)).toMatch(countLine(n));
        await closeDrawer(page);
        await shot(page, 'media-admin-zh');
      },
      { signIn: 'admin' },
    );
  });

  it('shows a media partner the city by month and its own outlet from its records; the public the city', async () => {
    const partner = await apiSignIn(suite.hub, suite.account('media'));
    const own = await totalCount('broadcastSlots', 'SlotFilter', YEAR_2025, partner);
    const city = (await analytics(['BROADCAST_COUNT'], ['MONTH'], YEAR_2025)).totals;
    expect(own).toBeLessThan(value(city, 'BROADCAST_COUNT')!);

    await onPage(
      'media-partner',
      async (page) => {
        await page.goto(`${suite.hub.url}/media`);
        await poll(() => figure(page, 'own-slots').textContent()).toBe(count(own));
        expect(await figure(page, 'BROADCAST_COUNT').textContent()).toBe(count(value(city, 'BROADCAST_COUNT')!));
        await page.getByText('各媒体的数据仅供普法办、领导和监督人员查阅；以上为全市数据。').waitFor();
        expect(await page.locator('[data-chart="media-prime-share"]').count()).toBe(0);
        // Its calendar counts its own slots.
        const days = (await chartSeries(page, 'media-calendar')) as [string, number][][];
        expect(days.flat().reduce((sum, [, n]) => sum + n, 0)).toBe(own);
        await shot(page, 'media-partner-zh');
      },
      { signIn: 'media' },
    );

    await onPage('media-public-en', async (page) => {
      await page.goto(`${suite.hub.url}/media?lang=en`);
      await poll(() => figure(page, 'BROADCAST_COUNT').textContent()).toBe(count(value(city, 'BROADCAST_COUNT')!));
      await page.getByText('Sign in to see figures by outlet; the figures above are the whole city’s.').waitFor();
      await page.getByText('Sign in to see the slots per day.').waitFor();
      expect(await chartAxis(page, 'media-monthly-slots', 'xAxis')).toEqual(['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec']);
      await shot(page, 'media-public-en');
    });
  });

  // ---------- training ----------

  it('shows attendance per agency and session kind as the API computes it, and city-wide figures to the public', async () => {
    const measures = ['TRAINING_REQUIRED', 'TRAINING_ATTENDANCE_RATE', 'LEADING_CADRE_ATTENDANCE_RATE', 'TRAINING_HOURS', 'TRAINING_PASS_RATE'];
    const totals = (await analytics(measures, [], YEAR_2025)).totals;
    const pairs = await analytics(['TRAINING_ATTENDANCE_RATE'], ['AGENCY', 'SESSION_KIND'], YEAR_2025);
    const agencies = await analytics(['TRAINING_ATTENDANCE_RATE'], ['AGENCY'], YEAR_2025);

    await onPage(
      'training-admin',
      async (page) => {
        await page.goto(`${suite.hub.url}/training`);
        await poll(() => figure(page, 'TRAINING_ATTENDANCE_RATE').textContent()).toBe(percent(value(totals, 'TRAINING_ATTENDANCE_RATE')!));
        expect(await figure(page, 'TRAINING_REQUIRED').textContent()).toBe(count(value(totals, 'TRAINING_REQUIRED')!));
        expect(await figure(page, 'LEADING_CADRE_ATTENDANCE_RATE').textContent()).toBe(percent(value(totals, 'LEADING_CADRE_ATTENDANCE_RATE')!));
        expect(await figure(page, 'TRAINING_HOURS').textContent()).toBe(count(value(totals, 'TRAINING_HOURS')!));
        expect(await figure(page, 'TRAINING_PASS_RATE').textContent()).toBe(percent(value(totals, 'TRAINING_PASS_RATE')!));

        // Every heatmap cell is the API's rate for its agency and kind.
        await poll(() => chartSeries(page, 'training-heatmap').then((s) => s[0]!.length)).toBe(
          pairs.rows.filter((r) => value(r.values, 'TRAINING_ATTENDANCE_RATE') !== null).length,
        );
        const rows = await chartAxis(page, 'training-heatmap', 'yAxis');
        const columns = await chartAxis(page, 'training-heatmap', 'xAxis');
        const drawn = (await chartSeries(page, 'training-heatmap'))[0] as [number, number, number][];
        for (const [x, y, rate] of drawn) {
          const expected = pairs.rows.find((r) => r.keys[0]!.label === rows[y] && r.keys[1]!.label === columns[x]);
          expect(rate, `${rows[y]} × ${columns[x]}`).toBe(value(expected!.values, 'TRAINING_ATTENDANCE_RATE'));
        }
        // Lowest overall rate first.
        const first = agencies.rows.find((r) => r.keys[0]!.label === rows[0])!;
        expect(value(first.values, 'TRAINING_ATTENDANCE_RATE')).toBe(Math.min(...agencies.rows.map((r) => value(r.values, 'TRAINING_ATTENDANCE_RATE') ?? 2)));

        const table = page.locator('.card', { hasText: '各单位培训统计' }).locator('table');
        await poll(() => table.locator('tbody tr').count()).toBe(agencies.rows.length);
        await shot(page, 'training-admin-zh');
      },
      { signIn: 'admin' },
    );

    await onPage('training-public', async (page) => {
      await page.goto(`${suite.hub.url}/training`);
      await poll(() => figure(page, 'TRAINING_ATTENDANCE_RATE').textContent()).toBe(percent(value(totals, 'TRAINING_ATTENDANCE_RATE')!));
      await page.getByText('登录后可查看各单位的培训数据；以上为全市数据。').waitFor();
      expect(await page.locator('[data-chart="training-heatmap"]').count()).toBe(0);
      await page.locator('[data-chart="training-kind-rates"] canvas').waitFor();
      await shot(page, 'training-public-zh');
    });
  });

  it('opens the attendance rows behind an agency’s required count (by keyboard) and the city’s, as many as the API counts', async () => {
    const byAgency = await analytics(['TRAINING_REQUIRED', 'TRAINING_ATTENDED'], ['AGENCY'], YEAR_2025);
    const busiest = [...byAgency.rows].sort((a, b) => value(b.values, 'TRAINING_REQUIRED')! - value(a.values, 'TRAINING_REQUIRED')!)[0]!;
    const agency = busiest.keys[0]!;
    const required = value(busiest.values, 'TRAINING_REQUIRED')!;
    const attended = value(busiest.values, 'TRAINING_ATTENDED')!;
    const listed = await totalCount('trainingAttendance', 'AttendanceFilter', { ...YEAR_2025, agencyIds: [agency.value], required: true });
    expect(listed, 'the agency’s drill selects exactly its figure').toBe(required);
    const city = value((await analytics(['TRAINING_REQUIRED'], [], YEAR_2025)).totals, 'TRAINING_REQUIRED')!;
    // The pass rate is over the rows with a score: its tile lists them.
    const scored = await totalCount('trainingAttendance', 'AttendanceFilter', { ...YEAR_2025, scored: true });
    const passRate = value((await analytics(['TRAINING_PASS_RATE'], [], YEAR_2025)).totals, 'TRAINING_PASS_RATE')!;
    const passed = await totalCount('trainingAttendance', 'AttendanceFilter', { ...YEAR_2025, passed: true });
    expect(passed / scored).toBeCloseTo(passRate, 12);
    // Hours by session kind: a kind's bar lists every row of that kind (hours are credited on each).
    const byKind = (await analytics(['TRAINING_HOURS'], ['SESSION_KIND'], YEAR_2025)).rows;

    await onPage(
      'training-records',
      async (page) => {
        await page.goto(`${suite.hub.url}/training`);
        const table = page.locator('.card', { hasText: '各单位培训统计' }).locator('table');
        const row = table.locator('tbody tr').filter({ has: page.getByRole('cell', { name: agency.label, exact: true }) });
        const button = row.locator('td').nth(1).getByRole('button');
        await poll(() => button.textContent()).toBe(count(required));
        await button.focus();
        await page.keyboard.press('Enter');
        await drawer(page).getByRole('heading', { level: 2, name: `2025年 ${agency.label} 应参训记录` }).waitFor({ timeout: UI_TIMEOUT });
        await poll(() => drawerCount(page)).toMatch(countLine(required));
        expect(await drawer(page).locator('thead th').allTextContents()).toEqual(['日期', '参训人员', '单位', '培训名称', '出勤', '学时', '考试成绩']);
        // One page holds them all (25 a page): as many attended as the API counts, the rest absent.
        expect(required).toBeLessThanOrEqual(25);
        const states = await drawer(page).locator('tbody tr td:nth-child(5)').allTextContents();
        expect(states.filter((x) => x === '已参训').length).toBe(attended);
        expect(states.filter((x) => x === '缺席').length).toBe(required - attended);
        await closeDrawer(page);
        // Focus returns to the figure it was opened from.
        expect(await button.evaluate((el) => el === document.activeElement)).toBe(true);

        await page.locator('li.kpi-card[data-figure="TRAINING_REQUIRED"]').getByRole('button').click();
        await drawer(page).getByRole('heading', { level: 2, name: '2025年 应参训记录' }).waitFor({ timeout: UI_TIMEOUT });
        await poll(() => drawerCount(page)).toMatch(countLine(city));
        await shot(page, 'training-records-zh');
        await closeDrawer(page);

        await page.locator('li.kpi-card[data-figure="TRAINING_PASS_RATE"]').getByRole('button').click();
        await drawer(page).getByRole('heading', { level: 2, name: '2025年 有考试成绩的参训记录' }).waitFor({ timeout: UI_TIMEOUT });
        await poll(() => drawerCount(page)).toMatch(countLine(scored));
        await closeDrawer(page);

        const first = (await chartAxis(page, 'training-kind-hours', 'xAxis'))[0]!;
        const kindRow = byKind.find((r) => r.keys[0]!.label === first)!;
        const ofKind = await totalCount('trainingAttendance', 'AttendanceFilter', { ...YEAR_2025, sessionKinds: [kindRow.keys[0]!.value] });
        await clickAt(page, 'training-kind-hours', 0, [0, value(kindRow.values, 'TRAINING_HOURS')! / 2]);
        await drawer(page).getByRole('heading', { level: 2, name: `2025年 ${first} 参训记录（计学时）` }).waitFor({ timeout: UI_TIMEOUT });
        await poll(() => drawerCount(page)).toMatch(countLine(ofKind));
        await closeDrawer(page);
      },
      { signIn: 'admin' },
    );
  });
});
