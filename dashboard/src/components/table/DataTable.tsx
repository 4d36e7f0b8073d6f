/**
 * A table whose columns are data (tableData.ts): formatted by locale,
 * sortable by keyboard or mouse, searchable, with loading and empty states
 * and a download menu (CSV with a BOM for Excel, or an XLSX workbook whose
 * library loads only when asked). Cells can link somewhere or open the
 * records behind a figure (RecordsDrawer).
 *
 *   <DataTable
 *     caption={t('agencies.title')}
 *     columns={[
 *       { id: 'name', label: t('col.agency'), value: (r) => r.label, href: (r) => agencyHref(r.id) },
 *       { id: 'n', label: t('col.activities'), value: (r) => r.count, kind: 'integer',
 *         onClick: (r) => openRecords(activitiesOf(r)) },
 *     ]}
 *     rows={data?.rows}            // undefined while loading
 *     rowKey={(r) => r.id}
 *     initialSort={{ column: 'n', direction: 'desc' }}
 *   />
 */
import { useId, useMemo, useRef, useState, type KeyboardEvent, type MouseEvent } from 'react';
import { useI18n } from '../../app/I18nContext';
import { navigate } from '../../app/location';
import { saveBlob } from '../download';
import './DataTable.css';
import {
  filterRows,
  formatCell,
  isNumericKind,
  nextSort,
  safeFileName,
  sortRows,
  toCsv,
  type Column,
  type SortState,
} from './tableData';

export interface DataTableProps<Row> {
  /** What the table lists: its accessible name, and the file and sheet name of downloads. */
  caption: string;
  columns: readonly Column<Row>[];
  /** The rows; undefined while they load. */
  rows: readonly Row[] | undefined;
  rowKey: (row: Row) => string;
  /** The sort before anyone clicks a header; default: the rows' own order. */
  initialSort?: SortState | null;
  /** The search box; default true. */
  searchable?: boolean;
  /** The download menu; default on, named after the caption. */
  download?: { fileName: string } | false;
  /** Shown instead of the table when there are no rows (default "暂无数据"). */
  emptyText?: string;
  /** Show the caption above the table (default: only to assistive technology, a card title says it). */
  showCaption?: boolean;
  /** Skeleton rows while loading (default 5). */
  loadingRows?: number;
  className?: string;
}

export function DataTable<Row>({
  caption,
  columns,
  rows,
  rowKey,
  initialSort = null,
  searchable = true,
  download,
  emptyText,
  showCaption = false,
  loadingRows = 5,
  className,
}: DataTableProps<Row>) {
  const { lang, t } = useI18n();
  const searchId = useId();
  const statusId = useId();
  const [query, setQuery] = useState('');
  const [sort, setSort] = useState<SortState | null>(initialSort);

  const shown = useMemo(() => {
    if (!rows) return undefined;
    return sortRows(filterRows(rows, columns, query, lang), columns, sort, lang);
  }, [rows, columns, query, sort, lang]);

  const loading = rows === undefined;
  const total = rows?.length ?? 0;
  const fileName = download === false ? null : safeFileName(download?.fileName ?? caption, 'table');

  return (
    <div className={['dtable', className].filter(Boolean).join(' ')}>
      {searchable || fileName ? (
        <div className="dtable-tools">
          {searchable ? (
            <div className="dtable-search">
              <label htmlFor={searchId}>{t('table.search')}</label>
              <input
                id={searchId}
                type="search"
                value={query}
                placeholder={t('table.searchPlaceholder')}
                aria-describedby={statusId}
                disabled={loading}
                onChange={(e) => setQuery(e.target.value)}
              />
            </div>
          ) : null}
          <p id={statusId} className="dtable-count" aria-live="polite">
            {loading
              ? t('state.loading')
              : shown!.length === total
                ? t('table.rows', { count: total })
                : t('table.rowsFiltered', { shown: shown!.length, count: total })}
          </p>
          {fileName ? (
            <DownloadMenu caption={caption} fileName={fileName} columns={columns} rows={shown} />
          ) : null}
        </div>
      ) : null}

      <div className="dtable-scroll">
        <table className="data-table" aria-busy={loading || undefined}>
          <caption className={showCaption ? 'dtable-caption' : 'visually-hidden'}>{caption}</caption>
          <thead>
            <tr>
              {columns.map((column) => (
                <HeaderCell key={column.id} column={column} sort={sort} onSort={() => setSort(nextSort(sort, column))} />
              ))}
            </tr>
          </thead>
          <tbody>
            {loading
              ? Array.from({ length: loadingRows }, (_, i) => (
                  <tr key={i} className="dtable-skeleton">
                    {columns.map((column) => (
                      <td key={column.id}>
                        <span className="skeleton skeleton-line" />
                      </td>
                    ))}
                  </tr>
                ))
              : shown!.map((row) => (
                  <tr key={rowKey(row)}>
                    {columns.map((column) => (
                      <BodyCell key={column.id} column={column} row={row} />
                    ))}
                  </tr>
                ))}
          </tbody>
        </table>
        {loading ? <span className="visually-hidden" role="status">{t('state.loading')}</span> : null}
        {!loading && shown!.length === 0 ? (
          <div className="state-panel dtable-empty" role="status">
            <p className="state-title">
              {total > 0 && query.trim() ? t('table.noMatch', { query: query.trim() }) : (emptyText ?? t('table.empty'))}
            </p>
          </div>
        ) : null}
      </div>
    </div>
  );
}

