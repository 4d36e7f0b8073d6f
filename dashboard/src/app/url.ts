/**
 * The view's global state as it lives in the query string, so any view can be
 * shared as a link:
 *   ?year=2024            a calendar year (default 2025, then omitted)
 *   ?from=…&to=…          a custom range of days (both required)
 *   ?district=<region id> one district (absent: the whole city)
 *   ?domain=EnforcementDomain:3  one enforcement domain (absent: every domain)
 *   ?agency=Agency:12     one agency (absent: every agency)
 *   ?lang=zh|en           language (absent: the one remembered locally, else Chinese)
 * Unknown parameters are kept untouched when the state is written back.
 */
import { DEFAULT_LANG, type Lang } from './i18n';
import { DEFAULT_PERIOD, DEFAULT_YEAR, isSelectableYear, isValidRange, type Period } from './period';

export interface ViewState {
  lang: Lang;
  period: Period;
  district: string | null;
  /** An EnforcementDomain id, e.g. "EnforcementDomain:3". */
  domain: string | null;
  /** An Agency id, e.g. "Agency:12". */
  agency: string | null;
}

/** The filters a view can be narrowed by besides the period (what "reset" clears). */
export const NARROWING_KEYS = ['district', 'domain', 'agency'] as const;

export const LANG_STORAGE_KEY = 'pufa.lang';

/** Reads a language code from the URL or storage; null for anything unknown. */
export function parseLang(value: string | null | undefined): Lang | null {
  if (!value) return null;
  const v = value.toLowerCase();
  if (v === 'en' || v.startsWith('en-')) return 'en';
  if (v === 'zh' || v === 'zh-cn' || v === 'zh-hans') return 'zh-CN';
  return null;
}

function parsePeriod(params: URLSearchParams): Period {
  const from = params.get('from');
  const to = params.get('to');
  if (from && to && isValidRange(from, to)) return { kind: 'range', from, to };
  const yearText = params.get('year');
  if (yearText && /^\d{4}$/.test(yearText)) {
    const year = Number(yearText);
    if (isSelectableYear(year)) return { kind: 'year', year };
  }
  return DEFAULT_PERIOD;
}

/** A global id of `typename` ("Agency:12"), or null for anything else. */
function parseId(value: string | null, typename: string): string | null {
  const text = value?.trim() ?? '';
  return new RegExp(`^${typename}:\\d+$`).test(text) ? text : null;
}

/**
 * Parses the query string; invalid values fall back to defaults rather than
 * failing, since links get edited by hand. `storedLang` is the language
 * remembered in localStorage, used only when the URL names none.
 */
export function parseViewState(search: string, storedLang: string | null = null): ViewState {
  const params = new URLSearchParams(search);
  const district = params.get('district');
  return {
    lang: parseLang(params.get('lang')) ?? parseLang(storedLang) ?? DEFAULT_LANG,
    period: parsePeriod(params),
    district: district && district.trim() !== '' ? district : null,
    domain: parseId(params.get('domain'), 'EnforcementDomain'),
    agency: parseId(params.get('agency'), 'Agency'),
  };
}

/** Writes `state` into `currentSearch`, keeping unrelated parameters; returns "?…" or "". */
export function serializeViewState(state: ViewState, currentSearch = ''): string {
  const params = new URLSearchParams(currentSearch);
  for (const key of ['lang', 'year', 'from', 'to', ...NARROWING_KEYS]) params.delete(key);

  const { period } = state;
  if (period.kind === 'range') {
    params.set('from', period.from);
    params.set('to', period.to);
  } else if (period.year !== DEFAULT_YEAR) {
    params.set('year', String(period.year));
  }
  for (const key of NARROWING_KEYS) {
    const value = state[key];
    if (value) params.set(key, value);
  }
  // Always explicit: a shared link must not depend on the reader's stored language.
  params.set('lang', state.lang === 'en' ? 'en' : 'zh');

  const text = params.toString();
  return text ? `?${text}` : '';
}
