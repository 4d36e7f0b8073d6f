/**
 * Demo inspections and rectification items (检查与整改) for a fresh demo installation: five
 * inspections by NPC deputies, CPPCC members and the 普法办 over the last three years, and
 * rectification items from all three sources (a finding, the scorecard's rectification list, an
 * overlap gap) in every status, some overdue, with evidence on the submitted and verified ones, and
 * one verified overlap-gap item whose next year shows the gap closed.
 *
 * Everything goes through the services with the demo accounts (admin, inspector, reporter) as the
 * actors, so access checks, source checks and the audit trail are the real ones. The services stamp
 * createdAt / submittedAt / verifiedAt with the hub's clock and refuse deadlines before "today",
 * so each step runs with the clock (`PUFA_NOW`) set to the day it happened — before the server
 * listens, when nothing else reads the clock — and the caller's clock is put back afterwards. Every
 * day is relative to the clock at the start (the real time, or `PUFA_NOW`), so the overdue items are
 * overdue on the day the hub is installed. The audit trail keeps the database's time (the
 * installation), as it does for every write.
 *
 * Only the demo reporter's agency (the first enforcement agency) can move its items, so the items
 * that get past OPEN are that agency's; other agencies' items wait, some overdue.
 */
import type { EntityManager } from '@mikro-orm/core';
import type { Viewer } from '../../graphql/access.js';
import { sql } from '../../db/sql.js';
import { scorecard } from '../assessment/assessment.service.js';
import { Role } from '../auth/role.js';
import { overlapGaps } from '../overlaps/overlaps.service.js';
import type { GapKind } from '../overlaps/gaps.js';
import { today as clockToday } from './clock.js';
import { sha256 } from './evidence.detect.js';
import { authorizeEvidenceWrite, storeEvidence } from './evidence.service.js';
import { InspectionMethod, InspectorKind } from './inspection.enums.js';
import { createInspection } from './inspection.service.js';
import { createRectificationItem, setRectificationStatus } from './rectification.service.js';
import type { RectificationSourceInput } from './rectification.types.js';
import type { Status } from './rectification.rules.js';

type User = Extract<Viewer, { kind: 'user' }>;

export interface DemoInspectionsResult {
  inspections: number;
  items: number;
  evidence: number;
  /** The verified overlap-gap item whose next year no longer has the flag, if the demo data has one. */
  closedGapItem: string | null;
}

/** "YYYY-MM-DD" plus n days (UTC arithmetic: the machine's zone cannot shift it). */
export function addDays(day: string, n: number): string {
  return new Date(Date.parse(`${day}T00:00:00Z`) + n * 86_400_000).toISOString().slice(0, 10);
}

/**
 * A one-page PDF 1.4 with an ASCII line of text: a real, parseable file (header, objects, an exact
 * cross-reference table, trailer), small enough to keep in the database many times over.
 */
export function demoPdf(line: string): Buffer {
  const text = line.replace(/[^\x20-\x7e]/g, '?').replace(/([\\()])/g, '\\$1');
  const stream = `BT /F1 14 Tf 72 760 Td (${text}) Tj ET`;
  const objects = [
    '<< /Type /Catalog /Pages 2 0 R >>',
    '<< /Type /Pages /Kids [3 0 R] /Count 1 >>',
    '<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 4 0 R /Resources << /Font << /F1 5 0 R >> >> >>',
    `<< /Length ${stream.length} >>\nstream\n${stream}\nendstream`,
    '<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>',
  ];
  let out = '%PDF-1.4\n';
  const offsets: number[] = [];
  objects.forEach((body, i) => {
    offsets.push(out.length);
    out += `${i + 1} 0 obj\n${body}\nendobj\n`;
  });
  const xref = out.length;
  out += `xref\n0 ${objects.length + 1}\n0000000000 65535 f \n${offsets.map((o) => `${String(o).padStart(10, '0')} 00000 n \n`).join('')}`;
  out += `trailer\n<< /Size ${objects.length + 1} /Root 1 0 R >>\nstartxref\n${xref}\n%%EOF\n`;
  return Buffer.from(out, 'latin1');
}

/** Runs `fn` with the hub's clock at 10:00 Shanghai time on `day`, then restores the clock. */
async function onDay<T>(day: string, fn: () => Promise<T>): Promise<T> {
  const previous = process.env.PUFA_NOW;
  process.env.PUFA_NOW = `${day}T10:00:00+08:00`;
  try {
    return await fn();
  } finally {
    if (previous === undefined) delete process.env.PUFA_NOW;
    else process.env.PUFA_NOW = previous;
  }
}

