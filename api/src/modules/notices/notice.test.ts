import zlib from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { backends, startTestHub, type TestHub } from '../../test/hub.js';
import { Role } from '../auth/role.js';
import { loadInspectionsFixture } from '../inspections/inspections.fixture.js';

const NOTICE = `query($y: Int!, $v: String!, $loc: Locale) { notice(year: $y, rubricVersion: $v, locale: $loc) {
  year rubricVersion rubricName title maxScore agencyCount frozen frozenAt reason pdfUrl htmlUrl
  commended { agencyId label total rank grade gradeLabel reason lost { key lost reason } rectification { id } }
  rectify { agencyId label total rank grade gradeLabel reason lost { key lost reason } rectification { id requirement deadline status } } } }`;

/** The streams of a PDF, inflated where compressed. */
function streams(pdf: Buffer): string[] {
  const text = pdf.toString('latin1');
  const out: string[] = [];
  const re = /\/Length (\d+)[^]*?>>\s*stream\r?\n/g;
  for (let m = re.exec(text); m; m = re.exec(text)) {
    const start = m.index + m[0].length;
    const raw = pdf.subarray(start, start + Number(m[1]));
    let body: Buffer;
    try {
      body = zlib.inflateSync(raw);
    } catch {
      body = raw;
    }
    out.push(body.toString('latin1'));
    re.lastIndex = start + raw.length;
  }
  return out;
}

/**
 * The text a PDF viewer extracts: the glyph codes of the TJ strings read through each font's
 * ToUnicode map (one reading per font; each font's runs come out right in its own reading).
 */
function pdfText(pdf: Buffer): string[] {
  const all = streams(pdf);
  const maps = all.filter((s) => s.includes('begincmap')).map((cmap) => {
    const map = new Map<number, string>();
    for (const [, start, list] of cmap.matchAll(/<([0-9a-f]+)>\s*<[0-9a-f]+>\s*\[([^\]]*)\]/gi)) {
      // An entry may hold several UTF-16 units, written with spaces between them: <2014 2014>.
      [...list!.matchAll(/<([0-9a-f ]*)>/gi)].forEach(([, hex], i) => {
        const units = (hex!.replace(/ /g, '').match(/.{4}/g) ?? []).map((u) => parseInt(u, 16));
        map.set(parseInt(start!, 16) + i, String.fromCharCode(...units));
      });
    }
    return map;
  });
  const runs = all.flatMap((s) => [...s.matchAll(/\[([^\]]*)\]\s*TJ/g)].flatMap(([, arr]) => [...arr!.matchAll(/<([0-9a-f]+)>/gi)].map(([, hex]) => hex!)));
  return maps.map((map) => runs.map((hex) => hex.match(/.{4}/g)!.map((c) => map.get(parseInt(c, 16)) ?? '\u0000').join('')).join(''));
}

const pages = (pdf: Buffer) => pdf.toString('latin1').match(/\/Type \/Page\b(?!s)/g)?.length ?? 0;

