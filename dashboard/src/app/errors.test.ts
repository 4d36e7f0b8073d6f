import { describe, expect, it } from 'vitest';
import { describeError, describeSignInError, lockedUntil } from './errors';

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

const unauthenticated = (message: string) => ({
  message: `[GraphQL] ${message}`,
  graphQLErrors: [{ message, extensions: { code: 'UNAUTHENTICATED' } }],
});
const LOCKED =
  'Too many failed sign-ins: the account is locked until 2026-11-27T18:48:38.123Z. Try again then, or ask an administrator.';

describe('describeSignInError', () => {
  it('says a wrong username or password in both languages', () => {
    const error = unauthenticated('Wrong username or password');
    expect(describeSignInError(error, 'zh-CN')).toEqual({ message: '用户名或密码错误。', detail: null, code: 'UNAUTHENTICATED' });
    expect(describeSignInError(error, 'en')).toEqual({ message: 'Wrong username or password.', detail: null, code: 'UNAUTHENTICATED' });
  });

  it('reads the end of a lockout from the message', () => {
    expect(lockedUntil(LOCKED)?.toISOString()).toBe('2026-11-27T18:48:38.123Z');
    expect(lockedUntil('locked until 2026-11-27T18:48:38Z.')?.toISOString()).toBe('2026-11-27T18:48:38.000Z');
    expect(lockedUntil('Wrong username or password')).toBeNull();
    expect(lockedUntil('locked until tomorrow')).toBeNull();
  });

  it("shows a lockout with the time it ends in the reader's time zone", () => {
    const error = unauthenticated(LOCKED);
    expect(describeSignInError(error, 'zh-CN', 'Asia/Shanghai').message).toBe(
      '登录失败次数过多，账号已锁定至 2026年11月28日 02:48。请届时再试，或联系管理员。',
    );
    expect(describeSignInError(error, 'en', 'Europe/Berlin').message).toBe(
      'Too many failed sign-ins: the account is locked until Nov 27, 2026, 07:48 PM. Try again then, or ask an administrator.',
    );
    expect(describeSignInError(error, 'en', 'Asia/Shanghai').detail).toBeNull();
  });

  it('explains a stale session cookie that keeps the hub from signing in', () => {
    const error = unauthenticated('Your session has ended or the token is not valid: sign in again');
    expect(describeSignInError(error, 'zh-CN').message).toContain('清除本站的 Cookie');
    expect(describeSignInError(error, 'en')).toMatchObject({ message: expect.stringContaining("Clear this site's cookies"), detail: null });
  });

  it('leaves other failures to describeError', () => {
    const network = { message: '[Network] Failed to fetch', networkError: new Error('Failed to fetch') };
    expect(describeSignInError(network, 'zh-CN')).toEqual(describeError(network, 'zh-CN'));
    const limited = { message: '', graphQLErrors: [{ message: 'Too many sign-in attempts', extensions: { code: 'RATE_LIMITED' } }] };
    expect(describeSignInError(limited, 'zh-CN')).toEqual({
      message: '请求过于频繁，请稍候再试。',
      detail: 'Too many sign-in attempts',
      code: 'RATE_LIMITED',
    });
  });
});