function HeaderCell<Row>({ column, sort, onSort }: { column: Column<Row>; sort: SortState | null; onSort: () => void }) {
  const { t } = useI18n();
  const numeric = isNumericKind(column.kind);
  const active = sort?.column === column.id ? sort.direction : null;
  const ariaSort = active === 'asc' ? 'ascending' : active === 'desc' ? 'descending' : undefined;
  if (column.sortable === false) {
    return (
      <th scope="col" className={numeric ? 'is-numeric' : undefined}>
        {column.label}
      </th>
    );
  }
  return (
    <th scope="col" className={numeric ? 'is-numeric' : undefined} aria-sort={ariaSort}>
      <button type="button" className="dtable-sort" onClick={onSort} title={t('table.sortBy', { column: column.label })}>
        <span>{column.label}</span>
        <span className="dtable-arrow" aria-hidden="true">
          {active === 'asc' ? '▲' : active === 'desc' ? '▼' : '↕'}
        </span>
      </button>
    </th>
  );
}

function BodyCell<Row>({ column, row }: { column: Column<Row>; row: Row }) {
  const { lang, t } = useI18n();
  const text = formatCell(column, row, lang);
  const content = column.render ? column.render(row) : text;
  const numeric = isNumericKind(column.kind);
  const href = column.href?.(row);
  const raw = column.value(row);
  let inner = <>{content}</>;
  if (href) {
    inner = (
      <a
        href={href}
        onClick={(event: MouseEvent<HTMLAnchorElement>) => {
          // Same-site paths change the page without reloading it; anything else is a plain link.
          if (!href.startsWith('/') || event.button !== 0 || event.metaKey || event.ctrlKey || event.shiftKey || event.altKey) {
            return;
          }
          event.preventDefault();
          navigate(href);
        }}
      >
        {content}
      </a>
    );
  } else if (column.onClick && raw !== null && raw !== undefined) {
    const label = column.clickLabel?.(row) ?? t('table.openRecords', { figure: `${column.label} ${text}` });
    inner = (
      <button type="button" className="cell-button" aria-label={label} onClick={() => column.onClick!(row)}>
        {content}
      </button>
    );
  }
  return <td className={numeric ? 'is-numeric' : column.kind === 'date' ? 'is-date' : undefined}>{inner}</td>;
}

type Format = 'csv' | 'xlsx';

function DownloadMenu<Row>({
  caption,
  fileName,
  columns,
  rows,
}: {
  caption: string;
  fileName: string;
  columns: readonly Column<Row>[];
  rows: readonly Row[] | undefined;
}) {
  const { t } = useI18n();
  const detailsRef = useRef<HTMLDetailsElement>(null);
  const [busy, setBusy] = useState<Format | null>(null);
  const [failure, setFailure] = useState<string | null>(null);

  function close() {
    const details = detailsRef.current;
    if (details?.open) {
      details.open = false;
      details.querySelector('summary')?.focus();
    }
  }

  async function save(format: Format) {
    if (!rows) return;
    setFailure(null);
    setBusy(format);
    try {
      if (format === 'csv') {
        saveBlob(new Blob([toCsv(columns, rows)], { type: 'text/csv;charset=utf-8' }), `${fileName}.csv`);
      } else {
        const { toXlsxBlob } = await import('./xlsx');
        saveBlob(await toXlsxBlob(caption, columns, rows), `${fileName}.xlsx`);
      }
      close();
    } catch (error) {
      setFailure(error instanceof Error ? error.message : String(error));
    } finally {
      setBusy(null);
    }
  }

  return (
    <div className="dtable-download">
      <details
        ref={detailsRef}
        onKeyDown={(event: KeyboardEvent) => {
          if (event.key === 'Escape') close();
        }}
      >
        <summary className="button button-quiet" aria-disabled={!rows || undefined}>
          {t('table.download')}
        </summary>
        <div className="dtable-menu" role="group" aria-label={t('table.download')}>
          <button type="button" disabled={!rows || busy !== null} onClick={() => void save('csv')}>
            {t('table.downloadCsv')}
          </button>
          <button type="button" disabled={!rows || busy !== null} onClick={() => void save('xlsx')}>
            {busy === 'xlsx' ? t('table.preparing') : t('table.downloadXlsx')}
          </button>
        </div>
      </details>
      {failure ? (
        <p className="field-error" role="alert">
          {t('table.downloadFailed', { message: failure })}
        </p>
      ) : null}
    </div>
  );
}
