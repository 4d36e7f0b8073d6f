/**
 * Turns a failed query into the text a person sees. The API's own message is
 * shown as written (it is meant for people); a transport failure gets a
 * localized sentence instead of the browser's "Failed to fetch".
 */
import { translate, type Lang } from './i18n';

/** The parts of urql's CombinedError this module reads. */
export interface ErrorLike {
  message: string;
  graphQLErrors?: ReadonlyArray<{ message: string; extensions?: Record<string, unknown> }>;
  networkError?: Error | undefined;
  response?: { status?: number } | undefined;
}

export interface DisplayError {
  message: string;
  /** extensions.code of the first GraphQL error, e.g. BAD_USER_INPUT. */
  code: string | null;
}

export function describeError(error: ErrorLike, lang: Lang): DisplayError {
  const gqlErrors = error.graphQLErrors ?? [];
  if (gqlErrors.length > 0) {
    const messages = [...new Set(gqlErrors.map((e) => e.message.trim()).filter(Boolean))];
    const code = gqlErrors[0]?.extensions?.code;
    return {
      message: messages.join('\n') || translate(lang, 'state.error'),
      code: typeof code === 'string' ? code : null,
    };
  }
  if (error.networkError) {
    const status = error.response?.status;
    return {
      message: translate(lang, 'state.network') + (status ? ` (HTTP ${status})` : ''),
      code: null,
    };
  }
  return { message: error.message.replace(/^\[\w+\]\s*/, '') || translate(lang, 'state.error'), code: null };
}
