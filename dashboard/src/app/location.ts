/**
 * A tiny router on the history API: the path names the page, the query string
 * carries the filters (see url.ts). No router dependency is needed for this.
 */
import { useCallback, useMemo, useSyncExternalStore } from 'react';
import { LANG_STORAGE_KEY, parseViewState, serializeViewState, type ViewState } from './url';

const NAVIGATE_EVENT = 'pufa:navigate';

function subscribe(onChange: () => void): () => void {
  window.addEventListener('popstate', onChange);
  window.addEventListener(NAVIGATE_EVENT, onChange);
  return () => {
    window.removeEventListener('popstate', onChange);
    window.removeEventListener(NAVIGATE_EVENT, onChange);
  };
}

const getPath = () => window.location.pathname;
const getSearch = () => window.location.search;

export function navigate(url: string, options: { replace?: boolean } = {}): void {
  if (options.replace) window.history.replaceState(null, '', url);
  else window.history.pushState(null, '', url);
  window.dispatchEvent(new Event(NAVIGATE_EVENT));
}

export function usePathname(): string {
  return useSyncExternalStore(subscribe, getPath);
}

export function useSearch(): string {
  return useSyncExternalStore(subscribe, getSearch);
}

function readStoredLang(): string | null {
  try {
    return window.localStorage.getItem(LANG_STORAGE_KEY);
  } catch {
    return null; // storage may be disabled (private mode, policy)
  }
}

function storeLang(lang: string): void {
  try {
    window.localStorage.setItem(LANG_STORAGE_KEY, lang);
  } catch {
    // Not remembering the language is harmless: the URL still carries it.
  }
}

/** The filters and language from the URL, and a setter that writes them back. */
export function useViewState(): [ViewState, (patch: Partial<ViewState>) => void] {
  const search = useSearch();
  const state = useMemo(() => parseViewState(search, readStoredLang()), [search]);

  const update = useCallback((patch: Partial<ViewState>) => {
    const current = parseViewState(window.location.search, readStoredLang());
    const next = { ...current, ...patch };
    if (patch.lang) storeLang(patch.lang);
    navigate(window.location.pathname + serializeViewState(next, window.location.search) + window.location.hash);
  }, []);

  return [state, update];
}
