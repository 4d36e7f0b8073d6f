/**
 * Orders for legal education (菜单/订单) in a real Chromium against the real hub
 * (see hub.ts): the public places an order on /order — a missing choice and a
 * past period are refused beside their fields, then the receipt names the
 * agencies the hub routed it to (read back as admin through /graphql); the
 * demo reporter's agency accepts an order routed to it on /orders and the
 * figures move as supplyDemand says; the overlaps page shows the demand no
 * menu offers; an admin erases a contact with a reason and a done route names
 * its activity; the form speaks English.
 */
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { browserSuite, graphql, skipBrowserTests } from './hub';

const NAME = 'orders.browser.test';
const UI_TIMEOUT = 20_000;
const SKIP = skipBrowserTests(NAME);

const poll = <T>(read: () => T | Promise<T>) => expect.poll(read, { timeout: UI_TIMEOUT, interval: 100 });

/** A day `n` days from today on the hub's calendar (Asia/Shanghai). */
function dayFromNow(n: number): string {
  return new Date(Date.now() + 8 * 3_600_000 + n * 86_400_000).toISOString().slice(0, 10);
}

const FIGURES = 'routed answered waiting overdue accepted declined done';
interface Figures {
  routed: number;
  answered: number;
  waiting: number;
  overdue: number;
  accepted: number;
  declined: number;
  done: number;
}

