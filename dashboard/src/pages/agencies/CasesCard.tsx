/**
 * The agency's typical cases (以案释法), every year, newest decision first:
 * the records themselves, so the table is the lineage. Unpublished cases are
 * listed only to the accounts that may read them (the hub decides).
 */
import { useMemo } from 'react';
import { Card } from '../../app/Card';
import { cardState } from '../../app/cardState';
import { formatInteger } from '../../app/format';
import { useI18n } from '../../app/I18nContext';
import { localName } from '../../app/session';
import { useRetryableQuery } from '../../app/useRetryableQuery';
import { DataTable } from '../../components/table/DataTable';
import type { Column } from '../../components/table/tableData';
import { AgencyCasesQuery, type AgencyCase } from './agency.queries';

/** Enough for any unit's case library on one page (a few a year). */
const CASES_LIMIT = 100;

export function CasesCard({ agencyId, agencyName }: { agencyId: string; agencyName: string }) {
  const { lang, t } = useI18n();
  const variables = useMemo(() => ({ filter: { agencyIds: [agencyId] }, first: CASES_LIMIT }), [agencyId]);
  const [result, retry] = useRetryableQuery(AgencyCasesQuery, variables);
  const cases = result.data?.cases;
  const state = cardState(result, () => false);
  const title = t('agency.cases.title');
  const columns = useMemo<Column<AgencyCase>[]>(
    () => [
      { id: 'decidedOn', label: t('agency.cases.decidedOn'), value: (c) => c.decidedOn, kind: 'date' },
      { id: 'title', label: t('agency.cases.case'), value: (c) => c.title, render: (c) => <span title={c.summary}>{c.title}</span> },
      { id: 'domain', label: t('agency.cases.domain'), value: (c) => (c.domain ? localName(c.domain, lang) : null) },
      { id: 'publishedOn', label: t('agency.cases.publishedOn'), value: (c) => (c.published ? c.publishedOn : null), kind: 'date' },
    ],
    [t, lang],
  );

  return (
    <Card
      title={title}
      unit={cases ? t('agency.cases.count', { count: formatInteger(cases.totalCount, lang) }) : undefined}
      note={t('agency.cases.note')}
      state={state}
      error={result.error}
      onRetry={retry}
      updating={result.fetching}
      bodyHeight={240}
    >
      {cases?.totalCount === 0 ? (
        <p className="agencies-empty" role="status">
          {t('agency.cases.none')}
        </p>
      ) : cases ? (
        <>
          <DataTable
            caption={`${agencyName} ${title}`}
            columns={columns}
            rows={cases.nodes}
            rowKey={(c) => c.id}
            searchable={cases.nodes.length > 8}
          />
          {cases.totalCount > cases.nodes.length ? (
            <p className="agencies-note">{t('agency.cases.more', { shown: cases.nodes.length, count: cases.totalCount })}</p>
          ) : null}
        </>
      ) : null}
    </Card>
  );
}
