/**
 * The notice as a file, beside /graphql (the same sign-in and access as `notice(year, rubricVersion)`):
 *
 *   GET /notices/<year>/<rubricVersion>.pdf     ?locale=en for English
 *   GET /notices/<year>/<rubricVersion>.html    printable page
 *
 * Refusals answer `{ error: { code, message } }` with 400/401/403/404.
 */
import type { EntityManager } from '@mikro-orm/core';
import express, { type Response, type Router } from 'express';
import { requestViewer } from '../../graphql/context.js';
import { Locale } from '../analytics/analytics.types.js';
import { notice } from './notice.service.js';
import { noticeHtml, noticePdf } from './notice.render.js';

const STATUS: Record<string, number> = { BAD_USER_INPUT: 400, UNAUTHENTICATED: 401, FORBIDDEN: 403, NOT_FOUND: 404 };

export function noticeRouter(rootEm: EntityManager): Router {
  const router = express.Router();
  router.get('/:year/:file', async (req, res) => {
    try {
      const file = String(req.params.file);
      const match = /^(.+)\.(pdf|html)$/.exec(file);
      const year = Number(req.params.year);
      if (!match || !Number.isInteger(year)) {
        throw Object.assign(new Error(`No such notice file: use /notices/<year>/<rubricVersion>.pdf or .html, e.g. /notices/2023/2021版.pdf`), { extensions: { code: 'NOT_FOUND' } });
      }
      const em = rootEm.fork();
      const { viewer } = await requestViewer(em, req, res);
      const locale = req.query.locale === 'en' ? Locale.EN : Locale.ZH_CN;
      const data = await notice(em, viewer, year, match[1]!, locale);
      res.set({ 'Cache-Control': 'private, no-store', 'X-Content-Type-Options': 'nosniff' });
      if (match[2] === 'pdf') {
        const name = encodeURIComponent(`${data.title}.pdf`);
        res.set({ 'Content-Type': 'application/pdf', 'Content-Disposition': `inline; filename*=UTF-8''${name}` }).send(await noticePdf(data, locale));
      } else {
        res.type('html').send(noticeHtml(data, locale));
      }
    } catch (err) {
      send(res, err);
    }
  });
  return router;
}

function send(res: Response, err: unknown): void {
  if (res.headersSent) return;
  const e = err as { message?: string; extensions?: { code?: string } };
  const code = e?.extensions?.code;
  if (code && STATUS[code]) {
    res.status(STATUS[code]!).json({ error: { code, message: e.message } });
    return;
  }
  console.error('[notices]', err);
  res.status(500).json({ error: { code: 'INTERNAL_SERVER_ERROR', message: 'The notice could not be made; try again later.' } });
}
