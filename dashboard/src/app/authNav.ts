/**
 * Links to the sign-in page and back. The sign-in page is /login?next=<where
 * the person was>; after signing in they return there, in the language they
 * chose on the sign-in page. `next` is only ever a path of this app: anything
 * else (another site, "//host", "javascript:") sends them to the home page.
 */
import type { Lang } from './i18n';

export const LOGIN_PATH = 'login';
const BASE = import.meta.env.BASE_URL; // always ends with "/"

const langParam = (lang: Lang) => (lang === 'en' ? 'en' : 'zh');

/**
 * The sign-in page's URL, remembering `from` (a path with its query string,
 * e.g. "/?year=2024&lang=zh") to return to.
 */
export function loginHref(from: string, lang: Lang, base: string = BASE): string {
  const params = new URLSearchParams({ lang: langParam(lang) });
  const next = safeNext(from, base);
  if (next && next !== base && !isLoginPath(next, base)) params.set('next', next);
  return `${base}${LOGIN_PATH}?${params.toString()}`;
}

function isLoginPath(url: string, base: string): boolean {
  const path = url.split(/[?#]/)[0]!.replace(/\/+$/, '');
  return path === `${base}${LOGIN_PATH}`;
}

/** `next` when it is a path inside this app, else null. */
export function safeNext(next: string | null | undefined, base: string = BASE): string | null {
  if (!next) return null;
  // Only a plain absolute path below the app's base: no scheme, no "//host", no backslashes.
  if (!next.startsWith(base) && next !== base.replace(/\/$/, '')) return null;
  if (next.startsWith('//') || next.includes('\\') || /[\u0000-\u001f]/.test(next)) return null;
  try {
    const url = new URL(next, 'http://app.invalid');
    if (url.origin !== 'http://app.invalid') return null;
    return url.pathname + url.search + url.hash;
  } catch {
    return null;
  }
}

/** Where to go after signing in: `next` (not the sign-in page itself) or home, in `lang`. */
export function afterSignInHref(next: string | null | undefined, lang: Lang, base: string = BASE): string {
  const safe = safeNext(next, base);
  const target = safe && !isLoginPath(safe, base) ? safe : base;
  const url = new URL(target, 'http://app.invalid');
  url.searchParams.set('lang', langParam(lang));
  return url.pathname + url.search + url.hash;
}
