import type { EntityManager } from '@mikro-orm/core';
import { DEFAULT_ORDER_CONTACT_DAYS } from '../../config.js';
import type { Viewer } from '../../graphql/access.js';
import { sql } from '../../db/sql.js';
import { Role } from '../auth/role.js';
import { runBatch } from '../ingestion/batch.service.js';
import { activityBatch, type ActivityRowInput } from '../ingestion/activity.ingest.js';
import { today as clockToday } from '../inspections/clock.js';
import { eraseDueContacts } from './contact-erasure.service.js';
import { RequesterKind } from './order.entity.js';
import { answerOrder, placeOrder } from './orders.service.js';
import { OrderDecision } from './orders.types.js';

/**
 * Demo orders (菜单/订单) for a fresh demo installation: about thirty orders placed by schools,
 * communities, villages and enterprises over the five months before the hub's clock (`PUFA_NOW`
 * aware), on the demo city's laws and domains. They go through the services, so routing and audit
 * are the real ones; only the clock is moved back afterwards (an order placed "120 days ago" gets
 * that day as its time, its answers the days they were given).
 *
 * What the figures then show on purpose: orders answered by one agency while the others it was
 * routed to stay silent (the overlap problem), declines with reasons, overdue requests, and orders
 * no agency can take (宪法, 国家安全法, 网络安全法, 反电信网络诈骗法 name no domain).
 */

type Answer =
  /** Accepted `after` days after the order, planned `planned` days after it. */
  | { agency: string; decision: 'ACCEPT'; after: number; planned: number }
  | { agency: string; decision: 'DECLINE'; after: number; reason: string }
  /** Accepted `after` days after the order, delivered by an activity `held` days after it (answered DONE the next day). */
  | { agency: string; decision: 'DONE'; after: number; held: number };

interface DemoOrder {
  /** Days before today the order was placed. */
  ago: number;
  kind: RequesterKind;
  name: string;
  contact: string;
  topic: string;
  law?: string;
  domain?: string;
  /** District code. */
  district: '150302' | '150303' | '150304';
  /** The wished period starts this many days after the order and lasts `span` days. */
  wish: number;
  span: number;
  audience: number;
  answers?: Answer[];
}

const accept = (agency: string, after: number, planned: number): Answer => ({ agency, decision: 'ACCEPT', after, planned });
const decline = (agency: string, after: number, reason: string): Answer => ({ agency, decision: 'DECLINE', after, reason });
const done = (agency: string, after: number, held: number): Answer => ({ agency, decision: 'DONE', after, held });

const { SCHOOL, COMMUNITY, VILLAGE, ENTERPRISE, WORKPLACE, OTHER } = RequesterKind;
const HBW = '150302';
const HN = '150303';
const WD = '150304';

