/**
 * File import over plain HTTP, beside /graphql:
 *
 *   POST /import/<kind>            body: the file itself (CSV or XLSX), not multipart
 *     Content-Type   text/csv | application/vnd.openxmlformats-officedocument.spreadsheetml.sheet | application/octet-stream
 *     Idempotency-Key  required; the same rules and replay semantics as the GraphQL batches
 *     X-Pufa-CSRF: 1   required (a cross-site form cannot set a custom header)
 *     ?filename=       optional, recorded as the batch's source; ?waveId= passed to kinds that take it
 *   GET  /import/<kind>/template.csv | template.xlsx
 *
 * Answers `{ result }` (the BatchResult) or `{ error: { code, message, messageZh, rowErrors } }`
 * with 400/401/403/404/409/413/415; row errors name the sheet's row (header = 1) and the column
 * as written in the file.
 */
import type { EntityManager } from '@mikro-orm/core';
import express, { type Request, type Response, type Router } from 'express';
import { requestViewer } from '../../graphql/context.js';
import { runBatch } from './batch.service.js';
import { BATCH_HANDLERS } from './handlers.js';
import {
  fileErrors, IMPORT_MAPPINGS, ImportError, looksLikeHeader, readSheet, rowErrorsError, sheetToRows, templateColumns, templateCsv, templateXlsx, XLSX_TYPE,
  type ImportErrorCode, type ImportMapping,
} from './import.js';

export const MAX_IMPORT_BYTES = 20 * 1024 * 1024;
/** A refused upload is read off the connection (so the client sees the answer) up to this size; beyond, the connection is cut. */
const MAX_DRAIN_BYTES = 64 * 1024 * 1024;

const CSV_TYPES = new Set(['text/csv', 'application/csv', 'text/comma-separated-values', 'text/plain', 'application/vnd.ms-excel']);
const ACCEPTED_TYPES = new Set([...CSV_TYPES, XLSX_TYPE, 'application/octet-stream']);

/** What an import answers with, by the codes runBatch and the access checks throw. */
const ZH_BY_CODE: Partial<Record<ImportErrorCode, string>> = {
  UNAUTHENTICATED: '登录已失效或令牌无效，请重新登录。',
  FORBIDDEN: '您的账号无权导入此类数据。',
};

interface ThrownUserError { message: string; extensions?: { code?: string; rowErrors?: { row: number; field: string; message: string }[]; problems?: { path: (string | number)[] }[] } }

