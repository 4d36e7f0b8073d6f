/**
 * Rectification items beside the overlap view and the scorecard ("When an
 * item is verified, the scorecard and the overlap view show it"): one
 * `rectificationItems` query per page (docs/inspections.md, "Before and
 * after"), grouped here by domain or by unit, each item with its status —
 * a verified one ✓ with its day — and for the roles that open items, the
 * link that opens one from the gap or the rectification-list entry.
 */
import { useMemo } from 'react';
import { useI18n } from '../../app/I18nContext';
import type { MessageKey } from '../../app/i18n';
import { localName, useSession } from '../../app/session';
import { useRetryableQuery } from '../../app/useRetryableQuery';
import { createGapHref, createScorecardHref, itemHref, itemNumber, mayCreateItems, mayReadItems, type RectificationFilter } from './boardData';
import { AppLink, ItemMarks } from './ItemBadges';
import { groupBy, yearsOf } from './beside';
import { ItemsBesideQuery, type BoardItem } from './rectification.queries';

function useItems(filter: RectificationFilter | null) {
  const { session } = useSession();
  const role = session.status === 'signedIn' ? session.user.role : null;
  const [result] = useRetryableQuery(ItemsBesideQuery, { filter: filter ?? {} }, { pause: !filter || !mayReadItems(role) });
  return { items: result.data?.rectificationItems.nodes, role, error: result.error };
}

function ItemList({ items, label }: { items: readonly BoardItem[]; label: string }) {
  const { lang, t } = useI18n();
  if (items.length === 0) return null;
  return (
    // Divs with list roles, not ul/li: the lists they sit in (the notice's units) count their own li.
    <div className="rect-beside" role="list" aria-label={label}>
      {items.map((i) => (
        <div key={i.id} role="listitem" data-item={i.id}>
          <AppLink href={itemHref(i.id, lang)}>
            #{itemNumber(i.id)} {localName(i.agency, lang)}
            {i.gapKind ? ` · ${t(`overlaps.kind.${i.gapKind}` as MessageKey)}` : ''}
          </AppLink>
          <ItemMarks item={i} />
        </div>
      ))}
    </div>
  );
}

/**
 * The overlaps page: items opened from the gaps of the period's years (and
 * domain), keyed "domain|kind" so each flag row shows its own items.
 */
export function useGapItems(from: string, to: string, domainId: string | null) {
  const filter = useMemo<RectificationFilter | null>(() => {
    const years = yearsOf(from, to);
    return years.length ? { sourceKinds: ['OVERLAP_GAP'], years, ...(domainId ? { domainIds: [domainId] } : {}) } : null;
  }, [from, to, domainId]);
  const { items, role } = useItems(filter);
  const byFlag = useMemo(() => groupBy(items ?? [], (i) => `${i.domain?.id ?? ''}|${i.gapKind ?? ''}`), [items]);
  return { byFlag, canCreate: mayCreateItems(role) };
}

export function GapItems({ items, domainName }: { items: readonly BoardItem[] | undefined; domainName: string }) {
  const { t } = useI18n();
  return items?.length ? <ItemList items={items} label={t('rectification.beside.itemsOf', { name: domainName })} /> : null;
}

export function OpenGapItemLink({ domainId, domainName, year, kind, agencyId }: { domainId: string; domainName: string; year: number; kind: string; agencyId: string | null }) {
  const { lang, t } = useI18n();
  return (
    <AppLink href={createGapHref(domainId, year, kind, agencyId, lang)} className="rect-open-link" label={t('rectification.beside.openItemFor', { domain: domainName, kind: t(`overlaps.kind.${kind}` as MessageKey) })}>
      {t('rectification.beside.openItem')}
    </AppLink>
  );
}

/** The assessment page: each unit on the rectification list with its items and the link to open one. */
export function useScorecardItems(year: number, rubricVersion: string | null) {
  const filter = useMemo<RectificationFilter | null>(() => (rubricVersion ? { sourceKinds: ['SCORECARD'], years: [year], rubricVersion } : null), [year, rubricVersion]);
  const { items, role } = useItems(filter);
  const byAgency = useMemo(() => groupBy(items ?? [], (i) => i.agency.id), [items]);
  return { byAgency, canCreate: mayCreateItems(role) };
}

export function ScorecardUnitItems({ agencyId, label, year, rubricVersion, beside }: { agencyId: string; label: string; year: number; rubricVersion: string; beside: ReturnType<typeof useScorecardItems> }) {
  const { lang, t } = useI18n();
  const items = beside.byAgency.get(agencyId) ?? [];
  return (
    <div className="rect-beside-unit">
      <ItemList items={items} label={t('rectification.beside.itemsOf', { name: label })} />
      {/* One open item per unit and source: while one is unverified, the link would only meet a CONFLICT. */}
      {beside.canCreate && items.every((i) => i.status === 'VERIFIED') ? (
        <AppLink href={createScorecardHref(agencyId, year, rubricVersion, lang)} className="rect-open-link" label={t('rectification.beside.openItemUnit', { agency: label })}>
          {t('rectification.beside.openItem')}
        </AppLink>
      ) : null}
    </div>
  );
}
