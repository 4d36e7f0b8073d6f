import type { MouseEvent } from 'react';
import { useDemoDataFlag } from './client';
import { useI18n } from './I18nContext';
import type { Lang } from './i18n';
import { navigate } from './location';
import { NAV_ROUTES, routeHref, type PageRoute } from './routes';

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

  function onNavClick(event: MouseEvent<HTMLAnchorElement>, href: string) {
    if (event.button !== 0 || event.metaKey || event.ctrlKey || event.shiftKey || event.altKey) return;
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
          {NAV_ROUTES.map((route) => {
            const href = routeHref(route);
            const active = current?.id === route.id;
            return (
              <li key={route.id}>
                <a
                  href={href}
                  aria-current={active ? 'page' : undefined}
                  onClick={(e) => onNavClick(e, href)}
                >
                  {t(route.navKey)}
                </a>
              </li>
            );
          })}
        </ul>
      </nav>
    </header>
  );
}
