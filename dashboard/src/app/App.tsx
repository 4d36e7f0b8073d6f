/** The application shell: header, global filters, the current page, footer. */
import { Suspense, useEffect, useMemo } from 'react';
import { useQuery } from 'urql';
import { ErrorBoundary } from './ErrorBoundary';
import { agencyChoice, usableView } from './filterAccess';
import { FilterBar } from './FilterBar';
import { Header } from './Header';
import { LangContext } from './I18nContext';
import { translate, translator } from './i18n';
import { navigate, usePathname, useViewState } from './location';
import { HOME_ROUTE, matchRoute, routeHref } from './routes';
import { useSession } from './session';
import { HubInfoQuery } from './shell.queries';

export function App() {
  const [view, setView] = useViewState();
  const pathname = usePathname();
  const route = matchRoute(pathname);
  const [hub] = useQuery({ query: HubInfoQuery });
  // The pages get the URL's filters less an agency the account may not narrow to (null: not known yet).
  const { session } = useSession();
  const pageView = useMemo(() => usableView(view, agencyChoice(session)), [view, session]);
  const { lang } = view;
  const t = translator(lang);

  useEffect(() => {
    document.documentElement.lang = lang;
    const page = route ? translate(lang, route.navKey) : translate(lang, 'app.notFound');
    document.title = `${page} · ${translate(lang, 'app.title')}`;
  }, [lang, route]);

  const hubInfo = hub.data?.hubInfo;
  const Page = route?.component;
  const home = HOME_ROUTE;

  return (
    <LangContext.Provider value={lang}>
      <a className="skip-link" href="#main">
        {t('app.skip')}
      </a>
      <Header current={route} demoData={hubInfo?.demoData === true} onLangChange={(next) => setView({ lang: next })} />
      {route?.filters === false ? null : <FilterBar view={view} onChange={setView} />}
      <main id="main" className="main" tabIndex={-1}>
        <ErrorBoundary
          resetKey={pathname}
          fallback={(error, reset) => (
            <div className="state-panel state-error page-error" role="alert">
              <p className="state-title">{t('state.error')}</p>
              <p className="state-message">{error.message}</p>
              <button type="button" className="button" onClick={reset}>
                {t('state.retry')}
              </button>
            </div>
          )}
        >
          <Suspense
            fallback={
              <p className="page-loading" role="status">
                {t('app.pageLoading')}
              </p>
            }
          >
            {Page && !pageView ? (
              <p className="page-loading" role="status">
                {t('app.pageLoading')}
              </p>
            ) : Page && pageView ? (
              <Page view={pageView} />
            ) : (
              <div className="state-panel page-error">
                <p className="state-title">{t('app.notFound')}</p>
                <a
                  href={routeHref(home)}
                  onClick={(e) => {
                    e.preventDefault();
                    navigate(routeHref(home) + window.location.search);
                  }}
                >
                  {t('app.backHome')}
                </a>
              </div>
            )}
          </Suspense>
        </ErrorBoundary>
      </main>
      <footer className="site-footer">
        <p>
          {t('app.footer')}
          {hubInfo ? (
            <>
              {' · '}
              {t('app.footerVersion', { version: hubInfo.version })}
              {' · '}
              {t('app.footerDatabase', { database: hubInfo.database })}
            </>
          ) : null}
        </p>
      </footer>
    </LangContext.Provider>
  );
}
