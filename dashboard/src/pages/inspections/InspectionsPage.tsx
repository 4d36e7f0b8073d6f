/**
 * 检查 Inspections (docs/inspections.md): the inspections of the period on a
 * calendar (a click on a day narrows the list to it), the list (newest
 * first; kind and method are the page's own URL parameters, the agency the
 * global filter), and the chosen unit's history with the rectification
 * started from each finding. Admins, inspectors and district admins record
 * new inspections here; an agency reporter sees its own agency's only.
 */
import { useMemo, useState } from 'react';
import { Card } from '../../app/Card';
import { formatDate } from '../../app/format';
import { useI18n } from '../../app/I18nContext';
import { navigate } from '../../app/location';
import { periodRange } from '../../app/period';
import type { PageProps } from '../../app/routes';
import { localName } from '../../app/session';
import { buildActivityCalendarOption, CALENDAR_HEIGHT, calendarDays, countByDay, type CalendarTexts } from '../../charts/activityCalendar';
import { EChart } from '../../charts/EChart';
import { DataTable } from '../../components/table/DataTable';
import type { Column } from '../../components/table/tableData';
import { useSearchParam } from '../assessment/searchParam';
import {
  countByInspection,
  INSPECTION_METHODS,
  INSPECTOR_KINDS,
  inspectionFilter,
  inspectionPath,
  inspectionRows,
  mayReadInspections,
  mayRecordInspections,
  onDay,
  yearsOf,
  type InspectionRow,
} from './inspectionData';
import { InspectionForm } from './InspectionForm';
import { FindingItemsQuery, InspectionsQuery } from './inspections.queries';
import { PageShell } from './PageShell';
import { UnitHistory } from './UnitHistory';
import { usePagedList } from '../../app/usePagedList';
import './inspections.css';

/** Within the hub's query cost limit (20,000): about 920 per inspection, 50 per item. */
const LIST_PAGE_SIZE = 20;
const ITEMS_PAGE_SIZE = 300;

const CALENDAR_TEXTS: CalendarTexts = {
  series: 'inspections.calendar.series',
  tooltip: 'inspections.calendar.tooltip',
  aria: 'inspections.calendar.aria',
  ariaEmpty: 'inspections.calendar.ariaEmpty',
};

export default function InspectionsPage({ view }: PageProps) {
  const { t } = useI18n();
  return (
    <PageShell
      heading={t('inspections.heading')}
      view={view}
      allowed={mayReadInspections}
      signInKey="inspections.signIn"
      forbiddenKey="inspections.forbidden"
    >
      {(user) => <Inspections view={view} role={user.role} />}
    </PageShell>
  );
}