describe.skipIf(SKIP)('orders for legal education, in Chromium against the real hub', { timeout: 180_000 }, () => {
  const suite = browserSuite(NAME, { signIn: ['admin', 'reporter'] });

  const field = (page: Page, name: string) => page.locator(`[data-field="${name}"]`);
  const figure = (page: Page, id: string) => page.locator(`li.kpi-card[data-figure="${id}"] .kpi-number`);

  it('refuses an incomplete order beside its fields, then names the agencies the hub routed the order to', async () => {
    await suite.onPage('order-public', async (page) => {
      await page.goto(`${suite.hub.url}/order`);
      await page.getByRole('heading', { name: '点单：预约普法宣讲' }).waitFor({ timeout: UI_TIMEOUT });
      await page.getByLabel('点单方类型').selectOption({ label: '学校' });
      await page.getByLabel('点单方名称').fill('海勃湾区实验小学');
      await page.getByLabel('想了解的内容').fill('校园周边食品安全，怎样辨别“三无”零食');
      await page.getByLabel('所在区').selectOption({ label: '海勃湾区' });
      await page.getByLabel('希望开始日期').fill(dayFromNow(-40));
      await page.getByLabel('希望结束日期').fill(dayFromNow(-10));
      await page.getByLabel('联系人姓名').fill('王老师');
      await page.getByLabel('联系电话').fill('0473-1234567');
      // No law and no domain: the form says so beside the law, and nothing is sent.
      await page.getByRole('button', { name: '提交订单' }).click();
      await poll(() => field(page, 'lawId').locator('.field-error').allTextContents()).toEqual(['请选择法律法规或执法领域（至少一项），以便订单送达负责的单位']);
      await poll(() => page.getByLabel('法律法规').evaluate((el) => el === document.activeElement)).toBe(true);

      // A domain found by searching; the past period is the hub's refusal, beside the end date.
      await page.getByLabel('搜索执法领域').fill('食品');
      await page.getByLabel('执法领域', { exact: true }).selectOption({ label: '食品安全' });
      await poll(() => field(page, 'lawId').locator('.field-error').count()).toBe(0);
      await page.getByRole('button', { name: '提交订单' }).click();
      await poll(() => field(page, 'wishedTo').locator('.field-error').textContent()).toContain('已经过去');
      await poll(() => page.locator('.orders-summary').textContent()).toContain('订单未提交');

      await page.getByLabel('希望开始日期').fill(dayFromNow(10));
      await page.getByLabel('希望结束日期').fill(dayFromNow(40));
      await page.getByRole('button', { name: '提交订单' }).click();
      const receipt = page.getByTestId('order-receipt');
      await receipt.waitFor({ timeout: UI_TIMEOUT });
      await poll(() => receipt.textContent()).toContain('订单已提交');
      await poll(() => receipt.locator('.orders-receipt-domains').textContent()).toBe('食品安全');
      const shown = await receipt.locator('.orders-receipt-agencies li').allTextContents();
      const orderId = (await receipt.locator('.card-note').textContent())!.replace('订单编号 ', '').trim();

      // What the hub holds, read independently as the admin: the same agencies, and the contact kept.
      const newest = await graphql<{ educationOrders: { nodes: { id: string; requesterName: string; contactPhone: string; routes: { agency: { name: string } }[] }[] } }>(
        suite.hub,
        '{ educationOrders(first: 5) { nodes { id requesterName contactPhone routes { agency { name } } } } }',
        {},
        suite.auth('admin'),
      );
      const held = newest.educationOrders.nodes.find((o) => o.id === orderId)!;
      expect(held.requesterName).toBe('海勃湾区实验小学');
      expect(held.contactPhone).toBe('0473-1234567');
      expect(shown.length).toBeGreaterThan(1);
      expect([...shown].sort()).toEqual(held.routes.map((r) => r.agency.name).sort());
      expect(shown).toContain('市市场监督管理局海勃湾区分局');
    });
  });

  it("lets the demo reporter accept an order routed to its agency, and the figures move as supplyDemand's", async () => {
    const reporter = suite.auth('reporter');
    const me = await graphql<{ me: { agency: { id: string; name: string } } }>(suite.hub, '{ me { agency { id name } } }', {}, reporter);
    const agency = me.me.agency;
    // A domain the reporter's agency holds power in, found through the API.
    const powers = await graphql<{ enforcementPowers: { nodes: { domain: { id: string } }[] } }>(
      suite.hub,
      `query($a: [ID!]) { enforcementPowers(filter: { agencyIds: $a, activeOn: "${dayFromNow(0)}" }) { nodes { domain { id } } } }`,
      { a: [agency.id] },
    );
    const domainId = powers.enforcementPowers.nodes[0]!.domain.id;
    const wishedFrom = dayFromNow(14);
    const year = Number(wishedFrom.slice(0, 4));
    const placed = await graphql<{ orderLegalEducation: { orderId: string; routedTo: { id: string }[] } }>(
      suite.hub,
      `mutation($input: EducationOrderInput!) { orderLegalEducation(input: $input) { orderId routedTo { id } } }`,
      {
        input: {
          requesterKind: 'COMMUNITY', requesterName: '乌达区测试社区', contactName: '李主任', contactPhone: '0473-7654321',
          topic: '邻里纠纷怎么调解', domainId, districtId: 'Region:4', wishedFrom, wishedTo: dayFromNow(44), audienceSize: 80,
        },
      },
    );
    const orderId = placed.orderLegalEducation.orderId;
    expect(placed.orderLegalEducation.routedTo.map((a) => a.id)).toContain(agency.id);
    const totals = async () =>
      (await graphql<{ supplyDemand: { totals: Figures } }>(suite.hub, `query($y: Int!) { supplyDemand(year: $y) { totals { ${FIGURES} } } }`, { y: year }, reporter)).supplyDemand.totals;
    const before = await totals();

    await suite.onPage(
      'orders-reporter-accepts',
      async (page) => {
        await page.goto(`${suite.hub.url}/orders?orderYear=${year}`);
        await poll(() => figure(page, 'waiting').textContent()).toBe(String(before.waiting));
        await poll(() => figure(page, 'answered').textContent()).toBe(String(before.answered));
        const order = page.locator(`li.orders-item[data-order="${orderId}"]`);
        await order.waitFor({ timeout: UI_TIMEOUT });
        // The reporter reads the contact of an order routed to its agency.
        await poll(() => order.textContent()).toContain('联系人：李主任，电话 0473-7654321');
        const route = order.locator(`li[data-agency="${agency.id}"]`);
        await poll(() => route.locator('.orders-badge').first().textContent()).toBe('待答复');
        await route.getByRole('button', { name: '答复' }).click();
        const dialog = page.getByRole('dialog');
        await dialog.getByLabel('接单，约定日期').check();
        await dialog.getByLabel('计划日期').fill(dayFromNow(20));
        await dialog.getByRole('button', { name: '保存答复' }).click();
        await poll(() => dialog.count()).toBe(0);
        await poll(() => route.locator('.orders-badge').first().textContent()).toBe('已接单');
        await poll(() => route.textContent()).toContain('计划');

        const after = await totals();
        expect([after.waiting, after.answered, after.accepted]).toEqual([before.waiting - 1, before.answered + 1, before.accepted + 1]);
        await poll(() => figure(page, 'waiting').textContent()).toBe(String(after.waiting));
        await poll(() => figure(page, 'answered').textContent()).toBe(String(after.answered));
      },
      { signIn: 'reporter' },
    );

    // The answer is final once declined: a second decline is refused (CONFLICT), said in words.
    await graphql(suite.hub, `mutation($i: OrderAnswerInput!) { answerOrder(input: $i) { status } }`, { i: { orderId, decision: 'DECLINE', reason: '本月宣讲计划已满' } }, reporter);
    await suite.onPage(
      'orders-final-refused',
      async (page) => {
        await page.goto(`${suite.hub.url}/orders?orderYear=${year}&lang=en`);
        const route = page.locator(`li.orders-item[data-order="${orderId}"] li[data-agency="${agency.id}"]`);
        await route.waitFor({ timeout: UI_TIMEOUT });
        await poll(() => route.locator('.orders-badge').first().textContent()).toBe('Declined');
        await poll(() => route.textContent()).toContain('reason: 本月宣讲计划已满');
        // A final answer offers no answer button.
        await poll(() => route.getByRole('button').count()).toBe(0);
      },
      { signIn: 'reporter' },
    );
  });

  it('shows the demand no menu offers beside the overlap gaps, as supplyDemand counts it', async () => {
    const year = Number(dayFromNow(14).slice(0, 4));
    const sd = await graphql<{ supplyDemand: { orders: number; unroutedOrders: number; unmetDemand: { orders: number }[] } }>(
      suite.hub,
      `query($y: Int!) { supplyDemand(year: $y) { orders unroutedOrders unmetDemand { orders } } }`,
      { y: year },
      suite.auth('admin'),
    );
    const unmet = sd.supplyDemand.unmetDemand.reduce((n, u) => n + u.orders, 0);
    expect(unmet).toBeGreaterThan(0);
    await suite.onPage(
      'overlaps-unmet',
      async (page) => {
        await page.goto(`${suite.hub.url}/overlaps?from=${year}-01-01&to=${year}-12-31`);
        const card = page.locator('section.card', { has: page.getByRole('heading', { name: '无人供给的需求' }) });
        await card.waitFor({ timeout: UI_TIMEOUT });
        const tally = card.locator('.orders-tally strong');
        await poll(() => tally.allTextContents()).toEqual([String(unmet), String(sd.supplyDemand.unroutedOrders), String(sd.supplyDemand.orders)]);
        await poll(() => card.locator('table tbody tr').count()).toBe(sd.supplyDemand.unmetDemand.length);
        await card.getByRole('link', { name: `查看 ${year} 年的全部订单` }).click();
        await page.getByRole('heading', { name: '普法订单：供给与需求' }).waitFor({ timeout: UI_TIMEOUT });
        await poll(() => figure(page, 'orders').textContent()).toBe(String(sd.supplyDemand.orders));
      },
      { signIn: 'admin' },
    );
    // Who may not read orders sees no such card: the media partner is refused the overlaps page altogether.
    await suite.onPage(
      'overlaps-unmet-hidden',
      async (page) => {
        await page.goto(`${suite.hub.url}/overlaps`);
        await page.getByRole('heading', { name: '交叉领域' }).first().waitFor({ timeout: UI_TIMEOUT });
        await poll(() => page.getByRole('heading', { name: '无人供给的需求' }).count()).toBe(0);
      },
      { signIn: 'media' },
    );
  });

  it('lets an admin erase a contact with a reason, and names the activity a done route delivered', async () => {
    const requester = '海勃湾区隐私测试小学';
    const refs = await graphql<{ regions: { nodes: { id: string; name: string }[] }; domains: { nodes: { id: string; code: string }[] } }>(
      suite.hub,
      '{ regions(first: 10, filter: { level: DISTRICT }) { nodes { id name } } domains(first: 100) { nodes { id code } } }',
    );
    const districtId = refs.regions.nodes.find((r) => r.name === '海勃湾区')!.id;
    const domainId = refs.domains.nodes.find((d) => d.code === 'FOOD_SAFETY')!.id;
    const placed = await graphql<{ orderLegalEducation: { orderId: string } }>(
      suite.hub,
      `mutation($input: EducationOrderInput!) { orderLegalEducation(input: $input) { orderId } }`,
      {
        input: {
          requesterKind: 'SCHOOL', requesterName: requester, contactName: '赵老师', contactPhone: '0473-5550123', topic: '未成年人网络保护',
          lawId: null, domainId, districtId, wishedFrom: dayFromNow(10), wishedTo: dayFromNow(30), audienceSize: 100,
        },
      },
    );
    const orderId = placed.orderLegalEducation.orderId;
    const year = Number(dayFromNow(10).slice(0, 4));
    // A demo order some agency delivered, with the activity as the hub names it (demo orders are of 2025).
    const delivered = await graphql<{ educationOrders: { nodes: { id: string; routes: { status: string; agency: { id: string }; activity: { title: string; date: string } | null }[] }[] } }>(
      suite.hub,
      '{ educationOrders(first: 1, filter: { statuses: [DONE], years: [2025] }) { nodes { id routes { status agency { id } activity { title date } } } } }',
      {},
      suite.auth('admin'),
    );
    const doneOrder = delivered.educationOrders.nodes[0]!;
    const doneRoute = doneOrder.routes.find((r) => r.status === 'DONE')!;
    expect(doneRoute.activity?.title).toBeTruthy();

    await suite.onPage(
      'orders-erase-contact',
      async (page) => {
        await page.goto(`${suite.hub.url}/orders?orderYear=${year}`);
        const order = page.locator(`li.orders-item[data-order="${orderId}"]`);
        await order.waitFor({ timeout: UI_TIMEOUT });
        await poll(() => order.locator('.orders-contact-line').textContent()).toContain('联系人：赵老师，电话 0473-5550123');
        await order.getByRole('button', { name: `删除${requester}订单的联系方式` }).click();
        const dialog = page.getByRole('dialog');
        await poll(() => dialog.textContent()).toContain('审计记录保留删除的时间、操作人和理由');
        // Too short a reason is refused beside the field, and nothing is erased.
        await dialog.getByLabel('删除理由').fill('要求');
        await dialog.getByRole('button', { name: '删除', exact: true }).click();
        await poll(() => dialog.locator('[data-field="reason"] .field-error').allTextContents()).toEqual(['请用 5–500 个字说明理由']);
        await dialog.getByLabel('删除理由').fill('点单方来电要求删除联系方式');
        await dialog.getByRole('button', { name: '删除', exact: true }).click();
        await poll(() => dialog.count()).toBe(0);
        await poll(() => order.locator('.orders-contact-line').textContent()).toBe(`联系方式已按规定删除（${dayFromNow(0)}）`);
        expect(await order.textContent()).not.toContain('0473-5550123');
        await poll(() => order.getByRole('button', { name: `删除${requester}订单的联系方式` }).count()).toBe(0);
        await suite.shot(page, 'orders-contact-erased');

        // The done route says which activity delivered it, by title and date.
        await page.goto(`${suite.hub.url}/orders?orderYear=2025`);
        await page.getByLabel('答复状态').selectOption({ label: '已完成' });
        const route = page.locator(`li.orders-item[data-order="${doneOrder.id}"] li[data-agency="${doneRoute.agency.id}"]`);
        await route.waitFor({ timeout: UI_TIMEOUT });
        await poll(() => route.textContent()).toContain(`已由活动“${doneRoute.activity!.title}”（`);
        expect(await route.textContent()).not.toMatch(/Activity:\d+/);
        await suite.shot(page, 'orders-done-activity');
      },
      { signIn: 'admin' },
    );

    // What the hub holds: the contact gone, the day of it, and an audit entry with the reason but no phone.
    const held = await graphql<{ node: { contactName: string | null; contactPhone: string | null; contactErasedOn: string | null } }>(
      suite.hub,
      'query($id: ID!) { node(id: $id) { ... on EducationOrder { contactName contactPhone contactErasedOn } } }',
      { id: orderId },
      suite.auth('admin'),
    );
    expect(held.node).toEqual({ contactName: null, contactPhone: null, contactErasedOn: dayFromNow(0) });
    const audit = await graphql<{ auditTrail: { nodes: { actor: string; reason: string; after: unknown }[] } }>(
      suite.hub,
      'query($id: String) { auditTrail(first: 5, filter: { entity: "EducationOrder", entityId: $id, action: "ERASE" }) { nodes { actor reason after } } }',
      { id: orderId.split(':')[1] },
      suite.auth('admin'),
    );
    expect(audit.auditTrail.nodes).toHaveLength(1);
    expect(audit.auditTrail.nodes[0]).toMatchObject({ actor: 'admin', reason: '点单方来电要求删除联系方式' });
    expect(JSON.stringify(audit.auditTrail.nodes[0])).not.toContain('0473-5550123');
  });

  it('speaks English on the order form', async () => {
    await suite.onPage('order-english', async (page) => {
      await page.goto(`${suite.hub.url}/order`);
      await page.getByRole('heading', { name: '点单：预约普法宣讲' }).waitFor({ timeout: UI_TIMEOUT });
      await page.getByRole('button', { name: 'English' }).click();
      await page.getByRole('heading', { name: 'Order legal education' }).waitFor({ timeout: UI_TIMEOUT });
      await poll(() => page.getByLabel('Who orders').isVisible()).toBe(true);
      await poll(() => page.getByRole('group', { name: 'Contact (personal data)' }).textContent()).toContain('not written into the audit trail');
      await page.getByRole('button', { name: 'Send the order' }).click();
      await poll(() => field(page, 'lawId').locator('.field-error').allTextContents()).toEqual(['Choose a law or a domain (at least one), so the order reaches the agencies that teach it']);
      // No Chinese left in the form's own words (names of places and laws come from the hub in English too).
      const text = await page.locator('.orders-form-card').innerText();
      expect(text).not.toMatch(/[\u4e00-\u9fff]/);
    });
  });
});
