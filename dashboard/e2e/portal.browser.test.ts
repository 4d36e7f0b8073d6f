/**
 * The public portal in a real Chromium against the real hub, signed out, as the public reads it:
 * the city's figures, an agency's published list (and never an unpublished item), a Chinese case
 * search with the matched word marked, the refusal of a too-long query, the feedback form (a
 * missing answer, a thank-you, a second entry from the same browser refused) and a phone-width page.
 * What the hub holds is read from /graphql here, independently of the dashboard's code.
 *
 * PUFA_E2E_SCREENSHOTS=<folder> keeps screenshots of the pages.
 */
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { browserSuite, graphql, skipBrowserTests } from './hub';

const NAME = 'portal.browser.test';
const UI_TIMEOUT = 20_000;
const SKIP = skipBrowserTests(NAME);
const YEAR = 2025; // the dashboard's default year: /portal without ?year= shows it

const poll = <T>(read: () => T | Promise<T>) => expect.poll(read, { timeout: UI_TIMEOUT, interval: 100 });

interface Figures {
  activities: number;
  participants: number;
  materialsDistributed: number;
  consultations: number;
  publishedCases: number;
  publishedItems: number;
  agenciesWithPublishedList: number;
}

interface Wave {
  id: string;
  questions: { id: string; kind: 'AWARENESS' | 'SATISFACTION' }[];
}

/** The longest run of Chinese characters (the hub indexes them as bigrams). */
const HAN = /[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff]{2,}/g;

