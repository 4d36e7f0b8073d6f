/**
 * The yearly notice (通报) as data: the scorecard's commendation and rectification lists (frozen
 * when frozen), each unit with every indicator that cost it points and the rectification items
 * opened from its entry. The PDF and the page render this, nothing else.
 */
import type { EntityManager } from '@mikro-orm/core';
import type { Viewer } from '../../graphql/access.js';
import { sql } from '../../db/sql.js';
import { Locale } from '../analytics/analytics.types.js';
import { scorecard, scorecardAccess } from '../assessment/assessment.service.js';
import type { ScorecardNotice } from '../assessment/assessment.types.js';
import { lostPoints } from '../inspections/before-after.service.js';
import type { Status } from '../inspections/rectification.rules.js';
import type { Notice, NoticeEntry, NoticeRectification } from './notice.types.js';

export function noticePath(year: number, rubricVersion: string, ext: 'pdf' | 'html'): string {
  return `/notices/${year}/${encodeURIComponent(rubricVersion)}.${ext}`;
}

/** Same access as the scorecard: the readers of every record see the notice; an agency reporter its own entry if listed. */
export async function notice(em: EntityManager, viewer: Viewer, year: number, rubricVersion: string, locale: Locale = Locale.ZH_CN): Promise<Notice> {
  const only = scorecardAccess(viewer);
  const card = await scorecard(em, { year, rubricVersion, locale }, only);
  const items = await sql<{ id: number; agency_id: number; requirement: string; deadline: string; status: Status }>(em,
    `select id, agency_id, requirement, deadline::text as deadline, status from rectification_item
     where source_kind = 'SCORECARD' and year = ? and rubric_version = ? order by deadline, id`, [year, card.rubricVersion]);
  const en = locale === Locale.EN;
  const lostOf = (agencyId: string) => {
    const row = card.rows.find((r) => r.agencyId === agencyId);
    return row ? lostPoints(row) : [];
  };
  const entry = (n: ScorecardNotice): NoticeEntry => ({
    agencyId: n.agencyId, label: n.label, total: n.total, rank: n.rank, grade: n.grade, gradeLabel: n.gradeLabel, reason: n.reason,
    lost: lostOf(n.agencyId),
    rectification: items.filter((i) => `Agency:${i.agency_id}` === n.agencyId).map((i): NoticeRectification => ({
      id: `RectificationItem:${i.id}`, requirement: i.requirement, deadline: i.deadline, status: i.status,
    })),
  });
  const commended = card.commended.map(entry);
  const rectify = card.rectify.map(entry);
  return {
    year, rubricVersion: card.rubricVersion!, rubricName: card.rubricName!,
    title: en ? `Notice on the ${year} assessment of the legal-education responsibility system` : `关于${year}年度“谁执法谁普法”普法责任制考评情况的通报`,
    maxScore: card.maxScore, agencyCount: card.agencyCount, frozen: card.frozen, frozenAt: card.frozenAt, computedAt: card.computedAt,
    commended, rectify,
    reason: card.reason ?? (commended.length + rectify.length === 0 ? (en ? 'No unit is commended or ordered to rectify under this rubric' : '按该考评细则，本年度无表扬或通报整改单位') : null),
    pdfUrl: noticePath(year, card.rubricVersion!, 'pdf'),
    htmlUrl: noticePath(year, card.rubricVersion!, 'html'),
  };
}
