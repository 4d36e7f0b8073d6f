import { useId, useMemo } from 'react';
import { gql } from 'urql';
import { viewFilter } from '../../app/analytics';
import type { AnalyticsFilter, ApiLocale, Measure, MeasureValue } from '../../app/api-types';
import { ErrorPanel } from '../../app/Card';
import { useI18n } from '../../app/I18nContext';
import { apiLocale } from '../../app/i18n';
import { periodRange, previousYearRange } from '../../app/period';
import type { ViewState } from '../../app/url';
import { useRetryableQuery } from '../../app/useRetryableQuery';
import { buildKpis, KPI_MEASURES, KPI_SPECS, kpisEmpty } from './kpis';

interface KpiData {
  current: { totals: MeasureValue[] };
  previous: { totals: MeasureValue[] };
}

interface KpiVariables {
  measures: Measure[];
  filter: AnalyticsFilter;
  previousFilter: AnalyticsFilter;
  locale: ApiLocale;
}

// The period and the same period a year earlier, in one request: they are
// shown together, so they load and fail together.
const KpiQuery = gql<KpiData, KpiVariables>`
  query OverviewKpis(
    $measures: [Measure!]!
    $filter: AnalyticsFilter
    $previousFilter: AnalyticsFilter
    $locale: Locale
  ) {
    current: analytics(measures: $measures, filter: $filter, locale: $locale) {
      totals {
        measure
        value
      }
    }
    previous: analytics(measures: $measures, filter: $previousFilter, locale: $locale) {
      totals {
        measure
        value
      }
    }
  }
`;

export function KpiSection({ view }: { view: ViewState }) {
  const { lang, t } = useI18n();
  const headingId = useId();
  const variables = useMemo<KpiVariables>(
    () => ({
      measures: KPI_MEASURES,
      filter: viewFilter(view),
      previousFilter: viewFilter(view, previousYearRange(periodRange(view.period))),
      locale: apiLocale(lang),
    }),
    [view, lang],
  );
  const [result, retry] = useRetryableQuery(KpiQuery, variables);
  const { data, error, fetching } = result;

  let body;
  if (!data && error) {
    body = <ErrorPanel error={error} onRetry={retry} />;
  } else if (!data) {
    body = (
      <ul className="kpi-grid" role="status">
        {KPI_SPECS.map((s) => (
          <li key={s.measure} className={`kpi-card kpi-${s.group}`}>
            <div className="skeleton skeleton-line" />
            <div className="skeleton skeleton-figure" />
            <div className="skeleton skeleton-line short" />
          </li>
        ))}
        <span className="visually-hidden">{t('state.loading')}</span>
      </ul>
    );
  } else if (kpisEmpty(data.current.totals)) {
    body = (
      <div className="state-panel" role="status">
        <p className="state-title">{t('overview.kpisEmpty')}</p>
      </div>
    );
  } else {
    const kpis = buildKpis(data.current.totals, data.previous.totals, lang);
    body = (
      <ul className={`kpi-grid${fetching ? ' is-updating' : ''}`}>
        {kpis.map((kpi) => (
          <li key={kpi.measure} className={`kpi-card kpi-${kpi.group}`}>
            <p className="kpi-label">{kpi.label}</p>
            <p className="kpi-value">
              <span className="kpi-number">{kpi.value}</span>
              {kpi.unit && kpi.value !== '—' ? <span className="kpi-unit">{kpi.unit}</span> : null}
            </p>
            <p className={`kpi-change change-${kpi.change.direction}`}>
              <span className="visually-hidden">{kpi.change.label}</span>
              <span aria-hidden="true">
                <span className="kpi-change-label">{t('change.short')}</span>{' '}
                <span className="kpi-change-value">{kpi.change.text}</span>
              </span>
            </p>
          </li>
        ))}
      </ul>
    );
  }

  return (
    <section className="kpi-section" aria-labelledby={headingId} aria-busy={fetching || undefined}>
      <div className="section-heading">
        <h2 id={headingId} className="section-title">
          {t('overview.kpis')}
        </h2>
        <p className="section-note">{t('change.note')}</p>
      </div>
      {body}
    </section>
  );
}
