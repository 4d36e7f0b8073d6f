/**
 * Turns a failed query into the text a person sees. The API writes its
 * messages in English. In Chinese the dashboard explains the error code in
 * Chinese and shows the API's message below it, smaller, for whoever has to
 * report the problem; in English the API's message is shown as written. A
 * transport failure gets a localized sentence instead of the browser's
 * "Failed to fetch".
 */
import { formatDateTime } from './format';
import { translate, type Lang, type MessageKey } from './i18n';

/** The parts of urql's CombinedError this module reads. */
export interface ErrorLike {
  message: string;
  graphQLErrors?: ReadonlyArray<{ message: string; extensions?: Record<string, unknown> }>;
  networkError?: Error | undefined;
  response?: { status?: number } | undefined;
}

export interface DisplayError {
  /** The sentence to show. */
  message: string;
  /**
   * Text in the API's or the browser's words, shown smaller below `message`
   * (in English, so marked lang="en"); null when `message` already is it.
   */
  detail: string | null;
  /** extensions.code of the first GraphQL error, e.g. BAD_USER_INPUT. */
  code: string | null;
}

/** The codes the dashboard has its own explanation for (the API's ErrorCode plus its internal error). */
const EXPLAINED_CODES = new Set(['BAD_USER_INPUT', 'NOT_FOUND', 'FORBIDDEN', 'UNAUTHENTICATED', 'INTERNAL_SERVER_ERROR', 'RATE_LIMITED']);

function explanation(code: string | null, lang: Lang): string {
  const key = (code && EXPLAINED_CODES.has(code) ? `error.${code}` : 'error.other') as MessageKey;
  return translate(lang, key);
}

export function describeError(error: ErrorLike, lang: Lang): DisplayError {
  const gqlErrors = error.graphQLErrors ?? [];
  if (gqlErrors.length > 0) {
    const apiMessage = [...new Set(gqlErrors.map((e) => e.message.trim()).filter(Boolean))].join('\n');
    const rawCode = gqlErrors[0]?.extensions?.code;
    const code = typeof rawCode === 'string' ? rawCode : null;
    if (lang === 'en') return { message: apiMessage || explanation(code, lang), detail: null, code };
    return { message: explanation(code, lang), detail: apiMessage || null, code };
  }
  if (error.networkError) {
    const status = error.response?.status;
    const technical = status ? `HTTP ${status}` : error.networkError.message.trim();
    return { message: translate(lang, 'state.network'), detail: technical || null, code: null };
  }
  const text = error.message.replace(/^\[\w+\]\s*/, '').trim();
  return { message: text || translate(lang, 'state.error'), detail: null, code: null };
}

/**
 * When a sign-in was refused because the account is locked, the moment the
 * lock ends; the hub says "…the account is locked until <ISO time>…".
 */
export function lockedUntil(message: string): Date | null {
  const m = /locked until (\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?(?:Z|[+-]\d{2}:?\d{2}))/i.exec(message);
  if (!m) return null;
  const date = new Date(m[1]!);
  return Number.isNaN(date.getTime()) ? null : date;
}

/**
 * A refused sign-in in the person's language: a wrong username or password,
 * or a locked account with the local time the lock ends; anything else as
 * `describeError` says it. `timeZone` is for tests (default: the browser's).
 */
export function describeSignInError(error: ErrorLike, lang: Lang, timeZone?: string): DisplayError {
  const first = error.graphQLErrors?.[0];
  const code = typeof first?.extensions?.code === 'string' ? first.extensions.code : null;
  if (first && code === 'UNAUTHENTICATED') {
    const until = lockedUntil(first.message);
    if (until) {
      return { message: translate(lang, 'auth.locked', { time: formatDateTime(until, lang, timeZone) }), detail: null, code };
    }
    if (/wrong username or password/i.test(first.message)) {
      return { message: translate(lang, 'auth.wrongCredentials'), detail: null, code };
    }
    // The browser still sends a session cookie the hub no longer knows (ended elsewhere, or a
    // reinstalled hub); the hub refuses every request carrying it, signing in included.
    if (/session has ended/i.test(first.message)) {
      return { message: translate(lang, 'auth.staleSession'), detail: lang === 'en' ? null : first.message, code };
    }
  }
  return describeError(error, lang);
}
