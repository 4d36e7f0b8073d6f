/**
 * The hub's file import, POST /import/<kind>, with the raw CSV or XLSX file
 * as the body:
 *   headers  Content-Type: text/csv | the XLSX MIME type
 *            Idempotency-Key: 8–100 characters (a UUID), one per chosen file
 *            X-Pufa-CSRF: 1
 *   answers  { result: { batchId, accepted, inserted, updated, replayed } }
 *            { error: { code, message, messageZh, rowErrors: [{ row, column, field, message, messageZh }] } }
 *            with status 400/401/403/409/413/415; 404 while a kind is not importable yet.
 * Templates: GET /import/<kind>/template.csv and .xlsx. `?filename=` names the
 * file in the batch's audit trail. Row errors name the sheet's row (the
 * header is row 1) and the column as written in the file.
 *
 * A batch is all-or-nothing: an error means nothing was written. Sending the
 * same file again with the same key is safe: the hub answers the first result
 * (`replayed`) and writes nothing.
 */
import { translate, type Lang, type MessageKey } from './i18n';
import type { ImportKind } from './roles';

export const CSV_MIME = 'text/csv';
export const XLSX_MIME = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
/** For the file picker: the extensions and MIME types the import accepts. */
export const IMPORT_ACCEPT = `.csv,.xlsx,${CSV_MIME},${XLSX_MIME}`;

/** The upload's URL; `fileName` is recorded as the batch's source in the audit trail. */
export function importUrl(kind: ImportKind, fileName?: string): string {
  return fileName ? `/import/${kind}?filename=${encodeURIComponent(fileName)}` : `/import/${kind}`;
}

export function templateUrl(kind: ImportKind, format: 'csv' | 'xlsx'): string {
  return `/import/${kind}/template.${format}`;
}

/**
 * The Content-Type to send for a chosen file, from its name first: browsers
 * report a .csv as "application/vnd.ms-excel" on Windows, or as nothing.
 * Null for a file that is neither CSV nor XLSX.
 */
export function contentTypeForFile(file: { name: string; type: string }): string | null {
  const name = file.name.toLowerCase();
  if (name.endsWith('.csv')) return CSV_MIME;
  if (name.endsWith('.xlsx')) return XLSX_MIME;
  if (file.type === CSV_MIME || file.type === XLSX_MIME) return file.type;
  return null;
}

type RandomSource = { getRandomValues(array: Uint8Array<ArrayBuffer>): Uint8Array<ArrayBuffer>; randomUUID?: () => string };

/**
 * A fresh idempotency key (a v4 UUID). crypto.randomUUID exists only in
 * secure contexts (HTTPS or localhost); a hub served over plain HTTP on an
 * office network has only getRandomValues, so the UUID is built from that.
 */
export function newIdempotencyKey(source: RandomSource = globalThis.crypto): string {
  if (typeof source.randomUUID === 'function') return source.randomUUID();
  const bytes = source.getRandomValues(new Uint8Array(16));
  bytes[6] = (bytes[6]! & 0x0f) | 0x40; // version 4
  bytes[8] = (bytes[8]! & 0x3f) | 0x80; // RFC 4122 variant
  const hex = Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}

export interface ImportResult {
  batchId: string;
  accepted: number;
  inserted: number;
  updated: number;
  replayed: boolean;
}

export interface ImportRowError {
  row: number | null;
  column: string | null;
  field: string | null;
  message: string;
  messageZh: string | null;
}

export type ImportOutcome =
  | { kind: 'done'; result: ImportResult }
  /** 404: the hub cannot import this kind (yet). */
  | { kind: 'unsupported' }
  | {
      kind: 'failed';
      /** HTTP status; null when the hub could not be reached. */
      status: number | null;
      code: string | null;
      message: string | null;
      messageZh: string | null;
      rowErrors: ImportRowError[];
    };

const num = (v: unknown): number => (typeof v === 'number' && Number.isFinite(v) ? v : 0);
const str = (v: unknown): string | null => (typeof v === 'string' && v.trim() !== '' ? v : null);

function readRowError(value: unknown): ImportRowError | null {
  if (!value || typeof value !== 'object') return null;
  const e = value as Record<string, unknown>;
  const row = typeof e.row === 'number' ? e.row : typeof e.row === 'string' && /^\d+$/.test(e.row) ? Number(e.row) : null;
  return {
    row,
    column: str(e.column) ?? (typeof e.column === 'number' ? String(e.column) : null),
    field: str(e.field),
    message: str(e.message) ?? '',
    messageZh: str(e.messageZh),
  };
}

