import type { ReactNode } from 'react';
import { loginHref } from './authNav';
import { useI18n } from './I18nContext';
import { navigate } from './location';

/** A link to the sign-in page that returns here afterwards. */
export function SignInLink({ className, children }: { className?: string; children?: ReactNode }) {
  const { lang, t } = useI18n();
  const here = () => window.location.pathname + window.location.search;
  return (
    <a
      className={className}
      href={loginHref(here(), lang)}
      onClick={(event) => {
        if (event.button !== 0 || event.metaKey || event.ctrlKey || event.shiftKey || event.altKey) return;
        event.preventDefault();
        navigate(loginHref(here(), lang));
      }}
    >
      {children ?? t('auth.signIn')}
    </a>
  );
}