export function importRouter(rootEm: EntityManager, opts: { maxBytes?: number } = {}): Router {
  const maxBytes = opts.maxBytes ?? MAX_IMPORT_BYTES;
  const router = express.Router();

  router.get('/:kind/:file', async (req, res) => {
    try {
      const mapping = mappingFor(String(req.params.kind));
      const file = String(req.params.file);
      const name = `${mapping.zh}导入模板`;
      if (file === 'template.csv') {
        const sheet = await templateColumns(rootEm.fork(), mapping, stringQuery(req));
        res.attachment(`${name}.csv`).type('text/csv; charset=utf-8').send(templateCsv(sheet));
      } else if (file === 'template.xlsx') {
        const sheet = await templateColumns(rootEm.fork(), mapping, stringQuery(req));
        res.attachment(`${name}.xlsx`).type(XLSX_TYPE).send(await templateXlsx(mapping, sheet));
      } else {
        throw new ImportError('NOT_FOUND', `No such template: /import/${mapping.kind}/template.csv and template.xlsx exist`, `没有该模板：可下载 /import/${mapping.kind}/template.csv 或 template.xlsx`);
      }
    } catch (err) {
      send(res, err);
    }
  });

  router.post('/:kind', async (req, res) => {
    try {
      const kind = String(req.params.kind);
      const mapping = mappingFor(kind);
      const handler = BATCH_HANDLERS[kind]!;
      if (req.get('x-pufa-csrf') !== '1') {
        throw new ImportError('FORBIDDEN', 'Send the header "X-Pufa-CSRF: 1" with a file import (it protects against cross-site requests).', '导入文件时须带请求头“X-Pufa-CSRF: 1”（用于防范跨站请求）。');
      }
      const { viewer } = await requestViewer(rootEm.fork(), req, res);
      if (viewer.kind === 'anonymous') throw new ImportError('UNAUTHENTICATED', `Sign in to import ${mapping.en}`, `请先登录后再导入${mapping.zh}。`);
      const key = req.get('idempotency-key')?.trim() ?? '';
      // The same rule as runBatch, checked before the upload is read.
      if (!/^[\w.:-]{8,100}$/.test(key)) {
        throw new ImportError('BAD_USER_INPUT', `${key ? 'The Idempotency-Key header must be' : 'Send an Idempotency-Key header:'} 8–100 letters, digits, dots, colons, dashes or underscores (a UUID is fine); a resend of the same file with the same key is answered without writing again.`,
          `${key ? 'Idempotency-Key 请求头须为' : '请带上 Idempotency-Key 请求头：'} 8–100 个字母、数字、点、冒号、短横线或下划线（可用 UUID）；同一文件以同一个键重发时不会重复写入。`);
      }
      const declared = (req.get('content-type') ?? '').split(';')[0]!.trim().toLowerCase();
      if (!ACCEPTED_TYPES.has(declared)) {
        throw new ImportError('UNSUPPORTED_MEDIA_TYPE',
          `${declared ? `Content-Type ${declared} is not accepted` : 'The Content-Type header is missing'}: send the file itself as the body (not a form or multipart) with Content-Type text/csv, ${XLSX_TYPE} or application/octet-stream.`,
          `${declared ? `不支持的 Content-Type：${declared}` : '缺少 Content-Type 请求头'}。请直接以文件内容作为请求体（不要用表单或 multipart），Content-Type 为 text/csv、${XLSX_TYPE} 或 application/octet-stream。`);
      }

      const body = await readBody(req, maxBytes);
      if (body === null) return; // the client went away
      if (body === 'too-large') {
        throw new ImportError('PAYLOAD_TOO_LARGE', `The file is larger than ${maxBytes / 1024 / 1024} MB; a batch holds at most 5,000 rows. Split it into several files.`, `文件超过 ${maxBytes / 1024 / 1024} MB；每批最多 5000 行，请拆分为多个文件。`);
      }

      const sheet = await readSheet(body, declared);
      // A non-UTF-8 text read as GB18030 must yield the kind's headers, or it was another encoding.
      if (sheet.encoding === 'gb18030' && !looksLikeHeader(mapping, sheet)) {
        throw new ImportError('UNSUPPORTED_MEDIA_TYPE', 'The CSV is not in UTF-8, and read as GB18030/GBK it has none of the expected columns: its encoding is not supported. Save the sheet as "CSV UTF-8 (comma delimited)" or as .xlsx and import that.',
          'CSV 文件不是 UTF-8 编码，按 GB18030/GBK 读取也找不到应有的列，无法识别其编码。请另存为“CSV UTF-8（逗号分隔）”或 .xlsx 后再导入。');
      }
      const parsed = await sheetToRows(rootEm.fork(), mapping, sheet, stringQuery(req));

      if (parsed.errors.length) {
        // Cells that could not be read are reported with every other problem of the file: the
        // handler validates what was read (it never writes), and its findings on other cells join.
        // A cell already reported (and left out of the row) is not reported again as missing.
        const seen = new Set(parsed.errors.map((e) => `${e.row}|${e.column}`));
        const checked = await handler.validate(rootEm.fork(), viewer, parsed.rows);
        const more = fileErrors(mapping, parsed, checked.errors).filter((e) => !seen.has(`${e.row}|${e.column}`));
        throw rowErrorsError([...parsed.errors, ...more], checked.forbidden);
      }

      const source = `file:${sourceName(req.query.filename, kind)}`;
      try {
        const result = await runBatch(rootEm.fork(), viewer, handler, key, parsed.rows, source);
        res.status(200).json({ result });
      } catch (err) {
        throw fromBatchError(err, mapping, parsed);
      }
    } catch (err) {
      // Whatever was refused before the upload was read is read off now, so the client sees the answer.
      await drain(req);
      send(res, err);
    }
  });

  router.use((req, res) => {
    send(res, new ImportError('NOT_FOUND', `No such import endpoint: ${req.method} ${req.baseUrl}${req.path}`, `没有该导入地址：${req.method} ${req.baseUrl}${req.path}`));
  });
  return router;
}

function mappingFor(kind: string): ImportMapping {
  if (!Object.hasOwn(BATCH_HANDLERS, kind) || !Object.hasOwn(IMPORT_MAPPINGS, kind)) {
    const kinds = Object.keys(IMPORT_MAPPINGS).filter((k) => Object.hasOwn(BATCH_HANDLERS, k));
    throw new ImportError('NOT_FOUND', `Nothing of kind "${kind.slice(0, 40)}" can be imported from a file; kinds: ${kinds.join(', ')}`, `不支持导入“${kind.slice(0, 40)}”；可导入：${kinds.join('、')}`);
  }
  return IMPORT_MAPPINGS[kind]!;
}