export const DEMO_ORDERS: DemoOrder[] = [
  { ago: 150, kind: SCHOOL, name: '海勃湾区第三中学', contact: '张老师', topic: '校园周边小餐馆和外卖的食品安全，想请执法人员讲讲怎么辨别问题食品', law: 'FOOD_SAFETY_LAW', district: HBW, wish: 20, span: 30, audience: 600,
    answers: [done('CITY_MARKET', 2, 30), decline('HBW_MARKET', 4, '已与市市场监督管理局联合承接，由市局统一安排宣讲，本分局派员协助')] },
  { ago: 140, kind: COMMUNITY, name: '海南区滨河社区居委会', contact: '李主任', topic: '老年人防范养老诈骗和保健品虚假宣传', law: 'CONSUMER_LAW', district: HN, wish: 15, span: 45, audience: 120,
    answers: [done('HN_MARKET', 2, 25), accept('CITY_MARKET', 3, 40)] },
  { ago: 135, kind: ENTERPRISE, name: '乌达区某焦化有限公司', contact: '王经理', topic: '新修订的安全生产法对企业主要负责人的责任', law: 'WORK_SAFETY_LAW', district: WD, wish: 10, span: 30, audience: 200,
    answers: [done('CITY_EMERGENCY', 1, 20), decline('CITY_HOUSING', 5, '本局负责建筑施工安全，焦化企业不在本局监管范围，已转应急管理局'), decline('CITY_TRANSPORT', 6, '企业不涉及道路运输经营，建议由应急管理部门承接')] },
  { ago: 128, kind: VILLAGE, name: '海南区巴音陶亥镇某村', contact: '赵书记', topic: '土地承包经营权流转和宅基地纠纷怎么处理', law: 'LAND_LAW', district: HN, wish: 20, span: 40, audience: 80,
    answers: [accept('CITY_NATURAL_RES', 6, 35)] },
  { ago: 120, kind: WORKPLACE, name: '乌达区某街道办事处', contact: '孙科长', topic: '民法典婚姻家庭编与继承编', law: 'CIVIL_CODE', district: WD, wish: 10, span: 30, audience: 60,
    answers: [done('CITY_JUSTICE', 1, 18), accept('WD_JUSTICE', 2, 25), decline('CITY_MARKET', 4, '婚姻家庭和继承不属于本局执法领域，已由司法局承接')] },
  { ago: 112, kind: SCHOOL, name: '乌达区第二小学', contact: '周老师', topic: '预防校园欺凌和未成年人保护', law: 'MINORS_LAW', district: WD, wish: 15, span: 30, audience: 450,
    answers: [done('CITY_EDUCATION', 3, 28), accept('CITY_PSB', 5, 30)] },
  { ago: 105, kind: ENTERPRISE, name: '海勃湾区某物流公司', contact: '刘经理', topic: '货车驾驶员的交通安全和超限超载处罚', law: 'ROAD_TRAFFIC_LAW', district: HBW, wish: 10, span: 20, audience: 90,
    answers: [done('CITY_TRAFFIC_POLICE', 2, 16), accept('CITY_TRANSPORT', 8, 30)] },
  { ago: 98, kind: COMMUNITY, name: '海勃湾区新华街道某社区', contact: '吴书记', topic: '宪法和公民的基本权利义务', law: 'CONSTITUTION', district: HBW, wish: 20, span: 30, audience: 150 },
  { ago: 95, kind: SCHOOL, name: '海南区第一中学', contact: '郑老师', topic: '防范电信网络诈骗，学生被骗刷单怎么办', law: 'ANTI_FRAUD', district: HN, wish: 10, span: 30, audience: 900 },
  { ago: 90, kind: ENTERPRISE, name: '乌达区某商贸公司', contact: '冯经理', topic: '劳动合同签订、加班和工资支付', law: 'LABOUR_CONTRACT', district: WD, wish: 10, span: 30, audience: 70,
    answers: [done('CITY_HRSS', 2, 21), decline('CITY_HOUSING', 3, '本局只负责建筑领域农民工工资，商贸企业的劳动用工请由人社局解答')] },
  { ago: 84, kind: VILLAGE, name: '乌达区某嘎查', contact: '巴特尔', topic: '草原保护和禁牧休牧规定', law: 'GRASSLAND_LAW', district: WD, wish: 20, span: 40, audience: 60,
    answers: [accept('CITY_FORESTRY', 4, 30)] },
  { ago: 78, kind: COMMUNITY, name: '海南区某社区居委会', contact: '陈主任', topic: '楼下烧烤油烟和广场舞噪声到底归谁管', domain: 'SMOKE_NOISE', district: HN, wish: 10, span: 30, audience: 100 },
  { ago: 72, kind: WORKPLACE, name: '海勃湾区某事业单位', contact: '何主任', topic: '个人信息保护和单位数据安全', law: 'PERSONAL_INFO', district: HBW, wish: 15, span: 30, audience: 50,
    answers: [decline('CITY_MARKET', 6, '本局本季度宣讲计划已排满，请下季度再次点单')] },
  { ago: 66, kind: SCHOOL, name: '海勃湾区某职业学校', contact: '马老师', topic: '消防安全和学生宿舍用电', law: 'FIRE_LAW', district: HBW, wish: 7, span: 21, audience: 800,
    answers: [done('CITY_FIRE', 1, 12)] },
  { ago: 60, kind: OTHER, name: '乌达区老年大学', contact: '林老师', topic: '遗嘱、继承和法律援助怎么申请', law: 'LEGAL_AID', district: WD, wish: 7, span: 30, audience: 110,
    answers: [done('WD_JUSTICE', 2, 14)] },
  { ago: 55, kind: ENTERPRISE, name: '海南区某煤矿', contact: '高经理', topic: '环境保护法和排污许可', law: 'ENV_PROTECTION', district: HN, wish: 15, span: 30, audience: 150,
    answers: [accept('CITY_ECOLOGY', 3, 20)] },
  { ago: 50, kind: COMMUNITY, name: '海勃湾区某社区居委会', contact: '罗主任', topic: '禁毒知识进社区，识别新型毒品', law: 'ANTI_DRUG_LAW', district: HBW, wish: 7, span: 20, audience: 130,
    answers: [done('HBW_PSB', 2, 10)] },
  { ago: 45, kind: WORKPLACE, name: '海南区某街道统计站', contact: '许站长', topic: '统计法和防范统计造假', law: 'STATISTICS_LAW', district: HN, wish: 20, span: 30, audience: 40,
    answers: [accept('CITY_STATISTICS', 9, 30)] },
  { ago: 40, kind: SCHOOL, name: '海南区某小学', contact: '谢老师', topic: '家庭教育促进法家长课堂', law: 'FAMILY_EDUCATION', district: HN, wish: 10, span: 30, audience: 300 },
  { ago: 35, kind: OTHER, name: '乌达区某出租汽车公司', contact: '韩队长', topic: '网约车和出租车的乘客纠纷与交通违法', domain: 'ROAD_TRAFFIC', district: WD, wish: 10, span: 20, audience: 80,
    answers: [accept('CITY_TRANSPORT', 2, 20)] },
  { ago: 30, kind: COMMUNITY, name: '乌达区某社区居委会', contact: '邓书记', topic: '国家安全法和全民国家安全教育', law: 'NATIONAL_SECURITY', district: WD, wish: 10, span: 30, audience: 120 },
  { ago: 25, kind: ENTERPRISE, name: '海勃湾区某建筑公司', contact: '曹经理', topic: '农民工工资支付和欠薪维权', law: 'LABOUR_CONTRACT', district: HBW, wish: 10, span: 30, audience: 160,
    answers: [accept('CITY_HOUSING', 3, 25)] },
  { ago: 20, kind: SCHOOL, name: '乌达区某中学', contact: '彭老师', topic: '网络安全和未成年人上网保护', law: 'CYBERSECURITY', district: WD, wish: 10, span: 30, audience: 700 },
  { ago: 16, kind: VILLAGE, name: '海南区某村', contact: '苏主任', topic: '农产品质量安全和农药使用', law: 'AGRI_PRODUCT_QUALITY', district: HN, wish: 10, span: 30, audience: 70,
    answers: [accept('CITY_AGRI', 2, 20)] },
  { ago: 12, kind: COMMUNITY, name: '海勃湾区某社区居委会', contact: '蒋主任', topic: '人民调解和邻里纠纷化解', law: 'PEOPLE_MEDIATION', district: HBW, wish: 10, span: 30, audience: 90 },
  { ago: 9, kind: ENTERPRISE, name: '乌达区某餐饮企业', contact: '蔡经理', topic: '餐饮服务食品安全和进货查验', domain: 'FOOD_SAFETY', district: WD, wish: 7, span: 30, audience: 45,
    answers: [accept('WD_MARKET', 1, 15)] },
  { ago: 6, kind: SCHOOL, name: '海勃湾区某幼儿园', contact: '潘园长', topic: '儿童用药安全', law: 'DRUG_ADMIN', district: HBW, wish: 14, span: 30, audience: 200 },
  { ago: 4, kind: WORKPLACE, name: '海南区某街道办事处', contact: '田主任', topic: '行政处罚法与基层综合执法', law: 'ADMIN_PENALTY', district: HN, wish: 14, span: 30, audience: 60 },
  { ago: 3, kind: OTHER, name: '海勃湾区某商场', contact: '袁经理', topic: '消费者权益和预付卡退费', domain: 'MARKET_CONSUMER', district: HBW, wish: 10, span: 30, audience: 50 },
  { ago: 2, kind: COMMUNITY, name: '乌达区某社区居委会', contact: '魏书记', topic: '宪法宣传周进社区', law: 'CONSTITUTION', district: WD, wish: 3, span: 14, audience: 200 },
];

