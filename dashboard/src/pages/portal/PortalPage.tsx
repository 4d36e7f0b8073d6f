/**
 * 政务公开 (/portal): the city's figures for a year and the agencies that
 * announced a responsibility list or typical cases, for anyone, signed in or
 * not — the portal is the public view (docs/portal.md).
 */
import { useMemo } from 'react';
import { Card } from '../../app/Card';
import { cardState } from '../../app/cardState';
import { useI18n } from '../../app/I18nContext';
import { useSearch } from '../../app/location';
import type { PageProps } from '../../app/routes';
import { localName } from '../../app/session';
import { useRetryableQuery } from '../../app/useRetryableQuery';
import { DataTable } from '../../components/table/DataTable';
import type { Column } from '../../components/table/tableData';
import { periodYear } from '../agencies/year';
import { FigureTiles, type Figure } from '../training/FigureTiles';
import { casesPath, feedbackPath, keptSearch, orderPath, portalAgencyPath } from './links';
import { PortalLink } from './PortalLink';
import { PortalHomeQuery, type PortalAgencyRow, type PortalFigures } from './portal.queries';
import { YearSelect } from './YearSelect';
import '../training/pages.css';
import './portal.css';

function figureTiles(f: PortalFigures, t: ReturnType<typeof useI18n>['t']): Figure[] {
  const tile = (id: string, label: string, value: number, unit: string): Figure => ({ id, label, value, unit, format: 'integer' });
  return [
    tile('activities', t('portal.fig.activities'), f.activities, t('unit.activities')),
    tile('participants', t('portal.fig.participants'), f.participants, t('unit.people')),
    tile('materials', t('portal.fig.materials'), f.materialsDistributed, t('unit.copies')),
    tile('consultations', t('portal.fig.consultations'), f.consultations, t('unit.people')),
    tile('cases', t('portal.fig.cases'), f.publishedCases, t('portal.unit.cases')),
    tile('items', t('portal.fig.items'), f.publishedItems, t('portal.unit.items')),
    tile('agencies', t('portal.fig.agencies'), f.agenciesWithPublishedList, t('portal.unit.agencies')),
  ];
}

export default function PortalPage({ view }: PageProps) {
  const { lang, t } = useI18n();
  const search = useSearch();
  const year = periodYear(view.period);
  const variables = useMemo(() => ({ year }), [year]);
  const [result, retry] = useRetryableQuery(PortalHomeQuery, variables);
  const data = result.data;
  const linkSearch = keptSearch(search);

  const columns = useMemo<Column<PortalAgencyRow>[]>(
    () => [
      {
        id: 'agency',
        label: t('portal.col.agency'),
        value: (r) => localName(r.agency, lang),
        href: (r) => portalAgencyPath(r.agency.id, linkSearch),
      },
      { id: 'level', label: t('portal.col.level'), value: (r) => t(r.agency.level === 'CITY' ? 'portal.level.CITY' : 'portal.level.DISTRICT') },
      { id: 'items', label: t('portal.col.items'), value: (r) => r.publishedItems, kind: 'integer' },
      { id: 'activities', label: t('portal.col.activities'), value: (r) => r.calendarActivities, kind: 'integer' },
      { id: 'cases', label: t('portal.col.cases'), value: (r) => r.publishedCases, kind: 'integer' },
    ],
    [t, lang, linkSearch],
  );

  return (
    <div className="page portal-page">
      <div className="page-heading portal-heading">
        <h1>{t('portal.heading')}</h1>
        <YearSelect year={year} />
      </div>
      <p className="portal-intro">{t('portal.intro')}</p>
      <nav className="portal-links" aria-label={t('portal.heading')}>
        <PortalLink href={casesPath(linkSearch)}>{t('portal.links.cases')}</PortalLink>
        <PortalLink href={feedbackPath(keptSearch(search, ['lang']))}>{t('portal.links.feedback')}</PortalLink>
        <PortalLink href={orderPath(null, search)}>{t('portal.links.order')}</PortalLink>
      </nav>

      <FigureTiles
        label={t('portal.figures', { year })}
        title={t('portal.figures', { year })}
        figures={data ? figureTiles(data.portalFigures, t) : undefined}
        placeholders={7}
        error={result.error}
        onRetry={retry}
      />

      <Card
        title={t('portal.agencies.title', { year })}
        unit={t('portal.agencies.unit')}
        note={t('portal.agencies.note')}
        state={cardState(result, () => false)}
        error={result.error}
        onRetry={retry}
        updating={result.fetching}
        bodyHeight={320}
      >
        {data && data.portalAgencies.length === 0 ? (
          <p className="portal-empty" role="status">
            {t('portal.agencies.empty')}
          </p>
        ) : (
          <DataTable
            caption={t('portal.agencies.title', { year })}
            columns={columns}
            rows={data?.portalAgencies}
            rowKey={(r) => r.agency.id}
            className="portal-agencies"
            searchable
            download={{ fileName: t('portal.agencies.title', { year }) }}
          />
        )}
      </Card>
    </div>
  );
}
