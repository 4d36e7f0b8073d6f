/**
 * 问卷 Surveys: legal awareness per law and satisfaction per agency from the
 * third-party surveys, each with its 95% interval, small samples marked and
 * tiers shown (docs/metrics.md, "Survey results: intervals and tiers"); the
 * same by district; and waves compared side by side. Every figure opens the
 * responses it was computed from.
 *
 * Figures per law, district and wave are public. Figures per agency are for
 * the accounts that read every unit; an agency reporter sees its own agency's
 * satisfaction by wave instead (the hub lets it filter by its own agency but
 * not group by agency).
 */
import { useId, useMemo, useState } from 'react';
import { Card } from '../../app/Card';
import { agencyChoice } from '../../app/filterAccess';
import { useI18n } from '../../app/I18nContext';
import { formatDateRange } from '../../app/format';
import { formatPeriod } from '../../app/period';
import type { PageProps } from '../../app/routes';
import { localName, useSession } from '../../app/session';
import { SignInLink } from '../../app/SignInLink';
import { useFilterNames, ViewSummary } from '../../app/ViewSummary';
import { measureName, type SurveyMeasure } from '../../charts/surveyFigures';
import type { RecordsDrill } from '../../components/records/drills';
import { RecordsDrawer } from '../../components/records/RecordsDrawer';
import { CardControls, Choice, SurveyResultsCard } from './SurveyResultsCard';
import { comparisonGroupings, surveyFilter, usableGrouping, wavesRange, type SurveyGrouping } from './surveyData';
import { AwarenessByLawQuery, ByDistrictQuery, SatisfactionByAgencyQuery, WavesComparedQuery } from './surveys.queries';
import './surveys.css';

const MEASURES: readonly SurveyMeasure[] = ['AWARENESS', 'SATISFACTION'];

export default function SurveysPage({ view }: PageProps) {
  const { lang, t } = useI18n();
  const { session } = useSession();
  const choice = agencyChoice(session);
  const names = useFilterNames(view);
  const [drill, setDrill] = useState<RecordsDrill | null>(null);
  const periodText = formatPeriod(view.period, lang);

  const scope = useMemo(
    () => ({ period: view.period, district: view.district, agency: view.agency }),
    [view.period, view.district, view.agency],
  );
  const filter = useMemo(() => surveyFilter(scope), [scope]);
  const cityWide = useMemo(() => surveyFilter(scope, { allDistricts: true }), [scope]);
  const ownAgency = choice.kind === 'own' ? choice.agency.id : null;
  const ownFilter = useMemo(() => (ownAgency ? surveyFilter({ ...scope, agency: ownAgency }) : null), [scope, ownAgency]);
  const agencyNote = names.agency ? t('surveys.note.agency', { agency: names.agency }) : undefined;

  return (
    <div className="page surveys-page">
      <div className="page-heading">
        <h1>{t('surveys.heading')}</h1>
        <ViewSummary view={view} />
      </div>
      {view.domain ? (
        <p className="notice" role="note">
          {t('surveys.domainIgnored')}
        </p>
      ) : null}

      <div className="chart-grid">
        <SurveyResultsCard
          className="card-wide"
          title={t('surveys.awarenessByLaw')}
          unitLabel={t('surveys.col.law')}
          measure="AWARENESS"
          by="LAW"
          filter={filter}
          query={AwarenessByLawQuery}
          note={agencyNote}
          periodText={periodText}
          testId="awareness-by-law"
          onDrill={setDrill}
        />

        {choice.kind === 'all' ? (
          <SurveyResultsCard
            className="card-wide"
            title={t('surveys.satisfactionByAgency')}
            unitLabel={t('surveys.col.agency')}
            measure="SATISFACTION"
            by="AGENCY"
            filter={filter}
            query={SatisfactionByAgencyQuery}
            periodText={periodText}
            testId="satisfaction-by-agency"
            onDrill={setDrill}
          />
        ) : choice.kind === 'own' && ownFilter ? (
          <SurveyResultsCard
            className="card-wide"
            title={t('surveys.ownSatisfaction', { agency: localName(choice.agency, lang) })}
            unitLabel={t('surveys.col.wave')}
            measure="SATISFACTION"
            by="WAVE"
            filter={ownFilter}
            query={SatisfactionByAgencyQuery}
            note={t('surveys.ownOnly')}
            periodText={periodText}
            testId="satisfaction-by-agency"
            onDrill={setDrill}
          />
        ) : (
          <Card
            className="card-wide card-restricted"
            title={t('surveys.satisfactionByAgency')}
            state={choice.kind === 'pending' ? 'loading' : 'ready'}
            bodyHeight={200}
          >
            <div className="restricted-panel survey-restricted" role="note">
              <p className="restricted-title">
                {choice.kind === 'none' && !choice.signedIn ? t('surveys.agencySignIn') : t('surveys.agencyRestricted')}
              </p>
              {choice.kind === 'none' && !choice.signedIn ? <SignInLink className="button" /> : null}
            </div>
          </Card>
        )}

        <DistrictCard view={view} filter={cityWide} periodText={periodText} onDrill={setDrill} />
        <ReadingCard />
        <WavesCard view={view} scope={scope} unitLevel={choice.kind === 'all'} onDrill={setDrill} />
      </div>
      <RecordsDrawer drill={drill} onClose={() => setDrill(null)} />
    </div>
  );
}

