/**
 * The frame of the inspections and notice pages: heading, what the filters
 * cover, and — before anything is asked of the hub — the session check: the
 * public is asked to sign in, a role that may not read gets a restricted
 * card saying who may, instead of an error.
 */
import type { ReactNode } from 'react';
import { useI18n } from '../../app/I18nContext';
import type { MessageKey } from '../../app/i18n';
import { useSession } from '../../app/session';
import type { ViewState } from '../../app/url';
import { ViewSummary } from '../../app/ViewSummary';
import { RestrictedCard } from '../training/Restricted';

export function PageShell({
  heading,
  view,
  allowed,
  signInKey,
  forbiddenKey,
  className,
  children,
}: {
  heading: string;
  /** Shows the filters' summary; none for pages the filters do not apply to. */
  view: ViewState | null;
  allowed: (role: string) => boolean;
  signInKey: MessageKey;
  forbiddenKey: MessageKey;
  className?: string;
  children: (user: { role: string; username: string }) => ReactNode;
}) {
  const { t } = useI18n();
  const { session } = useSession();
  let body: ReactNode;
  if (session.status === 'loading') {
    body = (
      <p className="page-loading" role="status">
        {t('state.loading')}
      </p>
    );
  } else if (session.status === 'anonymous') {
    body = <RestrictedCard title={heading} message={t(signInKey)} signIn />;
  } else if (!allowed(session.user.role)) {
    body = <RestrictedCard title={heading} message={t(forbiddenKey)} />;
  } else {
    body = children({ role: session.user.role, username: session.user.username });
  }
  return (
    <div className={['page', 'inspections-page', className].filter(Boolean).join(' ')}>
      <div className="page-heading">
        <h1>{heading}</h1>
        {view ? <ViewSummary view={view} /> : null}
      </div>
      {body}
    </div>
  );
}
