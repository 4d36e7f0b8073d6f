/**
 * An agency's public page (/portal/<n>): what it announced for the year — its
 * responsibility list and annual plan, the activities that delivered the
 * announced items, its typical cases — and a way to order legal education
 * from it. Printable: the print style sheet drops the navigation and controls.
 */
import { useMemo } from 'react';
import { Card, ErrorPanel } from '../../app/Card';
import { cardState } from '../../app/cardState';
import { formatInteger } from '../../app/format';
import { useI18n } from '../../app/I18nContext';
import { usePathname, useSearch } from '../../app/location';
import { routeParams, type PageProps } from '../../app/routes';
import { localName } from '../../app/session';
import { useRetryableQuery } from '../../app/useRetryableQuery';
import { DataTable } from '../../components/table/DataTable';
import type { Column } from '../../components/table/tableData';
import { periodYear } from '../agencies/year';
import { casePath, idOf, keptSearch, orderPath, PORTAL_AGENCY_PAGE, portalPath } from './links';
import { PlanTable } from './PlanTable';
import { PortalLink } from './PortalLink';
import { AgencyPortalQuery, type PortalCase } from './portal.queries';
import { PublicCalendar } from './PublicCalendar';
import { YearSelect } from './YearSelect';
import '../training/pages.css';
import './portal.css';

export default function AgencyPortalPage({ view }: PageProps) {
  const { lang, t } = useI18n();
  const pathname = usePathname();
  const search = useSearch();
  const agencyId = idOf(routeParams(PORTAL_AGENCY_PAGE, pathname)?.id, 'Agency');
  const year = periodYear(view.period);
  const variables = useMemo(() => ({ agencyId: agencyId ?? '', year }), [agencyId, year]);
  const [result, retry] = useRetryableQuery(AgencyPortalQuery, variables, {
    pause: !agencyId,
  });
  const portal = result.data?.agencyPortal;
  const notFound = !agencyId || result.error?.graphQLErrors.some((e) => e.extensions?.code === 'NOT_FOUND' || e.extensions?.code === 'BAD_USER_INPUT');
  const linkSearch = keptSearch(search);
  const name = portal ? localName(portal.agency, lang) : '';
  const state = cardState(result, () => false);

  const caseColumns = useMemo<Column<PortalCase>[]>(
    () => [
      {
        id: 'title',
        label: t('portal.cases.col.title'),
        value: (c) => c.title,
        href: (c) => casePath(c.id, keptSearch(search, ['lang'])),
      },
      {
        id: 'law',
        label: t('portal.cases.col.law'),
        value: (c) => c.laws.map((l) => localName(l, lang)).join(lang === 'en' ? ', ' : '、'),
      },
      {
        id: 'domain',
        label: t('portal.cases.col.domain'),
        value: (c) => (c.domain ? localName(c.domain, lang) : null),
      },
      {
        id: 'date',
        label: t('portal.cases.col.date'),
        value: (c) => c.publishedOn ?? c.decidedOn,
        kind: 'date',
      },
    ],
    [t, lang, search],
  );

  return (
    <div className="page portal-page portal-agency-page">
      <p className="portal-back">
        <PortalLink href={portalPath(linkSearch)}>← {t('portal.agency.back')}</PortalLink>
      </p>
      {notFound && !portal ? (
        <div className="state-panel page-error" role="status">
          <p className="state-title">{t('portal.agency.notFound')}</p>
        </div>
      ) : (
        <>
          <div className="page-heading portal-heading">
            <h1>{portal ? t('portal.agency.heading', { agency: name, year }) : t('portal.heading')}</h1>
            <YearSelect year={year} />
          </div>
          <div className="portal-actions">
            {agencyId ? (
              <PortalLink className="button portal-order" href={orderPath(agencyId, search)}>
                {t('portal.agency.order')}
              </PortalLink>
            ) : null}
            <button type="button" className="button button-quiet" onClick={() => window.print()}>
              {t('portal.agency.print')}
            </button>
          </div>
          {state === 'error' ? (
            <ErrorPanel error={result.error} onRetry={retry} />
          ) : (
            <>
              <Card
                className="card-wide portal-plan"
                title={t('portal.plan.title')}
                unit={t('portal.plan.unit')}
                note={t('portal.plan.note')}
                state={state}
                updating={result.fetching}
                bodyHeight={280}
              >
                {portal && portal.items.length === 0 ? (
                  <p className="portal-empty" role="status">
                    {t('portal.plan.empty')}
                  </p>
                ) : portal ? (
                  <PlanTable items={portal.items} caption={`${name} ${year} ${t('portal.plan.title')}`} />
                ) : null}
              </Card>

              <Card
                className="card-wide"
                title={t('portal.calendar.title')}
                unit={t('unit.activitiesOnly')}
                note={t('portal.calendar.note')}
                state={state}
                updating={result.fetching}
                bodyHeight={260}
              >
                {portal && portal.activities.length === 0 ? (
                  <p className="portal-empty" role="status">
                    {t('portal.calendar.empty')}
                  </p>
                ) : portal ? (
                  <PublicCalendar activities={portal.activities} year={year} agencyName={name} />
                ) : null}
              </Card>

              <Card
                className="card-wide"
                title={t('portal.cases.title')}
                unit={t('portal.cases.unit')}
                note={portal ? t('portal.library.count', { count: formatInteger(portal.cases.length, lang) }) : undefined}
                state={state}
                updating={result.fetching}
                bodyHeight={160}
              >
                {portal && portal.cases.length === 0 ? (
                  <p className="portal-empty" role="status">
                    {t('portal.cases.empty')}
                  </p>
                ) : portal ? (
                  <DataTable
                    caption={`${name} ${t('portal.cases.title')}`}
                    columns={caseColumns}
                    rows={portal.cases}
                    rowKey={(c) => c.id}
                    searchable={portal.cases.length > 8}
                    download={false}
                  />
                ) : null}
              </Card>
            </>
          )}
        </>
      )}
    </div>
  );
}
