/** 登录 Sign in: username and password; afterwards back to where the person came from. */
import { useId, useState, type FormEvent } from 'react';
import { useMutation, useQuery, type CombinedError } from 'urql';
import { afterSignInHref } from '../../app/authNav';
import { describeSignInError } from '../../app/errors';
import { useI18n } from '../../app/I18nContext';
import { navigate, useSearch } from '../../app/location';
import { roleLabel } from '../../app/roles';
import type { PageProps } from '../../app/routes';
import { SignInMutation, useSession } from '../../app/session';
import { HubInfoQuery } from '../../app/shell.queries';

export default function LoginPage(_props: PageProps) {
  const { lang, t } = useI18n();
  const { session, resetSession } = useSession();
  const search = useSearch();
  const next = new URLSearchParams(search).get('next');
  // Same document as the shell's, answered from the cache.
  const [hub] = useQuery({ query: HubInfoQuery });
  const [signInState, signIn] = useMutation(SignInMutation);
  const [username, setUsername] = useState('');
  const [password, setPassword] = useState('');
  const [missing, setMissing] = useState(false);
  // Kept as the error itself, so switching the language re-words it.
  const [error, setError] = useState<CombinedError | null>(null);
  const ids = { heading: useId(), username: useId(), password: useId(), error: useId() };

  async function onSubmit(event: FormEvent) {
    event.preventDefault();
    if (signInState.fetching) return;
    const name = username.trim();
    if (!name || !password) {
      setError(null);
      setMissing(true);
      return;
    }
    setMissing(false);
    setError(null);
    const result = await signIn({ username: name, password });
    if (result.error || !result.data) {
      setError(result.error ?? null);
      setPassword('');
      return;
    }
    // A fresh cache for the account, then back where the person came from; the sign-in page
    // leaves the history, so Back goes to the page before it.
    resetSession();
    navigate(afterSignInHref(next, lang), { replace: true });
  }

  if (session.status === 'signedIn') {
    const { user } = session;
    return (
      <div className="page auth-page">
        <section className="auth-card" aria-labelledby={ids.heading}>
          <h1 id={ids.heading}>{t('auth.signIn')}</h1>
          <p>{t('auth.already', { name: user.displayName, role: roleLabel(user.role, lang) })}</p>
          <a
            className="button auth-submit"
            href={afterSignInHref(next, lang)}
            onClick={(event) => {
              event.preventDefault();
              navigate(afterSignInHref(next, lang), { replace: true });
            }}
          >
            {t('auth.continue')}
          </a>
        </section>
      </div>
    );
  }

  const shown = error ? describeSignInError(error, lang) : null;
  const problem = missing || shown !== null;
  return (
    <div className="page auth-page">
      <section className="auth-card" aria-labelledby={ids.heading}>
        <h1 id={ids.heading}>{t('auth.signIn')}</h1>
        <p className="auth-intro">{t('auth.intro')}</p>
        <form className="auth-form" onSubmit={(e) => void onSubmit(e)} noValidate>
          <div className="field">
            <label htmlFor={ids.username}>{t('auth.username')}</label>
            <input
              id={ids.username}
              name="username"
              type="text"
              autoComplete="username"
              autoCapitalize="none"
              spellCheck={false}
              autoFocus
              required
              value={username}
              aria-invalid={problem || undefined}
              aria-describedby={problem ? ids.error : undefined}
              onChange={(e) => setUsername(e.target.value)}
            />
          </div>
          <div className="field">
            <label htmlFor={ids.password}>{t('auth.password')}</label>
            <input
              id={ids.password}
              name="password"
              type="password"
              autoComplete="current-password"
              required
              value={password}
              aria-invalid={problem || undefined}
              aria-describedby={problem ? ids.error : undefined}
              onChange={(e) => setPassword(e.target.value)}
            />
          </div>
          {problem ? (
            <div id={ids.error} className="auth-error" role="alert">
              {shown ? (
                <>
                  <p className="auth-error-title">{t('auth.failedTitle')}</p>
                  <p>{shown.message}</p>
                  {shown.detail ? (
                    <p className="state-detail" lang="en">
                      {shown.detail}
                    </p>
                  ) : null}
                </>
              ) : (
                <p>{t('auth.required')}</p>
              )}
            </div>
          ) : null}
          <button type="submit" className="button auth-submit" disabled={signInState.fetching}>
            {signInState.fetching ? t('auth.signingIn') : t('auth.signIn')}
          </button>
        </form>
        {hub.data?.hubInfo.demoData ? <p className="auth-hint">{t('auth.demoHint')}</p> : null}
      </section>
    </div>
  );
}
