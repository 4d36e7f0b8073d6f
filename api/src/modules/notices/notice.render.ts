/**
 * The notice as a PDF (pdfkit, with Noto Sans SC embedded and subset to the characters used) and as
 * a printable page. The font comes from the npm package @embedpdf/fonts-sc (Noto Sans Hans, OFL:
 * the GB 2312 character set, which every unit name and indicator uses), so a machine with Node and
 * npm alone renders Chinese; pdfkit embeds only the glyphs the notice uses (a few dozen KB).
 */
import fs from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import PDFDocument from 'pdfkit';
import type { Locale } from '../analytics/analytics.types.js';
import type { Status } from '../inspections/rectification.rules.js';
import type { Notice, NoticeEntry } from './notice.types.js';

const STATUS_TEXT: Record<Status, [zh: string, en: string]> = {
  OPEN: ['待整改', 'open'], IN_PROGRESS: ['整改中', 'in progress'], SUBMITTED: ['已提交待核实', 'submitted'], VERIFIED: ['已核实', 'verified'], REOPENED: ['退回重改', 'reopened'],
};

/** Every sentence of the notice in one place, so the PDF and the page say the same. */
interface Lines {
  title: string;
  basis: string;
  state: string;
  sections: { heading: string; none: string; entries: { head: string; reason: string; details: string[] }[] }[];
  footer: string;
}

const day = (d: Date) => new Date(d.getTime() + 8 * 3_600_000).toISOString().slice(0, 10);

function lines(n: Notice, en: boolean): Lines {
  const entry = (e: NoticeEntry, i: number, withItems: boolean) => ({
    head: en ? `${i + 1}. ${e.label} — ${e.total} points, rank ${e.rank}, ${e.gradeLabel}` : `${i + 1}. ${e.label}　总分 ${e.total} 分，第 ${e.rank} 名，${e.gradeLabel}`,
    reason: e.reason,
    details: [
      ...e.lost.map((l) => (en ? `Points lost — ${l.label}: ${l.reason}` : `失分：${l.label}——${l.reason}`)),
      ...(withItems ? e.rectification.map((r) => {
        const [zh, eng] = STATUS_TEXT[r.status];
        return en ? `Rectification: ${r.requirement} (due ${r.deadline}, ${eng})` : `整改事项：${r.requirement}（期限 ${r.deadline}，${zh}）`;
      }) : []),
    ],
  });
  return {
    title: n.title,
    basis: en
      ? `Rubric: ${n.rubricName} (${n.rubricVersion}), ${n.maxScore} points; ${n.agencyCount} units assessed.`
      : `考评依据：${n.rubricName}（${n.rubricVersion}），满分 ${n.maxScore} 分；参评单位 ${n.agencyCount} 个。`,
    state: n.frozen
      ? (en ? `Results frozen on ${day(n.frozenAt!)}.` : `考评结果已于 ${day(n.frozenAt!)} 冻结。`)
      : (en ? `Preview computed on ${day(n.computedAt)}; the scorecard is not frozen yet.` : `本件为 ${day(n.computedAt)} 实时计算的预览，考评结果尚未冻结。`),
    sections: [
      { heading: en ? 'I. Units commended' : '一、予以表扬的单位', none: en ? 'None.' : '无。', entries: n.commended.map((e, i) => entry(e, i, false)) },
      { heading: en ? 'II. Units notified and ordered to rectify within a deadline' : '二、予以通报并限期整改的单位', none: en ? 'None.' : '无。', entries: n.rectify.map((e, i) => entry(e, i, true)) },
    ],
    footer: en ? 'Office of the legal-education coordination group (普法办)' : '守法普法协调小组办公室（普法办）',
  };
}

let fonts: { regular: Buffer; bold: Buffer } | undefined;

/** The two weights, read once (8 MB each; pdfkit subsets what a notice uses). */
function notoSans(): { regular: Buffer; bold: Buffer } {
  if (!fonts) {
    // The package exports only its index; the fonts sit beside it.
    const dir = path.join(path.dirname(createRequire(import.meta.url).resolve('@embedpdf/fonts-sc')), '..', 'fonts');
    fonts = { regular: fs.readFileSync(path.join(dir, 'NotoSansHans-Regular.otf')), bold: fs.readFileSync(path.join(dir, 'NotoSansHans-Bold.otf')) };
  }
  return fonts;
}

