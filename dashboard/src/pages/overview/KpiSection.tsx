import { useId, useMemo } from 'react';
import type { CombinedError } from 'urql';
import { viewFilter } from '../../app/analytics';
import type { AnalyticsFilter, ApiLocale, Measure } from '../../app/api-types';
import { graphql, withOperationName, type ResultOf } from '../../app/graphql';
import { ErrorPanel } from '../../app/Card';
import { cardState } from '../../app/cardState';
import { useI18n } from '../../app/I18nContext';
import { apiLocale, type Translate } from '../../app/i18n';
import { analyticsRecords, type RecordsDrill } from '../../components/records/drills';
import type { ViewState } from '../../app/url';
import { useRetryableQuery } from '../../app/useRetryableQuery';
import { buildKpis, KPI_FACTS, kpiFact, kpisEmpty, planKpis, type KpiFact, type KpiView } from './kpis';

/** A key figure with the same period last year and the change, as the API computes them. Plain data. */
const ComparedValueFields = graphql(`
  fragment ComparedValueFields on MeasureValue @_unmask {
    measure
    value
    previous
    change
  }
`);

/**
 * One operation per fact: `analytics` is non-null, so an error in one field
 * nulls the whole response, and one failing fact would blank every card.
 * Each operation asks for the period compared with the same period a year
 * earlier (`compare: SAME_PERIOD_LAST_YEAR`): the change shown is the API's.
 */
const KpiQuery = graphql(
  `
    query OverviewKpis($measures: [Measure!]!, $filter: AnalyticsFilter, $locale: Locale) {
      analytics(measures: $measures, filter: $filter, locale: $locale, compare: SAME_PERIOD_LAST_YEAR) {
        previousFrom
        previousTo
        totals {
          ...ComparedValueFields
        }
      }
    }
  `,
  [ComparedValueFields],
);

type KpiData = ResultOf<typeof KpiQuery>;

interface KpiVariables {
  measures: Measure[];
  filter: AnalyticsFilter;
  locale: ApiLocale;
}

const KPI_QUERIES: Record<KpiFact, typeof KpiQuery> = {
  activity: withOperationName(KpiQuery, 'OverviewKpisActivity'),
  broadcast: withOperationName(KpiQuery, 'OverviewKpisBroadcast'),
  training: withOperationName(KpiQuery, 'OverviewKpisTraining'),
  survey: withOperationName(KpiQuery, 'OverviewKpisSurvey'),
};

type GroupState = 'notApplicable' | 'loading' | 'error' | 'ready';

interface KpiGroup {
  state: GroupState;
  data: KpiData | undefined;
  error: CombinedError | undefined;
  /** A newer result is loading over the shown one. */
  updating: boolean;
  retry: () => void;
}

/** The query of one fact's key figures; paused when no filter-compatible figure is left. */
function useKpiGroup(fact: KpiFact, variables: KpiVariables): KpiGroup {
  const pause = variables.measures.length === 0;
  const [result, retry] = useRetryableQuery(KPI_QUERIES[fact], variables, { pause });
  if (pause) return { state: 'notApplicable', data: undefined, error: undefined, updating: false, retry };
  const state = cardState(result, () => false) as Exclude<GroupState, 'notApplicable'>;
  return {
    state,
    data: state === 'ready' ? (result.data ?? undefined) : undefined,
    error: result.error,
    updating: state === 'ready' && result.fetching,
    retry,
  };
}

