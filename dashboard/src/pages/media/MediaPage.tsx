/**
 * 媒体 Media: broadcast slots and minutes by outlet and month, prime-time
 * share and public-service ads by outlet, a calendar of slots per day and a
 * table by outlet. Figures by outlet are for the accounts that read every
 * unit's records; the others see the city's figures by month, a media
 * partner also its own outlet's (counted from its slot records), and the
 * accounts that may list slots their calendar. Every bar, day and figure
 * opens the slots behind it.
 */
import { useMemo, useState } from 'react';
import { measureValue } from '../../app/analytics';
import type { AnalyticsVariables } from '../../app/api-types';
import { cardState } from '../../app/cardState';
import { useI18n } from '../../app/I18nContext';
import { apiLocale, type MessageKey, type Translate } from '../../app/i18n';
import type { PageProps } from '../../app/routes';
import { canSeeUnitRanking } from '../../app/roles';
import { localName, sessionRole, useSession } from '../../app/session';
import { useRetryableQuery } from '../../app/useRetryableQuery';
import { ViewSummary } from '../../app/ViewSummary';
import { slotFilterOf, type RecordsDrill, type SlotFilter } from '../../components/records/drills';
import { RecordsDrawer } from '../../components/records/RecordsDrawer';
import { FigureTiles, type Figure } from '../training/FigureTiles';
import { RestrictedCard } from '../training/Restricted';
import { MonthlyCard, OutletCards } from './MediaCharts';
import { MEDIA_MEASURES, mediaFilter, slotsDrill, type MediaMeasure } from './mediaData';
import { MediaMonthlyQuery } from './media.queries';
import { OwnOutletCard, SlotCalendarCard } from './SlotCalendarCard';
import { useAllSlots } from './useAllSlots';
import '../training/pages.css';

/** Roles whose slot records the hub lists (a partner its outlet's, a reporter its agency's as partner). */
function mayListSlots(role: string | null): boolean {
  return canSeeUnitRanking(role) || role === 'MEDIA_PARTNER' || role === 'AGENCY_REPORTER';
}

export default function MediaPage({ view }: PageProps) {
  const { lang, t } = useI18n();
  const { session } = useSession();
  const [drill, setDrill] = useState<RecordsDrill | null>(null);
  const role = sessionRole(session);
  const loadingSession = session.status === 'loading';
  const byOutlet = canSeeUnitRanking(role);
  const filter = useMemo(() => mediaFilter(view), [view]);
  const slotFilter = useMemo(() => slotFilterOf(filter), [filter]);

  const variables = useMemo<AnalyticsVariables>(
    () => ({
      measures: [...MEDIA_MEASURES],
      groupBy: byOutlet ? ['OUTLET', 'MONTH'] : ['MONTH'],
      filter,
      locale: apiLocale(lang),
    }),
    [byOutlet, filter, lang],
  );
  const [monthly, retryMonthly] = useRetryableQuery(MediaMonthlyQuery, variables, { pause: loadingSession });
  const monthlyState = cardState(monthly, (d) => measureValue(d.analytics.totals, 'BROADCAST_COUNT') === 0);
  const totals = monthly.data?.analytics.totals;

  const listSlots = !loadingSession && mayListSlots(role);
  const slots = useAllSlots(slotFilter, !listSlots);

  const figures = useMemo<Figure[] | undefined>(
    () => (totals ? mediaFigures(totals, t, (title, extra) => setDrill(slotsDrill(title, { ...slotFilter, ...extra }))) : undefined),
    [totals, t, slotFilter],
  );

  const own = session.status === 'signedIn' && role === 'MEDIA_PARTNER' ? session.user.outlet : null;
  const agency = session.status === 'signedIn' && role === 'AGENCY_REPORTER' ? session.user.agency : null;
  const calendarTitle = own
    ? t('media.calendar.titleOwn', { outlet: localName(own, lang) })
    : agency
      ? t('media.calendar.titleAgency', { agency: localName(agency, lang) })
      : t('media.calendar.title');

  return (
    <div className="page">
      <div className="page-heading">
        <h1>{t('media.heading')}</h1>
        <ViewSummary view={view} />
      </div>
      {view.district ? (
        <ul className="page-notes" role="note">
          <li>{t('media.noDistrict')}</li>
        </ul>
      ) : null}

      {own && slots.slots ? <OwnOutletCard outlet={own} slots={slots.slots} view={view} /> : null}

      <FigureTiles
        label={t('media.figures')}
        {...(own ? { title: t('media.cityFigures') } : {})}
        figures={monthlyState === 'error' ? undefined : figures}
        error={monthlyState === 'error' ? monthly.error : undefined}
        onRetry={retryMonthly}
      />

      <div className="two-charts">
        {(['BROADCAST_COUNT', 'BROADCAST_MINUTES'] as const).map((measure) => (
          <MonthlyCard
            key={measure}
            view={view}
            measure={measure}
            byOutlet={byOutlet}
            result={monthly}
            state={loadingSession ? 'loading' : monthlyState}
            onRetry={retryMonthly}
            slotFilter={slotFilter}
            onDrill={setDrill}
          />
        ))}
      </div>

      {loadingSession ? null : byOutlet ? (
        <OutletCards view={view} filter={filter} slotFilter={slotFilter} onDrill={setDrill} />
      ) : (
        <RestrictedCard
          title={t('media.outlets.title')}
          message={role ? t('media.outlets.restricted') : t('media.outlets.signIn')}
          signIn={!role}
        />
      )}

      {loadingSession ? null : listSlots ? (
        <SlotCalendarCard
          title={calendarTitle}
          view={view}
          slots={slots}
          slotFilter={slotFilter}
          onDrill={setDrill}
        />
      ) : (
        <RestrictedCard
          title={t('media.calendar.title')}
          message={role ? t('media.calendar.restricted') : t('media.calendar.signIn')}
          signIn={!role}
        />
      )}
      <RecordsDrawer drill={drill} onClose={() => setDrill(null)} />
    </div>
  );
}

/** The key figures: slots, minutes, prime-time share, public-service ads; counts open their slots. */
function mediaFigures(
  totals: Parameters<typeof measureValue>[0],
  t: Translate,
  open: (title: string, extra: SlotFilter) => void,
): Figure[] {
  const figure = (measure: MediaMeasure, format: Figure['format'], unit: string | undefined, extra?: SlotFilter): Figure => {
    const label = t(`media.figure.${measure}` as MessageKey);
    return {
      id: measure,
      label,
      value: measureValue(totals, measure),
      format,
      ...(unit ? { unit } : {}),
      ...(extra ? { onOpen: () => open(t('drawer.figureRecords', { figure: label }), extra) } : {}),
    };
  };
  return [
    figure('BROADCAST_COUNT', 'integer', t('unit.slots'), {}),
    figure('BROADCAST_MINUTES', 'integer', t('unit.minutes')),
    figure('PRIME_TIME_SHARE', 'percent', undefined, { primeTime: true }),
    figure('PUBLIC_SERVICE_ADS', 'integer', t('unit.slots'), { kinds: ['PUBLIC_SERVICE_AD'] }),
  ];
}