const VENUE: Record<RequesterKind, string> = { SCHOOL: 'SCHOOL', COMMUNITY: 'COMMUNITY', VILLAGE: 'VILLAGE', ENTERPRISE: 'ENTERPRISE', WORKPLACE: 'WORKPLACE', OTHER: 'PUBLIC_SPACE' };
const AUDIENCE: Record<RequesterKind, string> = { SCHOOL: 'STUDENTS', COMMUNITY: 'COMMUNITY_RESIDENTS', VILLAGE: 'FARMERS_HERDERS', ENTERPRISE: 'ENTERPRISE_STAFF', WORKPLACE: 'CIVIL_SERVANTS', OTHER: 'GENERAL_PUBLIC' };

const addDays = (day: string, n: number) => new Date(Date.parse(`${day}T00:00:00Z`) + n * 86_400_000).toISOString().slice(0, 10);
/** A moment of a day in Asia/Shanghai, e.g. the order's 09:30. */
const at = (day: string, time: string) => new Date(`${day}T${time}:00+08:00`);

export interface DemoOrdersResult {
  orders: number;
  routes: number;
  answers: number;
  activities: number;
  /** Orders whose contact was erased as of `today` (settled or wished for more than `contactDays` days before). */
  erased: number;
}

/**
 * The demo city's last day of records: its activities, cases and published menus stop at the end
 * of 2025. Orders placed after it would find no menu of their year (all of them "demand no menu
 * offers") and no activity to be delivered by, so the demo orders end there even when the hub's
 * clock is later; a wait counted to the real today then shows as overdue, as it would.
 */
