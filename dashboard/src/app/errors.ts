/**
 * Turns a failed query into the text a person sees. The API writes its
 * messages in English. In Chinese the dashboard explains the error code in
 * Chinese and shows the API's message below it, smaller, for whoever has to
 * report the problem; in English the API's message is shown as written. A
 * transport failure gets a localized sentence instead of the browser's
 * "Failed to fetch".
 */
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
const EXPLAINED_CODES = new Set(['BAD_USER_INPUT', 'NOT_FOUND', 'FORBIDDEN', 'UNAUTHENTICATED', 'INTERNAL_SERVER_ERROR']);

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
