/**
 * 考评 Assessment: the year's scorecard under a rubric version (docs/assessment.md):
 * every agency's points per indicator, deductions, total, rank and grade; one
 * agency's indicators on a radar against the city median; the commendation
 * and rectification lists; the frozen snapshot beside the live figures; and,
 * for admins, freezing the year.
 *
 * The year is the period's (a custom range: the year it ends in); the rubric
 * version is the page's own URL parameter `rubric` (default: the newest).
 * An agency reporter gets its own row only (the hub sees to that); media
 * partners, survey operators and the public are refused, and told why.
 */
import { useCallback, useId, useMemo, useState } from 'react';
import { Card, ErrorPanel } from '../../app/Card';
import { cardState } from '../../app/cardState';
import { formatDateTime } from '../../app/format';
import { useI18n } from '../../app/I18nContext';
import { apiLocale } from '../../app/i18n';
import type { PageProps } from '../../app/routes';
import { canReadScorecards, canSeeUnitRanking } from '../../app/roles';
import { useSession } from '../../app/session';
import { SignInLink } from '../../app/SignInLink';
import { useRetryableQuery } from '../../app/useRetryableQuery';
import { ViewSummary } from '../../app/ViewSummary';
import type { RecordsDrill } from '../../components/records/drills';
import { RecordsDrawer } from '../../components/records/RecordsDrawer';
import {
  RubricsQuery,
  ScorecardQuery,
  type DeductionScore,
  type IndicatorScore,
  type RecordDrill,
  type Rubric,
  type Scorecard,
  type ScorecardRow,
} from './assessment.queries';
import { Dialog } from './Dialog';
import { FreezeControl } from './FreezeControl';
import { NoticeLists } from './NoticeLists';
import { noticeHref } from '../inspections/inspectionData';
import { RadarCard } from './RadarCard';
import { assessmentYear, changedSinceFreeze, describeFilter, drillTarget, frozenFigures, queryName } from './scorecard';
import { ScorecardTable } from './ScorecardTable';
import { useSearchParam } from './searchParam';
import './assessment.css';

export default function AssessmentPage({ view }: PageProps) {
  const { t } = useI18n();
  const { session } = useSession();
  let body;
  if (session.status === 'loading') {
    body = (
      <p className="page-loading" role="status">
        {t('state.loading')}
      </p>
    );
  } else if (session.status === 'anonymous') {
    body = (
      <div className="restricted-panel" role="note">
        <p className="restricted-title">{t('assessment.signIn')}</p>
        <SignInLink className="button" />
      </div>
    );
  } else if (!canReadScorecards(session.user.role)) {
    body = (
      <div className="restricted-panel" role="note">
        <p className="restricted-title">{t('assessment.forbidden')}</p>
      </div>
    );
  } else {
    body = <Assessment view={view} role={session.user.role} />;
  }
  return (
    <div className="page assessment-page">
      <div className="page-heading">
        <h1>{t('assessment.heading')}</h1>
        <ViewSummary view={view} />
      </div>
      {body}
    </div>
  );
}

type Mode = 'frozen' | 'live';

