/**
 * The dashboard's pages. Each page is its own lazily loaded chunk, so the
 * first paint carries only the shell and the page being opened. Pages that
 * are planned but not built yet have no `load` and stay out of the nav.
 */
import { lazy, type ComponentType, type LazyExoticComponent } from 'react';
import { LOGIN_PATH } from './authNav';
import type { MessageKey } from './i18n';
import { reportKinds } from './roles';
import type { ViewState } from './url';

export interface PageProps {
  view: ViewState;
}

export interface PageRoute {
  id: string;
  /** Path below the app's base URL, without a leading slash ('' is the home page). */
  path: string;
  /** The page's name in the nav and the document title. */
  navKey: MessageKey;
  component?: LazyExoticComponent<ComponentType<PageProps>>;
  /** False for pages reached only by links (the sign-in page). */
  inNav?: boolean;
  /** False for pages the period and district filters do not apply to. */
  filters?: boolean;
  /** Whether the nav offers the page to an account of `role` (null: the public); default: to everyone. */
  navFor?: (role: string | null) => boolean;
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
  {
    id: 'report',
    path: 'report',
    navKey: 'nav.report',
    component: lazy(() => import('../pages/report/ReportPage')),
    filters: false,
    navFor: (role) => reportKinds(role).length > 0,
  },
  {
    id: 'login',
    path: LOGIN_PATH,
    navKey: 'auth.signIn',
    component: lazy(() => import('../pages/login/LoginPage')),
    inNav: false,
    filters: false,
  },
];

export const HOME_ROUTE = ROUTES[0]!;

/** The built pages the nav offers to an account of `role` (null: the public). */
export function navRoutes(role: string | null): PageRoute[] {
  return ROUTES.filter((r) => r.component && r.inNav !== false && (r.navFor?.(role) ?? true));
}

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
