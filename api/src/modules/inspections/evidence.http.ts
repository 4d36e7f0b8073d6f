/**
 * Evidence files over plain HTTP, beside /graphql (the same sign-in: session cookie or bearer token):
 *
 *   POST /evidence/inspections/<Inspection:n or n>          body: the file itself (not multipart)
 *   POST /evidence/rectification-items/<RectificationItem:n or n>
 *     X-Pufa-CSRF: 1   required (a cross-site form cannot set a custom header)
 *     ?filename=       the name to keep (the type comes from the bytes, not from it)
 *   GET  /evidence/<EvidenceFile:n or n>                      the bytes; ?download=1 as an attachment
 *
 * PDF, PNG and JPEG only, told by their first bytes; at most 10 MB. Answers 201 `{ file }` or
 * `{ error: { code, message, messageZh } }` with 400/401/403/404/409/413/415; a refused upload
 * stores nothing.
 */
import type { EntityManager } from '@mikro-orm/core';
import express, { type Request, type Response, type Router } from 'express';
import { requestViewer } from '../../graphql/context.js';
import { detectEvidenceType, evidenceFilename, MAX_EVIDENCE_BYTES, sha256 } from './evidence.detect.js';
import { authorizeEvidenceWrite, readEvidence, storeEvidence, type EvidenceOwner } from './evidence.service.js';
import { idOf } from './inspection.service.js';

const STATUS: Record<string, number> = {
  BAD_USER_INPUT: 400, UNAUTHENTICATED: 401, FORBIDDEN: 403, NOT_FOUND: 404, CONFLICT: 409, PAYLOAD_TOO_LARGE: 413, UNSUPPORTED_MEDIA_TYPE: 415,
};

class HttpError extends Error {
  constructor(readonly code: string, message: string, readonly messageZh: string = message) {
    super(message);
  }
}

const OWNERS: Record<string, EvidenceOwner['kind']> = { inspections: 'Inspection', 'rectification-items': 'RectificationItem' };

export function evidenceRouter(rootEm: EntityManager, opts: { maxBytes?: number } = {}): Router {
  const maxBytes = opts.maxBytes ?? MAX_EVIDENCE_BYTES;
  const mb = `${maxBytes / 1024 / 1024} MB`;
  const router = express.Router();
  const readBody = express.raw({ type: () => true, limit: maxBytes });

  router.post('/:owner/:id', async (req, res) => {
    try {
      const kind = OWNERS[String(req.params.owner)];
      if (!kind) throw new HttpError('NOT_FOUND', 'Upload to /evidence/inspections/<id> or /evidence/rectification-items/<id>', '请上传至 /evidence/inspections/<id> 或 /evidence/rectification-items/<id>');
      if (req.get('x-pufa-csrf') !== '1') {
        throw new HttpError('FORBIDDEN', 'Send the header "X-Pufa-CSRF: 1" with an upload (it protects against cross-site requests).', '上传文件时须带请求头“X-Pufa-CSRF: 1”（用于防范跨站请求）。');
      }
      const em = rootEm.fork();
      const { viewer } = await requestViewer(em, req, res);
      if (viewer.kind === 'anonymous') throw new HttpError('UNAUTHENTICATED', 'Sign in to upload evidence', '请先登录后再上传证明材料。');
      const rawId = String(req.params.id);
      const owner: EvidenceOwner = { kind, id: idOf(kind, rawId.includes(':') ? rawId : `${kind}:${rawId}`, ['id']) };
      // Who may attach is settled before the upload is read.
      const user = await authorizeEvidenceWrite(em, viewer, owner);
      const declared = Number(req.get('content-length'));
      if (Number.isFinite(declared) && declared > maxBytes) throw tooLarge(mb);
      await new Promise<void>((resolve, reject) => readBody(req, res, (err?: unknown) => (err ? reject(err) : resolve())));
      const data = Buffer.isBuffer(req.body) ? req.body : Buffer.alloc(0);
      if (data.length === 0) throw new HttpError('BAD_USER_INPUT', 'The body is empty: send the file itself as the request body', '请求体为空：请直接以文件内容作为请求体上传。');
      const type = detectEvidenceType(data);
      if (!type) {
        throw new HttpError('UNSUPPORTED_MEDIA_TYPE', 'Only PDF, PNG and JPEG files are kept as evidence, and this file is none of them (its content was checked, not its name); scan or export it as PDF, PNG or JPEG',
          '仅接受 PDF、PNG、JPEG 格式的证明材料，该文件的内容不属于其中任何一种（按文件内容判断，而非文件名）；请扫描或导出为 PDF、PNG 或 JPEG 后再上传。');
      }
      const file = await storeEvidence(em, user, owner, { data, type, filename: evidenceFilename(req.query.filename, type), sha256: sha256(data) });
      res.status(201).json({ file: { id: file.globalId, filename: file.filename, contentType: file.contentType, size: file.size, sha256: file.sha256, uploadedAt: file.uploadedAt, url: file.url } });
    } catch (err) {
      await drain(req);
      send(res, (err as { type?: string }).type === 'entity.too.large' ? tooLarge(mb) : err);
    }
  });

  router.get('/:id', async (req, res) => {
    try {
      const em = rootEm.fork();
      const { viewer } = await requestViewer(em, req, res);
      const file = await readEvidence(em, viewer, String(req.params.id));
      const name = encodeURIComponent(file.filename);
      res.set({
        'Content-Type': file.contentType,
        'Content-Disposition': `${req.query.download === '1' ? 'attachment' : 'inline'}; filename*=UTF-8''${name}`,
        'X-Content-Type-Options': 'nosniff',
        // A PDF opened in the browser runs with no rights of the hub's pages.
        'Content-Security-Policy': "sandbox; default-src 'none'; img-src 'self'; style-src 'unsafe-inline'",
        'Cache-Control': 'private, no-store',
        ETag: `"${file.sha256}"`,
      });
      res.send(Buffer.from(file.data!));
    } catch (err) {
      send(res, err);
    }
  });

  router.use((req, res) => send(res, new HttpError('NOT_FOUND', `No such evidence endpoint: ${req.method} ${req.baseUrl}${req.path}`, `没有该地址：${req.method} ${req.baseUrl}${req.path}`)));
  return router;
}

function tooLarge(mb: string): HttpError {
  return new HttpError('PAYLOAD_TOO_LARGE', `The file is larger than ${mb}; nothing was stored. Compress or split it (a scan at 150–200 dpi is enough).`, `文件超过 ${mb}，未保存。请压缩或拆分后上传（扫描件 150–200 dpi 即可）。`);
}

function send(res: Response, err: unknown): void {
  if (res.headersSent || res.destroyed) return;
  let error: HttpError;
  if (err instanceof HttpError) error = err;
  else {
    const e = err as { message?: string; extensions?: { code?: string } };
    const code = e?.extensions?.code;
    if (code && STATUS[code]) error = new HttpError(code, e.message ?? code);
    else {
      console.error('[evidence]', err);
      error = new HttpError('INTERNAL_SERVER_ERROR', 'The server failed; nothing was stored. Try again later.', '服务器出错，未保存任何内容，请稍后再试。');
    }
  }
  res.status(STATUS[error.code] ?? 500).json({ error: { code: error.code, message: error.message, messageZh: error.messageZh } });
}

/** Reads off what is left of a refused upload, so a client still sending gets the answer. */
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
      // Beyond this a client is not uploading evidence: cut the connection.
      if (size > 64 * 1024 * 1024) { req.socket.destroy(); done(); }
    };
    req.on('data', onData).on('end', done).on('error', done).on('close', done);
    req.resume();
  });
}
