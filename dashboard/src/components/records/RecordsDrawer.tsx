/**
 * Lineage: a drawer listing the records behind a figure, page by page, with
 * their count. A modal <dialog>: Escape or the close button closes it, focus
 * stays inside while it is open and returns to where it was afterwards.
 *
 *   const [drill, setDrill] = useState<RecordsDrill | null>(null);
 *   <EChart … onItemClick={(item) => setDrill({ title: …, source: analyticsRecords('activity', filter)! })} />
 *   <RecordsDrawer drill={drill} onClose={() => setDrill(null)} />
 *
 * Sources: drills.ts (analytics filters, the API's ActivityDrill,
 * OverlapDrill and SurveyResponsesDrill, a training figure's attendance rows). The hub scopes every list to what
 * the account may read; the drawer says so when the list may be shorter than
 * the figure, and explains a refusal in words.
 */
import { useEffect, useId, useMemo, useRef, useState, type KeyboardEvent } from 'react';
import { useQuery } from 'urql';
import { ErrorPanel } from '../../app/Card';
import { formatDateRange, formatInteger } from '../../app/format';
import { useI18n } from '../../app/I18nContext';
import type { MessageKey } from '../../app/i18n';
import { useSession } from '../../app/session';
import { SignInLink } from '../../app/SignInLink';
import { DataTable } from '../table/DataTable';
import type { RecordsDrill } from './drills';
import { RECORD_LISTS } from './recordLists';
import './RecordsDrawer.css';

export const RECORDS_PAGE_SIZE = 25;

export interface RecordsDrawerProps {
  /** What to list; null: the drawer is closed. */
  drill: RecordsDrill | null;
  onClose: () => void;
}

export function RecordsDrawer({ drill, onClose }: RecordsDrawerProps) {
  const ref = useRef<HTMLDialogElement>(null);
  const headingId = useId();

  useEffect(() => {
    const dialog = ref.current;
    if (!dialog) return;
    if (drill && !dialog.open) {
      dialog.showModal();
      dialog.querySelector<HTMLElement>('.records-drawer-close')?.focus();
    }
    if (!drill && dialog.open) dialog.close();
  }, [drill]);

  // The browser keeps focus in a modal dialog but lets Tab leave for its own toolbar; wrap instead.
  function onKeyDown(event: KeyboardEvent<HTMLDialogElement>) {
    if (event.key !== 'Tab') return;
    const focusable = [...event.currentTarget.querySelectorAll<HTMLElement>(FOCUSABLE)].filter(
      (el) => !el.hasAttribute('disabled') && el.getClientRects().length > 0,
    );
    if (focusable.length === 0) return;
    const first = focusable[0]!;
    const last = focusable[focusable.length - 1]!;
    if (event.shiftKey && document.activeElement === first) {
      event.preventDefault();
      last.focus();
    } else if (!event.shiftKey && document.activeElement === last) {
      event.preventDefault();
      first.focus();
    }
  }

  return (
    <dialog
      ref={ref}
      className="records-drawer"
      aria-labelledby={headingId}
      onCancel={(event) => {
        // Escape: React state decides whether the drawer is open.
        event.preventDefault();
        onClose();
      }}
      onClick={(event) => {
        // A click on the backdrop lands on the dialog element itself.
        if (event.target === event.currentTarget) onClose();
      }}
      onKeyDown={onKeyDown}
    >
      {drill ? <DrawerBody key={drillKey(drill)} drill={drill} headingId={headingId} onClose={onClose} /> : null}
    </dialog>
  );
}

const FOCUSABLE = 'a[href], button, input, select, textarea, [tabindex]:not([tabindex="-1"])';

function drillKey(drill: RecordsDrill): string {
  return JSON.stringify([drill.title, drill.source]);
}

