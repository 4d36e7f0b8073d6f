/**
 * The dashboard's pages. Each page is its own lazily loaded chunk, so the
 * first paint carries only the shell and the page being opened. Pages that
 * are planned but not built yet have no `load` and stay out of the nav.
 */
import { lazy, type ComponentType, type LazyExoticComponent } from 'react';
import { LOGIN_PATH } from './authNav';
import type { MessageKey } from './i18n';
import { mayReadInspections } from '../pages/inspections/inspectionData';
import { mayReadOrders } from '../pages/orders/access';
import { mayReadOverlaps } from '../pages/overlaps/access';
import { mayReadItems } from '../pages/rectification/boardData';
import { canReadScorecards, canSeeUnitRanking, reportKinds } from './roles';
import type { ViewState } from './url';

export interface PageProps {
  view: ViewState;
}

export interface PageRoute {
  id: string;
  /**
   * Path below the app's base URL, without a leading slash ('' is the home
   * page); a segment ":name" is a parameter (see matchPath, routeParams).
   */
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

/** Unit-level pages: for the readers of every record, and an agency reporter for its own agency. */
function readsAgencies(role: string | null): boolean {
  return canSeeUnitRanking(role) || role === 'AGENCY_REPORTER';
}

export const ROUTES: readonly PageRoute[] = [
  {
    id: 'overview',
    path: '',
    navKey: 'nav.overview',
    component: lazy(() => import('../pages/overview/OverviewPage')),
  },
  {
    id: 'agencies',
    path: 'agencies',
    navKey: 'nav.agencies',
    component: lazy(() => import('../pages/agencies/AgenciesPage')),
    navFor: readsAgencies,
  },
  {
    // One agency's page: the same id, so the nav marks 单位 as the section it is in.
    id: 'agencies',
    path: 'agencies/:id',
    navKey: 'nav.agencies',
    component: lazy(() => import('../pages/agencies/AgencyPage')),
    inNav: false,
    navFor: readsAgencies,
  },
  {
    id: 'overlaps',
    path: 'overlaps',
    navKey: 'nav.overlaps',
    component: lazy(() => import('../pages/overlaps/OverlapsPage')),
    navFor: mayReadOverlaps,
  },
  { id: 'media', path: 'media', navKey: 'nav.media', component: lazy(() => import('../pages/media/MediaPage')) },
  { id: 'training', path: 'training', navKey: 'nav.training', component: lazy(() => import('../pages/training/TrainingPage')) },
  {
    id: 'surveys',
    path: 'surveys',
    navKey: 'nav.surveys',
    component: lazy(() => import('../pages/surveys/SurveysPage')),
  },
  {
    id: 'assessment',
    path: 'assessment',
    navKey: 'nav.assessment',
    component: lazy(() => import('../pages/assessment/AssessmentPage')),
    navFor: canReadScorecards,
  },
  // Inspections (docs/inspections.md): the readers of every record, and an agency reporter for its own agency's.
  {
    id: 'inspections',
    path: 'inspections',
    navKey: 'inspections.nav',
    component: lazy(() => import('../pages/inspections/InspectionsPage')),
    navFor: mayReadInspections,
  },
  {
    id: 'inspections',
    path: 'inspections/:id',
    navKey: 'inspections.nav',
    component: lazy(() => import('../pages/inspections/InspectionPage')),
    inNav: false,
    filters: false,
    navFor: mayReadInspections,
  },
  // Rectification (docs/inspections.md): the board, one item (?item=) and the form (?create=); its own filters.
  {
    id: 'rectification',
    path: 'rectification',
    navKey: 'rectification.nav',
    component: lazy(() => import('../pages/rectification/RectificationPage')),
    filters: false,
    navFor: mayReadItems,
  },
  {
    id: 'rectification',
    path: 'rectification/:id',
    navKey: 'rectification.nav',
    component: lazy(() => import('../pages/rectification/RectificationPage')),
    inNav: false,
    filters: false,
    navFor: mayReadItems,
  },
  {
    id: 'notice',
    path: 'notice',
    navKey: 'inspections.notice.nav',
    component: lazy(() => import('../pages/inspections/NoticePage')),
    filters: false,
    navFor: canReadScorecards,
  },
  // The public portal (docs/portal.md): the same view for everyone, signed in or not; its own year select.
  { id: 'portal', path: 'portal', navKey: 'portal.nav', component: lazy(() => import('../pages/portal/PortalPage')), filters: false },
  {
    id: 'portal',
    path: 'portal/:id',
    navKey: 'portal.nav',
    component: lazy(() => import('../pages/portal/AgencyPortalPage')),
    inNav: false,
    filters: false,
  },
  { id: 'cases', path: 'cases', navKey: 'portal.casesNav', component: lazy(() => import('../pages/portal/CasesPage')), filters: false },
  {
    id: 'cases',
    path: 'cases/:id',
    navKey: 'portal.casesNav',
    component: lazy(() => import('../pages/portal/CasePage')),
    inNav: false,
    filters: false,
  },
  { id: 'feedback', path: 'feedback', navKey: 'portal.feedbackNav', component: lazy(() => import('../pages/portal/FeedbackPage')), filters: false },
  // Orders (菜单/订单, docs/portal.md): the public form for everyone; the figures and answers for the readers of orders.
  { id: 'order', path: 'order', navKey: 'orders.nav.order', component: lazy(() => import('../pages/orders/OrderPage')), filters: false },
  { id: 'orders', path: 'orders', navKey: 'orders.nav.orders', component: lazy(() => import('../pages/orders/OrdersPage')), filters: false, navFor: mayReadOrders },
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

/** The location path below the app's base URL, without slashes at either end ('' is the home page). */
function pagePath(pathname: string): string {
  const rest = pathname.startsWith(BASE) ? pathname.slice(BASE.length) : pathname.replace(/^\//, '');
  return rest.replace(/\/+$/, '').replace(/^index\.html$/, '');
}

/**
 * The parameters of `pattern` in `path`: a segment ":name" of the pattern
 * matches any one non-empty segment ("agencies/:id" and "agencies/12" give
 * { id: "12" }); every other segment must be equal. Null when they do not match.
 */
export function matchPath(pattern: string, path: string): Record<string, string> | null {
  const want = pattern.split('/');
  const got = path.split('/');
  if (want.length !== got.length) return null;
  const params: Record<string, string> = {};
  for (let i = 0; i < want.length; i++) {
    const w = want[i]!;
    const g = got[i]!;
    if (!w.startsWith(':')) {
      if (w !== g) return null;
      continue;
    }
    if (!g) return null;
    try {
      params[w.slice(1)] = decodeURIComponent(g);
    } catch {
      return null; // a malformed escape ("%E4%B") names no page
    }
  }
  return params;
}

/** The built page for a location path, or undefined (not found / not built yet). */
export function matchRoute(pathname: string): PageRoute | undefined {
  const path = pagePath(pathname);
  return ROUTES.find((r) => r.component && matchPath(r.path, path));
}

/** The parameters of a route's `pattern` in a location path: ('agencies/:id', '/agencies/12') → { id: '12' }; null: no match. */
export function routeParams(pattern: string, pathname: string): Record<string, string> | null {
  return matchPath(pattern, pagePath(pathname));
}
