/**
 * The board: filters, one column per status with the API's counts (and how
 * many overdue), the items in the API's order (overdue first, red), and the
 * same items as a table with CSV/XLSX download.
 */
import { useId, useMemo } from 'react';
import { useQuery } from 'urql';
import { Card } from '../../app/Card';
import { cardState } from '../../app/cardState';
import { formatDate, formatInteger } from '../../app/format';
import { useI18n } from '../../app/I18nContext';
import type { MessageKey } from '../../app/i18n';
import { localName, type Me } from '../../app/session';
import { AgenciesQuery, DomainsQuery } from '../../app/shell.queries';
import { useRetryableQuery } from '../../app/useRetryableQuery';
import { DataTable } from '../../components/table/DataTable';
import type { Column } from '../../components/table/tableData';
import { boardFilter, groupBoard, itemHref, itemNumber, SOURCE_KINDS, STATUSES, type BoardChoices, type BoardColumn } from './boardData';
import { AppLink, ItemMarks, OverdueMark, VerifiedMark } from './ItemBadges';
import { BoardQuery, type BoardItem } from './rectification.queries';

/** Items on one page of the board: the API’s cost limit (20,000) allows about eighty with these fields. */
const PAGE = 60;

export function Board({ choices, user, onChange }: { choices: BoardChoices; user: Me; onChange: (patch: Partial<BoardChoices>) => void }) {
  const { t } = useI18n();
  const own = user.role === 'AGENCY_REPORTER' ? (user.agency?.id ?? null) : null;
  const variables = useMemo(() => {
    const f = boardFilter(choices, own);
    return { filter: f.items, counts: f.counts };
  }, [choices, own]);
  const [result, retry] = useRetryableQuery(BoardQuery, { filter: variables.filter, first: PAGE });
  // The counts ignore the status filter so every column keeps its number: a second, small query only when one is set.
  const [countsResult] = useRetryableQuery(BoardQuery, { filter: variables.counts, first: 1 }, { pause: !choices.status });
  const data = result.data;
  const counts = (choices.status ? countsResult.data : data)?.rectificationCounts;
  const columns = useMemo(() => (data && counts ? groupBoard(counts, data.rectificationItems.nodes, choices.status) : undefined), [data, counts, choices.status]);
  const state = cardState(result, (d) => d.rectificationItems.totalCount === 0 && !choices.status);
  const common = { state, error: result.error, onRetry: retry, updating: result.fetching };

  return (
    <>
      <BoardFilters choices={choices} own={own} onChange={onChange} />
      {choices.mode === 'table' ? (
        <Card className="card-wide" title={t('rectification.table.title')} unit={t('rectification.board.unit')} note={t('rectification.board.note')} bodyHeight={320} {...common}>
          <ItemsTable items={data?.rectificationItems.nodes} />
        </Card>
      ) : (
        <Card className="card-wide" title={t('rectification.board.title')} unit={t('rectification.board.unit')} note={t('rectification.board.note')} bodyHeight={360} {...common}>
          <div className="rect-board">{columns?.map((c) => <BoardColumnView key={c.status} column={c} />)}</div>
        </Card>
      )}
    </>
  );
}

function BoardColumnView({ column }: { column: BoardColumn }) {
  const { lang, t } = useI18n();
  const headingId = useId();
  const status = t(`rectification.status.${column.status}` as MessageKey);
  return (
    <section className={`rect-column is-${column.status.toLowerCase()}`} aria-labelledby={headingId} data-status={column.status}>
      <h3 id={headingId} className="rect-column-title" aria-label={t('rectification.board.aria', { status, count: column.count, overdue: column.overdue })}>
        <span>{status}</span>
        <span className="rect-column-count">{t('rectification.board.count', { count: formatInteger(column.count, lang) })}</span>
        {column.overdue > 0 ? <span className="rect-overdue">{t('rectification.board.overdueCount', { count: formatInteger(column.overdue, lang) })}</span> : null}
      </h3>
      {column.items.length === 0 ? <p className="muted rect-none">{t('rectification.board.none')}</p> : null}
      <ol className="rect-cards">
        {column.items.map((item) => (
          <li key={item.id} className={item.overdue ? 'rect-card is-overdue' : 'rect-card'}>
            <ItemCard item={item} />
          </li>
        ))}
      </ol>
      {column.more > 0 ? <p className="muted rect-more">{t('rectification.board.more', { count: formatInteger(column.more, lang) })}</p> : null}
    </section>
  );
}

function ItemCard({ item }: { item: BoardItem }) {
  const { lang, t } = useI18n();
  return (
    <>
      <div className="rect-card-head">
        <AppLink href={itemHref(item.id, lang)} className="rect-card-link" label={t('rectification.open', { id: `#${itemNumber(item.id)}` }) + ' ' + item.requirement}>
          #{itemNumber(item.id)} {localName(item.agency, lang)}
        </AppLink>
      </div>
      <p className="rect-card-req">{item.requirement}</p>
      <p className="rect-card-meta">
        <span>{t(`rectification.source.${item.sourceKind}` as MessageKey)}</span>
        {item.domain ? <span>{localName(item.domain, lang)}</span> : null}
        <span>{t('rectification.deadline', { date: formatDate(item.deadline, lang) })}</span>
        <OverdueMark days={item.daysOverdue} />
        {item.status === 'VERIFIED' ? <VerifiedMark at={item.verifiedAt} /> : null}
      </p>
    </>
  );
}

