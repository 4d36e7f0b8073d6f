/**
 * The agency's responsibility list for the year, item by item: a chart of
 * planned against delivered activities, then each item with its window, its
 * figures and what it named against what its activities reached. A bar or an
 * item's button opens the activities counted for it.
 */
import { useMemo } from 'react';
import { Card } from '../../app/Card';
import type { CardState } from '../../app/cardState';
import { formatDateRange, formatInteger } from '../../app/format';
import { useI18n } from '../../app/I18nContext';
import type { MessageKey } from '../../app/i18n';
import { readFragment, type FragmentOf } from '../../app/graphql';
import { EChart } from '../../charts/EChart';
import { buildPlannedDeliveredOption, plannedDeliveredHeight } from '../../charts/plannedDelivered';
import { useElementWidth } from '../../charts/useElementWidth';
import { coverageDrill, type RecordsDrill } from '../../components/records/drills';
import { CoverageItemFields, itemProgress, reachChips, type CoverageItem, type ReachComparison } from './responsibilityList';

interface CoverageCardProps {
  agencyName: string;
  year: number;
  items: readonly FragmentOf<typeof CoverageItemFields>[] | undefined;
  state: CardState;
  onDrill: (drill: RecordsDrill) => void;
}

export function CoverageCard({ agencyName, year, items: masked, state, onDrill }: CoverageCardProps) {
  const { lang, t } = useI18n();
  const items = useMemo(() => (masked ? readFragment(CoverageItemFields, masked) : undefined), [masked]);
  const [frameRef, width] = useElementWidth<HTMLDivElement>();
  const option = useMemo(() => (items?.length && width ? buildPlannedDeliveredOption(items, lang, width) : null), [items, lang, width]);
  const title = t('agency.list.title', { year });
  const height = plannedDeliveredHeight(items?.length ?? 0);
  const openItem = (item: CoverageItem) =>
    onDrill(coverageDrill(t('agency.list.itemDrill', { agency: agencyName, item: item.title }), [item.drill]));

  return (
    <Card
      className="card-wide"
      title={title}
      unit={t('unit.activitiesOnly')}
      note={t('agency.list.note')}
      state={state === 'ready' && items?.length === 0 ? 'empty' : state}
      bodyHeight={state === 'ready' ? height : 240}
    >
      <div ref={frameRef}>
        {option && items ? (
          <EChart
            option={option}
            lang={lang}
            height={height}
            label={title}
            fileName={`${agencyName} ${title}`}
            onItemClick={({ dataIndex }) => {
              const item = items[dataIndex];
              if (item) openItem(item);
            }}
            testId="planned-delivered"
          />
        ) : null}
      </div>
      {items?.length ? (
        <>
          <p className="reach-legend" aria-hidden="true">
            <span className="chip chip-reached">✓ {t('agency.reach.reached')}</span>
            <span className="chip chip-missing">✗ {t('agency.reach.missing')}</span>
            <span className="chip chip-extra">+ {t('agency.reach.extra')}</span>
          </p>
          <ol className="item-list">
            {items.map((item) => (
              <ItemEntry key={item.id} item={item} onOpen={() => openItem(item)} />
            ))}
          </ol>
        </>
      ) : null}
    </Card>
  );
}

const REACH_ROWS = [
  ['audiences', 'agency.reach.audiences'],
  ['venueTypes', 'agency.reach.venueTypes'],
  ['districts', 'agency.reach.districts'],
] as const satisfies readonly (readonly [keyof CoverageItem, MessageKey])[];

function ItemEntry({ item, onOpen }: { item: CoverageItem; onOpen: () => void }) {
  const { lang, t } = useI18n();
  const progress = itemProgress(item);
  return (
    <li className={`item item-${progress}`} data-item={item.id}>
      <div className="item-head">
        <h3 className="item-title">{item.title}</h3>
        <span className="item-window">{formatDateRange(item.startsOn, item.endsOn, lang)}</span>
      </div>
      <p className="item-figures">
        <span>
          {t('agency.item.planned')} <strong className="item-planned">{formatInteger(item.planned, lang)}</strong>
        </span>
        <span>
          {t('agency.item.delivered')} <strong className="item-delivered">{formatInteger(item.delivered, lang)}</strong>
        </span>
        <span className={`item-status status-${progress}`}>{t(`agency.item.${progress}` as MessageKey)}</span>
        <button
          type="button"
          className="button button-quiet item-open"
          onClick={onOpen}
          aria-label={t('agency.item.openLabel', { item: item.title, count: formatInteger(item.delivered, lang) })}
        >
          {t('agency.item.open', { count: formatInteger(item.delivered, lang) })}
        </button>
      </p>
      <dl className="item-reach">
        {REACH_ROWS.map(([field, label]) => (
          <div key={field}>
            <dt>{t(label)}</dt>
            <dd>
              <ReachChips comparison={item[field] as ReachComparison} />
            </dd>
          </div>
        ))}
      </dl>
    </li>
  );
}

const MARK = { reached: '✓', missing: '✗', extra: '+' } as const;

function ReachChips({ comparison }: { comparison: ReachComparison }) {
  const { t } = useI18n();
  const chips = reachChips(comparison);
  if (chips.length === 0) return <span className="muted">{t('agency.reach.none')}</span>;
  return (
    <ul className="chips">
      {chips.map((chip) => (
        <li key={chip.value} className={`chip chip-${chip.status}`} data-status={chip.status}>
          <span aria-hidden="true">{MARK[chip.status]} </span>
          {chip.label}
          <span className="visually-hidden">（{t(`agency.reach.${chip.status}` as MessageKey)}）</span>
        </li>
      ))}
    </ul>
  );
}
