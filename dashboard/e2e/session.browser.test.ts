/**
 * Signing in, the public view and reporting, in a real Chromium against the
 * real hub (see hub.ts): the demo accounts come from the table the hub prints
 * on its first start.
 *
 * The file import (POST /import/<kind>) is being built beside this work:
 * while the hub answers 404 for it, the real upload step is skipped with a
 * message, and the page is checked to say the kind cannot be imported yet.
 * How the page renders the import's answers (result, replay, row errors) is
 * checked against the documented contract with the answers stubbed.
 *
 * PUFA_E2E_SCREENSHOTS=<folder> keeps screenshots of the pages along the way.
 */
import type { BrowserContext, Page } from 'playwright-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { apiSignIn, browserSuite, graphql, skipBrowserTests, type Hub, type PageOptions } from './hub';

const NAME = 'session.browser.test';
const UI_TIMEOUT = 20_000;
const SKIP = skipBrowserTests(NAME);

const ROLE_LABELS_ZH: Record<string, string> = {
  ADMIN: '普法办管理员',
  DISTRICT_ADMIN: '区普法办管理员',
  LEADER: '领导',
  INSPECTOR: '监督人员',
  AGENCY_REPORTER: '单位填报员',
  MEDIA_PARTNER: '媒体填报员',
  SURVEY_OPERATOR: '问卷调查机构',
};
const READ_ALL = new Set(['ADMIN', 'DISTRICT_ADMIN', 'LEADER', 'INSPECTOR']);

const poll = <T>(read: () => T | Promise<T>) => expect.poll(read, { timeout: UI_TIMEOUT, interval: 100 });

/** Today in Asia/Shanghai ("YYYY-MM-DD"), the latest day the hub accepts for an activity. */
function todayInShanghai(): string {
  return new Date(Date.now() + 8 * 3_600_000).toISOString().slice(0, 10);
}