/** Reads the hub's answer to an upload; never throws. */
export function interpretImportResponse(status: number, contentType: string | null, text: string): ImportOutcome {
  let body: unknown = null;
  if (contentType?.includes('json') || /^\s*[{[]/.test(text)) {
    try {
      body = JSON.parse(text);
    } catch {
      body = null;
    }
  }
  const obj = body && typeof body === 'object' ? (body as Record<string, unknown>) : null;
  const result = obj?.result && typeof obj.result === 'object' ? (obj.result as Record<string, unknown>) : null;
  if (status >= 200 && status < 300 && result) {
    return {
      kind: 'done',
      result: {
        batchId: typeof result.batchId === 'string' ? result.batchId : '',
        accepted: num(result.accepted),
        inserted: num(result.inserted),
        updated: num(result.updated),
        replayed: result.replayed === true,
      },
    };
  }
  // The hub answers 404 (with or without an error body) for a kind it does not import.
  if (status === 404) return { kind: 'unsupported' };
  const error = obj?.error && typeof obj.error === 'object' ? (obj.error as Record<string, unknown>) : null;
  if (error) {
    const rowErrors = Array.isArray(error.rowErrors)
      ? error.rowErrors.map(readRowError).filter((e): e is ImportRowError => e !== null)
      : [];
    return {
      kind: 'failed',
      status,
      code: str(error.code),
      message: str(error.message),
      messageZh: str(error.messageZh),
      rowErrors,
    };
  }
  // A GraphQL-shaped answer, e.g. from the hub's rate limiter: { errors: [{ message, extensions: { code } }] }.
  const first = Array.isArray(obj?.errors) ? (obj.errors[0] as Record<string, unknown> | undefined) : undefined;
  if (first) {
    const extensions = first.extensions && typeof first.extensions === 'object' ? (first.extensions as Record<string, unknown>) : {};
    return { kind: 'failed', status, code: str(extensions.code), message: str(first.message), messageZh: null, rowErrors: [] };
  }
  return { kind: 'failed', status, code: null, message: null, messageZh: null, rowErrors: [] };
}

/**
 * Uploads `file` as `kind` with `key`. `fetchImpl` is for tests. A network
 * failure is an outcome (status null), not an exception.
 */
export async function uploadImport(
  kind: ImportKind,
  file: Blob & { name: string },
  key: string,
  fetchImpl: typeof fetch = fetch,
): Promise<ImportOutcome> {
  const contentType = contentTypeForFile(file);
  if (!contentType) return { kind: 'failed', status: 415, code: 'UNSUPPORTED_MEDIA_TYPE', message: null, messageZh: null, rowErrors: [] };
  let response: Response;
  try {
    response = await fetchImpl(importUrl(kind, file.name), {
      method: 'POST',
      body: file,
      credentials: 'same-origin',
      headers: { 'Content-Type': contentType, 'Idempotency-Key': key, 'X-Pufa-CSRF': '1', Accept: 'application/json' },
    });
  } catch (error) {
    return {
      kind: 'failed',
      status: null,
      code: 'NETWORK',
      message: error instanceof Error ? error.message : String(error),
      messageZh: null,
      rowErrors: [],
    };
  }
  const text = await response.text().catch(() => '');
  return interpretImportResponse(response.status, response.headers.get('content-type'), text);
}

/**
 * Whether the hub offers `kind`'s template (and so imports it): the hub's
 * page fallback answers unknown GET paths with the dashboard's HTML, so an
 * HTML answer counts as "not importable" like a 404.
 */
export async function probeTemplate(kind: ImportKind, fetchImpl: typeof fetch = fetch): Promise<'available' | 'unsupported' | 'unknown'> {
  try {
    const response = await fetchImpl(templateUrl(kind, 'csv'), { method: 'HEAD', credentials: 'same-origin' });
    if (response.status === 404) return 'unsupported';
    if (!response.ok) return 'unknown';
    return (response.headers.get('content-type') ?? '').includes('text/html') ? 'unsupported' : 'available';
  } catch {
    return 'unknown';
  }
}

// ---------- what the person reads ----------

export interface RowErrorLine {
  /** As the hub numbers rows in the file; "—" when it names none. */
  row: string;
  column: string;
  problem: string;
}

/** The row errors as table lines in the UI language (the hub's Chinese text in Chinese, when it has one). */
export function rowErrorLines(errors: readonly ImportRowError[], lang: Lang): RowErrorLine[] {
  return errors.map((e) => ({
    row: e.row === null ? '—' : String(e.row),
    column: e.column ?? e.field ?? '—',
    problem: (lang === 'zh-CN' ? (e.messageZh ?? e.message) : e.message || e.messageZh) || '—',
  }));
}

export interface FailureText {
  title: string;
  message: string;
  /** The hub's English message under a Chinese explanation, for whoever reports the problem. */
  detail: string | null;
  /** Whether the person can be sure nothing was written (not when the hub could not be reached). */
  nothingWritten: boolean;
}

function explanationKey(status: number | null, code: string | null, hasRowErrors: boolean): MessageKey {
  if (status === null) return 'import.error.network';
  if (hasRowErrors) return 'import.error.rows';
  switch (status) {
    case 401:
      return 'import.error.401';
    case 403:
      return 'import.error.403';
    case 409:
      return 'import.error.409';
    case 413:
      return 'import.error.413';
    case 415:
      return 'import.error.415';
    case 429:
      return 'import.error.429';
    case 400:
      return 'import.error.400';
    default:
      return code === 'RATE_LIMITED' ? 'import.error.429' : 'import.error.other';
  }
}

/** What to say about a failed upload, in the UI language. */
export function describeImportFailure(outcome: Extract<ImportOutcome, { kind: 'failed' }>, lang: Lang): FailureText {
  const explanation = translate(lang, explanationKey(outcome.status, outcome.code, outcome.rowErrors.length > 0));
  const reached = outcome.status !== null;
  const title = translate(lang, reached ? 'import.failedTitle' : 'import.unreachableTitle');
  if (!reached) return { title, message: explanation, detail: outcome.message, nothingWritten: false };
  if (lang === 'zh-CN') {
    // Row errors are listed in Chinese below: the hub's English summary would only repeat them.
    const detail = outcome.rowErrors.length > 0 && outcome.messageZh ? null : outcome.message;
    return { title, message: outcome.messageZh ?? explanation, detail, nothingWritten: true };
  }
  return { title, message: outcome.message ?? explanation, detail: null, nothingWritten: true };
}
