import { describe, expect, it } from 'vitest';
import { localizeServerMessage, mapServerErrors } from './fieldErrors';

const SLOT_FIELDS = ['programme', 'channel', 'kind', 'startsAt', 'durationMinutes', 'reach', 'partnerAgencyId', 'domainId', 'primeTime'];
const ACTIVITY_FIELDS = ['title', 'date', 'regionId', 'form', 'lawIds', 'itemIds', 'coOrganiserIds', 'participants'];

/** A refused batch as the hub answers it (api ingestion: rowErrorsError). */
function refused(code: string, rowErrors: { row: number; field: string; message: string }[]) {
  return {
    message: '[GraphQL] The batch was refused and nothing was written',
    graphQLErrors: [
      {
        message: `The batch was refused and nothing was written: ${rowErrors.length} problems in 1 row(s) of broadcast-slots; first: …`,
        extensions: { code, rowErrors, rowErrorCount: rowErrors.length },
      },
    ],
  };
}

describe('mapServerErrors', () => {
  it("puts each row error beside its field, in the hub's order", () => {
    const mapped = mapServerErrors(
      refused('BAD_USER_INPUT', [
        { row: 0, field: 'durationMinutes', message: 'must be a whole number from 0 to 1440' },
        { row: 0, field: 'reach', message: 'must be a whole number from 0 to 1000000000' },
        { row: 0, field: 'domainId', message: 'EnforcementDomain:999 does not exist' },
      ]),
      SLOT_FIELDS,
    );
    expect(mapped).toEqual({
      fields: {
        durationMinutes: ['must be a whole number from 0 to 1440'],
        reach: ['must be a whole number from 0 to 1000000000'],
        domainId: ['EnforcementDomain:999 does not exist'],
      },
      general: [],
      code: 'BAD_USER_INPUT',
      network: false,
    });
  });

  it('puts the problems of a list element on the list, each once', () => {
    const mapped = mapServerErrors(
      refused('BAD_USER_INPUT', [
        { row: 0, field: 'lawIds.1', message: 'Law:999 does not exist' },
        { row: 0, field: 'itemIds.0', message: "2026-01-05 is outside the item's window 2026-03-01 … 2026-06-30" },
        { row: 0, field: 'itemIds.2', message: "2026-01-05 is outside the item's window 2026-03-01 … 2026-06-30" },
        { row: 0, field: 'coOrganiserIds.0', message: 'the organiser cannot also be a co-organiser' },
      ]),
      ACTIVITY_FIELDS,
    );
    expect(mapped.fields).toEqual({
      lawIds: ['Law:999 does not exist'],
      itemIds: ["2026-01-05 is outside the item's window 2026-03-01 … 2026-06-30"],
      coOrganiserIds: ['the organiser cannot also be a co-organiser'],
    });
    expect(mapped.general).toEqual([]);
  });

  it('keeps what names no field of the form as a general problem: the unit the session fixed, refused', () => {
    const mapped = mapServerErrors(
      refused('FORBIDDEN', [{ row: 0, field: 'outletId', message: 'Your account reports for MediaOutlet:1; it may not write slots of MediaOutlet:2' }]),
      SLOT_FIELDS,
    );
    expect(mapped.fields).toEqual({});
    expect(mapped.general).toEqual([{ field: 'outletId', message: 'Your account reports for MediaOutlet:1; it may not write slots of MediaOutlet:2' }]);
    expect(mapped.code).toBe('FORBIDDEN');
  });

  it("reads an argument's problem path under rows, and GraphQL's own variable errors", () => {
    const problem = mapServerErrors(
      {
        message: '',
        graphQLErrors: [{ message: 'reach must be at most 1000000000', extensions: { code: 'BAD_USER_INPUT', problems: [{ path: ['rows', 0, 'reach'], message: 'max' }] } }],
      },
      SLOT_FIELDS,
    );
    expect(problem.fields).toEqual({ reach: ['reach must be at most 1000000000'] });

    const coercion = mapServerErrors(
      {
        message: '',
        graphQLErrors: [
          {
            message: 'Variable "$rows" got invalid value "2026-11-01T20:00" at "rows[0].startsAt"; DateTime cannot represent an invalid date-time-string 2026-11-01T20:00.',
            extensions: { code: 'BAD_USER_INPUT' },
          },
        ],
      },
      SLOT_FIELDS,
    );
    expect(coercion.fields).toEqual({ startsAt: ['DateTime cannot represent an invalid date-time-string 2026-11-01T20:00.'] });
  });

  it('keeps refusals of the batch as a whole, and a lost connection, as general problems', () => {
    const key = mapServerErrors(
      {
        message: '',
        graphQLErrors: [{ message: 'The idempotency key k was used for a different batch; use a new key for new data', extensions: { code: 'CONFLICT' } }],
      },
      SLOT_FIELDS,
    );
    expect(key).toEqual({
      fields: {},
      general: [{ field: null, message: 'The idempotency key k was used for a different batch; use a new key for new data' }],
      code: 'CONFLICT',
      network: false,
    });
    const idem = mapServerErrors(
      { message: '', graphQLErrors: [{ message: 'idempotencyKey must be 8–100 letters', extensions: { code: 'BAD_USER_INPUT', problems: [{ path: ['idempotencyKey'], message: 'invalid' }] } }] },
      SLOT_FIELDS,
    );
    expect(idem.general).toEqual([{ field: null, message: 'idempotencyKey must be 8–100 letters' }]);

    const offline = mapServerErrors({ message: '[Network] Failed to fetch', networkError: new TypeError('Failed to fetch') }, SLOT_FIELDS);
    expect(offline).toEqual({ fields: {}, general: [{ field: null, message: 'Failed to fetch' }], code: null, network: true });
  });
});

