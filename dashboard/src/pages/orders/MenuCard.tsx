/**
 * An agency's menu (菜单, `menu(agencyId, year)`): its published
 * responsibility items, which audiences may order. This year's when it is
 * published, else last year's (a list is announced early in the year).
 * Picking an item fills the order's law and domain.
 */
import { useMemo } from 'react';
import { Card } from '../../app/Card';
import { cardState } from '../../app/cardState';
import { formatDateRange } from '../../app/format';
import { useI18n } from '../../app/I18nContext';
import type { MessageKey } from '../../app/i18n';
import { localName } from '../../app/session';
import { useRetryableQuery } from '../../app/useRetryableQuery';
import { AgencyMenuQuery, type MenuItem } from './orders.queries';

export function MenuCard({ agencyId, picked, onPick }: { agencyId: string; picked: string | null; onPick: (item: MenuItem) => void }) {
  const { lang, t } = useI18n();
  const year = new Date().getFullYear();
  const variables = useMemo(() => ({ agencyId, year, lastYear: year - 1 }), [agencyId, year]);
  const [result, retry] = useRetryableQuery(AgencyMenuQuery, variables);
  const data = result.data;
  const [items, shownYear] = data ? (data.menu.length > 0 ? [data.menu, year] : [data.lastMenu, year - 1]) : [[], year];
  const agency = data?.node && 'name' in data.node ? data.node : null;
  const state = cardState(result, () => false);
  const title = agency ? t('orders.menu.title', { agency: localName(agency, lang) }) : t('orders.menu.titleUnknown');

  return (
    <Card title={title} unit={data && items.length > 0 ? t('orders.menu.year', { year: shownYear }) : undefined} note={t('orders.menu.note')} state={state} error={result.error} onRetry={retry} bodyHeight={160} className="orders-menu">
      {data && !agency ? <p className="muted">{t('orders.menu.noAgency')}</p> : null}
      {data && agency && items.length === 0 ? <p className="muted">{t('orders.menu.empty', { year: year - 1 })}</p> : null}
      {items.length > 0 ? (
        <ul className="orders-menu-list">
          {items.map((item) => {
            const chosen = picked === item.id;
            return (
              <li key={item.id} className={chosen ? 'is-picked' : undefined}>
                <div className="orders-menu-text">
                  <strong>{item.title}</strong>
                  <span className="muted small">
                    {[
                      item.laws.map((l) => localName(l, lang)).join('、'),
                      item.domain ? localName(item.domain, lang) : '',
                      item.audiences.map((a) => t(`enum.audiences.${a}` as MessageKey)).join('、'),
                      formatDateRange(item.startsOn, item.endsOn, lang),
                    ]
                      .filter(Boolean)
                      .join(' · ')}
                  </span>
                </div>
                <button type="button" className="button button-quiet" aria-pressed={chosen} onClick={() => onPick(item)}>
                  {chosen ? t('orders.menu.picked') : t('orders.menu.pick')}
                </button>
              </li>
            );
          })}
        </ul>
      ) : null}
    </Card>
  );
}