export const DEMO_LAST_DAY = '2025-12-31';

/**
 * Places the demo orders and their answers as the installation's first admin (the demo accounts
 * must exist). `today` is the day the last demo order's dates count back from: the hub's clock,
 * at the latest the demo city's last day. The oldest orders' contacts are then erased as of that
 * day, as the hub would have erased them (the server erases again on its own clock when it starts).
 */
export async function loadDemoOrders(em: EntityManager, today = minDay(clockToday(), DEMO_LAST_DAY), contactDays = DEFAULT_ORDER_CONTACT_DAYS): Promise<DemoOrdersResult> {
  // One transaction: all demo orders or none, and far fewer commits for the embedded database.
  return em.transactional(async (tx) => {
    const result = await placeDemoOrders(tx, today);
    result.erased = (await eraseDueContacts(tx, contactDays, today)).length;
    return result;
  });
}

async function placeDemoOrders(em: EntityManager, today: string): Promise<DemoOrdersResult> {
  const [admin] = await sql<{ id: number; username: string }>(em, `select id, username from app_user where role = 'ADMIN' order by id limit 1`);
  if (!admin) throw new Error('Demo orders need an admin account: create the demo accounts first');
  const viewer: Viewer = { kind: 'user', id: admin.id, username: admin.username, role: Role.ADMIN, agencyId: null, outletId: null, districtId: null };
  const ids = await referenceIds(em);
  const result: DemoOrdersResult = { orders: 0, routes: 0, answers: 0, activities: 0, erased: 0 };

  // 1. The orders, each placed on its day (routing as of that day).
  const placed: { order: DemoOrder; n: number; day: string; orderId: string; routed: Set<string> }[] = [];
  for (const [n, o] of DEMO_ORDERS.entries()) {
    const day = addDays(today, -o.ago);
    const wishedFrom = addDays(day, o.wish);
    const receipt = await placeOrder(em, {
      requesterKind: o.kind, requesterName: o.name, contactName: o.contact, contactPhone: `0473-${String(3_100_000 + n * 731).slice(0, 7)}`,
      topic: o.topic, lawId: o.law ? `Law:${need(ids.law, o.law)}` : null, domainId: o.domain ? `EnforcementDomain:${need(ids.domain, o.domain)}` : null,
      districtId: `Region:${need(ids.region, o.district)}`, wishedFrom, wishedTo: addDays(wishedFrom, o.span), audienceSize: o.audience,
    }, day);
    placed.push({ order: o, n, day, orderId: receipt.orderId, routed: new Set(receipt.routedTo.map((a) => a.code)) });
    result.orders++;
    result.routes += receipt.routedTo.length;
  }
  // Placed on their days, not the loader's: the time to answer and overdue count from them (one statement).
  await sql(em, `update education_order o set ordered_at = v.at from unnest(?::int[], ?::timestamptz[]) as v(id, at) where o.id = v.id`,
    [placed.map((p) => idNumber(p.orderId)), placed.map((p) => at(p.day, `${String(8 + (p.n % 9)).padStart(2, '0')}:30`).toISOString())]);

  // 2. The activities that delivered the DONE orders, reported as one batch.
  const deliveries = placed.flatMap((p) => (p.order.answers ?? []).flatMap((a) => (a.decision === 'DONE' ? [{ ...p, agencyId: need(ids.agency, a.agency), held: addDays(p.day, a.held) }] : [])));
  const activityIds = await reportActivities(em, viewer, deliveries, ids);
  result.activities = activityIds.length;

  // 3. The answers, through the service; then each dated the day it was given (one statement).
  const dated: { orderId: number; agencyId: number; first: Date; last: Date }[] = [];
  for (const p of placed) {
    for (const a of p.order.answers ?? []) {
      if (!p.routed.has(a.agency)) throw new Error(`Demo order "${p.order.topic}" was not routed to ${a.agency} (routed: ${[...p.routed].join(', ') || 'nobody'})`);
      const agencyId = need(ids.agency, a.agency);
      const base = { orderId: p.orderId, agencyId: `Agency:${agencyId}` };
      const answeredOn = at(addDays(p.day, a.after), '16:00');
      let last = answeredOn;
      if (a.decision === 'DECLINE') await answerOrder(em, viewer, { ...base, decision: OrderDecision.DECLINE, reason: a.reason });
      else if (a.decision === 'ACCEPT') await answerOrder(em, viewer, { ...base, decision: OrderDecision.ACCEPT, plannedOn: addDays(p.day, a.planned) });
      else {
        const held = addDays(p.day, a.held);
        await answerOrder(em, viewer, { ...base, decision: OrderDecision.ACCEPT, plannedOn: held });
        const activityId = activityIds[deliveries.findIndex((d) => d.orderId === p.orderId && d.agencyId === agencyId)]!;
        await answerOrder(em, viewer, { ...base, decision: OrderDecision.DONE, activityId: `Activity:${activityId}` });
        result.answers++;
        last = at(addDays(held, 1), '16:00');
      }
      result.answers++;
      dated.push({ orderId: idNumber(p.orderId), agencyId, first: answeredOn, last });
    }
  }
  if (dated.length) {
    await sql(em, `update education_order_agency r set answered_at = v.first, updated_at = v.last
      from unnest(?::int[], ?::int[], ?::timestamptz[], ?::timestamptz[]) as v(order_id, agency_id, first, last)
      where r.order_id = v.order_id and r.agency_id = v.agency_id`,
    [dated.map((d) => d.orderId), dated.map((d) => d.agencyId), dated.map((d) => d.first.toISOString()), dated.map((d) => d.last.toISOString())]);
  }
  return result;
}