async function demoUsers(em: EntityManager): Promise<{ admin: User; inspector: User; reporter: User }> {
  const rows = await sql<{ id: number; username: string; role: Role; agency_id: number | null; district_id: number | null }>(em,
    `select id, username, role, agency_id, district_id from app_user where username in ('admin', 'inspector', 'reporter')`);
  const user = (name: string): User => {
    const u = rows.find((r) => r.username === name);
    if (!u) throw new Error(`The demo inspections need the demo account "${name}": create the demo accounts first`);
    return { kind: 'user', id: u.id, username: u.username, role: u.role, agencyId: u.agency_id, outletId: null, districtId: u.district_id };
  };
  const reporter = user('reporter');
  if (!reporter.agencyId) throw new Error('The demo reporter has no agency');
  return { admin: user('admin'), inspector: user('inspector'), reporter };
}

async function agencyByName(em: EntityManager, names: string[]): Promise<Map<string, number>> {
  const rows = await sql<{ id: number; name: string }>(em, 'select id, name from agency where name = any(?) and valid_to is null order by id', [names]);
  return new Map(rows.map((r) => [r.name, r.id]));
}

/** The domains the agencies hold enforcement power in, as global ids. */
async function domainsOf(em: EntityManager, agencyIds: number[]): Promise<string[]> {
  const rows = await sql<{ id: number }>(em, 'select distinct domain_id as id from enforcement_power where agency_id = any(?) order by 1', [agencyIds]);
  return rows.map((r) => `EnforcementDomain:${r.id}`);
}

/** A flag of `agencyId`'s overlaps in `year` that is gone the next year (SINGLE_HOLDER preferred), or null. */
async function closedGapOf(em: EntityManager, agencyId: number, years: number[]): Promise<{ domainId: string; year: number; kind: GapKind } | null> {
  const rank = (k: GapKind) => (k === 'SINGLE_HOLDER' ? 0 : k === 'NO_ACTIVITY' ? 1 : 2);
  // Only the agency's own domains: the overlap view over the whole city costs several times more.
  const domainIds = await domainsOf(em, [agencyId]);
  if (domainIds.length === 0) return null;
  for (const year of years) {
    const [now, next] = await Promise.all([overlapGaps(em, { years: [year], domainIds }, 'ZH_CN', {}), overlapGaps(em, { years: [year + 1], domainIds }, 'ZH_CN', {})]);
    const found = now
      .flatMap((g) => g.flags.filter((f) => f.act.some((a) => a.id === agencyId)).map((f) => ({ g, f })))
      .filter(({ g, f }) => !next.find((n) => n.domain.id === g.domain.id)?.flags.some((x) => x.kind === f.kind))
      .sort((a, b) => rank(a.f.kind) - rank(b.f.kind))[0];
    if (found) return { domainId: found.g.domain.globalId, year, kind: found.f.kind };
  }
  return null;
}

/** A flag in `year` that names an agency other than `not` to act (none of the "designate a lead" kind). */
async function openGapFor(em: EntityManager, year: number, not: number): Promise<{ domainId: string; kind: GapKind; agencyId: number } | null> {
  const gaps = await overlapGaps(em, { years: [year] }, 'ZH_CN', {});
  for (const g of gaps) {
    for (const f of g.flags) {
      const agency = f.act.find((a) => a.id !== not);
      if (agency) return { domainId: g.domain.globalId, kind: f.kind, agencyId: agency.id };
    }
  }
  return null;
}

/**
 * Loads the demo inspections and items (the demo accounts must exist). `today` is the hub's clock;
 * every day is relative to it (the year before, two and three years before, days before and after).
 */