export function noticePdf(n: Notice, locale: Locale): Promise<Buffer> {
  const l = lines(n, locale === 'EN');
  const { regular, bold } = notoSans();
  const doc = new PDFDocument({ size: 'A4', margins: { top: 72, bottom: 72, left: 72, right: 72 }, info: { Title: l.title, Creator: 'Pufa Hub 普法数据中枢' }, lang: locale === 'EN' ? 'en' : 'zh-CN' });
  doc.registerFont('regular', regular);
  doc.registerFont('bold', bold);
  const chunks: Buffer[] = [];
  doc.on('data', (c: Buffer) => chunks.push(c));
  const done = new Promise<Buffer>((resolve, reject) => {
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
  });

  doc.font('bold').fontSize(17).text(l.title, { align: 'center' }).moveDown(0.8);
  doc.font('regular').fontSize(10.5).fillColor('#333333').text(l.basis).text(l.state).fillColor('black').moveDown(0.8);
  for (const s of l.sections) {
    doc.font('bold').fontSize(13).text(s.heading).moveDown(0.3);
    if (s.entries.length === 0) doc.font('regular').fontSize(11).text(s.none, { indent: 22 });
    for (const e of s.entries) {
      doc.font('bold').fontSize(11.5).text(e.head, { indent: 22 });
      doc.font('regular').fontSize(10.5).text(e.reason, { indent: 44 });
      for (const d of e.details) doc.text(d, { indent: 44 });
      doc.moveDown(0.4);
    }
    doc.moveDown(0.6);
  }
  doc.moveDown(1).font('regular').fontSize(11).text(l.footer, { align: 'right' }).text(day(n.frozenAt ?? n.computedAt), { align: 'right' });
  doc.end();
  return done;
}

const escape = (s: string) => s.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

export function noticeHtml(n: Notice, locale: Locale): string {
  const en = locale === 'EN';
  const l = lines(n, en);
  const sections = l.sections.map((s) => `
  <section>
    <h2>${escape(s.heading)}</h2>
    ${s.entries.length === 0 ? `<p class="none">${escape(s.none)}</p>` : `<ol>${s.entries.map((e) => `
      <li><p class="head">${escape(e.head.replace(/^\d+\.\s*/, ''))}</p><p>${escape(e.reason)}</p>${e.details.length ? `<ul>${e.details.map((d) => `<li>${escape(d)}</li>`).join('')}</ul>` : ''}</li>`).join('')}
    </ol>`}
  </section>`).join('');
  return `<!doctype html>
<html lang="${en ? 'en' : 'zh-CN'}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escape(l.title)}</title>
<style>
  body { font-family: "Noto Sans SC", "Source Han Sans SC", "PingFang SC", "Microsoft YaHei", sans-serif; max-width: 46rem; margin: 2.5rem auto; padding: 0 1.5rem; line-height: 1.7; color: #111; }
  h1 { font-size: 1.5rem; text-align: center; margin-bottom: 1.5rem; }
  h2 { font-size: 1.15rem; margin-top: 1.8rem; }
  .meta { color: #444; font-size: 0.95rem; }
  .head { font-weight: bold; margin-bottom: 0.2rem; }
  ol > li { margin-bottom: 0.9rem; }
  ol p { margin: 0.1rem 0; }
  ul { margin: 0.2rem 0; padding-left: 1.2rem; font-size: 0.95rem; }
  footer { text-align: right; margin-top: 2.5rem; }
  .actions { text-align: right; }
  @media print { .actions { display: none; } body { margin: 0; max-width: none; } @page { size: A4; margin: 2.5cm; } }
</style>
</head>
<body>
<p class="actions"><a href="${escape(n.pdfUrl)}">PDF</a></p>
<h1>${escape(l.title)}</h1>
<p class="meta">${escape(l.basis)}<br>${escape(l.state)}</p>${sections}
<footer><p>${escape(l.footer)}<br>${escape(day(n.frozenAt ?? n.computedAt))}</p></footer>
</body>
</html>
`;
}