interface DistrictCardProps {
  view: PageProps['view'];
  filter: ReturnType<typeof surveyFilter>;
  periodText: string;
  onDrill: (drill: RecordsDrill) => void;
}

/** Every district, for the chosen period (and agency); a chosen district stands out among the others. */
function DistrictCard({ view, filter, periodText, onDrill }: DistrictCardProps) {
  const { lang, t } = useI18n();
  const name = useId();
  const [measure, setMeasure] = useState<SurveyMeasure>('AWARENESS');
  return (
    <div className="survey-card-frame">
      <CardControls label={t('surveys.byDistrict')}>
        <Choice
          name={`${name}-measure`}
          label={t('surveys.choice.measure')}
          options={MEASURES.map((m) => ({ value: m, label: measureName(m, lang) }))}
          value={measure}
          onChange={setMeasure}
        />
      </CardControls>
      <SurveyResultsCard
        title={t('surveys.byDistrictOf', { measure: measureName(measure, lang) })}
        unitLabel={t('surveys.col.district')}
        measure={measure}
        by="DISTRICT"
        filter={filter}
        query={ByDistrictQuery}
        highlight={view.district}
        note={view.district ? t('surveys.note.allDistricts') : undefined}
        periodText={periodText}
        testId="survey-by-district"
        onDrill={onDrill}
      />
    </div>
  );
}

/** How to read the figures: the interval, the tiers, small samples, what a click lists. */
function ReadingCard() {
  const { t } = useI18n();
  return (
    <Card title={t('surveys.reading.title')} state="ready" bodyHeight={200}>
      <dl className="survey-reading">
        <dt>{t('surveys.reading.intervalTerm')}</dt>
        <dd>{t('surveys.reading.interval')}</dd>
        <dt>{t('surveys.reading.tierTerm')}</dt>
        <dd>{t('surveys.reading.tier')}</dd>
        <dt>
          <span className="survey-hatch" aria-hidden="true" />
          {t('surveys.reading.smallTerm')}
        </dt>
        <dd>{t('surveys.reading.small')}</dd>
        <dt>{t('surveys.reading.recordsTerm')}</dt>
        <dd>{t('surveys.reading.records')}</dd>
      </dl>
    </Card>
  );
}

interface WavesCardProps {
  view: PageProps['view'];
  scope: Parameters<typeof surveyFilter>[0];
  /** The account may see figures per agency. */
  unitLevel: boolean;
  onDrill: (drill: RecordsDrill) => void;
}

/** Each unit's figure in each wave, side by side; a year is compared with the year before. */
function WavesCard({ view, scope, unitLevel, onDrill }: WavesCardProps) {
  const { lang, t } = useI18n();
  const name = useId();
  const [measure, setMeasure] = useState<SurveyMeasure>('AWARENESS');
  const [wanted, setGrouping] = useState<SurveyGrouping>('LAW');
  const by = usableGrouping(wanted, measure, unitLevel);
  const range = useMemo(() => wavesRange(view.period), [view.period]);
  const filter = useMemo(() => surveyFilter(scope, { range }), [scope, range]);
  const groupingLabel = (g: SurveyGrouping) => t(`surveys.grouping.${g}` as const);
  const rangeText = formatDateRange(range.from, range.to, lang);
  return (
    <div className="survey-card-frame card-wide">
      <CardControls label={t('surveys.waves')}>
        <Choice
          name={`${name}-measure`}
          label={t('surveys.choice.measure')}
          options={MEASURES.map((m) => ({ value: m, label: measureName(m, lang) }))}
          value={measure}
          onChange={setMeasure}
        />
        <Choice
          name={`${name}-by`}
          label={t('surveys.choice.grouping')}
          options={comparisonGroupings(measure, unitLevel).map((g) => ({ value: g, label: groupingLabel(g) }))}
          value={by}
          onChange={setGrouping}
        />
      </CardControls>
      <SurveyResultsCard
        title={t('surveys.wavesOf', { measure: measureName(measure, lang), grouping: groupingLabel(by) })}
        unitLabel={groupingLabel(by)}
        measure={measure}
        by={by}
        filter={filter}
        compareWaves
        query={WavesComparedQuery}
        note={t('surveys.note.wavesRange', { range: rangeText })}
        periodText={rangeText}
        testId="survey-waves"
        onDrill={onDrill}
      />
    </div>
  );
}