export function KpiSection({ view, onDrill }: { view: ViewState; onDrill: (drill: RecordsDrill) => void }) {
  const { lang, t } = useI18n();
  const headingId = useId();
  const plan = useMemo(() => {
    const filter = viewFilter(view);
    const { measures, notApplicable } = planKpis(filter);
    const locale = apiLocale(lang);
    const variables = (fact: KpiFact): KpiVariables => ({ measures: measures[fact], filter, locale });
    return {
      filter,
      notApplicable,
      variables: {
        activity: variables('activity'),
        broadcast: variables('broadcast'),
        training: variables('training'),
        survey: variables('survey'),
      } satisfies Record<KpiFact, KpiVariables>,
    };
  }, [view, lang]);

  // One hook per fact, always in this order; the Record type keeps the list complete.
  const groups: Record<KpiFact, KpiGroup> = {
    activity: useKpiGroup('activity', plan.variables.activity),
    broadcast: useKpiGroup('broadcast', plan.variables.broadcast),
    training: useKpiGroup('training', plan.variables.training),
    survey: useKpiGroup('survey', plan.variables.survey),
  };

  const asked = KPI_FACTS.map((f) => groups[f]).filter((g) => g.state !== 'notApplicable');
  const failed = asked.filter((g) => g.state === 'error');
  const ready = asked.filter((g) => g.state === 'ready');
  const updating = asked.some((g) => g.updating);
  const fetching = updating || asked.some((g) => g.state === 'loading');
  const retryFailed = () => failed.forEach((g) => g.retry());

  const current = ready.flatMap((g) => g.data!.analytics.totals);
  const kpis = buildKpis(current, lang, plan.notApplicable);

  let body;
  if (asked.length > 0 && failed.length === asked.length) {
    // Nothing to show at all (e.g. the hub is unreachable): one message, not nine.
    body = <ErrorPanel error={failed[0]!.error} onRetry={retryFailed} />;
  } else if (ready.length === asked.length && kpisEmpty(current)) {
    body = (
      <div className="state-panel" role="status">
        <p className="state-title">{t('overview.kpisEmpty')}</p>
      </div>
    );
  } else {
    body = (
      <>
        <ul className="kpi-grid">
          {kpis.map((kpi) => (
            <KpiCard
              key={kpi.measure}
              kpi={kpi}
              group={groups[kpiFact(kpi.measure)]}
              onOpen={drillOf(kpi, plan.filter, t, onDrill)}
            />
          ))}
        </ul>
        {failed.length > 0 ? (
          <ErrorPanel
            className="kpi-error"
            title={t('kpi.partialError')}
            error={failed[0]!.error}
            onRetry={retryFailed}
          />
        ) : null}
      </>
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

/** Opens the records behind a key figure, when a record list can select exactly them (not training). */
function drillOf(
  kpi: KpiView,
  filter: AnalyticsFilter,
  t: Translate,
  onDrill: (drill: RecordsDrill) => void,
): (() => void) | undefined {
  const fact = kpiFact(kpi.measure);
  const source = fact === 'training' ? null : analyticsRecords(fact, filter);
  if (!source) return undefined;
  return () => onDrill({ title: t('drawer.figureRecords', { figure: kpi.label }), source });
}

function KpiCard({ kpi, group, onOpen }: { kpi: KpiView; group: KpiGroup; onOpen: (() => void) | undefined }) {
  const { t } = useI18n();
  const className = `kpi-card kpi-${kpi.group}`;
  if (kpi.note) {
    return (
      <li className={`${className} kpi-not-applicable`} data-measure={kpi.measure}>
        <p className="kpi-label">{kpi.label}</p>
        <p className="kpi-value">
          <span className="kpi-number" aria-hidden="true">
            {kpi.value}
          </span>
        </p>
        <p className="kpi-note">{kpi.note}</p>
      </li>
    );
  }
  if (group.state === 'loading') {
    return (
      <li className={className} data-measure={kpi.measure}>
        <p className="kpi-label">{kpi.label}</p>
        <div className="skeleton skeleton-figure" />
        <div className="skeleton skeleton-line short" />
        <span className="visually-hidden">{t('state.loading')}</span>
      </li>
    );
  }
  if (group.state === 'error') {
    return (
      <li className={`${className} kpi-failed`} data-measure={kpi.measure}>
        <p className="kpi-label">{kpi.label}</p>
        <p className="kpi-value">
          <span className="kpi-number" aria-hidden="true">
            —
          </span>
        </p>
        <p className="kpi-note">{t('kpi.failed')}</p>
      </li>
    );
  }
  return (
    <li className={`${className}${group.updating ? ' is-updating' : ''}`} data-measure={kpi.measure}>
      <p className="kpi-label">{kpi.label}</p>
      <p className="kpi-value">
        {onOpen && kpi.value !== '—' ? (
          <button
            type="button"
            className="kpi-open"
            aria-label={t('table.openRecords', { figure: `${kpi.label} ${kpi.value}${kpi.unit ? ` ${kpi.unit}` : ''}` })}
            onClick={onOpen}
          >
            <span className="kpi-number">{kpi.value}</span>
          </button>
        ) : (
          <span className="kpi-number">{kpi.value}</span>
        )}
        {kpi.unit && kpi.value !== '—' ? <span className="kpi-unit">{kpi.unit}</span> : null}
      </p>
      <p className={`kpi-change change-${kpi.change.direction}`} title={t('change.previous', { value: kpi.previous })}>
        <span className="visually-hidden">
          {kpi.change.label}
          {kpi.previous !== '—' ? t('change.previousNote', { value: kpi.previous }) : null}
        </span>
        <span aria-hidden="true">
          <span className="kpi-change-label">{t('change.short')}</span>{' '}
          <span className="kpi-change-value">{kpi.change.text}</span>
        </span>
      </p>
    </li>
  );
}