function ItemsTable({ items }: { items: readonly BoardItem[] | undefined }) {
  const { lang, t } = useI18n();
  const columns = useMemo<Column<BoardItem>[]>(
    () => [
      { id: 'id', label: t('rectification.col.id'), value: (r) => Number(itemNumber(r.id)), kind: 'integer', href: (r) => itemHref(r.id, lang) },
      { id: 'agency', label: t('rectification.col.agency'), value: (r) => localName(r.agency, lang) },
      { id: 'requirement', label: t('rectification.col.requirement'), value: (r) => r.requirement },
      { id: 'source', label: t('rectification.col.source'), value: (r) => t(`rectification.source.${r.sourceKind}` as MessageKey) },
      { id: 'year', label: t('rectification.col.year'), value: (r) => String(r.year) },
      { id: 'status', label: t('rectification.col.status'), value: (r) => t(`rectification.status.${r.status}` as MessageKey), render: (r) => <ItemMarks item={r} /> },
      { id: 'deadline', label: t('rectification.col.deadline'), value: (r) => r.deadline },
      { id: 'overdue', label: t('rectification.col.overdue'), value: (r) => r.daysOverdue, kind: 'integer' },
    ],
    [t, lang],
  );
  return <DataTable caption={t('rectification.table.title')} columns={columns} rows={items} rowKey={(r) => r.id} download={{ fileName: t('rectification.table.title') }} />;
}

/** The board's filters; agency and domain under the global keys, so links from other pages carry them. */
function BoardFilters({ choices, own, onChange }: { choices: BoardChoices; own: string | null; onChange: (patch: Partial<BoardChoices>) => void }) {
  const { lang, t } = useI18n();
  const ids = { status: useId(), source: useId(), year: useId(), agency: useId(), domain: useId(), overdue: useId(), mode: useId() };
  const [agencies] = useQuery({ query: AgenciesQuery, pause: !!own });
  const [domains] = useQuery({ query: DomainsQuery });
  const thisYear = new Date().getFullYear();
  const years = Array.from({ length: thisYear - 2016 + 1 }, (_, i) => thisYear - i);
  const all = t('rectification.filter.all');
  return (
    <form className="rect-filters" aria-label={t('rectification.filter.label')} onSubmit={(e) => e.preventDefault()}>
      <div className="field">
        <label htmlFor={ids.status}>{t('rectification.filter.status')}</label>
        <select id={ids.status} value={choices.status ?? ''} onChange={(e) => onChange({ status: (e.target.value || null) as BoardChoices['status'] })}>
          <option value="">{all}</option>
          {STATUSES.map((s) => (
            <option key={s} value={s}>
              {t(`rectification.status.${s}` as MessageKey)}
            </option>
          ))}
        </select>
      </div>
      <div className="field">
        <label htmlFor={ids.source}>{t('rectification.filter.source')}</label>
        <select id={ids.source} value={choices.source ?? ''} onChange={(e) => onChange({ source: (e.target.value || null) as BoardChoices['source'] })}>
          <option value="">{all}</option>
          {SOURCE_KINDS.map((s) => (
            <option key={s} value={s}>
              {t(`rectification.source.${s}` as MessageKey)}
            </option>
          ))}
        </select>
      </div>
      <div className="field">
        <label htmlFor={ids.year}>{t('rectification.filter.year')}</label>
        <select id={ids.year} value={choices.year ?? ''} onChange={(e) => onChange({ year: e.target.value ? Number(e.target.value) : null })}>
          <option value="">{all}</option>
          {years.map((y) => (
            <option key={y} value={y}>
              {y}
            </option>
          ))}
        </select>
      </div>
      {own ? null : (
        <div className="field">
          <label htmlFor={ids.agency}>{t('rectification.filter.agency')}</label>
          <select id={ids.agency} className="filter-wide" value={choices.agency ?? ''} onChange={(e) => onChange({ agency: e.target.value || null })}>
            <option value="">{all}</option>
            {agencies.data?.agencies.nodes.map((a) => (
              <option key={a.id} value={a.id}>
                {localName(a, lang)}
              </option>
            ))}
          </select>
        </div>
      )}
      <div className="field">
        <label htmlFor={ids.domain}>{t('rectification.filter.domain')}</label>
        <select id={ids.domain} className="filter-wide" value={choices.domain ?? ''} onChange={(e) => onChange({ domain: e.target.value || null })}>
          <option value="">{all}</option>
          {domains.data?.domains.nodes.map((d) => (
            <option key={d.id} value={d.id}>
              {localName(d, lang)}
            </option>
          ))}
        </select>
      </div>
      <div className="rect-check">
        <input id={ids.overdue} type="checkbox" checked={choices.overdue} onChange={(e) => onChange({ overdue: e.target.checked })} />
        <label htmlFor={ids.overdue}>{t('rectification.filter.overdue')}</label>
      </div>
      <fieldset className="rect-mode">
        <legend className="visually-hidden">{t('rectification.mode.label')}</legend>
        {(['board', 'table'] as const).map((m) => (
          <button key={m} type="button" className={choices.mode === m ? 'button' : 'button button-quiet'} aria-pressed={choices.mode === m} onClick={() => onChange({ mode: m })}>
            {t(`rectification.mode.${m}`)}
          </button>
        ))}
      </fieldset>
      <button type="button" className="button button-quiet" onClick={() => onChange({ status: null, source: null, year: null, overdue: false, agency: null, domain: null })}>
        {t('rectification.filter.reset')}
      </button>
    </form>
  );
}
