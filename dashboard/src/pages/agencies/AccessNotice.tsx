/**
 * What the agencies pages say instead of figures the hub would refuse:
 * single units' figures are for the readers of every record; an agency
 * reporter sees its own agency's page; the public is asked to sign in.
 */
import { useI18n } from '../../app/I18nContext';
import { navigate, useSearch } from '../../app/location';
import { localName, type NamedRef } from '../../app/session';
import { SignInLink } from '../../app/SignInLink';
import { agencyPath } from './links';

/** The public: sign in. Other roles: these pages are not theirs. */
export function RestrictedNotice({ signedIn }: { signedIn: boolean }) {
  const { t } = useI18n();
  return (
    <div className="restricted-panel agencies-restricted" role="note">
      <p className="restricted-title">{t(signedIn ? 'agencies.restricted' : 'agencies.signInPrompt')}</p>
      {signedIn ? null : <SignInLink className="button" />}
    </div>
  );
}

/** An agency reporter: its own agency only, with the way there. */
export function OwnAgencyNotice({ agency, asked }: { agency: NamedRef; asked?: boolean }) {
  const { lang, t } = useI18n();
  const search = useSearch();
  const href = agencyPath(agency.id, search);
  const name = localName(agency, lang);
  return (
    <div className="restricted-panel agencies-restricted" role="note">
      <p className="restricted-title">{t(asked ? 'agencies.ownOnlyOther' : 'agencies.ownOnly', { unit: name })}</p>
      <a
        className="button"
        href={href}
        onClick={(event) => {
          if (event.button !== 0 || event.metaKey || event.ctrlKey || event.shiftKey || event.altKey) return;
          event.preventDefault();
          navigate(href);
        }}
      >
        {t('agencies.openOwn', { unit: name })}
      </a>
    </div>
  );
}
