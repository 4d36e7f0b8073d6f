import { describe, expect, it } from 'vitest';
import { localizeProblem, mapProblems } from './problems';

const FIELDS = ['lawId', 'wishedTo', 'contactPhone'] as const;

describe("the hub's refusals beside the fields", () => {
  it('puts each problem under the field its path names, with its own message', () => {
    const mapped = mapProblems(
      {
        message: '',
        graphQLErrors: [
          {
            message: 'The order was not placed: input.lawId: …; input.wishedTo: …',
            extensions: {
              code: 'BAD_USER_INPUT',
              problems: [
                { path: ['input', 'lawId'], message: 'name a law (lawId) or a domain (domainId), so the order can reach the agencies that teach it' },
                { path: ['input', 'wishedTo'], message: '2020-01-31 is past; wish for a period that ends today (2026-11-27) or later' },
              ],
            },
          },
        ],
      },
      FIELDS,
    );
    expect(mapped.fields).toEqual({
      lawId: ['name a law (lawId) or a domain (domainId), so the order can reach the agencies that teach it'],
      wishedTo: ['2020-01-31 is past; wish for a period that ends today (2026-11-27) or later'],
    });
    expect([mapped.general, mapped.code, mapped.network]).toEqual([[], 'BAD_USER_INPUT', false]);
  });

  it('reads class-validator paths that name the field alone, and keeps the rest general', () => {
    const mapped = mapProblems(
      {
        message: '',
        graphQLErrors: [
          { message: 'Invalid input', extensions: { code: 'BAD_USER_INPUT', problems: [{ path: ['contactPhone'], message: 'contactPhone must be 5–20 digits, spaces, +, - or parentheses' }] } },
          { message: 'Agency:4 already answered EducationOrder:9 with DONE, which is final', extensions: { code: 'CONFLICT' } },
        ],
      },
      FIELDS,
    );
    expect(mapped.fields.contactPhone).toHaveLength(1);
    expect(mapped.general).toEqual(['Agency:4 already answered EducationOrder:9 with DONE, which is final']);
  });

  it('tells a rate limit and a lost connection apart', () => {
    const limited = mapProblems({ message: '', graphQLErrors: [{ message: 'Too many submissions from this address: at most 10 a minute. Wait a minute and try again.', extensions: { code: 'RATE_LIMITED' } }] }, FIELDS);
    expect(limited.code).toBe('RATE_LIMITED');
    const lost = mapProblems({ message: '[Network] Failed to fetch', networkError: new Error('Failed to fetch') }, FIELDS);
    expect([lost.network, lost.code, lost.general]).toEqual([true, null, ['Failed to fetch']]);
  });

  it('says the messages in Chinese where it knows them, else keeps the English', () => {
    expect(localizeProblem('2020-01-31 is past; wish for a period that ends today (2026-11-27) or later', 'zh-CN')).toEqual({
      text: '2020-01-31 已经过去，请选择今天（2026-11-27）或以后结束的时段',
      translated: true,
    });
    expect(localizeProblem('Agency:4 already answered EducationOrder:9 with DECLINED, which is final', 'zh-CN').text).toBe('本单位已婉拒该订单，这是最终答复，不能再更改');
    expect(localizeProblem('Too many submissions from this address: at most 10 a minute. Wait a minute and try again.', 'zh-CN').text).toContain('每分钟最多提交 10 次');
    // eraseOrderContact's refusals: a short reason, an order that does not exist.
    expect(localizeProblem('give a reason of 5–500 characters; it is kept in the audit trail', 'zh-CN').text).toBe('请用 5–500 个字说明理由，理由将记入审计记录');
    expect(localizeProblem('EducationOrder:999 does not exist', 'zh-CN').text).toBe('EducationOrder:999 不存在');
    expect(localizeProblem('something new', 'zh-CN')).toEqual({ text: 'something new', translated: false });
    expect(localizeProblem('must not be blank', 'en')).toEqual({ text: 'must not be blank', translated: false });
  });
});