function Inspections({ view, role }: PageProps & { role: string }) {
  const { lang, t } = useI18n();
  const [kind, setKind] = useSearchParam('kind');
  const [method, setMethod] = useSearchParam('method');
  const [day, setDay] = useSearchParam('day');
  const [recording, setRecording] = useState(false);
  const range = useMemo(() => periodRange(view.period), [view.period]);
  const filter = useMemo(() => inspectionFilter({ range, agency: view.agency, kind, method }), [range, view.agency, kind, method]);
  const [list, updating, retry] = usePagedList(InspectionsQuery, (d) => d.inspections, LIST_PAGE_SIZE, filter);
  const itemFilter = useMemo(
    () => ({ sourceKinds: ['FINDING' as const], years: yearsOf(range), ...(view.agency ? { agencyIds: [view.agency] } : {}) }),
    [range, view.agency],
  );
  const [items, , retryItems] = usePagedList(FindingItemsQuery, (d) => d.rectificationItems, ITEMS_PAGE_SIZE, itemFilter);
  const itemCounts = useMemo(() => (items.status === 'ready' ? countByInspection(items.nodes) : null), [items]);
  const nodes = list.status === 'ready' ? list.nodes : null;
  // A day outside the period (the period changed) narrows nothing.
  const shownDay = day && day >= range.from && day <= range.to ? day : null;

  const calendar = useMemo(() => (nodes ? { counts: countByDay(nodes.map((n) => n.date)), range } : null), [nodes, range]);
  const option = useMemo(() => (calendar ? buildActivityCalendarOption(calendar, lang, CALENDAR_TEXTS) : null), [calendar, lang]);
  const rows = useMemo(
    () =>
      nodes && itemCounts ? inspectionRows(onDay(nodes, shownDay), itemCounts, (a) => localName(a, lang), t('inspections.separator')) : undefined,
    [nodes, itemCounts, shownDay, lang, t],
  );
  const columns = useMemo<Column<InspectionRow>[]>(
    () => [
      { id: 'date', label: t('inspections.col.date'), value: (r) => r.date, kind: 'date', href: (r) => inspectionPath(r.id, window.location.search) },
      { id: 'kind', label: t('inspections.col.kind'), value: (r) => t(`inspections.kind.${r.kind}`) },
      { id: 'method', label: t('inspections.col.method'), value: (r) => t(`inspections.method.${r.method}`) },
      { id: 'inspectors', label: t('inspections.col.inspectors'), value: (r) => r.inspectors },
      { id: 'units', label: t('inspections.col.units'), value: (r) => r.units },
      { id: 'findings', label: t('inspections.col.findings'), value: (r) => r.findings, kind: 'integer' },
      { id: 'items', label: t('inspections.col.items'), value: (r) => r.items, kind: 'integer' },
      { id: 'evidence', label: t('inspections.col.evidence'), value: (r) => r.evidence, kind: 'integer' },
    ],
    [t],
  );
  const state = list.status === 'ready' ? (list.nodes.length === 0 ? 'empty' : 'ready') : list.status;
  const error = list.status === 'error' ? list.error : undefined;
  const calendarTitle = t('inspections.calendar.title');

  return (
    <>
      {role === 'AGENCY_REPORTER' ? (
        <p className="notice" role="note">
          {t('inspections.ownOnly')}
        </p>
      ) : null}
      <div className="inspections-toolbar">
        <div className="field">
          <label htmlFor="inspections-kind">{t('inspections.filter.kind')}</label>
          <select id="inspections-kind" value={kind ?? ''} onChange={(e) => setKind(e.target.value || null)}>
            <option value="">{t('inspections.filter.allKinds')}</option>
            {INSPECTOR_KINDS.map((k) => (
              <option key={k} value={k}>
                {t(`inspections.kind.${k}`)}
              </option>
            ))}
          </select>
        </div>
        <div className="field">
          <label htmlFor="inspections-method">{t('inspections.filter.method')}</label>
          <select id="inspections-method" value={method ?? ''} onChange={(e) => setMethod(e.target.value || null)}>
            <option value="">{t('inspections.filter.allMethods')}</option>
            {INSPECTION_METHODS.map((m) => (
              <option key={m} value={m}>
                {t(`inspections.method.${m}`)}
              </option>
            ))}
          </select>
        </div>
        {mayRecordInspections(role) && !recording ? (
          <button type="button" className="button inspections-record" onClick={() => setRecording(true)}>
            {t('inspections.record')}
          </button>
        ) : null}
      </div>

      {recording ? (
        <InspectionForm
          initial={null}
          defaultYear={Number(range.to.slice(0, 4))}
          onCancel={() => setRecording(false)}
          onSaved={(id) => navigate(inspectionPath(id, window.location.search))}
        />
      ) : null}

      <div className="chart-grid">
        <Card
          className="card-wide"
          title={calendarTitle}
          unit={t('inspections.unit.inspections')}
          note={t('inspections.calendar.note')}
          state={state}
          error={error}
          onRetry={retry}
          updating={updating && list.status === 'ready'}
          bodyHeight={CALENDAR_HEIGHT + 28}
        >
          {option && calendar ? (
            <EChart
              option={option}
              lang={lang}
              height={CALENDAR_HEIGHT}
              label={calendarTitle}
              fileName={`${calendarTitle} ${range.from}_${range.to}`}
              onItemClick={({ dataIndex }) => {
                const clicked = calendarDays(calendar)[dataIndex]?.[0];
                if (clicked) setDay(clicked === shownDay ? null : clicked);
              }}
              testId="inspection-calendar"
            />
          ) : null}
        </Card>

        <Card
          className="card-wide"
          title={t('inspections.list.title')}
          unit={list.status === 'ready' ? t('inspections.list.count', { count: rows?.length ?? 0 }) : undefined}
          note={t('inspections.list.note')}
          state={items.status === 'error' ? 'error' : state === 'empty' ? 'ready' : state}
          error={error ?? (items.status === 'error' ? items.error : undefined)}
          onRetry={() => {
            retry();
            retryItems();
          }}
          updating={updating && list.status === 'ready'}
          bodyHeight={240}
        >
          {shownDay ? (
            <p className="inspections-day" role="status">
              {t('inspections.list.day', { day: formatDate(shownDay, lang) })}{' '}
              <button type="button" className="button button-quiet" onClick={() => setDay(null)}>
                {t('inspections.list.allDays')}
              </button>
            </p>
          ) : null}
          <DataTable
            caption={t('inspections.list.title')}
            columns={columns}
            rows={rows}
            rowKey={(r) => r.id}
            emptyText={t('inspections.list.empty')}
            className="inspections-table"
          />
        </Card>

        <UnitHistory agencyId={view.agency} />
      </div>
    </>
  );
}
