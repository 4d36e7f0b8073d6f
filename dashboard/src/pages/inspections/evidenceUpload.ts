/**
 * Evidence upload to the hub's plain HTTP endpoint (docs/inspections.md,
 * "Evidence files"): the file itself as the body, the session cookie signs
 * it, and `X-Pufa-CSRF: 1` shows the request came from the hub's own page.
 * The hub answers `{ file }` or `{ error: { code, message, messageZh } }`;
 * `uploadOutcome` turns either into what the page says.
 */
import type { Lang } from '../../app/i18n';

export interface UploadedFile {
  id: string;
  filename: string;
  contentType: string;
  size: number;
  sha256: string;
  url: string;
}

export type UploadOutcome =
  | { ok: true; file: UploadedFile }
  /** `code` as the hub sent it (e.g. UNSUPPORTED_MEDIA_TYPE), or HTTP_<status> when it sent none. */
  | { ok: false; status: number; code: string; message: string };

/** The upload's path for an inspection; the name is kept, the type is read from the bytes. */
export function uploadPath(inspectionId: string, filename: string): string {
  return `/evidence/inspections/${encodeURIComponent(inspectionId)}?${new URLSearchParams({ filename }).toString()}`;
}

/** What an answer of the hub means in `lang`: its Chinese or English message, or the status when the body says nothing. */
export function uploadOutcome(status: number, body: unknown, lang: Lang, fallback: string): UploadOutcome {
  const b = (body ?? {}) as { file?: UploadedFile; error?: { code?: unknown; message?: unknown; messageZh?: unknown } };
  if (status >= 200 && status < 300 && b.file) return { ok: true, file: b.file };
  const e = b.error ?? {};
  const zh = typeof e.messageZh === 'string' && e.messageZh ? e.messageZh : null;
  const en = typeof e.message === 'string' && e.message ? e.message : null;
  const message = (lang === 'zh-CN' ? (zh ?? en) : (en ?? zh)) ?? fallback;
  return { ok: false, status, code: typeof e.code === 'string' ? e.code : `HTTP_${status}`, message };
}

/** Sends `file` as evidence of the inspection; a network failure is an outcome too (status 0). */
export async function uploadEvidence(inspectionId: string, file: File, lang: Lang, fallback: string): Promise<UploadOutcome> {
  try {
    const response = await fetch(uploadPath(inspectionId, file.name), {
      method: 'POST',
      headers: { 'X-Pufa-CSRF': '1' },
      body: file,
      credentials: 'same-origin',
    });
    const body: unknown = await response.json().catch(() => null);
    return uploadOutcome(response.status, body, lang, fallback);
  } catch {
    return { ok: false, status: 0, code: 'NETWORK', message: fallback };
  }
}