function DrawerBody({ drill, headingId, onClose }: { drill: RecordsDrill; headingId: string; onClose: () => void }) {
  const { lang, t } = useI18n();
  const { session } = useSession();
  const partId = useId();
  const { source } = drill;
  const list = RECORD_LISTS[source.kind];
  const [part, setPart] = useState(0);
  // The cursor each shown page starts after: [null] is the first page.
  const [cursors, setCursors] = useState<(string | null)[]>([null]);
  const filter = source.filters[part] ?? source.filters[0];
  const variables = useMemo(
    () => ({ filter, first: RECORDS_PAGE_SIZE, after: cursors[cursors.length - 1] ?? null }),
    [filter, cursors],
  );
  const [result, reexecute] = useQuery({ query: list.query, variables });
  const page = result.data ? list.page(result.data) : undefined;
  const columns = useMemo(() => list.columns(lang).map((c) => ({ ...c, sortable: false })), [list, lang]);

  const start = (cursors.length - 1) * RECORDS_PAGE_SIZE;
  const code = result.error?.graphQLErrors[0]?.extensions?.code;
  const scoped = session.status === 'signedIn' && ['AGENCY_REPORTER', 'MEDIA_PARTNER'].includes(session.user.role);

  return (
    <div className="records-drawer-panel">
      <header className="records-drawer-header">
        <div>
          <p className="records-drawer-kind">{t(`drawer.kind.${source.kind}` as MessageKey)}</p>
          <h2 id={headingId}>{drill.title}</h2>
        </div>
        <button type="button" className="button button-quiet records-drawer-close" onClick={onClose}>
          {t('drawer.close')}
        </button>
      </header>

      {source.filters.length > 1 ? (
        <div className="field records-drawer-part">
          <label htmlFor={partId}>{t('drawer.part')}</label>
          <select
            id={partId}
            value={part}
            onChange={(e) => {
              setPart(Number(e.target.value));
              setCursors([null]);
            }}
          >
            {source.filters.map((f, i) => (
              <option key={i} value={i}>
                {partLabel(f, i, lang)}
              </option>
            ))}
          </select>
        </div>
      ) : null}

      <p className="records-drawer-count" aria-live="polite">
        {page
          ? page.totalCount === 0
            ? t('drawer.empty')
            : t('drawer.range', {
                from: formatInteger(start + 1, lang),
                to: formatInteger(start + page.rows.length, lang),
                count: formatInteger(page.totalCount, lang),
              })
          : result.error
            ? null
            : t('state.loading')}
      </p>
      {scoped && page ? <p className="records-drawer-note">{t('drawer.scoped')}</p> : null}

      {result.error && !result.fetching ? (
        code === 'UNAUTHENTICATED' || code === 'FORBIDDEN' ? (
          <div className="state-panel" role="alert">
            <p className="state-title">{t(code === 'UNAUTHENTICATED' ? 'drawer.signIn' : 'drawer.forbidden')}</p>
            {code === 'UNAUTHENTICATED' ? <SignInLink className="button" /> : null}
          </div>
        ) : (
          <ErrorPanel error={result.error} onRetry={() => reexecute({ requestPolicy: 'network-only' })} />
        )
      ) : (
        <DataTable
          caption={drill.title}
          columns={columns}
          rows={result.fetching && !page ? undefined : page?.rows}
          rowKey={(row: { id: string }) => row.id}
          searchable={false}
          download={false}
          emptyText={t('drawer.empty')}
          loadingRows={8}
          className={result.fetching && page ? 'is-updating' : undefined}
        />
      )}

      {page && (cursors.length > 1 || page.hasNextPage) ? (
        <nav className="records-drawer-pager" aria-label={t('drawer.title')}>
          {/* aria-disabled, not disabled: a focused button that became disabled would drop focus out of the drawer. */}
          <button
            type="button"
            className="button button-quiet"
            aria-disabled={cursors.length <= 1 || undefined}
            onClick={() => {
              if (cursors.length > 1 && !result.fetching) setCursors((c) => c.slice(0, -1));
            }}
          >
            {t('drawer.previous')}
          </button>
          <button
            type="button"
            className="button button-quiet"
            aria-disabled={!page.hasNextPage || undefined}
            onClick={() => {
              if (page.hasNextPage && !result.fetching) setCursors((c) => [...c, page.endCursor]);
            }}
          >
            {t('drawer.next')}
          </button>
        </nav>
      ) : null}
    </div>
  );
}

/** "1. 2025年1月1日 – 2025年6月30日" for a filter with a period, else its number. */
function partLabel(filter: object, index: number, lang: 'zh-CN' | 'en'): string {
  const { from, to } = filter as { from?: string | null; to?: string | null };
  return from && to ? `${index + 1}. ${formatDateRange(from, to, lang)}` : String(index + 1);
}
