/**
 * 总览 Overview: the city's key figures with their change against last year,
 * the monthly trend, the agency ranking and districts, and — for the roles
 * that may read them — the top overlap gaps and the rectification list.
 */
import { useState } from 'react';
import { useI18n } from '../../app/I18nContext';
import type { PageProps } from '../../app/routes';
import { ViewSummary } from '../../app/ViewSummary';
import type { RecordsDrill } from '../../components/records/drills';
import { RecordsDrawer } from '../../components/records/RecordsDrawer';
import { AgencyRankingCard, DistrictBreakdownCard, MonthlyTrendCard } from './ChartCards';
import { KpiSection } from './KpiSection';
import { NoticeCards } from './NoticeCards';
import './overview.css';

export default function OverviewPage({ view }: PageProps) {
  const { t } = useI18n();
  // The records behind a clicked figure (a key figure, a month, an agency, a district).
  const [drill, setDrill] = useState<RecordsDrill | null>(null);

  return (
    <div className="page">
      <div className="page-heading">
        <h1>{t('overview.heading')}</h1>
        <ViewSummary view={view} />
      </div>
      <KpiSection view={view} onDrill={setDrill} />
      <div className="chart-grid">
        <MonthlyTrendCard view={view} onDrill={setDrill} />
        <AgencyRankingCard view={view} onDrill={setDrill} />
        <DistrictBreakdownCard view={view} onDrill={setDrill} />
      </div>
      <NoticeCards view={view} onDrill={setDrill} />
      <RecordsDrawer drill={drill} onClose={() => setDrill(null)} />
    </div>
  );
}
