/**
 * The published responsibility list and annual plan, one item a row in the
 * five questions of the report's task book (普什么、对谁普、怎么普、何时普、谁去普).
 * On a phone the rows become blocks and each cell names its question.
 */
import { useMemo, type ReactNode } from 'react';
import { formatInteger } from '../../app/format';
import { useI18n } from '../../app/I18nContext';
import { DataTable } from '../../components/table/DataTable';
import type { Column } from '../../components/table/tableData';
import type { PortalItem } from './portal.queries';
import { planRows, type PlanRow } from './planRows';

function Cell({ label, children }: { label: string; children: ReactNode }) {
  return (
    <div className="plan-cell">
      <span className="plan-cell-label" aria-hidden="true">
        {label}
      </span>
      {children}
    </div>
  );
}

function Line({ label, text }: { label: string; text: string }) {
  const { lang } = useI18n();
  return (
    <span className="plan-line">
      <span className="plan-line-label">
        {label}
        {lang === 'en' ? ': ' : '：'}
      </span>
      {text}
    </span>
  );
}

export function PlanTable({ items, caption }: { items: readonly PortalItem[]; caption: string }) {
  const { lang, t } = useI18n();
  const rows = useMemo(() => planRows(items, lang), [items, lang]);
  const columns = useMemo<Column<PlanRow>[]>(
    () => [
      {
        id: 'what',
        label: t('portal.plan.what'),
        value: (r) => `${r.title}；${r.laws}；${r.domain}`,
        render: (r) => (
          <Cell label={t('portal.plan.what')}>
            <strong className="plan-title">{r.title}</strong>
            <Line label={t('portal.plan.laws')} text={r.laws} />
            <Line label={t('portal.plan.domain')} text={r.domain} />
          </Cell>
        ),
      },
      {
        id: 'whom',
        label: t('portal.plan.whom'),
        value: (r) => `${r.audiences}；${r.districts}`,
        render: (r) => (
          <Cell label={t('portal.plan.whom')}>
            <Line label={t('portal.plan.audiences')} text={r.audiences} />
            <Line label={t('portal.plan.districts')} text={r.districts} />
          </Cell>
        ),
      },
      {
        id: 'how',
        label: t('portal.plan.how'),
        value: (r) => `${r.forms}；${r.venues}；${r.plannedCount}`,
        render: (r) => (
          <Cell label={t('portal.plan.how')}>
            <Line label={t('portal.plan.forms')} text={r.forms} />
            <Line label={t('portal.plan.venues')} text={r.venues} />
            <span className="plan-line">{t('portal.plan.planned', { count: formatInteger(r.plannedCount, lang) })}</span>
          </Cell>
        ),
      },
      {
        id: 'when',
        label: t('portal.plan.when'),
        value: (r) => r.when,
        render: (r) => <Cell label={t('portal.plan.when')}>{r.when}</Cell>,
      },
      {
        id: 'who',
        label: t('portal.plan.who'),
        value: (r) => `${r.leader}；${r.department}`,
        render: (r) => (
          <Cell label={t('portal.plan.who')}>
            <span className="plan-line">{t('portal.plan.leader', { name: r.leader })}</span>
            <span className="plan-line">{t('portal.plan.department', { name: r.department })}</span>
          </Cell>
        ),
      },
    ],
    [t, lang],
  );

  return (
    <DataTable
      className="plan-table"
      caption={caption}
      columns={columns}
      rows={rows}
      rowKey={(r) => r.id}
      searchable={rows.length > 6}
      download={{ fileName: caption }}
    />
  );
}
