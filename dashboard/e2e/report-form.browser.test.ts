/**
 * The report page's one-record form in a real Chromium against the real hub
 * (see hub.ts): the demo media partner enters a broadcast slot, sees it
 * accepted and marked in the list, then sends a bad value and sees the hub's
 * refusal next to the field with nothing written; an agency reporter enters
 * an activity the same way. What the hub holds is read from /graphql here,
 * independently of the dashboard's code.
 *
 * PUFA_E2E_SCREENSHOTS=<folder> keeps screenshots of the form in Chinese and English.
 */
import path from 'node:path';
import type { BrowserContext, Locator, Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { apiSignIn, browserSuite, graphql, SHOTS, skipBrowserTests } from './hub';

const NAME = 'report-form.browser.test';
const UI_TIMEOUT = 20_000;
const SKIP = skipBrowserTests(NAME);

const poll = <T>(read: () => T | Promise<T>) => expect.poll(read, { timeout: UI_TIMEOUT, interval: 100 });

/** Today in Asia/Shanghai ("YYYY-MM-DD"): the hub's calendar, and a start it accepts. */
function todayInShanghai(): string {
  return new Date(Date.now() + 8 * 3_600_000).toISOString().slice(0, 10);
}

interface Slot {
  programme: string;
  channel: string;
  startsAt: string;
  durationMinutes: number;
  primeTime: boolean;
  reach: number;
  kind: string;
}

describe.skipIf(SKIP)('entering one record on the report page, in Chromium against the real hub', { timeout: 120_000 }, () => {
  const suite = browserSuite(NAME);

  /** `runOnPage` on the hub's calendar (Asia/Shanghai), which the form's dates follow. */
  const onPage = (name: string, body: (page: Page, context: BrowserContext) => Promise<void>, allowedErrors: RegExp[] = []) =>
    suite.onPage(name, body, { allowedErrors, context: { timezoneId: 'Asia/Shanghai' } });

  async function shot(locator: Locator, name: string): Promise<void> {
    if (SHOTS) await locator.screenshot({ path: path.join(SHOTS, `${name}.png`) });
  }

  /** How many slots the media partner has, and today's as the hub holds them. */
  async function slots(auth: { authorization: string }): Promise<{ totalCount: number; nodes: Slot[] }> {
    const today = todayInShanghai();
    const data = await graphql<{ all: { totalCount: number }; today: { nodes: Slot[] } }>(
      suite.hub,
      `query($today: Date) {
        all: broadcastSlots(first: 1) { totalCount }
        today: broadcastSlots(first: 100, filter: { from: $today, to: $today }) {
          nodes { programme channel startsAt durationMinutes primeTime reach kind }
        }
      }`,
      { today },
      auth,
    );
    return { totalCount: data.all.totalCount, nodes: data.today.nodes };
  }

  /** The field's wrapper: its label, control, hint and problems. */
  const field = (form: Locator, label: RegExp) => form.locator('.record-field').filter({ has: form.page().getByLabel(label) });

  it('lets the media partner enter a slot, shows it accepted and marked, then refuses a bad value beside its field and writes nothing', async () => {
    await onPage('media-slot', async (page) => {
      const media = suite.account('media');
      const auth = await apiSignIn(suite.hub, media);
      const { me } = await graphql<{ me: { outlet: { id: string; name: string } } }>(suite.hub, '{ me { outlet { id name } } }', {}, auth);
      const before = await slots(auth);

      // Signing in through the page, then the report page from the nav.
      await page.goto(`${suite.hub.url}/login?next=/report`);
      await page.getByLabel('用户名').fill(media.username);
      await page.getByLabel('密码').fill(media.password);
      await page.getByRole('button', { name: '登录', exact: true }).click();
      await page.getByRole('heading', { level: 1, name: '填报' }).waitFor({ timeout: UI_TIMEOUT });
      const form = page.locator('section.record-card');
      await form.getByRole('heading', { level: 2, name: '逐条填写' }).waitFor({ timeout: UI_TIMEOUT });
      // The outlet comes from the session: it is said, not asked.
      await form.getByText(`媒体：${me.outlet.name}（由当前账号确定）`).waitFor();
      expect(await form.getByLabel(/^媒体/).count()).toBe(0);

      // Sent rows are counted: a form with problems found in the browser sends nothing.
      const mutations: string[] = [];
      page.on('request', (request) => {
        if (request.url().endsWith('/graphql') && /reportBroadcastSlots/.test(request.postData() ?? '')) mutations.push(request.postData()!);
      });
      await form.getByRole('button', { name: '提交' }).click();
      await form.getByText('请按标出的 6 处修改后重新提交。').waitFor({ timeout: UI_TIMEOUT });
      expect(await field(form, /^栏目或节目名称/).locator('.field-error').textContent()).toBe('必填项，不能为空');
      expect(await form.getByLabel(/^栏目或节目名称/).getAttribute('aria-invalid')).toBe('true');
      // The first field to correct has the focus.
      expect(await page.evaluate(() => document.activeElement?.closest('.record-field')?.querySelector('label')?.textContent)).toMatch(/^栏目或节目名称/);
      expect(mutations).toHaveLength(0);

      // The options come from the hub; the selects work from the keyboard.
      const kind = form.getByLabel(/^类型/);
      await kind.focus();
      await page.keyboard.press('ArrowDown');
      await poll(() => kind.inputValue()).toBe('PROGRAMME');
      await kind.selectOption({ label: '专栏' });
      const domain = form.getByLabel(/^执法领域/);
      await poll(() => domain.locator('option').count()).toBeGreaterThan(10);
      await domain.selectOption({ label: '食品安全' });

      const programme = `浏览器测试栏目 ${Date.now()}`;
      const startsAt = `${todayInShanghai()}T20:30`;
      await form.getByLabel(/^栏目或节目名称/).fill(programme);
      await form.getByLabel(/^频道、版面或屏幕/).fill('第2版');
      await form.getByLabel(/^播出时间/).fill(startsAt);
      await form.getByLabel(/^时长（分钟）/).fill('15');
      await form.getByLabel(/^覆盖人次/).fill('5000');
      await form.getByLabel('重要时段或重要版面').check();
      await shot(form, 'report-form-slot-filled-zh');
      await form.getByRole('button', { name: '提交' }).click();

      const accepted = form.locator('.outcome-success');
      await accepted.getByText('已接受：新增 1 条记录').waitFor({ timeout: UI_TIMEOUT });
      expect(await accepted.textContent()).toContain(`${programme} · 第2版`);
      expect(mutations).toHaveLength(1);
      const sent = JSON.parse(mutations[0]!) as { variables: { key: string; rows: Record<string, unknown>[] } };
      expect(sent.variables.key).toMatch(/^[0-9a-f-]{36}$/);
      expect(sent.variables.rows).toEqual([
        {
          outletId: me.outlet.id,
          programme,
          channel: '第2版',
          kind: 'COLUMN',
          startsAt: `${startsAt}:00+08:00`,
          durationMinutes: 15,
          reach: 5000,
          domainId: expect.stringMatching(/^EnforcementDomain:\d+$/),
          primeTime: true,
        },
      ]);

      // The hub holds exactly one more slot, as entered; the list shows it first, marked.
      const after = await slots(auth);
      expect(after.totalCount).toBe(before.totalCount + 1);
      expect(after.nodes.filter((s) => s.programme === programme)).toEqual([
        {
          programme,
          channel: '第2版',
          startsAt: new Date(`${startsAt}:00+08:00`).toISOString(),
          durationMinutes: 15,
          primeTime: true,
          reach: 5000,
          kind: 'COLUMN',
        },
      ]);
      const list = page.locator('.records-card');
      const marked = list.locator('tr.is-just-accepted');
      await marked.waitFor({ timeout: UI_TIMEOUT });
      expect(await marked.count()).toBe(1);
      expect(await marked.locator('td').first().textContent()).toBe(`${programme}刚提交`);
      expect(await list.locator('tbody tr').first().getAttribute('class')).toBe('is-just-accepted');
      await list.getByText(`共 ${new Intl.NumberFormat('en-US').format(after.totalCount)} 条`).waitFor({ timeout: UI_TIMEOUT });
      await accepted.getByText('已在下方列表中标为“刚提交”。').waitFor({ timeout: UI_TIMEOUT });
      // The form is empty again for the next slot.
      expect(await form.getByLabel(/^栏目或节目名称/).inputValue()).toBe('');

      // A bad value: the hub refuses the row, says why beside the field, and writes nothing.
      const badProgramme = `${programme} 超长`;
      await form.getByLabel(/^栏目或节目名称/).fill(badProgramme);
      await form.getByLabel(/^频道、版面或屏幕/).fill('第3版');
      await form.getByLabel(/^类型/).selectOption('PROGRAMME');
      await form.getByLabel(/^播出时间/).fill(startsAt);
      await form.getByLabel(/^时长（分钟）/).fill('2000');
      await form.getByLabel(/^覆盖人次/).fill('100');
      await form.getByRole('button', { name: '提交' }).click();
      const refused = form.locator('.outcome-error');
      await refused.getByText('这条记录未提交').waitFor({ timeout: UI_TIMEOUT });
      expect(mutations).toHaveLength(2);
      await refused.getByText('未写入任何数据。').waitFor();
      await refused.getByText('请按标出的 1 处修改后重新提交。').waitFor();
      const duration = field(form, /^时长（分钟）/);
      expect(await duration.locator('.field-error').allTextContents()).toEqual(['须为 0 至 1440 之间的整数']);
      const durationInput = form.getByLabel(/^时长（分钟）/);
      expect(await durationInput.getAttribute('aria-invalid')).toBe('true');
      const describedBy = (await durationInput.getAttribute('aria-describedby')) ?? '';
      expect(await duration.locator('.record-problems').getAttribute('id')).toBe(describedBy.split(' ').pop());
      expect(await page.evaluate(() => document.activeElement?.getAttribute('aria-invalid'))).toBe('true');
      // Only that field is marked; the values stay for correcting.
      expect(await form.locator('[aria-invalid="true"]').count()).toBe(1);
      expect(await form.getByLabel(/^栏目或节目名称/).inputValue()).toBe(badProgramme);
      expect((await slots(auth)).totalCount).toBe(after.totalCount);
      expect(await list.getByText(badProgramme).count()).toBe(0);
      await shot(form, 'report-form-slot-refused-zh');

      // In English: the labels and the hub's own words.
      await page.getByRole('button', { name: 'English' }).click();
      await form.getByRole('heading', { level: 2, name: 'Enter one record' }).waitFor({ timeout: UI_TIMEOUT });
      expect(await field(form, /^Duration \(minutes\)/).locator('.field-error').allTextContents()).toEqual(['must be a whole number from 0 to 1440']);
      await refused.getByText('The record was not submitted').waitFor();
      await refused.getByText('Nothing was written.').waitFor();
      await shot(form, 'report-form-slot-refused-en');

      // Corrected, the same outlet, channel and start sent again: the hub updates the slot it has.
      await form.getByLabel(/^Duration \(minutes\)/).fill('30');
      expect(await form.locator('[aria-invalid="true"]').count()).toBe(0);
      await form.getByLabel(/^Channel, page or screen/).fill('第2版');
      await form.getByRole('button', { name: 'Submit' }).click();
      await form.locator('.outcome-success').getByText('Accepted: 1 existing record updated').waitFor({ timeout: UI_TIMEOUT });
      await form.getByText('A slot of the same outlet, channel and start existed; it now holds what you entered.').waitFor();
      const updated = await slots(auth);
      expect(updated.totalCount).toBe(after.totalCount);
      expect(updated.nodes.filter((s) => s.channel === '第2版' && s.startsAt === new Date(`${startsAt}:00+08:00`).toISOString())).toEqual([
        expect.objectContaining({ programme: badProgramme, durationMinutes: 30, kind: 'PROGRAMME', primeTime: false, reach: 100 }),
      ]);
      await list.locator('tr.is-just-accepted').getByText(badProgramme).waitFor({ timeout: UI_TIMEOUT });
      await shot(form, 'report-form-slot-updated-en');
    });
  });

  it('lets an agency reporter enter an activity with its audiences and laws, listed first and marked', async () => {
    await onPage('reporter-activity', async (page, context) => {
      const reporter = suite.account('reporter');
      const auth = await apiSignIn(suite.hub, reporter);
      const response = await context.request.post(`${suite.hub.url}/graphql`, {
        data: { query: 'mutation($u: String!, $p: String!) { signIn(username: $u, password: $p) { expiresAt } }', variables: { u: reporter.username, p: reporter.password } },
      });
      expect(response.ok()).toBe(true);
      const { me } = await graphql<{ me: { agency: { id: string; name: string } } }>(suite.hub, '{ me { agency { id name } } }', {}, auth);

      await page.goto(`${suite.hub.url}/report?lang=zh`);
      const form = page.locator('section.record-card');
      await form.getByText(`主办单位：${me.agency.name}（由当前账号确定）`).waitFor({ timeout: UI_TIMEOUT });
      const title = `浏览器测试活动 ${Date.now()}`;
      const date = todayInShanghai();
      await form.getByLabel(/^活动名称/).fill(title);
      await form.getByLabel(/^日期/).fill(date);
      const region = form.getByLabel(/^地点/);
      await poll(() => region.locator('option').count()).toBeGreaterThan(10);
      await region.selectOption({ label: '\u00a0'.repeat(6) + '凤凰岭街道' });
      await form.getByLabel(/^活动形式/).selectOption({ label: '法治讲座' });
      await form.getByLabel(/^参与人次/).fill('80');
      await form.getByRole('group', { name: /^普法对象/ }).getByLabel('老年人').check();
      await form.getByRole('group', { name: /^普法对象/ }).getByLabel('社区居民').check();
      const laws = form.getByRole('group', { name: /^宣传的法律法规/ });
      await laws.getByLabel('中华人民共和国民法典').check();
      await laws.getByText('已选 1 项').waitFor();
      // The responsibility items offered are the organiser's of the activity's year, as the hub lists them.
      const { responsibilityItems } = await graphql<{ responsibilityItems: { nodes: { title: string }[] } }>(
        suite.hub,
        'query($a: ID!, $y: Int!) { responsibilityItems(first: 100, filter: { agencyIds: [$a], years: [$y] }) { nodes { title } } }',
        { a: me.agency.id, y: Number(date.slice(0, 4)) },
        auth,
      );
      const items = form.getByRole('group', { name: /^完成的责任清单事项/ });
      if (responsibilityItems.nodes.length === 0) {
        await items.getByText('主办单位在该年度的责任清单中没有事项').waitFor({ timeout: UI_TIMEOUT });
      } else {
        await poll(() => items.getByRole('checkbox').count()).toBe(responsibilityItems.nodes.length);
      }
      // The organiser is never offered as its own co-organiser.
      const coOrganisers = form.getByRole('group', { name: /^协办单位/ });
      await poll(() => coOrganisers.getByRole('checkbox').count()).toBeGreaterThan(10);
      expect(await coOrganisers.getByLabel(me.agency.name, { exact: true }).count()).toBe(0);
      await shot(form, 'report-form-activity-filled-zh');
      await form.getByRole('button', { name: '提交' }).click();
      await form.locator('.outcome-success').getByText('已接受：新增 1 条记录').waitFor({ timeout: UI_TIMEOUT });

      const { activities } = await graphql<{
        activities: { nodes: { title: string; date: string; participants: number; audiences: string[]; laws: { name: string }[]; organiser: { id: string }; region: { name: string } }[] };
      }>(suite.hub, '{ activities(first: 5) { nodes { title date participants audiences laws { name } organiser { id } region { name } } } }', {}, auth);
      expect(activities.nodes.filter((a) => a.title === title)).toEqual([
        {
          title,
          date,
          participants: 80,
          audiences: expect.arrayContaining(['ELDERLY', 'COMMUNITY_RESIDENTS']),
          laws: [{ name: '中华人民共和国民法典' }],
          organiser: { id: me.agency.id },
          region: { name: '凤凰岭街道' },
        },
      ]);
      const first = page.locator('.records-card tbody tr').first();
      await first.locator('.just-accepted-badge').waitFor({ timeout: UI_TIMEOUT });
      expect(await first.locator('td').first().textContent()).toBe(`${title}刚提交`);
    });
  });

  it('says when a list of choices could not be loaded, and loads it again on retry', async () => {
    await onPage(
      'reporter-options-error',
      async (page, context) => {
        const reporter = suite.account('reporter');
        const response = await context.request.post(`${suite.hub.url}/graphql`, {
          data: { query: 'mutation($u: String!, $p: String!) { signIn(username: $u, password: $p) { expiresAt } }', variables: { u: reporter.username, p: reporter.password } },
        });
        expect(response.ok()).toBe(true);
        // The laws and the domains fail once, as a hub that is briefly unreachable would.
        let failing = true;
        await page.route('**/graphql', (route) => {
          const body = route.request().postData() ?? '';
          if (failing && /query Form(Laws|Domains)\b/.test(body)) return route.fulfill({ status: 503, contentType: 'text/plain', body: 'unavailable' });
          return route.continue();
        });
        await page.goto(`${suite.hub.url}/report?lang=zh`);
        const form = page.locator('section.record-card');
        const laws = form.getByRole('group', { name: /^宣传的法律法规/ });
        await laws.getByText('选项加载失败').waitFor({ timeout: UI_TIMEOUT });
        expect(await laws.getByRole('checkbox').count()).toBe(0);
        const domain = form.getByLabel(/^执法领域/);
        expect(await domain.isDisabled()).toBe(true);
        expect(await domain.locator('option').allTextContents()).toEqual(['选项加载失败']);
        // The other lists are there: the form stays usable.
        await poll(() => form.getByLabel(/^地点/).locator('option').count()).toBeGreaterThan(10);
        await shot(form, 'report-form-options-error-zh');

        failing = false;
        await laws.getByRole('button', { name: '重试' }).click();
        await poll(() => laws.getByRole('checkbox').count()).toBeGreaterThan(10);
        await field(form, /^执法领域/).getByRole('button', { name: '重试' }).click();
        await poll(() => domain.isDisabled()).toBe(false);
        expect(await domain.locator('option').first().textContent()).toBe('不填');
        expect(await form.getByText('选项加载失败').count()).toBe(0);
      },
      [/status of 503/],
    );
  });
});