export async function loadDemoInspections(em: EntityManager, today = clockToday()): Promise<DemoInspectionsResult> {
  const { admin, inspector, reporter } = await demoUsers(em);
  const own = reporter.agencyId!;
  const Y = Number(today.slice(0, 4));
  const ago = (n: number) => addDays(today, -n);
  const result: DemoInspectionsResult = { inspections: 0, items: 0, evidence: 0, closedGapItem: null };
  const names = await agencyByName(em, ['市生态环境局', '市城市管理综合执法局', '海南区司法局', '市住房和城乡建设局', '市水务局']);
  const others = (...n: string[]) => n.map((x) => names.get(x)).filter((x): x is number => x !== undefined && x !== own);

  const inspect = async (day: string, by: User, input: Parameters<typeof createInspection>[2]) => {
    const made = await onDay(day, () => createInspection(em.fork(), by, input));
    result.inspections++;
    const findings = await sql<{ id: number }>(em, 'select id from inspection_finding where inspection_id = ? order by position', [made.id]);
    return findings.map((f) => `InspectionFinding:${f.id}`);
  };
  const open = async (day: string, by: User, agencyId: number, requirement: string, deadline: string, source: RectificationSourceInput) => {
    const item = await onDay(day, () => createRectificationItem(em.fork(), by, { agencyId: `Agency:${agencyId}`, requirement, deadline, source }));
    result.items++;
    return item.globalId;
  };
  const move = (day: string, by: User, id: string, to: Status, note?: string) => onDay(day, () => setRectificationStatus(em.fork(), by, id, to, note));
  const attach = async (day: string, by: User, id: string, filename: string, line: string) => {
    const owner = { kind: 'RectificationItem' as const, id: Number(id.split(':')[1]) };
    const data = demoPdf(line);
    await onDay(day, async () => storeEvidence(em.fork(), await authorizeEvidenceWrite(em.fork(), by, owner), owner, { data, type: 'application/pdf', filename, sha256: sha256(data) }));
    result.evidence++;
  };

  // 1. Three years back: NPC deputies visit the ecology and urban-management agencies (findings only: handled before the hub).
  const visited = others('市生态环境局', '市城市管理综合执法局');
  await inspect(`${Y - 3}-04-18`, inspector, {
    kind: InspectorKind.NPC_DEPUTIES, inspectors: '市人大常委会执法检查组（王建国、李淑芬、赵志刚代表）', agencyIds: visited.map((a) => `Agency:${a}`),
    date: `${Y - 3}-04-18`, method: InspectionMethod.FIELD_VISIT,
    summary: '实地察看餐饮集中区油烟、噪声执法现场，查看执法台账与普法台账。',
    findings: ['油烟噪声污染领域执法部门多、普法无人牵头，全年未开展针对餐饮经营者的普法活动', '普法责任清单未明确责任科室和责任人，“谁执法谁普法”停留在文件上'],
    snapshots: [{ overlapGaps: { years: [Y - 3], domainIds: await domainsOf(em, visited) } }],
  });

  // 2. The year before: CPPCC members hold a symposium with the justice bureaus on the gap of the year before that.
  const closed = await closedGapOf(em, own, [Y - 2, Y - 3, Y - 4]);
  const cppcc = await inspect(`${Y - 1}-03-12`, inspector, {
    kind: InspectorKind.CPPCC_MEMBERS, inspectors: '市政协委员视察组（陈静、马海军委员）', agencyIds: [own, ...others('海南区司法局')].map((a) => `Agency:${a}`),
    date: `${Y - 1}-03-12`, method: InspectionMethod.SYMPOSIUM,
    summary: '召开座谈会听取公共法律服务普法工作情况，与企业、学校代表座谈。',
    findings: ['公共法律服务普法未覆盖企业职工和青少年，“进企业”“进校园”活动空白', '以案释法典型案例更新慢，全年仅发布两件，未按季度发布'],
    snapshots: closed ? [{ overlapGaps: { years: [closed.year], domainIds: [closed.domainId] } }] : [],
  });
  if (closed) {
    const id = await open(`${Y - 1}-03-15`, inspector, own, '针对未覆盖的对象开展公共法律服务普法，每季度至少一场“进企业”“进校园”活动', `${Y - 1}-09-30`,
      { overlapGap: { domainId: closed.domainId, year: closed.year, kind: closed.kind } });
    await move(`${Y - 1}-03-20`, reporter, id, 'IN_PROGRESS');
    await attach(`${Y - 1}-06-25`, reporter, id, '公共法律服务进企业进校园活动总结.pdf', 'Public legal services: activities in enterprises and schools, Q2 report');
    await move(`${Y - 1}-06-28`, reporter, id, 'SUBMITTED');
    await move(`${Y - 1}-07-10`, inspector, id, 'VERIFIED', '活动记录、照片和签到表齐全，整改到位');
    result.closedGapItem = id;
  }
  const cases = await open(`${Y - 1}-03-15`, inspector, own, '建立以案释法典型案例按季度发布制度，年内发布不少于八件', `${Y - 1}-12-31`, { findingId: cppcc[1]! });
  await move(`${Y - 1}-04-02`, reporter, cases, 'IN_PROGRESS');
  await attach(`${Y - 1}-11-20`, reporter, cases, '以案释法案例发布清单.pdf', 'Typical cases published this year: 9 (list attached)');
  await move(`${Y - 1}-11-21`, reporter, cases, 'SUBMITTED');
  await move(`${Y - 1}-12-05`, inspector, cases, 'VERIFIED', '已按季度发布九件典型案例');

  // 3. This year, 130 days ago: the 普法办 reviews the justice bureau's documents.
  const office = await inspect(ago(130), admin, {
    kind: InspectorKind.LEGAL_EDUCATION_OFFICE, inspectors: '市普法办（张敏、刘洋）', agencyIds: [`Agency:${own}`],
    date: ago(130), method: InspectionMethod.DOCUMENTS_REVIEWED,
    summary: '查阅年度普法计划、责任清单公告和普法台账。',
    findings: ['年度普法计划缺少时间表，责任清单未在门户网站公告', '普法台账资料不全：部分活动缺少照片、签到表和资料发放记录', '领导干部学法未形成制度，年度学法计划未落实'],
  });
  const plan = await open(ago(120), admin, own, '补充年度普法计划时间表，并在门户网站公告责任清单', ago(15), { findingId: office[0]! });
  await move(ago(100), reporter, plan, 'IN_PROGRESS');
  const ledger = await open(ago(120), admin, own, '补齐普法台账：每场活动留存照片、签到表和资料发放记录', addDays(today, 10), { findingId: office[1]! });
  await move(ago(110), reporter, ledger, 'IN_PROGRESS');
  await attach(ago(9), reporter, ledger, '普法台账整改材料.pdf', 'Ledger of legal-education activities, completed');
  await move(ago(8), reporter, ledger, 'SUBMITTED');
  const study = await open(ago(120), admin, own, '制定领导干部年度学法计划，并落实会前学法制度', addDays(today, 20), { findingId: office[2]! });
  await move(ago(105), reporter, study, 'IN_PROGRESS');
  await attach(ago(62), reporter, study, '领导干部学法计划.pdf', 'Annual law-study plan for leading cadres');
  await move(ago(60), reporter, study, 'SUBMITTED');
  await move(ago(45), admin, study, 'REOPENED', '只附了学法计划，缺少会前学法的记录和签到，请补充后重新提交');

  // 4. Ten days ago: an unannounced spot check by NPC deputies.
  const spot = await inspect(ago(10), inspector, {
    kind: InspectorKind.NPC_DEPUTIES, inspectors: '人大代表（王建国代表）', agencyIds: [own, ...others('市住房和城乡建设局')].map((a) => `Agency:${a}`),
    date: ago(10), method: InspectionMethod.SPOT_CHECK,
    findings: ['“法律明白人”培训覆盖不足，部分社区全年未开展', '农民工工资支付相关法律宣传缺位，工地未见普法资料'],
  });
  await open(ago(9), inspector, own, '年内完成各社区“法律明白人”培训全覆盖', addDays(today, 50), { findingId: spot[0]! });
  const builder = others('市住房和城乡建设局')[0];
  if (builder && spot[1]) await open(ago(9), inspector, builder, '在在建工地设置农民工工资支付法律宣传栏并开展一次现场宣讲', addDays(today, 40), { findingId: spot[1] });

  // 5. The scorecard of last year: its worst unit is ordered to rectify, and is already overdue. (One item: each
  //    scorecard computation costs a second or two of the first start.)
  const card = await scorecard(em.fork(), { year: Y - 1, rubricVersion: '2021版' }, null).catch(() => null);
  const worst = card?.rectify[0];
  if (worst) {
    await open(ago(60), admin, Number(worst.agencyId.split(':')[1]), `针对${Y - 1}年度考评失分项逐项整改：完成责任清单，按计划开展普法活动`, ago(7),
      { scorecard: { year: Y - 1, rubricVersion: '2021版' } });
  }

  // 6. A gap of last year another agency should act on, opened by the inspector, not started and overdue.
  const gap = await openGapFor(em, Y - 1, own);
  if (gap) {
    await open(ago(75), inspector, gap.agencyId, '在该交叉执法领域牵头开展普法，覆盖此前未到达的地区和对象', ago(12), { overlapGap: { domainId: gap.domainId, year: Y - 1, kind: gap.kind } });
  }

  // 7. Two years back, a report heard from the water bureau (a finding the bureau has not acted on).
  const water = others('市水务局');
  if (water.length) {
    await inspect(`${Y - 2}-09-24`, admin, {
      kind: InspectorKind.LEGAL_EDUCATION_OFFICE, inspectors: '市普法办', agencyIds: water.map((a) => `Agency:${a}`),
      date: `${Y - 2}-09-24`, method: InspectionMethod.REPORT_HEARD,
      findings: ['水资源保护普法形式单一，以发放资料为主，群众知晓率低'],
    });
  }
  return result;
}