const minDay = (a: string, b: string) => (a < b ? a : b);
const idNumber = (globalId: string) => Number(globalId.split(':')[1]);

interface ReferenceIds {
  law: Map<string, number>;
  domain: Map<string, number>;
  region: Map<string, number>;
  agency: Map<string, number>;
}

async function referenceIds(em: EntityManager): Promise<ReferenceIds> {
  const rows = await sql<{ t: keyof ReferenceIds; code: string; id: number }>(em, `
    select 'law' as t, code, id from law union all select 'domain', code, id from enforcement_domain
    union all select 'region', code, id from region where level = 'DISTRICT' union all select 'agency', code, id from agency`);
  const ids: ReferenceIds = { law: new Map(), domain: new Map(), region: new Map(), agency: new Map() };
  for (const r of rows) ids[r.t].set(r.code, r.id);
  return ids;
}

function need(map: Map<string, number>, code: string): number {
  const id = map.get(code);
  if (id === undefined) throw new Error(`Demo orders name ${code}, which the demo data does not hold`);
  return id;
}

/**
 * The activities that delivered orders, reported as any agency's activities are (one batch); their
 * ids in the order of `deliveries`.
 */
async function reportActivities(
  em: EntityManager, viewer: Viewer, deliveries: { order: DemoOrder; agencyId: number; held: string }[], ids: ReferenceIds,
): Promise<number[]> {
  if (!deliveries.length) return [];
  const rows = [];
  for (const { order: o, agencyId, held } of deliveries) {
    // The activity's domain: one of the order's domains the agency holds power in.
    const [domain] = await sql<{ domain_id: number }>(em, `select p.domain_id from enforcement_power p
      where p.agency_id = ? and p.domain_id in (select domain_id from law_domains where law_id = ? union select ?::int) order by p.is_lead desc, p.domain_id limit 1`,
    [agencyId, o.law ? ids.law.get(o.law)! : 0, o.domain ? ids.domain.get(o.domain)! : 0]);
    rows.push({
      title: `应${o.name}点单：${o.topic.split('，')[0]}`.slice(0, 200), date: held, regionId: `Region:${ids.region.get(o.district)!}`, organiserId: `Agency:${agencyId}`,
      form: 'LECTURE', venueType: VENUE[o.kind], audiences: [AUDIENCE[o.kind]], lawIds: o.law ? [`Law:${ids.law.get(o.law)!}`] : [],
      domainId: domain ? `EnforcementDomain:${domain.domain_id}` : undefined,
      participants: o.audience, materials: Math.round(o.audience * 0.8), consultations: Math.round(o.audience / 10), onlineViews: 0,
    });
  }
  await runBatch(em, viewer, activityBatch, 'demo-order-activities', rows as unknown as ActivityRowInput[]);
  const found = await sql<{ id: number; organiser_id: number; date: string; title: string }>(em,
    `select id, organiser_id, date::text as date, title from activity where title = any(?)`, [rows.map((r) => r.title)]);
  return rows.map((r) => found.find((f) => `Agency:${f.organiser_id}` === r.organiserId && f.date === r.date && f.title === r.title)!.id);
}
