/**
 * 整改 Rectification: the board of items by status (overdue first in each
 * column), one item with its workflow (?item=…), and the form that opens an
 * item from its source (?create=…). The URL says which, so every view can be
 * shared as a link; the global filter bar is off here and the board carries
 * its own filters (agency and domain under the global keys).
 */
import { Card } from '../../app/Card';
import { useI18n } from '../../app/I18nContext';
import { navigate, usePathname, useSearch } from '../../app/location';
import { routeParams, type PageProps } from '../../app/routes';
import { localName, useSession } from '../../app/session';
import { RestrictedCard } from '../training/Restricted';
import { Board } from './Board';
import { boardOnlySearch, boardSearch, itemIdOf, mayReadItems, parseBoardChoices } from './boardData';
import { CreateItemForm } from './CreateItemForm';
import { ItemPage } from './ItemPage';
import { parseCreateSource } from './itemForm';
import '../training/pages.css';
import './rectification.css';

export default function RectificationPage(_props: PageProps) {
  const { lang, t } = useI18n();
  const { session } = useSession();
  const search = useSearch();
  const params = new URLSearchParams(search);
  const pathname = usePathname();
  const itemId = itemIdOf(params.get('item')) ?? itemIdOf(routeParams('rectification/:id', pathname)?.id);
  const creating = params.has('create');
  const title = t('rectification.board.title');
  const backHref = `${import.meta.env.BASE_URL}rectification${boardOnlySearch(search)}`;

  let body;
  if (session.status === 'loading') body = <Card title={title} state="loading" bodyHeight={360} />;
  else if (session.status === 'anonymous') body = <RestrictedCard title={title} message={t('rectification.signIn')} signIn />;
  else if (!mayReadItems(session.user.role)) body = <RestrictedCard title={title} message={t('rectification.forbidden')} />;
  else if (itemId) body = <ItemPage itemId={itemId} user={session.user} backHref={backHref} />;
  else if (creating) body = <CreateItemForm parsed={parseCreateSource(search)} user={session.user} backHref={backHref} />;
  else body = <Board choices={parseBoardChoices(search)} user={session.user} onChange={(patch) => navigate(`${window.location.pathname}${boardSearch(search, patch)}`, { replace: true })} />;

  const own = session.status === 'signedIn' && session.user.role === 'AGENCY_REPORTER' && session.user.agency ? localName(session.user.agency, lang) : null;
  return (
    <div className="page rect-page">
      <div className="page-heading">
        <h1>{t('rectification.heading')}</h1>
      </div>
      {own ? (
        <ul className="page-notes" role="note">
          <li>{t('rectification.ownOnly', { agency: own })}</li>
        </ul>
      ) : null}
      {body}
    </div>
  );
}
