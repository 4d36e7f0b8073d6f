/**
 * The overview's lists of what needs doing, each for the roles the hub
 * answers it to (others do not see the card at all): the top overlap gaps of
 * the period, and the rectification list of the period's year under the
 * default rubric. A gap opens its domain's activities; a listed agency opens
 * its page.
 */
import { useMemo } from 'react';
import { Card } from '../../app/Card';
import { cardState } from '../../app/cardState';
import { formatDecimal, formatInteger } from '../../app/format';
import { useI18n } from '../../app/I18nContext';
import { apiLocale } from '../../app/i18n';
import { navigate, useSearch } from '../../app/location';
import { periodRange } from '../../app/period';
import { canReadScorecards } from '../../app/roles';
import { sessionRole, useSession } from '../../app/session';
import type { ViewState } from '../../app/url';
import { useRetryableQuery } from '../../app/useRetryableQuery';
import type { RecordsDrill } from '../../components/records/drills';
import { agencyPath } from '../agencies/links';
import { mayReadOverlaps } from '../overlaps/access';
import { RubricsQuery } from '../agencies/rubric';
import { periodYear } from '../agencies/year';
import { OverlapGapsQuery, RectifyQuery, topGaps, TOP_GAPS } from './notices';

interface NoticeCardProps {
  view: ViewState;
  onDrill: (drill: RecordsDrill) => void;
}

/** Both cards, for the roles that may read each. */
export function NoticeCards({ view, onDrill }: NoticeCardProps) {
  const { session } = useSession();
  const role = sessionRole(session);
  const gaps = mayReadOverlaps(role);
  const rectify = canReadScorecards(role);
  if (!gaps && !rectify) return null;
  return (
    <div className="chart-grid notice-grid">
      {gaps ? <GapsCard view={view} onDrill={onDrill} /> : null}
      {rectify ? <RectifyCard view={view} /> : null}
    </div>
  );
}

function GapsCard({ view, onDrill }: NoticeCardProps) {
  const { lang, t } = useI18n();
  const { session } = useSession();
  // An agency reporter is answered the overlaps its agency holds.
  const own = session.status === 'signedIn' && session.user.role === 'AGENCY_REPORTER';
  const variables = useMemo(
    () => ({
      filter: {
        ...periodRange(view.period),
        ...(view.district ? { regionIds: [view.district] } : {}),
        ...(view.domain ? { domainIds: [view.domain] } : {}),
      },
      locale: apiLocale(lang),
    }),
    [view.period, view.district, view.domain, lang],
  );
  const [result, retry] = useRetryableQuery(OverlapGapsQuery, variables);
  const gaps = useMemo(() => (result.data ? topGaps(result.data.overlapGaps, lang, view.agency) : undefined), [result.data, lang, view.agency]);
  const state = cardState(result, () => false);

  return (
    <Card
      title={t('gaps.title')}
      note={t('gaps.note', { count: TOP_GAPS })}
      state={state}
      error={result.error}
      onRetry={retry}
      updating={result.fetching}
      bodyHeight={280}
      className="notice-card"
    >
      {gaps && gaps.length === 0 ? (
        <p className="notice-empty" role="status">
          {t(own ? 'gaps.noneOwn' : view.agency ? 'gaps.noneForAgency' : 'gaps.none')}
        </p>
      ) : (
        <ol className="notice-list" data-list="gaps">
          {gaps?.map((gap) => (
            <li key={gap.domainId} className="notice-item" data-domain={gap.domainId}>
              <div className="notice-head">
                <button
                  type="button"
                  className="notice-open"
                  aria-label={t('gaps.open', { domain: gap.domain, count: formatInteger(gap.activityCount, lang) })}
                  onClick={() =>
                    onDrill({ title: t('gaps.drill', { domain: gap.domain }), source: { kind: 'activities', filters: [gap.drill] } })
                  }
                >
                  {gap.domain}
                </button>
                <span className={`notice-kind kind-${gap.kind.toLowerCase()}`}>{gap.kindLabel}</span>
                <span className="notice-figure">{t('gaps.activities', { count: formatInteger(gap.activityCount, lang) })}</span>
              </div>
              <p className="notice-sentence">{gap.sentence}</p>
              <p className="notice-act">{t('gaps.act', { actors: gap.actors })}</p>
            </li>
          ))}
        </ol>
      )}
    </Card>
  );
}

function RectifyCard({ view }: { view: ViewState }) {
  const { lang, t } = useI18n();
  const search = useSearch();
  const { session } = useSession();
  const own = session.status === 'signedIn' && session.user.role === 'AGENCY_REPORTER';
  const year = periodYear(view.period);
  const [rubrics, retryRubrics] = useRetryableQuery(RubricsQuery, {});
  // The default rubric: the first (newest) the hub lists.
  const rubric = rubrics.data ? (rubrics.data.rubrics[0] ?? null) : undefined;
  const [result, retry] = useRetryableQuery(RectifyQuery, { year, rubricVersion: rubric?.version ?? '', locale: apiLocale(lang) }, { pause: !rubric });
  const scorecard = result.data?.scorecard;
  const title = t('rectify.title', { year });
  const state =
    rubrics.error && !rubrics.data
      ? 'error'
      : rubric === null
        ? 'ready'
        : cardState(result, () => false);

  return (
    <Card
      title={title}
      note={rubric ? t('rectify.note', { rubric: rubric.name }) : undefined}
      unit={scorecard?.frozen ? t('rectify.frozen') : undefined}
      state={state}
      error={result.error ?? rubrics.error}
      onRetry={rubrics.error ? retryRubrics : retry}
      updating={result.fetching}
      bodyHeight={280}
      className="notice-card"
    >
      {rubric === null ? (
        <p className="notice-empty" role="status">
          {t('rectify.noRubric')}
        </p>
      ) : scorecard && scorecard.rectify.length === 0 ? (
        <p className="notice-empty" role="status">
          {scorecard.reason ?? t(own ? 'rectify.ownNone' : 'rectify.none', { year })}
        </p>
      ) : (
        <ol className="notice-list" data-list="rectify">
          {scorecard?.rectify.map((notice) => {
            const href = agencyPath(notice.agencyId, search);
            return (
              <li key={notice.agencyId} className="notice-item" data-agency={notice.agencyId}>
                <div className="notice-head">
                  <a
                    className="notice-open"
                    href={href}
                    onClick={(event) => {
                      if (event.button !== 0 || event.metaKey || event.ctrlKey || event.shiftKey || event.altKey) return;
                      event.preventDefault();
                      navigate(href);
                    }}
                  >
                    {notice.label}
                  </a>
                  <span className="notice-figure">
                    {t('rectify.score', { total: formatDecimal(notice.total, 2, lang), grade: notice.gradeLabel, rank: formatInteger(notice.rank, lang) })}
                  </span>
                </div>
                <p className="notice-sentence">{notice.reason}</p>
              </li>
            );
          })}
        </ol>
      )}
    </Card>
  );
}