/** One CSV field, quoted when it needs to be. */
function csvField(value: string): string {
  return /[",\r\n]/.test(value) ? `"${value.replace(/"/g, '""')}"` : value;
}

/** Splits a CSV header line (quoted fields allowed; a leading BOM dropped). */
function csvHeader(text: string): string[] {
  const line = text.replace(/^\uFEFF/, '').split(/\r?\n/)[0] ?? '';
  const out: string[] = [];
  let field = '';
  let quoted = false;
  for (let i = 0; i < line.length; i++) {
    const c = line[i]!;
    if (quoted) {
      if (c === '"' && line[i + 1] === '"') {
        field += '"';
        i++;
      } else if (c === '"') quoted = false;
      else field += c;
    } else if (c === '"') quoted = true;
    else if (c === ',') {
      out.push(field);
      field = '';
    } else field += c;
  }
  out.push(field);
  return out.map((h) => h.trim());
}

/**
 * A value for one column of the activities template, by the column's name
 * (English field names as in ActivityRowInput, or Chinese labels); columns
 * it does not know stay empty (the optional ones).
 */
function activityValue(header: string, row: { title: string; date: string; regionId: string; organiserId: string }): string {
  const h = header.toLowerCase().replace(/[^a-z0-9\u4e00-\u9fff]/g, '');
  if (/coorgani[sz]er|协办/.test(h)) return '';
  if (/organi[sz]er|agency|主办|组织单位|举办单位/.test(h)) return row.organiserId;
  if (/title|标题|名称/.test(h)) return row.title;
  if (/keydate|节点/.test(h)) return '';
  if (/date|日期/.test(h)) return row.date;
  if (/region|地点|区域|地区/.test(h)) return row.regionId;
  if (/venue|场所/.test(h)) return '';
  if (/^form|形式/.test(h)) return 'LECTURE';
  if (/participant|参与|人数|人次/.test(h)) return '30';
  return '';
}

/** The pages the public's nav offers (city-wide figures). */
const PUBLIC_NAV = ['总览', '媒体', '培训', '问卷', '政务公开', '案例库', '有奖问答', '点单'];

describe.skipIf(SKIP)('signing in, the public view and reporting in Chromium against the real hub', { timeout: 120_000 }, () => {
  const suite = browserSuite(NAME);

  beforeAll(() => {
    expect([...suite.accounts.keys()].sort(), 'demo accounts printed by the hub').toEqual(
      ['admin', 'district', 'inspector', 'leader', 'media', 'reporter', 'surveyor'],
    );
  });

  /** `runOnPage`, handing the body the hub as well. */
  const onPage = (name: string, body: (page: Page, hub: Hub, context: BrowserContext) => Promise<void>, options: PageOptions = {}) =>
    suite.onPage(name, (page, context) => body(page, suite.hub, context), options);

  /** A screenshot once the overview's charts have finished animating. */
  const shot = (page: Page, name: string) => suite.shot(page, name, { settleMs: 2500 });

  /** Signs the browser context in through the API (sets the session cookie), without the sign-in page. */
  async function signInContext(context: BrowserContext, hub: Hub, username: string): Promise<void> {
    const { password } = suite.account(username);
    const response = await context.request.post(`${hub.url}/graphql`, {
      data: { query: 'mutation($u: String!, $p: String!) { signIn(username: $u, password: $p) { expiresAt } }', variables: { u: username, p: password } },
    });
    expect(response.ok(), await response.text()).toBe(true);
  }

  const rankingCard = (page: Page) =>
    page.locator('section.card').filter({ has: page.getByRole('heading', { level: 2, name: /各单位普法活动排名|Top 15 agencies/ }) });

  /** Waits until the overview has nothing loading, then checks that nothing shows an error. */
  async function expectOverviewSettledWithoutErrors(page: Page): Promise<void> {
    await page.getByRole('heading', { level: 1, name: /总览|Overview/ }).waitFor({ timeout: UI_TIMEOUT });
    await poll(async () => (await page.locator('.skeleton').count()) + (await page.locator('[aria-busy="true"]').count())).toBe(0);
    expect(await page.locator('li.kpi-card .kpi-number').count()).toBe(9);
    expect(await page.getByRole('alert').allTextContents(), 'error states on the overview').toEqual([]);
    expect(await page.locator('.state-error, .kpi-failed').count()).toBe(0);
  }

  it('shows the public a calm sign-in prompt instead of the ranking, and no error anywhere', async () => {
    await onPage('public-overview', async (page, hub) => {
      await page.goto(`${hub.url}/`);
      await expectOverviewSettledWithoutErrors(page);
      const card = rankingCard(page);
      await card.getByText('登录后可查看各单位排名').waitFor();
      expect(await card.getByRole('link', { name: '登录' }).count()).toBe(1);
      expect(await card.locator('canvas').count()).toBe(0);
      // The header offers to sign in; the public nav has the city-wide pages only: no units, assessment or reporting.
      expect(await page.locator('.site-header').getByRole('link', { name: '登录' }).count()).toBe(1);
      expect(await page.locator('.site-nav a').allTextContents()).toEqual(PUBLIC_NAV);

      await page.getByRole('button', { name: 'English' }).click();
      await card.getByText('Sign in to see the ranking of units').waitFor({ timeout: UI_TIMEOUT });
      expect(await card.getByRole('link', { name: 'Sign in' }).count()).toBe(1);
    });
  });

  it('shows every role an overview without errors, and the ranking only to the roles that read every unit', { timeout: 300_000 }, async () => {
    for (const username of ['admin', 'district', 'leader', 'inspector', 'reporter', 'media', 'surveyor']) {
      const { role } = suite.account(username);
      await onPage(`overview-${username}`, async (page, hub, context) => {
        await signInContext(context, hub, username);
        await page.goto(`${hub.url}/`);
        await page.locator('.account .role-badge').getByText(ROLE_LABELS_ZH[role]!, { exact: true }).waitFor({ timeout: UI_TIMEOUT });
        await expectOverviewSettledWithoutErrors(page);
        const card = rankingCard(page);
        if (READ_ALL.has(role)) {
          await poll(() => card.locator('canvas').count()).toBeGreaterThan(0);
        } else {
          await card.getByText('各单位排名仅供领导和监督人员查阅。').waitFor();
          expect(await card.locator('canvas').count()).toBe(0);
        }
        if (role === 'AGENCY_REPORTER') {
          // Its own agency's figures, as the API counts them for that agency.
          const auth = await apiSignIn(hub, suite.account(username));
          const { me } = await graphql<{ me: { agency: { id: string; name: string } } }>(hub, '{ me { agency { id name } } }', {}, auth);
          const { analytics } = await graphql<{ analytics: { totals: { measure: string; value: number }[] } }>(
            hub,
            'query($f: AnalyticsFilter) { analytics(measures: [ACTIVITY_COUNT, PARTICIPANTS], filter: $f) { totals { measure value } } }',
            { f: { from: '2025-01-01', to: '2025-12-31', agencyIds: [me.agency.id] } },
            auth,
          );
          const own = card.locator('.own-figures');
          await own.getByText(`本单位（${me.agency.name}）本时段`).waitFor();
          const numbers = await own.locator('.own-figures-number').allTextContents();
          expect(numbers).toEqual(analytics.totals.map((t) => new Intl.NumberFormat('en-US').format(t.value)));
        }
        const nav = await page.locator('.site-nav a').allTextContents();
        expect(nav.includes('填报'), `nav of ${username}: ${nav.join(', ')}`).toBe(!['LEADER', 'INSPECTOR'].includes(role));
      });
    }
  });

  it('signs the reporter in through the page, uploads a CSV, and signs out to the public view', async () => {
    await onPage(
      'reporter-journey',
      async (page, hub) => {
        const reporter = suite.account('reporter');
        await page.goto(`${hub.url}/?year=2024`);
        await page.locator('.site-header').getByRole('link', { name: '登录' }).click();
        await page.getByRole('heading', { level: 1, name: '登录' }).waitFor({ timeout: UI_TIMEOUT });
        expect(new URL(page.url()).searchParams.get('next')).toBe('/?year=2024');
        await shot(page, 'login-zh');
        // The same page in English; `next` survives the switch.
        await page.getByRole('button', { name: 'English' }).click();
        await page.getByRole('heading', { level: 1, name: 'Sign in' }).waitFor({ timeout: UI_TIMEOUT });
        await page.getByLabel('Username').waitFor();
        await page.getByLabel('Password').waitFor();
        expect(new URL(page.url()).searchParams.get('next')).toBe('/?year=2024');
        await shot(page, 'login-en');
        await page.getByRole('button', { name: '中文' }).click();
        await page.getByRole('heading', { level: 1, name: '登录' }).waitFor({ timeout: UI_TIMEOUT });

        // A wrong password is said in Chinese.
        await page.getByLabel('用户名').fill(reporter.username);
        await page.getByLabel('密码').fill('not-the-password');
        await page.getByRole('button', { name: '登录', exact: true }).click();
        await page.locator('.auth-error').getByText('用户名或密码错误。').waitFor({ timeout: UI_TIMEOUT });

        await page.getByLabel('密码').fill(reporter.password);
        await page.getByRole('button', { name: '登录', exact: true }).click();
        // Back where the reporter came from, with its filters.
        await poll(() => new URL(page.url()).pathname).toBe('/');
        expect(new URL(page.url()).searchParams.get('year')).toBe('2024');

        const { me } = await page.evaluate(async () => {
          const response = await fetch('/graphql', {
            method: 'POST',
            headers: { 'content-type': 'application/json' },
            body: JSON.stringify({ query: '{ me { displayName role agency { id name region { id } } } }' }),
          });
          return (await response.json()).data as { me: { displayName: string; role: string; agency: { id: string; name: string; region: { id: string } } } };
        });
        expect(me.role).toBe('AGENCY_REPORTER');
        const header = page.locator('.site-header .account');
        await header.getByText(me.displayName, { exact: true }).waitFor({ timeout: UI_TIMEOUT });
        await header.getByText('单位填报员', { exact: true }).waitFor();
        expect(await header.getByRole('button', { name: '退出登录' }).count()).toBe(1);
        await expectOverviewSettledWithoutErrors(page);
        await shot(page, 'header-signed-in-zh');
        await page.getByRole('button', { name: 'English' }).click();
        await header.getByText('Unit reporter', { exact: true }).waitFor({ timeout: UI_TIMEOUT });
        expect(await header.getByRole('button', { name: 'Sign out' }).count()).toBe(1);
        await expectOverviewSettledWithoutErrors(page);
        await shot(page, 'header-signed-in-en');
        await page.getByRole('button', { name: '中文' }).click();
        await header.getByText('单位填报员', { exact: true }).waitFor({ timeout: UI_TIMEOUT });

        // The reporting page, from the nav.
        await page.locator('.site-nav').getByRole('link', { name: '填报' }).click();
        await page.getByRole('heading', { level: 1, name: '填报' }).waitFor({ timeout: UI_TIMEOUT });
        await page.getByText(`填报单位：${me.agency.name}`).waitFor();
        await page.getByRole('heading', { level: 2, name: '最近的普法活动' }).waitFor();

        const template = await fetch(`${hub.url}/import/activities/template.csv`);
        const templateText = await template.text();
        const importable = template.ok && !(template.headers.get('content-type') ?? '').includes('text/html');
        if (!importable) {
          console.warn(
            `[${NAME}] SKIPPED the upload step: GET /import/activities/template.csv answers ` +
              `${template.status} ${template.headers.get('content-type')} — the file import is not in this hub yet.`,
          );
          await page.getByText('此类型暂不支持导入').first().waitFor({ timeout: UI_TIMEOUT });
          expect(await page.getByRole('button', { name: '上传' }).isDisabled()).toBe(true);
        } else {
          const headers = csvHeader(templateText);
          const title = `浏览器测试活动 ${Date.now()}`;
          const row = { title, date: todayInShanghai(), regionId: me.agency.region.id, organiserId: me.agency.id };
          const csv = `${headers.map(csvField).join(',')}\r\n${headers.map((h) => csvField(activityValue(h, row))).join(',')}\r\n`;
          await page.getByRole('link', { name: '下载 CSV 模板' }).waitFor({ timeout: UI_TIMEOUT });
          await page.locator('input[type="file"]').setInputFiles({ name: 'e2e-activities.csv', mimeType: 'text/csv', buffer: Buffer.from(csv, 'utf8') });
          await page.getByRole('button', { name: '上传' }).click();
          const outcome = page.locator('.report-outcome');
          await outcome.locator('.outcome').waitFor({ timeout: UI_TIMEOUT });
          if (await outcome.getByText('此类型暂不支持导入').count()) {
            console.warn(`[${NAME}] SKIPPED the upload step: POST /import/activities answers 404 — the file import is not in this hub yet.`);
          } else {
            const text = (await outcome.textContent()) ?? '';
            expect(text, `upload of\n${csv}`).toContain('导入成功');
            expect(text).toContain('共 1 行：新增 1 行，更新 0 行。');
            await shot(page, 'report-result-zh');
            // The new activity is listed (dated today, so first).
            await page.locator('.records-card tbody tr').first().getByText(title).waitFor({ timeout: UI_TIMEOUT });
            // The same chosen file again: the hub answers the first result and writes nothing.
            await page.getByRole('button', { name: '上传' }).click();
            await outcome.getByText('已处理过的文件，未重复写入').waitFor({ timeout: UI_TIMEOUT });
          }
        }

        // Signing out goes back to the public overview.
        await header.getByRole('button', { name: '退出登录' }).click();
        await page.locator('.site-header').getByRole('link', { name: '登录' }).waitFor({ timeout: UI_TIMEOUT });
        await poll(() => new URL(page.url()).pathname).toBe('/');
        expect(await page.locator('.site-header .account-name').count()).toBe(0);
        await expectOverviewSettledWithoutErrors(page);
        await rankingCard(page).getByText('登录后可查看各单位排名').waitFor();
        expect(await page.locator('.site-nav a').allTextContents()).toEqual(PUBLIC_NAV);
      },
      // The browser logs the refused sign-in's 200-with-errors as nothing, but a 404 probe of a missing import as an error.
      { allowedErrors: [/Failed to load resource: the server responded with a status of 404/] },
    );
  });

  it("renders the import's answers as documented: a result, a replay, and row errors in the reader's language", async () => {
    await onPage('report-contract', async (page, hub, context) => {
      await signInContext(context, hub, 'reporter');
      let answer: { status: number; body: unknown } = { status: 200, body: {} };
      const seen: { url: string; headers: Record<string, string>; body: string }[] = [];
      await page.route('**/import/activities/template.csv', (route) =>
        route.fulfill({ status: 200, contentType: 'text/csv; charset=utf-8', body: route.request().method() === 'HEAD' ? '' : 'title,date\r\n' }),
      );
      await page.route((url) => url.pathname === '/import/activities', (route) => {
        seen.push({ url: route.request().url(), headers: route.request().headers(), body: route.request().postData() ?? '' });
        return route.fulfill({ status: answer.status, contentType: 'application/json', body: JSON.stringify(answer.body) });
      });

      await page.goto(`${hub.url}/report?lang=zh`);
      await page.getByRole('link', { name: '下载 CSV 模板' }).waitFor({ timeout: UI_TIMEOUT });
      const file = { name: 'activities.csv', mimeType: 'text/csv', buffer: Buffer.from('title,date\r\n普法讲座,2025-03-08\r\n', 'utf8') };
      const outcome = page.locator('.report-outcome');

      // A result.
      answer = { status: 200, body: { result: { batchId: 'batch:41', accepted: 1, inserted: 1, updated: 0, replayed: false } } };
      await page.locator('input[type="file"]').setInputFiles(file);
      await page.getByRole('button', { name: '上传' }).click();
      await outcome.getByText('导入成功').waitFor({ timeout: UI_TIMEOUT });
      expect(await outcome.textContent()).toContain('共 1 行：新增 1 行，更新 0 行。');
      await shot(page, 'contract-report-result-zh');
      await page.getByRole('button', { name: 'English' }).click();
      await outcome.getByText('Imported', { exact: true }).waitFor({ timeout: UI_TIMEOUT });
      expect(await outcome.textContent()).toContain('Accepted 1: 1 inserted, 0 updated.');
      await shot(page, 'contract-report-result-en');
      await page.getByRole('button', { name: '中文' }).click();

      // The same chosen file again: the same key, answered as a replay.
      answer = { status: 200, body: { result: { batchId: 'batch:41', accepted: 1, inserted: 1, updated: 0, replayed: true } } };
      await page.getByRole('button', { name: '上传' }).click();
      await outcome.getByText('已处理过的文件，未重复写入').waitFor({ timeout: UI_TIMEOUT });
      expect(seen).toHaveLength(2);
      expect(seen[0]!.headers['idempotency-key']).toMatch(/^[0-9a-f-]{36}$/);
      expect(seen[1]!.headers['idempotency-key']).toBe(seen[0]!.headers['idempotency-key']);
      expect(seen[0]!.headers['x-pufa-csrf']).toBe('1');
      expect(seen[0]!.headers['content-type']).toBe('text/csv');
      expect(seen[0]!.body).toContain('普法讲座');
      expect(seen[0]!.url).toBe(`${hub.url}/import/activities?filename=activities.csv`);

      // A newly chosen file gets a new key; row errors come as a table, and nothing was written.
      answer = {
        status: 400,
        body: {
          error: {
            code: 'BAD_USER_INPUT',
            message: 'The file was refused and nothing was written: 2 problems in 2 rows',
            messageZh: '文件未导入，未写入任何数据：2 行共 2 处问题',
            rowErrors: [
              { row: 2, column: 'date', field: 'date', message: '2031-01-01 is outside 2000-01-01 … today', messageZh: '2031-01-01 超出允许范围（2000-01-01 至今天）' },
              { row: 3, column: 'organiserId', field: 'organiserId', message: 'Agency:999 does not exist', messageZh: '单位 Agency:999 不存在' },
            ],
          },
        },
      };
      await page.locator('input[type="file"]').setInputFiles({ ...file, name: 'activities-2.csv' });
      await page.getByRole('button', { name: '上传' }).click();
      const failed = outcome.getByRole('alert');
      await failed.getByText('文件未导入', { exact: true }).waitFor({ timeout: UI_TIMEOUT });
      await failed.getByText('未写入任何数据。').waitFor();
      expect(seen).toHaveLength(3);
      expect(seen[2]!.headers['idempotency-key']).not.toBe(seen[0]!.headers['idempotency-key']);
      const table = failed.locator('table');
      expect(await table.locator('th').allTextContents()).toEqual(['行', '列', '问题']);
      expect(await table.locator('tbody tr').evaluateAll((rows) => rows.map((r) => [...r.querySelectorAll('td')].map((td) => td.textContent)))).toEqual([
        ['2', 'date', '2031-01-01 超出允许范围（2000-01-01 至今天）'],
        ['3', 'organiserId', '单位 Agency:999 不存在'],
      ]);
      await shot(page, 'contract-report-row-errors-zh');

      await page.getByRole('button', { name: 'English' }).click();
      await failed.getByText('The file was not imported', { exact: true }).waitFor({ timeout: UI_TIMEOUT });
      await failed.getByText('Nothing was written.').waitFor();
      expect(await table.locator('th').allTextContents()).toEqual(['Row', 'Column', 'Problem']);
      expect(await table.locator('tbody td:nth-child(3)').allTextContents()).toEqual([
        '2031-01-01 is outside 2000-01-01 … today',
        'Agency:999 does not exist',
      ]);
      await shot(page, 'contract-report-row-errors-en');

      // A kind the hub does not import yet (404) is said calmly.
      await page.route((url) => url.pathname === '/import/activities', (route) => route.fulfill({ status: 404, contentType: 'text/html', body: '<pre>Cannot POST</pre>' }));
      await page.locator('input[type="file"]').setInputFiles({ ...file, name: 'activities-3.csv' });
      await page.getByRole('button', { name: 'Upload' }).click();
      await outcome.getByText('This kind cannot be imported yet').first().waitFor({ timeout: UI_TIMEOUT });
    }, { allowedErrors: [/status of (400|404)/] });
  });

  it('says until when a locked account is locked, in local time', async () => {
    await onPage(
      'lockout',
      async (page, hub) => {
        const surveyor = suite.account('surveyor');
        for (let i = 0; i < 5; i++) {
          await fetch(`${hub.url}/graphql`, {
            method: 'POST',
            headers: { 'content-type': 'application/json' },
            body: JSON.stringify({ query: 'mutation { signIn(username: "surveyor", password: "wrong-password") { expiresAt } }' }),
          });
        }
        const admin = await apiSignIn(hub, suite.account('admin'));
        const { users } = await graphql<{ users: { username: string; lockedUntil: string | null }[] }>(hub, '{ users { username lockedUntil } }', {}, admin);
        const until = users.find((u) => u.username === 'surveyor')?.lockedUntil;
        expect(until, 'surveyor locked after 5 failures').toBeTruthy();
        const local = new Intl.DateTimeFormat('zh-CN', {
          timeZone: 'Asia/Shanghai',
          year: 'numeric',
          month: 'short',
          day: 'numeric',
          hour: '2-digit',
          minute: '2-digit',
        }).format(new Date(until!));

        await page.goto(`${hub.url}/login`);
        await page.getByLabel('用户名').fill(surveyor.username);
        await page.getByLabel('密码').fill(surveyor.password);
        await page.getByRole('button', { name: '登录', exact: true }).click();
        await page.locator('.auth-error').getByText(`登录失败次数过多，账号已锁定至 ${local}。请届时再试，或联系管理员。`).waitFor({ timeout: UI_TIMEOUT });
        await shot(page, 'login-locked-zh');
      },
      { context: { timezoneId: 'Asia/Shanghai' } },
    );
  });
});
