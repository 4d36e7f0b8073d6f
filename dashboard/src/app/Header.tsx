import { useState, type MouseEvent } from 'react';
import { useMutation } from 'urql';
import { loginHref } from './authNav';
import { useDemoDataFlag } from './client';
import { useI18n } from './I18nContext';
import type { Lang } from './i18n';
import { navigate } from './location';
import { navGroups } from './navGroups';
import { roleLabel } from './roles';
import { HOME_ROUTE, navRoutes, routeHref, type PageRoute } from './routes';
import { sessionRole, SignOutMutation, useSession } from './session';

interface HeaderProps {
  current: PageRoute | undefined;
  demoData: boolean;
  onLangChange: (lang: Lang) => void;
}

const LANGS: { lang: Lang; key: 'lang.zh' | 'lang.en'; htmlLang: string }[] = [
  { lang: 'zh-CN', key: 'lang.zh', htmlLang: 'zh-CN' },
  { lang: 'en', key: 'lang.en', htmlLang: 'en' },
];

export function Header({ current, demoData, onLangChange }: HeaderProps) {
  const { lang, t } = useI18n();
  const demoFromResponses = useDemoDataFlag();
  const showDemo = demoData || demoFromResponses;
  const otherName = lang === 'en' ? '普法数据中枢' : 'Pufa Hub';
  const { session } = useSession();
  const routes = navRoutes(sessionRole(session));

  function onNavClick(event: MouseEvent<HTMLAnchorElement>, href: string) {
    if (!isPlainClick(event)) return;
    event.preventDefault();
    // Filters and language travel with the reader from page to page.
    navigate(href + window.location.search);
  }

  return (
    <header className="site-header">
      <div className="site-header-inner">
        <div className="brand">
          <span className="brand-mark" aria-hidden="true">
            法
          </span>
          <div>
            <p className="brand-title">
              {t('app.title')} <span className="brand-alt" lang={lang === 'en' ? 'zh-CN' : 'en'}>{otherName}</span>
            </p>
            <p className="brand-subtitle">{t('app.subtitle')}</p>
          </div>
        </div>
        <div className="header-tools">
          {showDemo ? (
            <span className="demo-badge" title={t('demo.title')} role="note" aria-label={t('demo.title')}>
              {t('demo.badge')}
            </span>
          ) : null}
          <Account current={current} />
          <div className="lang-switch" role="group" aria-label={t('lang.label')}>
            {LANGS.map((option) => (
              <button
                key={option.lang}
                type="button"
                lang={option.htmlLang}
                aria-pressed={lang === option.lang}
                onClick={() => onLangChange(option.lang)}
              >
                {t(option.key)}
              </button>
            ))}
          </div>
        </div>
      </div>
      <nav className="site-nav" aria-label={t('nav.label')}>
        <ul>
          {navGroups(routes).map((group) => (
            <li key={group.key} className="nav-group">
              <span className="nav-group-label" id={`nav-${group.key.replace(/\./g, '-')}`}>
                {t(group.key)}
              </span>
              <ul aria-labelledby={`nav-${group.key.replace(/\./g, '-')}`}>
                {group.routes.map((route) => {
                  const href = routeHref(route);
                  return (
                    <li key={route.id}>
                      <a
                        href={href}
                        aria-current={current?.id === route.id ? 'page' : undefined}
                        onClick={(e) => onNavClick(e, href)}
                      >
                        {t(route.navKey)}
                      </a>
                    </li>
                  );
                })}
              </ul>
            </li>
          ))}
        </ul>
      </nav>
    </header>
  );
}

function isPlainClick(event: MouseEvent<HTMLElement>): boolean {
  return event.button === 0 && !event.metaKey && !event.ctrlKey && !event.shiftKey && !event.altKey;
}

/** Who is signed in and "Sign out"; for the public, "Sign in" (except on the sign-in page). */
function Account({ current }: { current: PageRoute | undefined }) {
  const { lang, t } = useI18n();
  const { session, resetSession } = useSession();
  const [signOutState, signOut] = useMutation(SignOutMutation);
  const [signOutFailed, setSignOutFailed] = useState(false);

  if (session.status === 'loading') return null;

  if (session.status === 'signedIn') {
    const { user } = session;
    const onSignOut = async () => {
      setSignOutFailed(false);
      const result = await signOut({});
      if (result.error || !result.data?.signOut) {
        setSignOutFailed(true);
        return;
      }
      resetSession();
      // A page only accounts may use (reporting) has nothing for the public: go home.
      if (current?.navFor && !current.navFor(null)) navigate(routeHref(HOME_ROUTE) + window.location.search);
    };
    return (
      <div className="account" role="group" aria-label={t('auth.account')}>
        <span className="account-name">{user.displayName}</span>
        <span className="role-badge">{roleLabel(user.role, lang)}</span>
        <button type="button" className="header-button" disabled={signOutState.fetching} onClick={() => void onSignOut()}>
          {signOutState.fetching ? t('auth.signingOut') : t('auth.signOut')}
        </button>
        {signOutFailed ? (
          <span className="header-error" role="alert">
            {t('auth.signOutFailed')}
          </span>
        ) : null}
      </div>
    );
  }

  if (current?.id === 'login') return null;
  const href = loginHref(window.location.pathname + window.location.search, lang);
  const ended = session.error?.graphQLErrors.some((e) => e.extensions?.code === 'UNAUTHENTICATED') ?? false;
  return (
    <div className="account">
      {ended ? <span className="account-note">{t('auth.sessionEnded')}</span> : null}
      <a
        className="header-button"
        href={href}
        onClick={(event) => {
          if (!isPlainClick(event)) return;
          event.preventDefault();
          navigate(loginHref(window.location.pathname + window.location.search, lang));
        }}
      >
        {t('auth.signIn')}
      </a>
    </div>
  );
}
