/**
 * 培训 Training: attendance rate, hours and pass rate, by session kind for
 * every account (the city's, or a reporter's own agency's), leading cadres'
 * study on its own, and — for the accounts that read every unit's records —
 * the attendance rate per agency and session kind and a table per agency.
 * For the accounts that may list attendance records, the figures that count
 * attendance (tiles, the table's counts and rates, heatmap cells) open the
 * rows behind them.
 */
import { useCallback, useMemo, useState } from 'react';
import type { AnalyticsVariables } from '../../app/api-types';
import { cardState } from '../../app/cardState';
import { useI18n } from '../../app/I18nContext';
import { apiLocale, type MessageKey } from '../../app/i18n';
import { formatPeriod } from '../../app/period';
import type { PageProps } from '../../app/routes';
import { canSeeUnitRanking } from '../../app/roles';
import { sessionRole, useSession } from '../../app/session';
import { useRetryableQuery } from '../../app/useRetryableQuery';
import { ViewSummary } from '../../app/ViewSummary';
import { attendanceDrill, type AttendanceRows, type RecordsDrill } from '../../components/records/drills';
import { RecordsDrawer } from '../../components/records/RecordsDrawer';
import { FigureTiles, type Figure } from './FigureTiles';
import { RestrictedCard } from './Restricted';
import {
  AttendanceHeatmapCard,
  AgencyTableCard,
  KindHoursCard,
  KindRatesCard,
  LeadingCadresCard,
  type OpenAttendance,
} from './TrainingCharts';
import { agencyItems, kindItems, trainingFigures, TRAINING_MEASURES, trainingFilter } from './trainingData';
import { TrainingByAgencyQuery, TrainingByKindQuery } from './training.queries';
import './pages.css';

/** Roles the hub lists attendance records to (a reporter its own agency's). */
function mayListAttendance(role: string | null): boolean {
  return canSeeUnitRanking(role) || role === 'AGENCY_REPORTER';
}

const DRILL_TITLES: Record<AttendanceRows, MessageKey> = {
  required: 'training.drill.required',
  attended: 'training.drill.attended',
  leadingRequired: 'training.drill.leading',
  all: 'training.drill.all',
  scored: 'training.drill.scored',
};

export default function TrainingPage({ view }: PageProps) {
  const { lang, t } = useI18n();
  const { session } = useSession();
  const role = sessionRole(session);
  const loadingSession = session.status === 'loading';
  const unitLevel = canSeeUnitRanking(role);
  const filter = useMemo(() => trainingFilter(view), [view]);
  const locale = apiLocale(lang);
  const [drill, setDrill] = useState<RecordsDrill | null>(null);

  // "2025年 某局 执法人员培训 应参训记录": the period, then the group the figure belongs to.
  const openAttendance = useCallback<OpenAttendance>(
    (rows, keys = {}) => {
      const scope = [formatPeriod(view.period, lang), keys.agency?.label, keys.kind?.label]
        .filter(Boolean)
        .join(t('training.drill.separator'));
      const title = t(DRILL_TITLES[rows], { scope });
      setDrill(attendanceDrill(title, filter, { agency: keys.agency?.id, sessionKind: keys.kind?.id }, rows));
    },
    [view.period, lang, t, filter],
  );
  const open = !loadingSession && mayListAttendance(role) ? openAttendance : undefined;

  const kindVariables = useMemo<AnalyticsVariables>(
    () => ({ measures: [...TRAINING_MEASURES], groupBy: ['SESSION_KIND'], filter, locale }),
    [filter, locale],
  );
  const [byKind, retryByKind] = useRetryableQuery(TrainingByKindQuery, kindVariables, { pause: loadingSession });
  const kindState = cardState(byKind, (d) => d.analytics.rows.length === 0);
  const kinds = useMemo(() => (byKind.data ? kindItems(byKind.data.analytics.rows) : undefined), [byKind.data]);
  const kindCard = { state: loadingSession ? ('loading' as const) : kindState, error: byKind.error, onRetry: retryByKind, updating: byKind.fetching };

  const agencyVariables = useMemo<AnalyticsVariables>(
    () => ({ measures: [...TRAINING_MEASURES], groupBy: ['AGENCY'], filter, locale }),
    [filter, locale],
  );
  const [byAgency, retryByAgency] = useRetryableQuery(TrainingByAgencyQuery, agencyVariables, { pause: !unitLevel });
  const agencies = useMemo(() => (byAgency.data ? agencyItems(byAgency.data.analytics.rows) : undefined), [byAgency.data]);
  const agencyCard = {
    state: cardState(byAgency, (d) => d.analytics.rows.length === 0),
    error: byAgency.error,
    onRetry: retryByAgency,
    updating: byAgency.fetching,
  };

  const totals = byKind.data?.analytics.totals;
  const figures = useMemo<Figure[] | undefined>(() => {
    if (!totals) return undefined;
    const f = trainingFigures(totals);
    // A rate opens its denominator's rows: those required to attend.
    const opens = (rows: AttendanceRows) => (open ? { onOpen: () => open(rows) } : {});
    return [
      { id: 'TRAINING_REQUIRED', label: t('training.figure.required'), value: f.required, format: 'integer', unit: t('unit.people'), ...opens('required') },
      { id: 'TRAINING_ATTENDANCE_RATE', label: t('training.figure.rate'), value: f.rate, format: 'percent', ...opens('required') },
      { id: 'LEADING_CADRE_ATTENDANCE_RATE', label: t('training.figure.leadingRate'), value: f.leadingRate, format: 'percent', ...opens('leadingRequired') },
      { id: 'TRAINING_HOURS', label: t('training.figure.hours'), value: f.hours, format: Number.isInteger(f.hours) ? 'integer' : 'decimal', unit: t('unit.hours'), ...opens('all') },
      { id: 'TRAINING_PASS_RATE', label: t('training.figure.passRate'), value: f.passRate, format: 'percent', ...opens('scored') },
    ];
  }, [totals, t, open]);

  const notes: string[] = [];
  if (view.domain) notes.push(t('training.noDomain'));
  if (open) notes.push(t('training.openRecords'));

  return (
    <div className="page">
      <div className="page-heading">
        <h1>{t('training.heading')}</h1>
        <ViewSummary view={view} />
      </div>
      <ul className="page-notes" role="note">
        {notes.map((note) => (
          <li key={note}>{note}</li>
        ))}
      </ul>

      <FigureTiles
        label={t('training.figures')}
        placeholders={5}
        figures={kindState === 'error' ? undefined : figures}
        error={kindState === 'error' ? byKind.error : undefined}
        onRetry={retryByKind}
      />

      <div className="two-charts">
        <KindRatesCard view={view} kinds={kinds} onOpen={open} {...kindCard} />
        <KindHoursCard view={view} kinds={kinds} onOpen={open} {...kindCard} />
      </div>

      <LeadingCadresCard
        view={view}
        kinds={kinds}
        totals={totals}
        kindCard={kindCard}
        agencies={unitLevel ? agencies : null}
        agencyCard={agencyCard}
        onOpen={open}
      />

      {loadingSession ? null : unitLevel ? (
        <>
          <AttendanceHeatmapCard view={view} filter={filter} agencies={agencies} agencyCard={agencyCard} onOpen={open} />
          <AgencyTableCard view={view} agencies={agencies} onOpen={open} {...agencyCard} />
        </>
      ) : (
        <RestrictedCard
          title={t('training.units.title')}
          message={role ? t('training.units.restricted') : t('training.units.signIn')}
          signIn={!role}
        />
      )}
      <RecordsDrawer drill={drill} onClose={() => setDrill(null)} />
    </div>
  );
}
