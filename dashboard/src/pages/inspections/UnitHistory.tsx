/**
 * One unit's inspections in time order, every year: what was found each
 * time and how far the rectification items started from each finding got
 * (links to the rectification board). The unit is the global agency filter.
 */
import { useMemo } from 'react';
import { useQuery } from 'urql';
import { Card } from '../../app/Card';
import { formatDate } from '../../app/format';
import { useI18n } from '../../app/I18nContext';
import { localName } from '../../app/session';
import { AgenciesQuery } from '../../app/shell.queries';
import { groupByFinding, inspectionPath, rectificationItemHref, unitHistory } from './inspectionData';
import { InspectionHistoryQuery, UnitItemsQuery, type InspectionHistoryItem, type UnitItem } from './inspections.queries';
import { usePagedList } from '../../app/usePagedList';

/** Within the hub's query cost limit (20,000): about 800 per inspection, 90 per item. */
const HISTORY_PAGE_SIZE = 20;
const ITEMS_PAGE_SIZE = 200;

export function UnitHistory({ agencyId }: { agencyId: string | null }) {
  const { lang, t } = useI18n();
  const filter = useMemo(() => ({ agencyIds: agencyId ? [agencyId] : [] }), [agencyId]);
  const itemFilter = useMemo(() => ({ agencyIds: agencyId ? [agencyId] : [], sourceKinds: ['FINDING' as const] }), [agencyId]);
  const [inspections, updatingInspections, retryInspections] = usePagedList(InspectionHistoryQuery, (d) => d.inspections, HISTORY_PAGE_SIZE, filter, {
    pause: !agencyId,
  });
  const [items, updatingItems, retryItems] = usePagedList(UnitItemsQuery, (d) => d.rectificationItems, ITEMS_PAGE_SIZE, itemFilter, {
    pause: !agencyId,
  });
  const list = inspections.status !== 'ready' ? inspections : items.status !== 'ready' ? items : inspections;
  const updating = updatingInspections || updatingItems;
  const retry = () => {
    retryInspections();
    retryItems();
  };
  const itemsByFinding = useMemo(() => (items.status === 'ready' ? groupByFinding(items.nodes) : new Map<string, UnitItem[]>()), [items]);
  // The name from the filter bar's own query (answered from its cache); the inspections' own names otherwise.
  const [agencies] = useQuery({ query: AgenciesQuery, pause: !agencyId });
  const history = useMemo(
    () => (agencyId && inspections.status === 'ready' ? unitHistory(inspections.nodes, agencyId) : []),
    [agencyId, inspections],
  );
  const known = agencies.data?.agencies.nodes.find((a) => a.id === agencyId) ?? history[0]?.agencies.find((a) => a.id === agencyId);
  const agencyName = known ? localName(known, lang) : (agencyId ?? '');
  const title = agencyId && known ? t('inspections.history.titleOf', { agency: agencyName }) : t('inspections.history.title');

  if (!agencyId) {
    return (
      <Card className="card-wide" title={t('inspections.history.title')} state="ready" bodyHeight={80}>
        <p className="muted inspections-choose">{t('inspections.history.choose')}</p>
      </Card>
    );
  }
  const state = list.status === 'ready' ? 'ready' : list.status;
  return (
    <Card
      className="card-wide unit-history"
      title={title}
      note={t('inspections.history.note')}
      state={state}
      error={list.status === 'error' ? list.error : undefined}
      onRetry={retry}
      updating={updating && list.status === 'ready'}
      bodyHeight={160}
    >
      {history.length === 0 ? (
        <p className="muted">{t('inspections.history.empty', { agency: agencyName })}</p>
      ) : (
        <ol className="history-list">
          {history.map((i) => (
            <HistoryEntry key={i.id} inspection={i} itemsByFinding={itemsByFinding} />
          ))}
        </ol>
      )}
    </Card>
  );
}

function HistoryEntry({ inspection, itemsByFinding }: { inspection: InspectionHistoryItem; itemsByFinding: ReadonlyMap<string, UnitItem[]> }) {
  const { lang, t } = useI18n();
  return (
    <li className="history-entry">
      <p className="history-head">
        <a href={inspectionPath(inspection.id, window.location.search)}>
          <time dateTime={inspection.date}>{formatDate(inspection.date, lang)}</time>
        </a>
        <span>{t(`inspections.kind.${inspection.kind}`)}</span>
        <span>{t(`inspections.method.${inspection.method}`)}</span>
        <span className="muted">{inspection.inspectors}</span>
      </p>
      {inspection.findings.length === 0 ? (
        <p className="muted small">{t('inspections.history.noFindings')}</p>
      ) : (
        <ol className="history-findings">
          {inspection.findings.map((f) => {
            // The unit's own items; those of the other units visited belong to their histories.
            const items = itemsByFinding.get(f.id) ?? [];
            return (
              <li key={f.id}>
                <span className="finding-text">{f.text}</span>
                {items.length === 0 ? (
                  <span className="muted small"> · {t('inspections.history.noItems')}</span>
                ) : (
                  <ul className="item-chips">
                    {items.map((item) => (
                      <li key={item.id}>
                        <ItemLink item={item} />
                      </li>
                    ))}
                  </ul>
                )}
              </li>
            );
          })}
        </ol>
      )}
    </li>
  );
}

/** A rectification item as a link to the board: its status, overdue mark and deadline. */
export function ItemLink({
  item,
}: {
  item: { id: string; status: string; overdue?: boolean; deadline: string; requirement: string };
}) {
  const { lang, t } = useI18n();
  const status = t(`inspections.status.${item.status}` as 'inspections.status.OPEN');
  return (
    <a className={`item-chip chip-${item.status.toLowerCase()}${item.overdue ? ' is-overdue' : ''}`} href={rectificationItemHref(item.id)} title={item.requirement}>
      <span className="chip-status">{status}</span>
      {item.overdue ? <span className="chip-overdue">{t('inspections.overdue')}</span> : null}
      <span className="chip-requirement">{item.requirement}</span>
      <span className="chip-due">{t('inspections.findings.due', { date: formatDate(item.deadline, lang) })}</span>
    </a>
  );
}