function Assessment({ view, role }: PageProps & { role: string }) {
  const { lang, t } = useI18n();
  const rubricSelect = useId();
  const [rubricParam, setRubricParam] = useSearchParam('rubric');
  const [rubrics, retryRubrics] = useRetryableQuery(RubricsQuery, {});
  const list = rubrics.data?.rubrics;
  const rubric: Rubric | undefined = list?.find((r) => r.version === rubricParam) ?? list?.[0];
  const year = assessmentYear(view.period);
  const unitLevel = canSeeUnitRanking(role);

  const [mode, setMode] = useState<Mode>('frozen');
  const [frozenNotice, setFrozenNotice] = useState<Scorecard | null>(null);
  const [drill, setDrill] = useState<RecordsDrill | null>(null);
  const [words, setWords] = useState<{ title: string; entries: readonly RecordDrill[] } | null>(null);
  const [radarAgency, setRadarAgency] = useState<string | null>(null);

  const variables = useMemo(
    () => ({ year, rubricVersion: rubric?.version ?? '', live: false, locale: apiLocale(lang) }),
    [year, rubric?.version, lang],
  );
  const [stored, retryStored] = useRetryableQuery(ScorecardQuery, variables, { pause: !rubric });
  const snapshot = stored.data?.scorecard.frozen ? stored.data.scorecard : null;
  const showLive = mode === 'live' && snapshot !== null;
  const liveVariables = useMemo(() => ({ ...variables, live: true }), [variables]);
  const [live, retryLive] = useRetryableQuery(ScorecardQuery, liveVariables, { pause: !showLive });
  const result = showLive ? live : stored;
  const retry = showLive ? retryLive : retryStored;
  const scorecard = result.data?.scorecard;
  const state = cardState(result, () => false);

  const agencyNames = useMemo(
    () => new Map((scorecard?.rows ?? []).map((r) => [r.agencyId, r.label] as const)),
    [scorecard],
  );
  const onOpen = useCallback(
    (row: ScorecardRow, score: IndicatorScore | DeductionScore) => {
      const title = t('assessment.drillTitle', { agency: row.label, indicator: score.label });
      const target = drillTarget(score.drill);
      if (target.kind === 'records') setDrill({ title, source: target.source });
      else if (target.kind === 'words') setWords({ title, entries: target.entries });
    },
    [t],
  );
  const frozen = useMemo(
    () => (showLive && snapshot ? frozenFigures(snapshot.rows) : null),
    [showLive, snapshot],
  );
  const changed = showLive && snapshot && live.data ? changedSinceFreeze(snapshot.rows, live.data.scorecard.rows) : null;
  const chosenAgency = radarAgency ?? (view.agency && agencyNames.has(view.agency) ? view.agency : null);
  const fileSuffix = `${t('filters.year', { year })} ${rubric?.version ?? ''}`;

  if (rubrics.error && !list) return <ErrorPanel error={rubrics.error} onRetry={retryRubrics} />;
  if (list && list.length === 0) {
    return (
      <p className="state-panel" role="status">
        {t('assessment.noRubric')}
      </p>
    );
  }

  return (
    <>
      <section className="assessment-controls" aria-label={t('assessment.controls')}>
        <div className="field">
          <label htmlFor={rubricSelect}>{t('assessment.rubric')}</label>
          <select
            id={rubricSelect}
            value={rubric?.version ?? ''}
            disabled={!list}
            onChange={(e) => {
              setRubricParam(e.target.value === list?.[0]?.version ? null : e.target.value);
              setMode('frozen');
            }}
          >
            {(list ?? []).map((r) => (
              <option key={r.id} value={r.version}>
                {t('assessment.rubricOption', { version: r.version, name: r.name })}
                {r.frozenYears.includes(year) ? t('assessment.rubricFrozenMark', { year }) : ''}
              </option>
            ))}
          </select>
        </div>
        {snapshot ? (
          <fieldset className="assessment-mode">
            <legend>{t('assessment.mode')}</legend>
            <div className="segmented">
              {(['frozen', 'live'] as const).map((m) => (
                <label key={m} className={mode === m ? 'is-chosen' : undefined}>
                  <input type="radio" name={`${rubricSelect}-mode`} value={m} checked={mode === m} onChange={() => setMode(m)} />
                  {t(m === 'frozen' ? 'assessment.mode.frozen' : 'assessment.mode.live')}
                </label>
              ))}
            </div>
          </fieldset>
        ) : null}
        {role === 'ADMIN' && rubric && stored.data && !stored.data.scorecard.frozenAt && stored.data.scorecard.rows.length > 0 ? (
          <FreezeControl
            year={year}
            rubricVersion={rubric.version}
            rubricName={rubric.name}
            onFrozen={(card) => {
              setFrozenNotice(card);
              setMode('frozen');
            }}
          />
        ) : null}
      </section>

      {frozenNotice && frozenNotice.year === year && frozenNotice.rubricVersion === rubric?.version ? (
        <p className="notice assessment-frozen-notice" role="status">
          {t('assessment.freeze.done', {
            year,
            at: frozenNotice.frozenAt ? formatDateTime(new Date(frozenNotice.frozenAt), lang) : '',
            by: frozenNotice.frozenBy ?? '',
            count: frozenNotice.rows.length,
          })}
        </p>
      ) : null}
      {view.period.kind === 'range' ? <p className="notice">{t('assessment.rangeYear', { year })}</p> : null}
      {view.district || view.domain ? <p className="notice">{t('assessment.filtersIgnored')}</p> : null}
      {!unitLevel && scorecard ? (
        <p className="notice" role="note">
          {t('assessment.ownRowOnly', { count: scorecard.agencyCount })}
        </p>
      ) : null}

      {scorecard ? <ScorecardFacts scorecard={scorecard} live={showLive} changed={changed} /> : null}

      <div className="chart-grid assessment-grid">
        <Card
          className="card-wide"
          title={t('assessment.table', { year })}
          unit={t('assessment.tableUnit')}
          note={scorecard && scorecard.rows.length > 0 ? t('assessment.tableHint') : undefined}
          state={state}
          error={result.error}
          onRetry={retry}
          updating={result.fetching}
          bodyHeight={320}
        >
          {scorecard ? (
            <ScorecardTable
              scorecard={scorecard}
              caption={`${t('assessment.table', { year })} ${rubric?.version ?? ''}${showLive ? ` ${t('assessment.mode.live')}` : ''}`}
              frozen={frozen}
              onOpen={onOpen}
            />
          ) : null}
        </Card>
        {scorecard && scorecard.rows.length > 0 ? (
          <>
            <RadarCard
              rows={scorecard.rows}
              agencyId={chosenAgency}
              onAgency={setRadarAgency}
              withMedian={unitLevel}
              fileSuffix={fileSuffix}
            />
            <div className="notice-column">
              <NoticeLists scorecard={scorecard} ownOnly={!unitLevel} onAgency={setRadarAgency} />
              <p className="assessment-notice-link">
                <a href={noticeHref(year, rubric?.version ?? null, lang)}>{t('inspections.notice.link')}</a>
              </p>
            </div>
          </>
        ) : null}
      </div>

      <RecordsDrawer drill={drill} onClose={() => setDrill(null)} />
      <Dialog
        open={words !== null}
        title={words?.title ?? ''}
        onClose={() => setWords(null)}
        actions={
          <button type="button" className="button button-quiet" onClick={() => setWords(null)}>
            {t('drawer.close')}
          </button>
        }
      >
        <p className="muted">{t('assessment.wordsIntro')}</p>
        {(words?.entries ?? []).map((entry, i) => (
          <div key={i} className="drill-words">
            <p className="drill-words-query">{queryName(entry.query, lang)}</p>
            <ul>
              {describeFilter(entry, agencyNames, lang).map((line) => (
                <li key={line}>{line}</li>
              ))}
            </ul>
            {entry.note ? <p className="drill-words-note">{entry.note}</p> : null}
          </div>
        ))}
      </Dialog>
    </>
  );
}

