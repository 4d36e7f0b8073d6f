/**
 * The overview page in a real Chromium against the real hub: the built API
 * (api/dist) with a fresh embedded database holding the demo data, serving the
 * built dashboard (dashboard/dist). Every figure asserted is fetched from
 * /graphql here and formatted here, independently of the dashboard's code.
 *
 * Without Chromium (`which chromium`) the tests are skipped with a message,
 * except in CI (CI=true), where a missing browser fails them (see hub.ts).
 */
import type { Page } from 'playwright-core';
import { afterAll, describe, expect, it } from 'vitest';
import { browserSuite, graphql, skipBrowserTests, type Hub } from './hub';

/** How long a figure may take to appear after a navigation or a click. */
const UI_TIMEOUT = 20_000;
const YEAR_2025 = { from: '2025-01-01', to: '2025-12-31' };

const NAME = 'overview.browser.test';
const SKIP = skipBrowserTests(NAME);

// ---------- figures, straight from the API ----------

type Totals = Record<string, number | null>;

async function totals(hub: Hub, measures: string[], filter: Record<string, unknown>): Promise<Totals> {
  const data = await graphql<{ analytics: { totals: { measure: string; value: number | null }[] } }>(
    hub,
    `query Totals($measures: [Measure!]!, $filter: AnalyticsFilter) {
      analytics(measures: $measures, filter: $filter) { totals { measure value } }
    }`,
    { measures, filter },
  );
  return Object.fromEntries(data.analytics.totals.map((t) => [t.measure, t.value]));
}

/** 95097 → "95,097": the grouping both languages of the dashboard use. */
function count(value: number | null | undefined): string {
  if (typeof value !== 'number') throw new Error(`expected a number, got ${value}`);
  return new Intl.NumberFormat('en-US', { maximumFractionDigits: 0 }).format(value);
}

/** 0.9084 → "90.8%". */
function percent(value: number | null | undefined): string {
  if (typeof value !== 'number') throw new Error(`expected a number, got ${value}`);
  return new Intl.NumberFormat('en-US', { style: 'percent', minimumFractionDigits: 1, maximumFractionDigits: 1 }).format(value);
}

// ---------- the page ----------

/** The key-figure card whose label reads exactly `label`. */
function kpiCard(page: Page, label: string) {
  return page.locator('li.kpi-card').filter({ has: page.locator('.kpi-label', { hasText: new RegExp(`^${label}$`) }) });
}

/** The card's figure as shown, or "" while it loads (or when there is no such card). */
async function kpiValue(page: Page, label: string): Promise<string> {
  const number = kpiCard(page, label).locator('.kpi-number');
  return (await number.count()) === 1 ? ((await number.textContent()) ?? '').trim() : '';
}

/** The card's note ("不分区域统计", "加载失败"), or "" when it has none. */
async function kpiNote(page: Page, label: string): Promise<string> {
  const note = kpiCard(page, label).locator('.kpi-note');
  return (await note.count()) === 1 ? ((await note.textContent()) ?? '').trim() : '';
}

/** Asserts on `read()` until it holds: the cards load in four independent groups. */
const poll = <T>(read: () => T | Promise<T>) => expect.poll(read, { timeout: UI_TIMEOUT, interval: 100 });

