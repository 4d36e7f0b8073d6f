/**
 * 通报 Notice preview (/notice): the year's notice as the hub writes it
 * (docs/inspections.md, "Notices"): units commended (best first) and units
 * ordered to rectify (worst first), each with total, rank, grade, the
 * scorecard's sentence, the indicators that cost points and the items
 * opened from the entry; a "preview" mark until the scorecard is frozen;
 * links to the printable page and the PDF in the reader's language.
 * The year is the global `year`, the rubric the page's `rubric` parameter
 * (as on the assessment page, so a link from there keeps both).
 */
import { useMemo } from 'react';
import { Card, ErrorPanel } from '../../app/Card';
import { cardState } from '../../app/cardState';
import { formatDecimal, formatHubDateTime } from '../../app/format';
import { useI18n } from '../../app/I18nContext';
import { apiLocale } from '../../app/i18n';
import { useViewState } from '../../app/location';
import { selectableYears } from '../../app/period';
import type { PageProps } from '../../app/routes';
import { canReadScorecards, canSeeUnitRanking } from '../../app/roles';
import { useRetryableQuery } from '../../app/useRetryableQuery';
import { RubricsQuery } from '../assessment/assessment.queries';
import { GradeBadge } from '../assessment/ScorecardTable';
import { assessmentYear } from '../assessment/scorecard';
import { useSearchParam } from '../assessment/searchParam';
import { noticeFileHref } from './inspectionData';
import { NoticeQuery, type NoticeEntry } from './inspections.queries';
import { PageShell } from './PageShell';
import { ItemLink } from './UnitHistory';
import '../assessment/assessment.css';
import './inspections.css';

export default function NoticePage({ view }: PageProps) {
  const { t } = useI18n();
  return (
    <PageShell
      heading={t('inspections.notice.heading')}
      view={null}
      allowed={canReadScorecards}
      signInKey="inspections.notice.signIn"
      forbiddenKey="inspections.notice.forbidden"
      className="notice-page"
    >
      {(user) => <NoticePreview year={assessmentYear(view.period)} ownOnly={!canSeeUnitRanking(user.role)} />}
    </PageShell>
  );
}

function NoticePreview({ year, ownOnly }: { year: number; ownOnly: boolean }) {
  const { lang, t } = useI18n();
  const [, setView] = useViewState();
  const [rubricParam, setRubricParam] = useSearchParam('rubric');
  const [rubrics, retryRubrics] = useRetryableQuery(RubricsQuery, {});
  const list = rubrics.data?.rubrics;
  const rubric = list?.find((r) => r.version === rubricParam) ?? list?.[0];
  const variables = useMemo(() => ({ year, rubricVersion: rubric?.version ?? '', locale: apiLocale(lang) }), [year, rubric?.version, lang]);
  const [result, retry] = useRetryableQuery(NoticeQuery, variables, { pause: !rubric });
  const notice = result.data?.notice;
  const state = cardState(result, () => false);

  if (rubrics.error && !list) return <ErrorPanel error={rubrics.error} onRetry={retryRubrics} />;
  if (list && list.length === 0) {
    return (
      <p className="state-panel" role="status">
        {t('inspections.notice.noRubric')}
      </p>
    );
  }

  return (
    <>
      <div className="inspections-toolbar">
        <div className="field">
          <label htmlFor="notice-year">{t('inspections.notice.year')}</label>
          <select id="notice-year" value={year} onChange={(e) => setView({ period: { kind: 'year', year: Number(e.target.value) } })}>
            {selectableYears().map((y) => (
              <option key={y} value={y}>
                {t('inspections.notice.yearOption', { year: y })}
              </option>
            ))}
          </select>
        </div>
        <div className="field">
          <label htmlFor="notice-rubric">{t('inspections.notice.rubric')}</label>
          <select
            id="notice-rubric"
            value={rubric?.version ?? ''}
            disabled={!list}
            onChange={(e) => setRubricParam(e.target.value === list?.[0]?.version ? null : e.target.value)}
          >
            {(list ?? []).map((r) => (
              <option key={r.version} value={r.version}>
                {t('assessment.rubricOption', { version: r.version, name: r.name })}
              </option>
            ))}
          </select>
        </div>
        {notice ? (
          <div className="notice-files">
            <a className="button" href={noticeFileHref(notice.htmlUrl, lang)} target="_blank" rel="noopener">
              {t('inspections.notice.html')}
            </a>
            <a className="button button-quiet" href={noticeFileHref(notice.pdfUrl, lang)} download>
              {t('inspections.notice.pdf')}
            </a>
          </div>
        ) : null}
      </div>

      <Card
        className="card-wide notice-document"
        title={notice?.title ?? t('inspections.notice.heading')}
        state={state}
        error={result.error}
        onRetry={retry}
        updating={result.fetching && Boolean(notice)}
        bodyHeight={360}
      >
        {notice ? (
          <>
            <p className={notice.frozen ? 'notice-status' : 'notice-status preview-badge'} role="note">
              {notice.frozen && notice.frozenAt
                ? t('inspections.notice.frozen', { at: formatHubDateTime(notice.frozenAt, lang) })
                : t('inspections.notice.preview')}
            </p>
            <p className="muted">
              {t('inspections.notice.facts', {
                max: formatDecimal(notice.maxScore, 0, lang),
                count: notice.agencyCount,
                rubric: lang === 'en' ? `${notice.rubricName} (${notice.rubricVersion})` : `${notice.rubricName}（${notice.rubricVersion}）`,
              })}
            </p>
            {ownOnly ? <p className="notice">{t('inspections.notice.ownOnly')}</p> : null}
            {notice.reason ? <p className="notice">{notice.reason}</p> : null}
            <NoticeSection title={t('inspections.notice.commended')} note={t('inspections.notice.commendedNote')} entries={notice.commended} tone="commend" />
            <NoticeSection title={t('inspections.notice.rectify')} note={t('inspections.notice.rectifyNote')} entries={notice.rectify} tone="rectify" />
          </>
        ) : null}
      </Card>
    </>
  );
}