describe.each(backends())('notices on %s', (kind) => {
  let hub: TestHub;
  let reporterH: string;
  let reporterJ: string;
  let surveyor: string;
  let itemId: string;
  const previousNow = process.env.PUFA_NOW;

  const ok = async (variables: Record<string, unknown>, token?: string | null) => {
    const res = token === undefined ? await hub.gql(NOTICE, variables) : await hub.gqlAs(token, NOTICE, variables);
    expect(res.errors).toBeUndefined();
    return res.data.notice;
  };
  const get = (path: string, token: string | null = adminToken) => fetch(`${hub.url}${path}`, { headers: token ? { authorization: `Bearer ${token}` } : {} });
  let adminToken: string;

  beforeAll(async () => {
    process.env.PUFA_NOW = '2024-02-01T10:00:00+08:00';
    hub = await startTestHub(kind);
    await loadInspectionsFixture(hub);
    adminToken = await hub.login(Role.ADMIN);
    reporterH = await hub.login(Role.AGENCY_REPORTER, { agencyId: 3 });
    reporterJ = await hub.login(Role.AGENCY_REPORTER, { agencyId: 1 });
    surveyor = await hub.login(Role.SURVEY_OPERATOR);
    const made = await hub.gql(`mutation($i: RectificationInput!) { createRectificationItem(input: $i) { id } }`, {
      i: { agencyId: 'Agency:3', requirement: '制定普法责任清单 <b>并</b> 开展活动', deadline: '2024-06-30', source: { scorecard: { year: 2023, rubricVersion: 'T1' } } },
    });
    itemId = made.data.createRectificationItem.id;
  });
  afterAll(async () => {
    if (previousNow === undefined) delete process.env.PUFA_NOW;
    else process.env.PUFA_NOW = previousNow;
    await hub?.close();
  });

  it('lists the commended units and those ordered to rectify, with every lost indicator and the items opened', async () => {
    const n = await ok({ y: 2023, v: 'T1' });
    expect([n.year, n.rubricVersion, n.rubricName, n.title, n.maxScore, n.agencyCount, n.frozen, n.frozenAt, n.reason, n.pdfUrl, n.htmlUrl]).toEqual([
      2023, 'T1', '测试细则', '关于2023年度“谁执法谁普法”普法责任制考评情况的通报', 100, 4, false, null, null, '/notices/2023/T1.pdf', '/notices/2023/T1.html',
    ]);
    expect(n.commended.map((e: any) => [e.agencyId, e.label, e.total, e.rank, e.grade, e.gradeLabel, e.lost, e.rectification])).toEqual([
      ['Agency:1', '市司法局', 100, 1, 'EXCELLENT', '优秀', [], []],
    ]);
    // Worst first: H (0: no list, no activity), then U (12.5: no list, 1 of 4 activities).
    expect(n.rectify.map((e: any) => [e.agencyId, e.label, e.total, e.rank, e.gradeLabel, e.lost.map((l: any) => [l.key, l.lost])])).toEqual([
      ['Agency:3', '市卫生健康委员会', 0, 4, '不合格', [['list', 50], ['acts', 50]]],
      ['Agency:4', '甲区城市管理综合执法局', 12.5, 3, '不合格', [['list', 50], ['acts', 37.5]]],
    ]);
    expect(n.rectify[1].lost[1].reason).toBe('活动场次为1，未达目标4（完成25%），得 12.5 分，失 37.5 分');
    expect(n.rectify[0].rectification).toEqual([{ id: itemId, requirement: '制定普法责任清单 <b>并</b> 开展活动', deadline: '2024-06-30', status: 'OPEN' }]);
    expect(n.rectify[1].rectification).toEqual([]);
  });

  it('makes a PDF with the Chinese font embedded, one page, the units’ names extractable', async () => {
    const res = await get('/notices/2023/T1.pdf');
    expect([res.status, res.headers.get('content-type')]).toEqual([200, 'application/pdf']);
    const pdf = Buffer.from(await res.arrayBuffer());
    expect(pdf.subarray(0, 5).toString('latin1')).toBe('%PDF-');
    const raw = pdf.toString('latin1');
    // The CFF outlines of Noto Sans (a subset) are in the file, not merely named.
    expect(raw).toContain('/FontFile3');
    expect(raw).toContain('/Subtype /CIDFontType0C');
    expect(raw).toMatch(/\/BaseFont \/[A-Z]{6}\+NotoSansHans-Regular/);
    expect(pdf.length).toBeLessThan(400_000);
    expect(pages(pdf)).toBe(1);
    const text = pdfText(pdf);
    for (const name of ['关于2023年度“谁执法谁普法”普法责任制考评情况的通报', '市司法局', '市卫生健康委员会', '甲区城市管理综合执法局', '予以通报并限期整改的单位', '制定普法责任清单']) {
      expect(text.some((t) => t.includes(name)), name).toBe(true);
    }
    const en = Buffer.from(await (await get('/notices/2023/T1.pdf?locale=en')).arrayBuffer());
    expect(pdfText(en).some((t) => t.includes('Units commended'))).toBe(true);
  });

  it('makes a printable page with the same content, text escaped', async () => {
    const res = await get('/notices/2023/T1.html');
    expect([res.status, res.headers.get('content-type')]).toEqual([200, 'text/html; charset=utf-8']);
    const html = await res.text();
    expect(html).toContain('<html lang="zh-CN">');
    expect(html).toContain('<title>关于2023年度“谁执法谁普法”普法责任制考评情况的通报</title>');
    expect(html).toContain('@media print');
    for (const name of ['市司法局　总分 100 分，第 1 名，优秀', '市卫生健康委员会　总分 0 分，第 4 名，不合格', '甲区城市管理综合执法局　总分 12.5 分，第 3 名，不合格']) expect(html).toContain(name);
    expect(html).toContain('制定普法责任清单 &#60;b&#62;并&#60;/b&#62; 开展活动（期限 2024-06-30，待整改）');
    expect(html).not.toContain('<b>并</b>');
    expect(html).toContain('href="/notices/2023/T1.pdf"');
  });

  it('follows the scorecard’s access: readers see all, a listed agency its own entry, others nothing', async () => {
    const own = await ok({ y: 2023, v: 'T1' }, reporterH);
    expect([own.commended.length, own.rectify.map((e: any) => e.agencyId)]).toEqual([0, ['Agency:3']]);
    expect((await ok({ y: 2023, v: 'T1' }, reporterJ)).commended.map((e: any) => e.agencyId)).toEqual(['Agency:1']);
    expect((await hub.gqlAs(surveyor, NOTICE, { y: 2023, v: 'T1' })).errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    expect((await hub.gqlAs(null, NOTICE, { y: 2023, v: 'T1' })).errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
    expect((await get('/notices/2023/T1.pdf', null)).status).toBe(401);
    expect((await get('/notices/2023/T1.html', surveyor)).status).toBe(403);
    const ownHtml = await (await get('/notices/2023/T1.html', reporterH)).text();
    expect([ownHtml.includes('市卫生健康委员会'), ownHtml.includes('甲区城市管理综合执法局')]).toEqual([true, false]);
    const unknown = await get('/notices/2023/nope.pdf');
    expect([unknown.status, ((await unknown.json()) as any).error.code]).toEqual([400, 'BAD_USER_INPUT']);
    expect((await get('/notices/2023/T1.doc')).status).toBe(404);
  });

  it('makes a valid notice for a year nobody was assessed in', async () => {
    const n = await ok({ y: 2030, v: 'T1' });
    expect([n.agencyCount, n.commended, n.rectify]).toEqual([0, [], []]);
    expect(n.reason).toBeTruthy();
    const pdf = Buffer.from(await (await get('/notices/2030/T1.pdf')).arrayBuffer());
    expect([pdf.subarray(0, 5).toString('latin1'), pages(pdf)]).toEqual(['%PDF-', 1]);
    expect(pdfText(pdf).some((t) => t.includes('无。'))).toBe(true);
    expect(await (await get('/notices/2030/T1.html')).text()).not.toMatch(/NaN|undefined|Infinity/);
  });

  it('uses the frozen scorecard once frozen, whatever is reported later', async () => {
    expect((await hub.gql(`mutation { freezeScorecard(year: 2023, rubricVersion: "T1") { frozen } }`)).data.freezeScorecard.frozen).toBe(true);
    // Three more activities of U in 2023 would lift it to 50 (合格) in a live scorecard.
    await hub.sql(`insert into activity (id, title, date, region_id, organiser_id, form, audiences) values
      (91, '补一', '2023-08-01', 4, 4, 'LECTURE', array['GENERAL_PUBLIC']), (92, '补二', '2023-08-02', 4, 4, 'LECTURE', array['GENERAL_PUBLIC']),
      (93, '补三', '2023-08-03', 4, 4, 'LECTURE', array['GENERAL_PUBLIC'])`);
    const n = await ok({ y: 2023, v: 'T1' });
    expect(n.frozen).toBe(true);
    expect(n.frozenAt).not.toBeNull();
    expect(n.rectify.map((e: any) => [e.agencyId, e.total])).toEqual([['Agency:3', 0], ['Agency:4', 12.5]]);
    const html = await (await get('/notices/2023/T1.html')).text();
    expect(html).toContain('考评结果已于');
    expect(html).toContain('甲区城市管理综合执法局　总分 12.5 分');
  });
});