describe.skipIf(SKIP)('the public portal in Chromium against the real hub, signed out', { timeout: 150_000 }, () => {
  const suite = browserSuite(NAME, { signIn: ['admin'] });

  /** The number a figure tile shows, without its grouping commas. */
  const tileNumber = async (page: Page, id: string) => Number((await page.locator(`[data-figure="${id}"] .kpi-number`).textContent())!.replace(/[^\d]/g, ''));

  it('shows the year’s city-wide figures exactly as portalFigures gives them, and the agencies that published', async () => {
    const { portalFigures: f, portalAgencies } = await graphql<{ portalFigures: Figures; portalAgencies: { agency: { name: string } }[] }>(
      suite.hub,
      `query($y: Int!) { portalFigures(year: $y) { activities participants materialsDistributed consultations publishedCases publishedItems agenciesWithPublishedList }
        portalAgencies(year: $y) { agency { name } } }`,
      { y: YEAR },
    );
    expect(f.publishedItems).toBeGreaterThan(0);
    await suite.onPage('portal-figures', async (page) => {
      await page.goto(`${suite.hub.url}/portal`);
      await page.getByRole('heading', { level: 1, name: '政务公开' }).waitFor({ timeout: UI_TIMEOUT });
      await page.locator('[data-figure="activities"] .kpi-number').waitFor({ timeout: UI_TIMEOUT });
      const shown = {
        activities: await tileNumber(page, 'activities'),
        participants: await tileNumber(page, 'participants'),
        materialsDistributed: await tileNumber(page, 'materials'),
        consultations: await tileNumber(page, 'consultations'),
        publishedCases: await tileNumber(page, 'cases'),
        publishedItems: await tileNumber(page, 'items'),
        agenciesWithPublishedList: await tileNumber(page, 'agencies'),
      };
      expect(shown).toEqual(f);
      // Units beside the numbers.
      expect(await page.locator('[data-figure="participants"] .kpi-unit').textContent()).toBe('人次');
      expect(await page.locator('[data-figure="items"] .kpi-unit').textContent()).toBe('项');
      // The directory: every agency that published, searchable.
      await page.getByText(`共 ${portalAgencies.length} 行`).waitFor({ timeout: UI_TIMEOUT });
      const one = portalAgencies[0]!.agency.name;
      await page.getByLabel('搜索').fill(one);
      await poll(() => page.locator('.portal-agencies tbody tr').first().textContent()).toContain(one);
      await suite.shot(page, 'portal');
    });
  });

  it('lists exactly an agency’s published items and never an unpublished one', async () => {
    // An unpublished item of the year, through an admin's eyes; its agency's public page must not name it.
    const { responsibilityItems } = await graphql<{ responsibilityItems: { nodes: { title: string; agency: { id: string } }[] } }>(
      suite.hub,
      `query($y: Int!) { responsibilityItems(filter: { years: [$y], published: false }, first: 200) { nodes { title agency { id } } } }`,
      { y: YEAR },
      suite.auth('admin'),
    );
    expect(responsibilityItems.nodes.length).toBeGreaterThan(0);
    type Portal = { agencyPortal: { agency: { name: string }; items: { title: string }[]; activities: { title: string }[]; cases: { title: string }[] } };
    let chosen: { agencyId: string; hidden: string; portal: Portal['agencyPortal'] } | null = null;
    for (const item of responsibilityItems.nodes) {
      const { agencyPortal } = await graphql<Portal>(
        suite.hub,
        `query($a: ID!, $y: Int!) { agencyPortal(agencyId: $a, year: $y) { agency { name } items { title } activities { title } cases { title } } }`,
        { a: item.agency.id, y: YEAR },
      );
      // An agency that published items too, and whose public page has no other reason to show the title.
      if (agencyPortal.items.length > 0 && !JSON.stringify(agencyPortal).includes(item.title)) {
        chosen = { agencyId: item.agency.id, hidden: item.title, portal: agencyPortal };
        break;
      }
    }
    expect(chosen, 'an agency with published and unpublished items in the year').not.toBeNull();
    const { agencyId, hidden, portal } = chosen!;

    await suite.onPage('agency-portal', async (page) => {
      await page.goto(`${suite.hub.url}/portal/${agencyId.split(':')[1]}`);
      await page.getByRole('heading', { level: 1, name: `${portal.agency.name} ${YEAR}年普法责任清单公告` }).waitFor({ timeout: UI_TIMEOUT });
      const rows = page.locator('.plan-table tbody tr');
      await poll(() => rows.count()).toBe(portal.items.length);
      expect(await page.locator('.plan-table .plan-title').allTextContents()).toEqual(portal.items.map((i) => i.title));
      // The calendar's list: the activities delivering published items.
      await poll(() => page.locator('.portal-activities tbody tr').count()).toBe(portal.activities.length);
      const order = page.getByRole('link', { name: '点单：向本单位预约普法宣传' });
      const href = new URL((await order.getAttribute('href'))!, suite.hub.url);
      expect([href.pathname, href.searchParams.get('agencyId')]).toEqual(['/order', agencyId]);
      expect(await page.locator('main').textContent()).not.toContain(hidden);
      await suite.shot(page, 'agency-portal');
    });
  });

  it('finds a case by a two-character Chinese word, marks it in the title, and refuses a too-long query next to the box', async () => {
    const { caseLibrary } = await graphql<{ caseLibrary: { hits: { case: { title: string } }[] } }>(suite.hub, '{ caseLibrary(first: 100) { hits { case { title } } } }');
    const titles = caseLibrary.hits.map((h) => h.case.title);
    // A two-character word of a title: a bigram that recurs in a few titles (so it is likely a word, not
    // the seam between two), but in at most five, so every case with it in its title ranks on the first page.
    const shared = new Map<string, string[]>();
    for (const t of titles) {
      for (const run of t.match(HAN) ?? []) {
        for (let i = 0; i + 1 < run.length; i++) {
          const w = run.slice(i, i + 2);
          const list = shared.get(w) ?? [];
          if (!list.includes(t)) shared.set(w, [...list, t]);
        }
      }
    }
    const [word, withWord] = [...shared.entries()].filter(([, ts]) => ts.length <= 5).sort((a, b) => b[1].length - a[1].length || a[0].localeCompare(b[0]))[0]!;
    const title = withWord[0]!;
    expect(word).toMatch(/^.{2}$/u);

    await suite.onPage('case-search', async (page) => {
      await page.goto(`${suite.hub.url}/cases`);
      const box = page.getByRole('searchbox', { name: '关键词' });
      await box.fill(word);
      await page.getByRole('button', { name: '检索', exact: true }).click();
      const hit = page.locator('.library-hit').filter({ has: page.locator('.library-hit-title', { hasText: title }) });
      await hit.waitFor({ timeout: UI_TIMEOUT });
      expect(await hit.locator('.library-hit-title mark').allTextContents()).toContain(word);
      expect(new URL(page.url()).searchParams.get('q')).toBe(word);
      await suite.shot(page, 'case-search');

      // The full text, one click away, with the word still marked.
      await hit.locator('.library-hit-title a').click();
      await page.getByRole('heading', { level: 1, name: title }).waitFor({ timeout: UI_TIMEOUT });
      expect(await page.locator('.case-title mark').allTextContents()).toContain(word);

      await page.goBack();
      await box.fill('食'.repeat(101));
      await page.getByRole('button', { name: '检索', exact: true }).click();
      const refusal = page.locator('.library-query .field-error');
      await poll(() => refusal.textContent()).toContain('关键词过长：最多 100 个字，当前 101 个字。');
      expect(await refusal.textContent()).toContain('The query is 101 characters long');
      expect(await box.getAttribute('aria-invalid')).toBe('true');
    });
  });

  it('takes one feedback entry per browser: a missing answer is refused at its question, a full one is thanked, the second is refused', async () => {
    const { openFeedbackWaves } = await graphql<{ openFeedbackWaves: Wave[] }>(suite.hub, '{ openFeedbackWaves { id questions { id kind } } }');
    // The demo installation opens a quiz (api/src/modules/portal/demo.ts).
    expect(openFeedbackWaves.length).toBeGreaterThan(0);
    const wave = openFeedbackWaves[0]!;
    const responses = async () =>
      (await graphql<{ surveyResponses: { totalCount: number } }>(suite.hub, 'query($w: ID!) { surveyResponses(filter: { waveIds: [$w] }, first: 1) { totalCount } }', { w: wave.id }, suite.auth('admin')))
        .surveyResponses.totalCount;
    const before = await responses();

    const fill = async (page: Page, skip: string | null) => {
      await page.getByLabel('您所在的区 *').selectOption({ index: 1 });
      await page.getByLabel('年龄段 *').selectOption('AGE_30_44');
      await page.getByLabel('职业 *').selectOption('WORKER');
      for (const q of wave.questions) {
        if (q.id === skip) continue;
        const choices = page.locator(`[data-question="${q.id}"] input[type="radio"]`);
        await choices.nth(q.kind === 'AWARENESS' ? 0 : 3).check();
      }
    };

    await suite.onPage('feedback', async (page) => {
      await page.goto(`${suite.hub.url}/feedback`);
      await page.locator('.feedback-form').waitFor({ timeout: UI_TIMEOUT });
      const skipped = wave.questions[wave.questions.length - 1]!;
      await fill(page, skipped.id);
      await page.getByRole('button', { name: '提交' }).click();
      const error = page.locator(`[data-question="${skipped.id}"] .field-error`);
      await poll(() => error.textContent()).toBe('请回答这一题');
      expect(await page.locator(`[data-question="${skipped.id}"] fieldset`).getAttribute('aria-invalid')).toBe('true');
      await suite.shot(page, 'feedback-missing');
      expect(await responses()).toBe(before);

      await page.locator(`[data-question="${skipped.id}"] input[type="radio"]`).first().check();
      await poll(() => error.count()).toBe(0);
      await page.getByRole('button', { name: '提交' }).click();
      await page.getByText('提交成功，感谢您的参与！').waitFor({ timeout: UI_TIMEOUT });
      expect(await page.evaluate(() => window.localStorage.getItem('pufa.feedbackDevice'))).toMatch(/^[0-9a-f-]{36}$/);

      // The same browser again: the hub recognises the device.
      await page.reload();
      await page.locator('.feedback-form').waitFor({ timeout: UI_TIMEOUT });
      await fill(page, null);
      await page.getByRole('button', { name: '提交' }).click();
      await page.getByText('这台设备已经填写过这期问卷', { exact: false }).waitFor({ timeout: UI_TIMEOUT });
    });
    expect(await responses()).toBe(before + 1);
  });

  it('switches to English, and fits a 390-pixel phone without sideways scrolling', async () => {
    await suite.onPage('portal-english-phone', async (page) => {
      await page.goto(`${suite.hub.url}/portal`);
      await page.getByRole('heading', { level: 1, name: '政务公开' }).waitFor({ timeout: UI_TIMEOUT });
      await page.getByRole('button', { name: 'English' }).click();
      await page.getByRole('heading', { level: 1, name: 'Public portal' }).waitFor({ timeout: UI_TIMEOUT });
      await poll(() => page.locator('[data-figure="activities"] .kpi-label').textContent()).toBe('Activities');
      expect(await page.locator('main').textContent()).not.toContain('全市普法工作数据');

      await page.setViewportSize({ width: 390, height: 844 });
      await page.goto(`${suite.hub.url}/portal`);
      await page.locator('[data-figure="activities"] .kpi-number').waitFor({ timeout: UI_TIMEOUT });
      await page.locator('.portal-agencies tbody tr').first().waitFor({ timeout: UI_TIMEOUT });
      const widths = await page.evaluate(() => ({ scroll: document.documentElement.scrollWidth, client: document.documentElement.clientWidth }));
      expect(widths.scroll).toBeLessThanOrEqual(widths.client);
      await suite.shot(page, 'portal-phone');
    });
  });
});
