/**
 * The dashboard's pages. Each page is its own lazily loaded chunk, so the
 * first paint carries only the shell and the page being opened. Pages that
 * are planned but not built yet have no `load` and stay out of the nav.
 */
import { lazy, type ComponentType, type LazyExoticComponent } from 'react';
import type { MessageKey } from './i18n';
import type { ViewState } from './url';

export interface PageProps {
  view: ViewState;
}

export interface PageRoute {
  id: string;
  /** Path below the app's base URL, without a leading slash ('' is the home page). */
  path: string;
  navKey: MessageKey;
  component?: LazyExoticComponent<ComponentType<PageProps>>;
}

export const ROUTES: readonly PageRoute[] = [
  {
    id: 'overview',
    path: '',
    navKey: 'nav.overview',
    component: lazy(() => import('../pages/overview/OverviewPage')),
  },
  { id: 'agencies', path: 'agencies', navKey: 'nav.agencies' },
  { id: 'overlaps', path: 'overlaps', navKey: 'nav.overlaps' },
  { id: 'media', path: 'media', navKey: 'nav.media' },
  { id: 'training', path: 'training', navKey: 'nav.training' },
  { id: 'surveys', path: 'surveys', navKey: 'nav.surveys' },
  { id: 'assessment', path: 'assessment', navKey: 'nav.assessment' },
];

export const NAV_ROUTES = ROUTES.filter((r) => r.component);

const BASE = import.meta.env.BASE_URL; // always ends with "/"

export function routeHref(route: PageRoute): string {
  return BASE + route.path;
}

/** The built page for a location path, or undefined (not found / not built yet). */
export function matchRoute(pathname: string): PageRoute | undefined {
  const rest = pathname.startsWith(BASE) ? pathname.slice(BASE.length) : pathname.replace(/^\//, '');
  const path = rest.replace(/\/+$/, '').replace(/^index\.html$/, '');
  return ROUTES.find((r) => r.component && r.path === path);
}
