import { describe, expect, it } from 'vitest';
import {
  contentTypeForFile,
  CSV_MIME,
  describeImportFailure,
  interpretImportResponse,
  newIdempotencyKey,
  rowErrorLines,
  uploadImport,
  XLSX_MIME,
  type ImportOutcome,
} from './importApi';

const UUID_V4 = /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;
/** What the hub accepts as an Idempotency-Key (api ingestion: 8–100 of these characters). */
const HUB_KEY = /^[\w.:-]{8,100}$/;

describe('idempotency keys', () => {
  it('are UUIDs the hub accepts, new each time', () => {
    const keys = Array.from({ length: 50 }, () => newIdempotencyKey());
    for (const key of keys) {
      expect(key).toMatch(UUID_V4);
      expect(key).toMatch(HUB_KEY);
    }
    expect(new Set(keys).size).toBe(keys.length);
  });

  it('are built from getRandomValues where randomUUID is missing (plain HTTP on an office network)', () => {
    const insecure = { getRandomValues: (a: Uint8Array<ArrayBuffer>) => globalThis.crypto.getRandomValues(a) };
    const keys = Array.from({ length: 50 }, () => newIdempotencyKey(insecure));
    for (const key of keys) {
      expect(key).toMatch(UUID_V4);
      expect(key).toMatch(HUB_KEY);
    }
    expect(new Set(keys).size).toBe(keys.length);
    const zeros = { getRandomValues: (a: Uint8Array<ArrayBuffer>) => a.fill(0) };
    expect(newIdempotencyKey(zeros)).toBe('00000000-0000-4000-8000-000000000000');
  });

  it('use randomUUID when there is one', () => {
    expect(newIdempotencyKey({ getRandomValues: (a) => a, randomUUID: () => 'from-random-uuid' })).toBe('from-random-uuid');
  });
});

describe('content type of a chosen file', () => {
  it('goes by the extension first', () => {
    expect(contentTypeForFile({ name: 'activities.csv', type: 'application/vnd.ms-excel' })).toBe(CSV_MIME);
    expect(contentTypeForFile({ name: 'ACTIVITIES.CSV', type: '' })).toBe(CSV_MIME);
    expect(contentTypeForFile({ name: '活动.xlsx', type: '' })).toBe(XLSX_MIME);
    expect(contentTypeForFile({ name: 'export', type: CSV_MIME })).toBe(CSV_MIME);
    expect(contentTypeForFile({ name: 'old.xls', type: 'application/vnd.ms-excel' })).toBeNull();
    expect(contentTypeForFile({ name: 'notes.txt', type: 'text/plain' })).toBeNull();
  });
});

describe("reading the hub's answer", () => {
  it('reads a result', () => {
    const body = JSON.stringify({ result: { batchId: 'batch:7', accepted: 3, inserted: 2, updated: 1, replayed: false } });
    expect(interpretImportResponse(200, 'application/json; charset=utf-8', body)).toEqual({
      kind: 'done',
      result: { batchId: 'batch:7', accepted: 3, inserted: 2, updated: 1, replayed: false },
    });
  });

  it('reads a replay', () => {
    const body = JSON.stringify({ result: { batchId: 'batch:7', accepted: 3, inserted: 2, updated: 1, replayed: true } });
    const outcome = interpretImportResponse(200, 'application/json', body);
    expect(outcome.kind === 'done' && outcome.result.replayed).toBe(true);
  });

  it('reads row errors', () => {
    const body = JSON.stringify({
      error: {
        code: 'BAD_USER_INPUT',
        message: 'The file was refused and nothing was written: 2 problems',
        messageZh: '文件未导入，未写入任何数据：共 2 处问题',
        rowErrors: [
          { row: 2, column: 'date', field: 'date', message: 'required (YYYY-MM-DD)', messageZh: '必填（YYYY-MM-DD）' },
          { row: '3', column: null, field: 'organiserId', message: 'Agency:999 does not exist' },
          'not an error object',
        ],
      },
    });
    expect(interpretImportResponse(400, 'application/json', body)).toEqual({
      kind: 'failed',
      status: 400,
      code: 'BAD_USER_INPUT',
      message: 'The file was refused and nothing was written: 2 problems',
      messageZh: '文件未导入，未写入任何数据：共 2 处问题',
      rowErrors: [
        { row: 2, column: 'date', field: 'date', message: 'required (YYYY-MM-DD)', messageZh: '必填（YYYY-MM-DD）' },
        { row: 3, column: null, field: 'organiserId', message: 'Agency:999 does not exist', messageZh: null },
      ],
    });
  });

  it('reads a 404 as "not importable", with or without an error body', () => {
    expect(interpretImportResponse(404, 'text/html; charset=utf-8', '<!DOCTYPE html><pre>Cannot POST /import/x</pre>')).toEqual({
      kind: 'unsupported',
    });
    const body = JSON.stringify({ error: { code: 'NOT_FOUND', message: 'Nothing of kind "x" can be imported', messageZh: '不支持导入“x”', rowErrors: [] } });
    expect(interpretImportResponse(404, 'application/json', body)).toEqual({ kind: 'unsupported' });
  });

  it('reads other answers as failures without details', () => {
    expect(interpretImportResponse(502, 'text/html', '<html>Bad Gateway</html>')).toEqual({
      kind: 'failed',
      status: 502,
      code: null,
      message: null,
      messageZh: null,
      rowErrors: [],
    });
    expect(interpretImportResponse(200, 'application/json', '{not json')).toMatchObject({ kind: 'failed', status: 200 });
  });

  it('reads a GraphQL-shaped error, e.g. from the rate limiter', () => {
    const body = JSON.stringify({ errors: [{ message: 'Too many requests', extensions: { code: 'RATE_LIMITED' } }] });
    expect(interpretImportResponse(429, 'application/json', body)).toMatchObject({
      kind: 'failed',
      status: 429,
      code: 'RATE_LIMITED',
      message: 'Too many requests',
    });
  });
});