function NoticeSection({ title, note, entries, tone }: { title: string; note: string; entries: readonly NoticeEntry[]; tone: 'commend' | 'rectify' }) {
  const { t } = useI18n();
  return (
    <section className={`notice-section section-${tone}`} aria-label={title} data-list={tone}>
      <h3>
        {title} <span className="muted small">{note}</span>
      </h3>
      {entries.length === 0 ? (
        <p className="muted">{t('inspections.notice.none')}</p>
      ) : (
        <ol className="notice-entries">
          {entries.map((e) => (
            <NoticeEntryView key={e.agencyId} entry={e} />
          ))}
        </ol>
      )}
    </section>
  );
}

function NoticeEntryView({ entry }: { entry: NoticeEntry }) {
  const { lang, t } = useI18n();
  return (
    <li className="notice-entry" data-agency={entry.agencyId}>
      <p className="notice-entry-head">
        <strong className="notice-unit">{entry.label}</strong>
        <span>{t('inspections.notice.figures', { total: formatDecimal(entry.total, 2, lang), rank: entry.rank })}</span>
        <GradeBadge grade={entry.grade} label={entry.gradeLabel} />
      </p>
      <p className="entry-sentence">{entry.reason}</p>
      {entry.lost.length > 0 ? (
        <div className="notice-lost">
          <p className="small muted">{t('inspections.notice.lost')}</p>
          <ul>
            {entry.lost.map((l) => (
              <li key={l.key}>
                <span className="lost-label">{l.label}</span>{' '}
                <span className="lost-points">{t('inspections.notice.lostPoints', { points: formatDecimal(l.lost, 2, lang) })}</span>
                <span className="lost-reason">{l.reason}</span>
              </li>
            ))}
          </ul>
        </div>
      ) : null}
      <div className="notice-items">
        <span className="small muted">{t('inspections.notice.items')}</span>
        {entry.rectification.length === 0 ? (
          <span className="small muted">{t('inspections.notice.noItems')}</span>
        ) : (
          <ul className="item-chips">
            {entry.rectification.map((item) => (
              <li key={item.id}>
                <ItemLink item={item} />
              </li>
            ))}
          </ul>
        )}
      </div>
    </li>
  );
}
