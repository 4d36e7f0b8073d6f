import { describe, expect, it } from 'vitest';
import { describeError } from './errors';

describe('describeError', () => {
  it("shows the API's own message and code", () => {
    expect(
      describeError(
        {
          message: '[GraphQL] 起始日期不能晚于结束日期',
          graphQLErrors: [{ message: '起始日期不能晚于结束日期', extensions: { code: 'BAD_USER_INPUT' } }],
        },
        'zh-CN',
      ),
    ).toEqual({ message: '起始日期不能晚于结束日期', code: 'BAD_USER_INPUT' });
  });

  it('joins distinct messages once each', () => {
    expect(
      describeError(
        {
          message: '',
          graphQLErrors: [{ message: 'Forbidden' }, { message: 'Forbidden' }, { message: 'Too complex' }],
        },
        'en',
      ),
    ).toEqual({ message: 'Forbidden\nToo complex', code: null });
  });

  it('explains a transport failure in the UI language', () => {
    expect(
      describeError({ message: '[Network] Failed to fetch', networkError: new Error('Failed to fetch') }, 'zh-CN'),
    ).toEqual({ message: '无法连接数据服务，请稍后重试。', code: null });
    expect(
      describeError(
        { message: '[Network] Bad Gateway', networkError: new Error('Bad Gateway'), response: { status: 502 } },
        'en',
      ).message,
    ).toBe('The data service cannot be reached. Please try again later. (HTTP 502)');
  });

  it('falls back to the error text without its prefix', () => {
    expect(describeError({ message: '[GraphQL] odd' }, 'en').message).toBe('odd');
  });
});