function stringQuery(req: Request): Record<string, string> {
  return Object.fromEntries(Object.entries(req.query).filter((e): e is [string, string] => typeof e[1] === 'string'));
}

function sourceName(raw: unknown, kind: string): string {
  const name = typeof raw === 'string' ? raw.replace(/[\u0000-\u001f\u007f]/g, '').trim().slice(0, 120) : '';
  return name || kind;
}

/** runBatch's refusals in the file's terms: row errors point at sheet rows and columns. */
function fromBatchError(err: unknown, mapping: ImportMapping, parsed: Parameters<typeof fileErrors>[1]): unknown {
  const e = err as ThrownUserError;
  const code = e?.extensions?.code as ImportErrorCode | undefined;
  if (!code || !['BAD_USER_INPUT', 'FORBIDDEN', 'UNAUTHENTICATED', 'CONFLICT'].includes(code)) return err;
  if (e.extensions?.rowErrors) {
    return rowErrorsError(fileErrors(mapping, parsed, e.extensions.rowErrors), code === 'FORBIDDEN');
  }
  if (code === 'CONFLICT') {
    return new ImportError('CONFLICT', `${e.message} (a file with other rows needs a new Idempotency-Key)`, '该 Idempotency-Key 已用于另一批数据；内容不同的文件请使用新的键。');
  }
  if (code === 'BAD_USER_INPUT' && e.extensions?.problems?.[0]?.path[0] === 'rows') {
    return new ImportError(code, e.message, '每批最多 5000 行数据：请拆分为多个文件，分别使用不同的 Idempotency-Key 导入。');
  }
  return new ImportError(code, e.message, ZH_BY_CODE[code] ?? e.message);
}

function send(res: Response, err: unknown): void {
  if (res.headersSent || res.destroyed) return;
  let error: ImportError;
  if (err instanceof ImportError) error = err;
  else {
    const e = err as ThrownUserError;
    const code = e?.extensions?.code as ImportErrorCode | undefined;
    if (code === 'UNAUTHENTICATED' || code === 'FORBIDDEN' || code === 'BAD_USER_INPUT' || code === 'CONFLICT') {
      error = new ImportError(code, e.message, ZH_BY_CODE[code] ?? e.message);
    } else {
      console.error('file import failed', err);
      error = new ImportError('INTERNAL_SERVER_ERROR', 'The import failed on the server; nothing was written. Try again later.', '服务器导入出错，未写入任何数据，请稍后再试。');
    }
  }
  res.status(error.status).json(error.toJSON());
}

/** The request body up to `limit` bytes; 'too-large' (read off to the end) beyond; null when the client went away. */
function readBody(req: Request, limit: number): Promise<Buffer | 'too-large' | null> {
  const declared = Number(req.headers['content-length']);
  if (Number.isFinite(declared) && declared > limit) return drain(req).then(() => 'too-large');
  return new Promise((resolve) => {
    const chunks: Buffer[] = [];
    let size = 0;
    let over = false;
    const finish = (value: Buffer | 'too-large' | null) => {
      req.off('data', onData).off('end', onEnd).off('error', onGone).off('close', onClose);
      resolve(value);
    };
    const onData = (chunk: Buffer) => {
      size += chunk.length;
      if (size > MAX_DRAIN_BYTES) { req.socket.destroy(); finish(null); return; }
      if (over) return;
      if (size > limit) { over = true; chunks.length = 0; return; }
      chunks.push(chunk);
    };
    const onEnd = () => finish(over ? 'too-large' : Buffer.concat(chunks));
    const onGone = () => finish(null);
    const onClose = () => { if (!req.complete) finish(null); };
    req.on('data', onData).on('end', onEnd).on('error', onGone).on('close', onClose);
  });
}

/** Reads off (and drops) what is left of the request, so the answer reaches a client still sending. */
function drain(req: Request): Promise<void> {
  if (req.complete || req.readableEnded || req.destroyed) return Promise.resolve();
  return new Promise((resolve) => {
    let size = 0;
    const done = () => {
      req.off('data', onData).off('end', done).off('error', done).off('close', done);
      resolve();
    };
    const onData = (chunk: Buffer) => {
      size += chunk.length;
      if (size > MAX_DRAIN_BYTES) { req.socket.destroy(); done(); }
    };
    req.on('data', onData).on('end', done).on('error', done).on('close', done);
    req.resume();
  });
}
