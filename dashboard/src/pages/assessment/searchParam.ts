/**
 * One query-string parameter of the page's own (e.g. `?rubric=2021版`), kept
 * beside the global filters so a view stays a shareable link. The filters'
 * writer (url.ts) leaves parameters it does not know untouched.
 */
import { useCallback, useMemo } from 'react';
import { navigate, useSearch } from '../../app/location';

/** The parameter's value (null when absent) and a setter; setting null removes it. */
export function useSearchParam(name: string): [string | null, (value: string | null) => void] {
  const search = useSearch();
  const value = useMemo(() => new URLSearchParams(search).get(name), [search, name]);
  const set = useCallback(
    (next: string | null) => {
      navigate(withSearchParam(window.location.pathname, window.location.search, name, next) + window.location.hash, {
        replace: true,
      });
    },
    [name],
  );
  return [value, set];
}

/** `path` with `search` where `name` is set to `value` (or removed for null). */
export function withSearchParam(path: string, search: string, name: string, value: string | null): string {
  const params = new URLSearchParams(search);
  if (value === null || value === '') params.delete(name);
  else params.set(name, value);
  const text = params.toString();
  return text ? `${path}?${text}` : path;
}