describe("the hub's messages in Chinese", () => {
  const zh = (m: string) => localizeServerMessage(m, 'zh-CN');

  it('says the messages a form meets in Chinese', () => {
    expect(zh('must be a whole number from 0 to 1440')).toEqual({ text: '须为 0 至 1440 之间的整数', translated: true });
    expect(zh('must be a number from 0 to 200').text).toBe('须为 0 至 200 之间的数');
    expect(zh('required').text).toBe('必填项，不能为空');
    expect(zh('required: true or false').text).toBe('必填项，不能为空');
    expect(zh('at most 200 characters').text).toBe('不能超过 200 个字');
    expect(zh('2031-01-01 is outside 2000-01-01 … 2026-11-27').text).toBe('2031-01-01 不在 2000-01-01 至 2026-11-27 之间');
    expect(zh('2028-01-01T12:00:00.000Z is outside 2000-01-01 … 2027-11-27 (one year from now)').text).toBe(
      '2028-01-01T12:00:00.000Z 不在 2000-01-01 至 2027-11-27 之间',
    );
    expect(zh("2026-01-05 is outside the item's window 2026-03-01 … 2026-06-30").text).toBe('2026-01-05 不在该事项的时间范围 2026-03-01 至 2026-06-30 内');
    expect(zh('EnforcementDomain:999 does not exist').text).toBe('EnforcementDomain:999 不存在');
    expect(zh('Agency:9 did not exist on 2020-05-01 (valid 2016-01-01 … 2019-01-31)').text).toBe('该单位在 2020-05-01 不存在（尚未设立或已撤并）');
    expect(zh('Your account reports for MediaOutlet:1; it may not write slots of MediaOutlet:2').text).toBe('您的账号只能填报 MediaOutlet:1 的数据');
    expect(zh('must be null when attended is false: only attendees sit the exam').text).toBe('未参训的人员不能有考试成绩');
    expect(zh('the organiser cannot also be a co-organiser').text).toBe('主办单位不能同时是协办单位');
  });

  it("keeps the hub's English where it has no Chinese, and in English", () => {
    expect(zh('DateTime cannot represent an invalid date-time-string x')).toEqual({ text: 'DateTime cannot represent an invalid date-time-string x', translated: false });
    expect(localizeServerMessage('must be a whole number from 0 to 1440', 'en')).toEqual({ text: 'must be a whole number from 0 to 1440', translated: false });
  });
});
