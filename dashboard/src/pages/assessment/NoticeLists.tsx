/**
 * The commendation (表扬) and rectification (通报整改) lists with the hub's
 * sentence for each notice; an agency's name shows it on the radar.
 */
import type { ReactNode } from 'react';
import { Card } from '../../app/Card';
import { useI18n } from '../../app/I18nContext';
import { formatPoints } from '../../charts/indicatorRadar';
import type { Scorecard, ScorecardNotice } from './assessment.queries';
import { GradeBadge } from './ScorecardTable';
import { ScorecardUnitItems, useScorecardItems } from '../rectification/ItemsBeside';

export interface NoticeListsProps {
  scorecard: Scorecard;
  /** True when the reader sees its own row only: the lists hold it only when it is on them. */
  ownOnly: boolean;
  onAgency: (agencyId: string) => void;
}

export function NoticeLists({ scorecard, ownOnly, onAgency }: NoticeListsProps) {
  const { t } = useI18n();
  // The rectification items opened from this scorecard's list (one query), shown under each unit.
  const beside = useScorecardItems(scorecard.year, scorecard.rubricVersion ?? null);
  const rubricVersion = scorecard.rubricVersion;
  return (
    <>
      <NoticeCard
        title={t('assessment.commended')}
        notices={scorecard.commended}
        empty={t(ownOnly ? 'assessment.commendedNoneOwn' : 'assessment.commendedNone')}
        tone="commend"
        onAgency={onAgency}
      />
      <NoticeCard
        title={t('assessment.rectify')}
        notices={scorecard.rectify}
        empty={t(ownOnly ? 'assessment.rectifyNoneOwn' : 'assessment.rectifyNone')}
        tone="rectify"
        onAgency={onAgency}
        extra={
          rubricVersion
            ? (notice) => <ScorecardUnitItems agencyId={notice.agencyId} label={notice.label} year={scorecard.year} rubricVersion={rubricVersion} beside={beside} />
            : undefined
        }
      />
    </>
  );
}

function NoticeCard({
  title,
  notices,
  empty,
  tone,
  onAgency,
  extra,
}: {
  title: string;
  notices: readonly ScorecardNotice[];
  empty: string;
  tone: 'commend' | 'rectify';
  onAgency: (agencyId: string) => void;
  /** Shown under a notice (the rectification items of a unit on the list). */
  extra?: ((notice: ScorecardNotice) => ReactNode) | undefined;
}) {
  const { lang, t } = useI18n();
  return (
    <Card title={title} unit={t('assessment.noticeCount', { count: notices.length })} state="ready" bodyHeight={120} className={`notice-card notice-${tone}`}>
      {notices.length === 0 ? (
        <p className="muted notice-empty">{empty}</p>
      ) : (
        <ol className="notice-list">
          {notices.map((notice) => (
            <li key={notice.agencyId}>
              <div className="notice-head">
                <button
                  type="button"
                  className="link-button"
                  onClick={() => onAgency(notice.agencyId)}
                  title={t('assessment.showOnRadar')}
                >
                  {notice.label}
                </button>
                <span className="notice-figures">
                  {t('assessment.noticeFigures', { total: formatPoints(notice.total, lang), rank: notice.rank })}
                </span>
                <GradeBadge grade={notice.grade} label={notice.gradeLabel} />
              </div>
              <p className="notice-reason">{notice.reason}</p>
              {extra?.(notice)}
            </li>
          ))}
        </ol>
      )}
    </Card>
  );
}
