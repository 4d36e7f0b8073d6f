/** 总览 Overview: the city's key figures, monthly trend, agency ranking and districts. */
import { useQuery } from 'urql';
import { useI18n } from '../../app/I18nContext';
import { formatPeriod } from '../../app/period';
import type { PageProps } from '../../app/routes';
import { DistrictsQuery, regionName } from '../../app/shell.queries';
import { AgencyRankingCard, DistrictBreakdownCard, MonthlyTrendCard } from './ChartCards';
import { KpiSection } from './KpiSection';

export default function OverviewPage({ view }: PageProps) {
  const { lang, t } = useI18n();
  // Same document as the filter bar's, so this is answered from urql's cache.
  const [districts] = useQuery({ query: DistrictsQuery });
  const district = view.district
    ? districts.data?.regions.edges.find((e) => e.node.id === view.district)?.node
    : undefined;
  const districtName = view.district ? (district ? regionName(district, lang) : view.district) : t('filters.allDistricts');

  return (
    <div className="page">
      <div className="page-heading">
        <h1>{t('overview.heading')}</h1>
        <p className="page-scope">
          {t('filters.summary', { period: formatPeriod(view.period, lang), district: districtName })}
        </p>
      </div>
      <KpiSection view={view} />
      <div className="chart-grid">
        <MonthlyTrendCard view={view} />
        <AgencyRankingCard view={view} />
        <DistrictBreakdownCard view={view} />
      </div>
    </div>
  );
}
