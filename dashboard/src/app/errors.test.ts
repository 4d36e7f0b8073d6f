import { describe, expect, it } from 'vitest';
import { describeError } from './errors';

const regionError = {
  message: '[GraphQL] The filter regionIds does not apply to BROADCAST_COUNT',
  graphQLErrors: [
    { message: 'The filter regionIds does not apply to BROADCAST_COUNT', extensions: { code: 'BAD_USER_INPUT' } },
  ],
};

describe('describeError', () => {
  it('explains an error code in Chinese and keeps the API message as detail', () => {
    expect(describeError(regionError, 'zh-CN')).toEqual({
      message: '数据服务不接受当前的查询条件，请调整筛选条件后重试。',
      detail: 'The filter regionIds does not apply to BROADCAST_COUNT',
      code: 'BAD_USER_INPUT',
    });
  });

  it("shows the API's own message in English", () => {
    expect(describeError(regionError, 'en')).toEqual({
      message: 'The filter regionIds does not apply to BROADCAST_COUNT',
      detail: null,
      code: 'BAD_USER_INPUT',
    });
  });

  it('has a Chinese explanation for every code the dashboard can expect', () => {
    const explained = ['BAD_USER_INPUT', 'NOT_FOUND', 'FORBIDDEN', 'UNAUTHENTICATED', 'INTERNAL_SERVER_ERROR'].map(
      (code) => describeError({ message: '', graphQLErrors: [{ message: 'x', extensions: { code } }] }, 'zh-CN').message,
    );
    expect(new Set(explained).size).toBe(5);
    for (const message of explained) expect(message).toMatch(/[\u4e00-\u9fff]/);
    expect(explained[4]).toContain('内部出错');
  });

  it('falls back to a general Chinese sentence for other codes', () => {
    expect(
      describeError(
        { message: '', graphQLErrors: [{ message: 'Cannot query field "x"', extensions: { code: 'GRAPHQL_VALIDATION_FAILED' } }] },
        'zh-CN',
      ),
    ).toEqual({ message: '数据服务未能完成这次查询。', detail: 'Cannot query field "x"', code: 'GRAPHQL_VALIDATION_FAILED' });
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
    ).toEqual({ message: 'Forbidden\nToo complex', detail: null, code: null });
  });

  it('explains a transport failure in the UI language, with the technical cause as detail', () => {
    expect(
      describeError({ message: '[Network] Failed to fetch', networkError: new Error('Failed to fetch') }, 'zh-CN'),
    ).toEqual({ message: '无法连接数据服务，请稍后重试。', detail: 'Failed to fetch', code: null });
    expect(
      describeError(
        { message: '[Network] Bad Gateway', networkError: new Error('Bad Gateway'), response: { status: 502 } },
        'en',
      ),
    ).toEqual({
      message: 'The data service cannot be reached. Please try again later.',
      detail: 'HTTP 502',
      code: null,
    });
  });

  it('falls back to the error text without its prefix', () => {
    expect(describeError({ message: '[GraphQL] odd' }, 'en').message).toBe('odd');
  });
});