describe.skipIf(SKIP)('overview page in Chromium against the real hub', { timeout: 90_000 }, () => {
  const suite = browserSuite(NAME);
  /** How long each page took; printed after all, with the suite's start. */
  const timings: [string, number][] = [];

  afterAll(() => {
    const { hub, browser } = suite.startup;
    const all: [string, number][] = [['hub start (migrations + demo data)', hub], ['chromium launch', browser], ...timings];
    const taken = all.filter(([, ms]) => ms > 0);
    if (taken.length) console.log(`[${NAME}] timings:\n${taken.map(([name, ms]) => `  ${name}: ${(ms / 1000).toFixed(2)} s`).join('\n')}`);
  });

  /** `runOnPage` (a fresh page, failing on any console error, a screenshot on failure), timed. */
  async function onPage(name: string, body: (page: Page, hub: Hub) => Promise<void>): Promise<void> {
    const started = performance.now();
    try {
      await suite.onPage(name, (page) => body(page, suite.hub));
    } finally {
      timings.push([name, performance.now() - started]);
    }
  }

  it('shows the city-wide 2025 figures in Chinese, marked as demo data', async () => {
    await onPage('city-zh', async (page, hub) => {
      const expected = await totals(hub, ['ACTIVITY_COUNT', 'PARTICIPANTS', 'BROADCAST_COUNT'], YEAR_2025);
      await page.goto(`${hub.url}/`);
      await page.getByRole('heading', { level: 1, name: '总览' }).waitFor();
      expect(await page.locator('html').getAttribute('lang')).toBe('zh-CN');

      await poll(() => kpiValue(page, '普法活动')).toBe(count(expected.ACTIVITY_COUNT));
      await poll(() => kpiValue(page, '参与群众')).toBe(count(expected.PARTICIPANTS));
      // City-wide, broadcasts are counted like everything else.
      await poll(() => kpiValue(page, '媒体刊播')).toBe(count(expected.BROADCAST_COUNT));
      await poll(() => kpiNote(page, '媒体刊播')).toBe('');

      await page.getByText('演示数据', { exact: true }).waitFor({ state: 'visible', timeout: UI_TIMEOUT });
    });
  });

  it('switches to English: heading, labels, html lang and lang=en in the URL', async () => {
    await onPage('switch-en', async (page, hub) => {
      const expected = await totals(hub, ['ACTIVITY_COUNT'], YEAR_2025);
      await page.goto(`${hub.url}/`);
      await poll(() => kpiValue(page, '普法活动')).toBe(count(expected.ACTIVITY_COUNT));

      await page.getByRole('button', { name: 'English' }).click();
      await page.getByRole('heading', { level: 1, name: 'Overview' }).waitFor({ timeout: UI_TIMEOUT });
      expect(new URL(page.url()).searchParams.get('lang')).toBe('en');
      expect(await page.locator('html').getAttribute('lang')).toBe('en');
      await page.getByRole('heading', { level: 2, name: 'Key figures' }).waitFor();
      await poll(() => kpiValue(page, 'Activities')).toBe(count(expected.ACTIVITY_COUNT));
      expect(await kpiCard(page, '普法活动').count()).toBe(0);
      await page.getByText('Demo data', { exact: true }).waitFor({ state: 'visible' });
      expect(await page.getByRole('button', { name: 'English' }).getAttribute('aria-pressed')).toBe('true');
    });
  });

  it("shows a district's own figures, and broadcasts as not recorded by district", async () => {
    await onPage('district', async (page, hub) => {
      const { regions } = await graphql<{ regions: { edges: { node: { id: string; name: string; nameEn: string | null } }[] } }>(
        hub,
        '{ regions(filter: { level: DISTRICT }, first: 100) { edges { node { id name nameEn } } } }',
      );
      const district = regions.edges[1]?.node ?? regions.edges[0]!.node;
      const cityWide = await totals(hub, ['ACTIVITY_COUNT'], YEAR_2025);
      const expected = await totals(
        hub,
        ['ACTIVITY_COUNT', 'PARTICIPANTS', 'TRAINING_ATTENDANCE_RATE', 'AWARENESS_RATE'],
        { ...YEAR_2025, regionIds: [district.id] },
      );
      expect(expected.ACTIVITY_COUNT).not.toBe(cityWide.ACTIVITY_COUNT);

      await page.goto(`${hub.url}/?lang=en`);
      await poll(() => kpiValue(page, 'Activities')).toBe(count(cityWide.ACTIVITY_COUNT));

      await page.getByRole('combobox', { name: 'Area', exact: true }).selectOption(district.id);
      await poll(() => new URL(page.url()).searchParams.get('district')).toBe(district.id);
      expect(page.url()).toContain(`district=${encodeURIComponent(district.id)}`);
      await poll(() => kpiValue(page, 'Activities')).toBe(count(expected.ACTIVITY_COUNT));
      await poll(() => kpiValue(page, 'Participants')).toBe(count(expected.PARTICIPANTS));
      await poll(() => kpiValue(page, 'Training attendance')).toBe(percent(expected.TRAINING_ATTENDANCE_RATE));
      await poll(() => kpiValue(page, 'Legal awareness')).toBe(percent(expected.AWARENESS_RATE));
      for (const label of ['Media slots', 'Airtime']) {
        await poll(() => kpiValue(page, label)).toBe('—');
        await poll(() => kpiNote(page, label)).toBe('Not recorded by district');
      }
      await page.getByText(`area: ${district.nameEn ?? district.name}`).waitFor();
      // The district fails no key figure: no error in the section.
      expect(await page.locator('.kpi-section').getByRole('alert').count()).toBe(0);

      // The same in Chinese, with the district kept in the URL.
      await page.getByRole('button', { name: '中文' }).click();
      await poll(() => kpiNote(page, '媒体刊播')).toBe('不分区域统计');
      await poll(() => kpiNote(page, '刊播时长')).toBe('不分区域统计');
      await poll(() => kpiValue(page, '普法活动')).toBe(count(expected.ACTIVITY_COUNT));
      const params = new URL(page.url()).searchParams;
      expect([params.get('lang'), params.get('district')]).toEqual(['zh', district.id]);
    });
  });

  it('keeps the other figures when one group fails, and explains the error in Chinese', async () => {
    await onPage('partial-failure', async (page, hub) => {
      const expected = await totals(hub, ['ACTIVITY_COUNT'], YEAR_2025);
      const apiMessage = 'Internal server error; the hub logged the details. Please try again or tell the administrator.';
      // The survey figures' request fails as the hub would fail it; everything else goes through.
      await page.route('**/graphql', async (route) => {
        const body = route.request().postDataJSON() as { operationName?: string } | null;
        if (body?.operationName !== 'OverviewKpisSurvey') return route.continue();
        return route.fulfill({
          status: 200,
          contentType: 'application/json',
          body: JSON.stringify({ data: null, errors: [{ message: apiMessage, extensions: { code: 'INTERNAL_SERVER_ERROR' } }] }),
        });
      });
      await page.goto(`${hub.url}/`);
      await poll(() => kpiValue(page, '普法活动')).toBe(count(expected.ACTIVITY_COUNT));
      await poll(() => kpiNote(page, '法律知晓率')).toBe('加载失败');
      await poll(() => kpiNote(page, '普法满意度')).toBe('加载失败');
      await poll(() => kpiValue(page, '培训参训率')).toMatch(/^\d+\.\d%$/);

      const alert = page.locator('.kpi-section').getByRole('alert');
      await alert.waitFor();
      expect(await alert.locator('.state-title').textContent()).toBe('部分指标加载失败');
      expect(await alert.locator('.state-message').textContent()).toContain('数据服务内部出错');
      expect(await alert.locator('.state-detail').textContent()).toBe(apiMessage);
      expect(await alert.locator('.state-detail').getAttribute('lang')).toBe('en');

      // Retrying once the hub answers again brings the figures back.
      await page.unroute('**/graphql');
      await alert.getByRole('button', { name: '重试' }).click();
      await poll(() => kpiValue(page, '法律知晓率')).toMatch(/^\d+\.\d%$/);
      expect(await page.locator('.kpi-section').getByRole('alert').count()).toBe(0);
    });
  });
});