describe('uploading', () => {
  const file = Object.assign(new Blob(['title,date\n'], { type: '' }), { name: 'a.csv' });

  it('sends the file with its type, the key and the CSRF header', async () => {
    let seen: { url: string; init: RequestInit } | undefined;
    const fetchImpl = (async (url: string, init: RequestInit) => {
      seen = { url, init };
      return new Response(JSON.stringify({ result: { batchId: 'b', accepted: 1, inserted: 1, updated: 0, replayed: false } }), {
        status: 200,
        headers: { 'content-type': 'application/json' },
      });
    }) as unknown as typeof fetch;
    const outcome = await uploadImport('activities', file, 'key-12345678', fetchImpl);
    expect(outcome.kind).toBe('done');
    expect(seen!.url).toBe('/import/activities?filename=a.csv');
    expect(seen!.init.method).toBe('POST');
    expect(seen!.init.body).toBe(file);
    expect(seen!.init.headers).toMatchObject({ 'Content-Type': 'text/csv', 'Idempotency-Key': 'key-12345678', 'X-Pufa-CSRF': '1' });
  });

  it('turns a network failure into an outcome', async () => {
    const fetchImpl = (async () => {
      throw new TypeError('Failed to fetch');
    }) as unknown as typeof fetch;
    expect(await uploadImport('activities', file, 'key-12345678', fetchImpl)).toEqual({
      kind: 'failed',
      status: null,
      code: 'NETWORK',
      message: 'Failed to fetch',
      messageZh: null,
      rowErrors: [],
    });
  });

  it('does not send a file that is neither CSV nor XLSX', async () => {
    const txt = Object.assign(new Blob(['x']), { name: 'a.txt' });
    const fetchImpl = (() => {
      throw new Error('must not be called');
    }) as unknown as typeof fetch;
    expect(await uploadImport('activities', txt, 'key-12345678', fetchImpl)).toMatchObject({ kind: 'failed', status: 415 });
  });
});

describe('what the person reads', () => {
  const rowErrors = [
    { row: 2, column: '日期 date', field: 'date', message: 'required (YYYY-MM-DD)', messageZh: '必填（YYYY-MM-DD）' },
    { row: 3, column: null, field: 'organiserId', message: 'Agency:999 does not exist', messageZh: null },
    { row: null, column: null, field: null, message: '', messageZh: '只有中文说明' },
  ];

  it('maps row errors to table lines in Chinese', () => {
    expect(rowErrorLines(rowErrors, 'zh-CN')).toEqual([
      { row: '2', column: '日期 date', problem: '必填（YYYY-MM-DD）' },
      { row: '3', column: 'organiserId', problem: 'Agency:999 does not exist' },
      { row: '—', column: '—', problem: '只有中文说明' },
    ]);
  });

  it('maps row errors to table lines in English', () => {
    expect(rowErrorLines(rowErrors, 'en')).toEqual([
      { row: '2', column: '日期 date', problem: 'required (YYYY-MM-DD)' },
      { row: '3', column: 'organiserId', problem: 'Agency:999 does not exist' },
      { row: '—', column: '—', problem: '只有中文说明' },
    ]);
  });

  const failed = (over: Partial<Extract<ImportOutcome, { kind: 'failed' }>>): Extract<ImportOutcome, { kind: 'failed' }> => ({
    kind: 'failed',
    status: 400,
    code: 'BAD_USER_INPUT',
    message: null,
    messageZh: null,
    rowErrors: [],
    ...over,
  });

  it("uses the hub's Chinese message in Chinese, with its English one as detail unless row errors list the problems", () => {
    expect(describeImportFailure(failed({ message: 'Refused: 2 problems', messageZh: '未导入：2 处问题', rowErrors }), 'zh-CN')).toEqual({
      title: '文件未导入',
      message: '未导入：2 处问题',
      detail: null,
      nothingWritten: true,
    });
    expect(describeImportFailure(failed({ status: 415, code: 'UNSUPPORTED_MEDIA_TYPE', message: 'Content-Type x is not accepted', messageZh: '不支持的 Content-Type：x' }), 'zh-CN')).toEqual({
      title: '文件未导入',
      message: '不支持的 Content-Type：x',
      detail: 'Content-Type x is not accepted',
      nothingWritten: true,
    });
    expect(describeImportFailure(failed({ message: 'Refused: 2 problems', messageZh: '未导入：2 处问题', rowErrors }), 'en')).toEqual({
      title: 'The file was not imported',
      message: 'Refused: 2 problems',
      detail: null,
      nothingWritten: true,
    });
  });

  it('explains each status the hub answers when it says nothing itself', () => {
    const zh = [401, 403, 409, 413, 415, 429, 400, 500].map((status) => describeImportFailure(failed({ status, code: null }), 'zh-CN').message);
    expect(new Set(zh).size).toBe(zh.length);
    for (const message of zh) expect(message).toMatch(/[\u4e00-\u9fff]/);
    expect(describeImportFailure(failed({ status: 413 }), 'en').message).toBe('The file is too large; split it into smaller files.');
  });

  it('does not claim nothing was written when the hub could not be reached', () => {
    const text = describeImportFailure(failed({ status: null, code: 'NETWORK', message: 'Failed to fetch' }), 'zh-CN');
    expect(text.nothingWritten).toBe(false);
    expect(text.title).toBe('无法确认文件是否已导入');
    expect(text.message).toContain('不会重复写入');
    expect(text.detail).toBe('Failed to fetch');
  });
});