/** What the table shows: year, rubric, maximum, how many agencies, frozen or live and when. */
function ScorecardFacts({ scorecard, live, changed }: { scorecard: Scorecard; live: boolean; changed: number | null }) {
  const { lang, t } = useI18n();
  const when = (iso: string | null | undefined) => (iso ? formatDateTime(new Date(iso), lang) : '');
  const status = scorecard.frozen
    ? t('assessment.status.frozen', { at: when(scorecard.frozenAt), by: scorecard.frozenBy ?? '' })
    : scorecard.frozenAt
      ? t('assessment.status.liveOfFrozen', { at: when(scorecard.frozenAt) })
      : t('assessment.status.live');
  return (
    <dl className="assessment-facts">
      <div>
        <dt>{t('assessment.facts.rubric')}</dt>
        <dd>
          {scorecard.rubricName && scorecard.rubricVersion
            ? t('assessment.rubricRef', { name: scorecard.rubricName, version: scorecard.rubricVersion })
            : '—'}
        </dd>
      </div>
      <div>
        <dt>{t('assessment.facts.max')}</dt>
        <dd>{t('assessment.points', { points: scorecard.maxScore })}</dd>
      </div>
      <div>
        <dt>{t('assessment.facts.agencies')}</dt>
        <dd>{scorecard.agencyCount}</dd>
      </div>
      <div>
        <dt>{t('assessment.facts.status')}</dt>
        <dd data-status={scorecard.frozen ? 'frozen' : 'live'}>{status}</dd>
      </div>
      <div>
        <dt>{t('assessment.facts.computed')}</dt>
        <dd>{when(scorecard.computedAt)}</dd>
      </div>
      {live && changed !== null ? (
        <div>
          <dt>{t('assessment.facts.changed')}</dt>
          <dd>{t('assessment.changedCount', { count: changed })}</dd>
        </div>
      ) : null}
    </dl>
  );
}
