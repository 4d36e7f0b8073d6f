/**
 * Before / after of a verified item: the figures of its source metric in the item's year and the
 * next, asked of the scorecard and the overlap view as they answer now (never stored, so later
 * reporting shows up). docs/inspections.md, "Before and after".
 */
import type { EntityManager } from '@mikro-orm/core';
import { scorecard } from '../assessment/assessment.service.js';
import type { LostPoints, Scorecard, ScorecardRow } from '../assessment/assessment.types.js';
import { overlapGaps } from '../overlaps/overlaps.service.js';
import type { OverlapGap } from '../overlaps/overlaps.types.js';
import { today } from './clock.js';
import type { RectificationItem } from './inspection.entity.js';
import { RectificationSourceKind } from './inspection.enums.js';
import type { RectificationBeforeAfter, RectificationFigures } from './rectification.types.js';

/** Answers shared by the items of one request (a board of items from one scorecard asks it once per year). */
const memo = new WeakMap<object, Map<string, Promise<unknown>>>();

function once<T>(scope: object, key: string, run: () => Promise<T>): Promise<T> {
  const cache = memo.get(scope) ?? new Map<string, Promise<unknown>>();
  memo.set(scope, cache);
  if (!cache.has(key)) cache.set(key, run());
  return cache.get(key) as Promise<T>;
}

const EMPTY: Omit<RectificationFigures, 'year' | 'present'> = {
  total: null, maxScore: null, rank: null, grade: null, frozen: null, lost: null, activityCount: null, agencyActivityCount: null, flags: null, messages: null,
};

/** Every indicator and deduction of a scorecard row that cost points, most first, with its reason. */
export function lostPoints(row: ScorecardRow): LostPoints[] {
  return [
    ...row.indicators.filter((i) => i.lost > 0).map((i) => ({ key: i.key, label: i.label, lost: i.lost, reason: i.reason ?? '' })),
    ...row.deductions.filter((d) => d.points > 0).map((d) => ({ key: d.key, label: d.label, lost: d.points, reason: d.reason ?? '' })),
  ].sort((a, b) => b.lost - a.lost);
}

async function scoreFigures(em: EntityManager, item: RectificationItem, year: number): Promise<RectificationFigures> {
  // Asked as an admin: the figures are the item's agency's, which whoever reads the item may see.
  const card = await once<Scorecard>(em, `scorecard|${year}|${item.rubricVersion}`, () => scorecard(em, { year, rubricVersion: item.rubricVersion! }, null));
  const id = `Agency:${item.agency.id}`;
  const row = card.rows.find((r) => r.agencyId === id);
  if (!row) return { ...EMPTY, year, present: false, maxScore: card.maxScore, frozen: card.frozen };
  const lost = lostPoints(row);
  return {
    ...EMPTY, year, present: card.rectify.some((r) => r.agencyId === id),
    total: row.total, maxScore: card.maxScore, rank: row.rank, grade: row.grade, frozen: card.frozen, lost,
  };
}

async function gapFigures(em: EntityManager, item: RectificationItem, year: number): Promise<RectificationFigures> {
  const domainId = `EnforcementDomain:${item.domain!.id}`;
  const [gap] = await once<OverlapGap[]>(em, `overlap|${year}|${domainId}`, () => overlapGaps(em, { years: [year], domainIds: [domainId] }, 'ZH_CN', {}));
  // No longer an overlap (one holder left): no flags, and the domain's figures are not the overlap view's.
  if (!gap) return { ...EMPTY, year, present: false, flags: [], messages: [] };
  const flags = gap.flags.filter((f) => f.kind === item.gapKind);
  return {
    ...EMPTY, year, present: flags.length > 0,
    activityCount: gap.activityCount,
    agencyActivityCount: gap.holders.find((h) => h.agency.id === item.agency.id)?.activityCount ?? 0,
    flags: gap.flags.map((f) => f.kind),
    messages: flags.map((f) => f.message),
  };
}

/** Null unless the item is verified and came from a scorecard entry or an overlap gap. */
export async function beforeAfter(em: EntityManager, item: RectificationItem): Promise<RectificationBeforeAfter | null> {
  if (item.status !== 'VERIFIED' || item.sourceKind === RectificationSourceKind.FINDING) return null;
  const figures = item.sourceKind === RectificationSourceKind.SCORECARD ? scoreFigures : gapFigures;
  const [before, after] = await Promise.all([figures(em, item, item.year), figures(em, item, item.year + 1)]);
  const nextYearOver = `${item.year + 1}-12-31` < today();
  return { before, after, closed: nextYearOver ? !after.present : null };
}
