/**
 * The dashboard's foundations in a real Chromium against the real hub (see
 * hub.ts): the records drawer opened from a chart, a key figure and a table
 * cell; the domain and agency filters in the URL; downloads of a table (CSV
 * with a BOM, XLSX) and of a chart (PNG). Every figure asserted is asked from
 * /graphql here, independently of the dashboard's code; charts are read
 * through their ECharts instance (EChart.tsx exposes it as `pufaChart`).
 *
 * PUFA_E2E_SCREENSHOTS=<folder> keeps screenshots of the pages along the way.
 */
import { readFile } from 'node:fs/promises';
import ExcelJS from 'exceljs';
import type { Download, Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { browserSuite, graphql, skipBrowserTests, type PageOptions } from './hub';

const NAME = 'records.browser.test';
const UI_TIMEOUT = 20_000;
const SKIP = skipBrowserTests(NAME);
const YEAR_2025 = { from: '2025-01-01', to: '2025-12-31' };
const PAGE_SIZE = 25; // RECORDS_PAGE_SIZE

const poll = <T>(read: () => T | Promise<T>) => expect.poll(read, { timeout: UI_TIMEOUT, interval: 100 });

/** 95097 → "95,097": the grouping both languages of the dashboard use. */
const count = (value: number) => new Intl.NumberFormat('en-US', { maximumFractionDigits: 0 }).format(value);

type Row = { keys: { dimension: string; value: string; label: string }[]; values: { measure: string; value: number | null }[] };

describe.skipIf(SKIP)('records drawer, global filters and downloads in Chromium against the real hub', { timeout: 120_000 }, () => {
  const suite = browserSuite(NAME, { signIn: ['admin'] });

  // ---------- the API, as the admin ----------

  async function analytics(measures: string[], groupBy: string[], filter: Record<string, unknown>): Promise<{ rows: Row[]; totals: Row['values'] }> {
    const data = await graphql<{ analytics: { rows: Row[]; totals: Row['values'] } }>(
      suite.hub,
      `query($m: [Measure!]!, $g: [Dimension!], $f: AnalyticsFilter) {
        analytics(measures: $m, groupBy: $g, filter: $f) { rows { keys { dimension value label } values { measure value } } totals { measure value } }
      }`,
      { m: measures, g: groupBy, f: filter },
      suite.auth('admin'),
    );
    return data.analytics;
  }

  const total = async (measure: string, filter: Record<string, unknown>) =>
    (await analytics([measure], [], filter)).totals.find((t) => t.measure === measure)!.value!;

  async function activities(filter: Record<string, unknown>, first = 1): Promise<{ totalCount: number; titles: string[] }> {
    const data = await graphql<{ activities: { totalCount: number; nodes: { title: string }[] } }>(
      suite.hub,
      'query($f: ActivityFilter, $n: Int) { activities(filter: $f, first: $n) { totalCount nodes { title } } }',
      { f: filter, n: first },
      suite.auth('admin'),
    );
    return { totalCount: data.activities.totalCount, titles: data.activities.nodes.map((n) => n.title) };
  }

  // ---------- the page ----------

  /** `runOnPage` where downloads are kept, to read them. */
  const onPage = (name: string, body: (page: Page) => Promise<void>, options: PageOptions = {}) =>
    suite.onPage(name, body, { ...options, context: { acceptDownloads: true } });

  /** The values a chart draws, per series (bar items may be objects with a value). */
  async function chartData(page: Page, chart: string): Promise<number[][]> {
    const frame = page.locator(`[data-chart="${chart}"] .echart`);
    await frame.locator('canvas').first().waitFor({ timeout: UI_TIMEOUT });
    return frame.evaluate((el) => {
      const option = (el as unknown as { pufaChart: { getOption(): { series: { data: unknown[] }[] } } }).pufaChart.getOption();
      return option.series.map((s) => s.data.map((d) => (typeof d === 'object' && d !== null ? (d as { value: number }).value : (d as number))));
    });
  }

  /** Clicks a chart's data item where ECharts drew it, as a person would. */
  async function clickChartItem(page: Page, chart: string, seriesIndex: number, dataIndex: number): Promise<void> {
    const frame = page.locator(`[data-chart="${chart}"] .echart`);
    // Let the entry animation finish, so the item is where its final value puts it.
    await page.waitForTimeout(600);
    const [x, y] = await frame.evaluate(
      (el, [s, i]) => {
        type Option = { series: { type: string; data: unknown[] }[]; yAxis?: { type?: string }[] };
        const chart = (el as unknown as { pufaChart: { getOption(): Option; convertToPixel(finder: object, value: unknown): number[] } }).pufaChart;
        const option = chart.getOption();
        const series = option.series[s]!;
        const item = series.data[i];
        const value = typeof item === 'object' && item !== null ? (item as { value: number }).value : (item as number);
        // Bars: aim at the middle of the bar, not its end.
        const point = series.type === 'bar' ? [i, value / 2] : [i, value];
        // A horizontal bar chart has its categories on the y axis.
        const horizontal = option.yAxis?.[0]?.type === 'category';
        return chart.convertToPixel({ seriesIndex: s }, horizontal ? [point[1], point[0]] : point);
      },
      [seriesIndex, dataIndex] as const,
    );
    await frame.scrollIntoViewIfNeeded();
    const box = (await frame.boundingBox())!;
    await page.mouse.click(box.x + x!, box.y + y!);
  }

  const drawer = (page: Page) => page.locator('dialog.records-drawer[open]');
  const drawerCount = (page: Page) => drawer(page).locator('.records-drawer-count').textContent();

  async function kpiOpen(page: Page, label: string) {
    return page
      .locator('li.kpi-card')
      .filter({ has: page.locator('.kpi-label', { hasText: new RegExp(`^${label}$`) }) })
      .locator('button.kpi-open');
  }

  // ---------- the tests ----------

  it("lists a month's activities from the trend, page by page; focus stays inside; Escape closes", async () => {
    const byMonth = await analytics(['ACTIVITY_COUNT'], ['MONTH'], YEAR_2025);
    const months = Array.from({ length: 12 }, (_, i) => `2025-${String(i + 1).padStart(2, '0')}`);
    const expected = months.map((m) => byMonth.rows.find((r) => r.keys[0]!.value === m)?.values[0]!.value ?? 0);
    const busiest = expected.indexOf(Math.max(...expected));
    const month = months[busiest]!;
    const last = new Date(Date.UTC(2025, busiest + 1, 0)).getUTCDate();
    const listed = await activities({ from: `${month}-01`, to: `${month}-${last}` });
    expect(listed.totalCount, 'the list selects exactly the figure').toBe(expected[busiest]);
    expect(listed.totalCount).toBeGreaterThan(PAGE_SIZE);

    await onPage(
      'trend-drawer',
      async (page) => {
        await page.goto(`${suite.hub.url}/`);
        await poll(() => chartData(page, 'monthly-trend').then((s) => s[0])).toEqual(expected);
        await clickChartItem(page, 'monthly-trend', 0, busiest);

        await drawer(page).getByRole('heading', { level: 2, name: `2025年${busiest + 1}月的普法活动` }).waitFor({ timeout: UI_TIMEOUT });
        await poll(() => drawerCount(page)).toBe(`第 1–${PAGE_SIZE} 条，共 ${count(listed.totalCount)} 条`);
        // The close button has focus first.
        expect(await page.evaluate(() => document.activeElement?.textContent)).toBe('关闭');
        expect(await drawer(page).locator('tbody tr').count()).toBe(PAGE_SIZE);
        expect(await drawer(page).locator('tbody tr').first().locator('td').nth(1).textContent()).toBe(listed.titles[0]);
        await suite.shot(page, 'drawer-month', { fullPage: false });

        await drawer(page).getByRole('button', { name: '下一页' }).click();
        const secondEnd = Math.min(2 * PAGE_SIZE, listed.totalCount);
        await poll(() => drawerCount(page)).toBe(`第 ${PAGE_SIZE + 1}–${secondEnd} 条，共 ${count(listed.totalCount)} 条`);
        expect(await drawer(page).locator('tbody tr').count()).toBe(secondEnd - PAGE_SIZE);
        await drawer(page).getByRole('button', { name: '上一页' }).click();
        await poll(() => drawerCount(page)).toBe(`第 1–${PAGE_SIZE} 条，共 ${count(listed.totalCount)} 条`);

        // Paging keeps focus on the pager, even on a button that has nothing more to do.
        expect(await page.evaluate(() => document.activeElement?.textContent)).toBe('上一页');
        expect(await drawer(page).getByRole('button', { name: '上一页' }).getAttribute('aria-disabled')).toBe('true');
        // Tab and Shift+Tab never leave the drawer.
        for (const key of [...Array(12).fill('Tab'), ...Array(5).fill('Shift+Tab')]) {
          await page.keyboard.press(key);
          expect(await page.evaluate(() => Boolean(document.activeElement?.closest('dialog[open]'))), key).toBe(true);
        }
        await page.keyboard.press('Escape');
        await poll(() => drawer(page).count()).toBe(0);
      },
      { signIn: 'admin' },
    );
  });

  it('opens the records behind an agency bar, a key figure and a table cell, with the counts shown', async () => {
    const ranking = await analytics(['ACTIVITY_COUNT'], ['AGENCY'], YEAR_2025);
    const top = [...ranking.rows].sort((a, b) => b.values[0]!.value! - a.values[0]!.value!)[0]!;
    const topCount = (await activities({ ...YEAR_2025, agencyIds: [top.keys[0]!.value] })).totalCount;
    expect(topCount).toBe(top.values[0]!.value);
    const cityActivities = await total('ACTIVITY_COUNT', YEAR_2025);
    const citySlots = await total('BROADCAST_COUNT', YEAR_2025);
    const districts = await analytics(['ACTIVITY_COUNT'], ['DISTRICT'], YEAR_2025);
    const district = districts.rows[0]!;

    await onPage(
      'drill-sources',
      async (page) => {
        await page.goto(`${suite.hub.url}/`);
        const bars = await chartData(page, 'agency-ranking');
        expect(bars[0]![0]).toBe(top.values[0]!.value);
        await clickChartItem(page, 'agency-ranking', 0, 0);
        await drawer(page).getByRole('heading', { level: 2, name: `${top.keys[0]!.label}的普法活动` }).waitFor({ timeout: UI_TIMEOUT });
        await poll(() => drawerCount(page)).toMatch(new RegExp(`共 ${count(topCount)} 条$`));
        await drawer(page).getByRole('button', { name: '关闭' }).click();
        await poll(() => drawer(page).count()).toBe(0);

        await (await kpiOpen(page, '普法活动')).click();
        await drawer(page).getByRole('heading', { name: '“普法活动”的明细记录' }).waitFor();
        await poll(() => drawerCount(page)).toMatch(new RegExp(`共 ${count(cityActivities)} 条$`));
        await page.keyboard.press('Escape');

        await (await kpiOpen(page, '媒体刊播')).click();
        await drawer(page).getByText('媒体刊播', { exact: true }).first().waitFor();
        await poll(() => drawerCount(page)).toMatch(new RegExp(`共 ${count(citySlots)} 条$`));
        expect(await drawer(page).locator('thead th').allTextContents()).toEqual(['播出时间', '媒体', '频道或版面', '栏目或节目', '时长（分钟）', '重要时段']);
        await page.keyboard.press('Escape');
        // Training figures have no record list that selects them by period.
        expect(await (await kpiOpen(page, '培训参训率')).count()).toBe(0);

        // A table cell, by keyboard.
        await page.getByText('以表格查看').click();
        const cell = page.getByRole('button', { name: `查看“活动场次 ${count(district.values[0]!.value!)}”的明细记录` }).first();
        await cell.focus();
        await page.keyboard.press('Enter');
        await drawer(page).getByRole('heading', { name: `${district.keys[0]!.label}的普法活动` }).waitFor();
        await poll(() => drawerCount(page)).toMatch(new RegExp(`共 ${count(district.values[0]!.value!)} 条$`));
        await page.keyboard.press('Escape');
        // Focus returns to the cell that opened the drawer.
        await poll(() => page.evaluate(() => document.activeElement?.className)).toBe('cell-button');
      },
      { signIn: 'admin' },
    );
  });

  it('tells the public to sign in instead of listing records', async () => {
    await onPage(
      'drawer-public',
      async (page) => {
        await page.goto(`${suite.hub.url}/`);
        await (await kpiOpen(page, '普法活动')).click();
        await drawer(page).getByText('登录有权限的账号后可查看明细记录。').waitFor({ timeout: UI_TIMEOUT });
        expect(await drawer(page).getByRole('link', { name: '登录' }).count()).toBe(1);
        expect(await drawer(page).locator('tbody tr').count()).toBe(0);
      },
      // The refused request is an HTTP error the browser logs.
      { allowedErrors: [/status of 40[13]/] },
    );
  });

  it('narrows the figures to a domain and an agency from the URL, and drops the agency for the public', async () => {
    const pairs = await analytics(['ACTIVITY_COUNT'], ['DOMAIN', 'AGENCY'], YEAR_2025);
    const pair = [...pairs.rows].sort((a, b) => b.values[0]!.value! - a.values[0]!.value!)[0]!;
    const [domain, agency] = pair.keys;
    const narrowed = await total('ACTIVITY_COUNT', { ...YEAR_2025, domainIds: [domain!.value], agencyIds: [agency!.value] });
    const domainOnly = await total('ACTIVITY_COUNT', { ...YEAR_2025, domainIds: [domain!.value] });
    const city = await total('ACTIVITY_COUNT', YEAR_2025);
    expect(narrowed).toBe(pair.values[0]!.value);
    expect(new Set([narrowed, domainOnly, city]).size, 'the fixture tells the filters apart').toBe(3);
    const url = `${suite.hub.url}/?domain=${encodeURIComponent(domain!.value)}&agency=${encodeURIComponent(agency!.value)}`;

    await onPage(
      'filters-admin',
      async (page) => {
        await page.goto(url);
        await poll(() => page.locator('li.kpi-card .kpi-number').first().textContent()).toBe(count(narrowed));
        expect(await page.getByRole('combobox', { name: '执法领域' }).inputValue()).toBe(domain!.value);
        expect(await page.getByRole('combobox', { name: '单位' }).inputValue()).toBe(agency!.value);
        await page.getByText(`执法领域：${domain!.label}；单位：${agency!.label}`).waitFor();
        // Training and survey figures are not recorded by domain.
        await poll(() => page.locator('li.kpi-card[data-measure="AWARENESS_RATE"] .kpi-note').textContent()).toBe('不分领域统计');
        await suite.shot(page, 'filters-domain-agency');

        // Back to every agency: the URL loses the agency, the figure widens to the domain.
        await page.getByRole('combobox', { name: '单位' }).selectOption('');
        await poll(() => new URL(page.url()).searchParams.get('agency')).toBeNull();
        expect(new URL(page.url()).searchParams.get('domain')).toBe(domain!.value);
        await poll(() => page.locator('li.kpi-card .kpi-number').first().textContent()).toBe(count(domainOnly));
        await page.getByRole('button', { name: '重置' }).click();
        await poll(() => page.locator('li.kpi-card .kpi-number').first().textContent()).toBe(count(city));
        expect(new URL(page.url()).searchParams.get('domain')).toBeNull();
      },
      { signIn: 'admin' },
    );

    await onPage('filters-public', async (page) => {
      await page.goto(url);
      await poll(() => page.locator('li.kpi-card .kpi-number').first().textContent()).toBe(count(domainOnly));
      const agencySelect = page.getByRole('combobox', { name: '单位' });
      expect(await agencySelect.isDisabled()).toBe(true);
      expect(await agencySelect.inputValue()).toBe('');
      await page.getByText('登录后可按单位筛选').waitFor();
      // The link keeps the agency for whoever may use it.
      expect(new URL(page.url()).searchParams.get('agency')).toBe(agency!.value);
    });
  });

  it('downloads the district table as CSV (with a BOM) and XLSX holding the figures shown, and a chart as PNG', async () => {
    const districts = await analytics(['ACTIVITY_COUNT', 'PARTICIPANTS'], ['DISTRICT'], YEAR_2025);
    const expected = districts.rows
      .map((r) => [r.keys[0]!.label, r.values.find((v) => v.measure === 'ACTIVITY_COUNT')!.value!, r.values.find((v) => v.measure === 'PARTICIPANTS')!.value!] as const)
      .sort((a, b) => b[1] - a[1]);

    await onPage('downloads', async (page) => {
      await page.goto(`${suite.hub.url}/`);
      await page.getByText('以表格查看').click();
      const table = page.locator('details.chart-table table');
      await poll(() => table.locator('tbody tr').count()).toBe(expected.length);
      const shown = await table.locator('tbody tr').evaluateAll((rows) => rows.map((r) => [...r.querySelectorAll('td')].map((td) => td.textContent)));
      expect(shown).toEqual(expected.map(([name, activities, participants]) => [name, count(activities), count(participants)]));

      // Sorting by keyboard: Enter on a header sorts, aria-sort says how.
      const header = table.getByRole('button', { name: '区域' });
      await header.focus();
      await page.keyboard.press('Enter');
      expect(await table.locator('th').first().getAttribute('aria-sort')).toBe('ascending');

      const menu = page.locator('details.chart-table .dtable-download summary');
      await menu.click();
      const csv = await download(page, () => page.getByRole('button', { name: 'CSV（Excel 可直接打开）' }).click());
      expect(csv.name).toBe('各区域分布 2025年.csv');
      expect([...csv.bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
      const lines = csv.bytes.subarray(3).toString('utf8').split('\r\n');
      expect(lines[0]).toBe('区域,活动场次,参与人次');
      // The rows as shown (sorted by name now), with plain numbers.
      const sortedNames = await table.locator('tbody tr td:first-child').allTextContents();
      expect(lines.slice(1, -1)).toEqual(
        sortedNames.map((name) => {
          const row = expected.find((e) => e[0] === name)!;
          return `${row[0]},${row[1]},${row[2]}`;
        }),
      );
      expect(lines.at(-1)).toBe('');

      await menu.click();
      const xlsx = await download(page, () => page.getByRole('button', { name: 'Excel 工作簿（XLSX）' }).click());
      expect(xlsx.name).toBe('各区域分布 2025年.xlsx');
      expect(xlsx.bytes.subarray(0, 2).toString('latin1')).toBe('PK');
      const workbook = new ExcelJS.Workbook();
      await workbook.xlsx.load(xlsx.bytes as unknown as ArrayBuffer);
      const sheet = workbook.worksheets[0]!;
      expect(sheet.getRow(1).values).toEqual([undefined, '区域', '活动场次', '参与人次']);
      const first = expected.find((e) => e[0] === sortedNames[0])!;
      expect([sheet.getRow(2).getCell(1).value, sheet.getRow(2).getCell(2).value, sheet.getRow(2).getCell(3).value]).toEqual([...first]);
      await suite.shot(page, 'district-table');

      const png = await download(page, () => page.getByRole('button', { name: '月度趋势：保存为图片' }).click());
      expect(png.name).toBe('月度趋势 2025年.png');
      expect([...png.bytes.subarray(0, 8)]).toEqual([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
    });
  });

  async function download(page: Page, trigger: () => Promise<void>): Promise<{ name: string; bytes: Buffer }> {
    const [file] = await Promise.all([page.waitForEvent('download', { timeout: UI_TIMEOUT }), trigger()]);
    return { name: (file as Download).suggestedFilename(), bytes: await readFile((await (file as Download).path())!) };
  }
});
