/**
 * What the overlaps page makes of an `overlapGaps` answer, as pure functions:
 * the filter from the view, the gap list's rows (one per flag, in the API's
 * order), each flag's severity and who should act, and the drawer titles.
 */
import type { ViewScope } from '../../app/analytics';
import type { SchemaType } from '../../app/graphql';
import { translate, type Lang, type MessageKey } from '../../app/i18n';
import { periodRange } from '../../app/period';
import { localName } from '../../app/session';
import { activityFilterOf, type ActivityFilter } from '../../components/records/drills';
import type { OverlapFlag, OverlapGap } from './overlaps.queries';

export type GapKind = SchemaType<'OverlapGapKind'>;
export type OverlapFilter = SchemaType<'OverlapFilter'>;

/** How urgent a flag is: nobody or one holder educating is serious, a missed district or audience a matter to follow up, no lead a remark. */
export type Severity = 'high' | 'medium' | 'low';

export const SEVERITY: Record<GapKind, Severity> = {
  NO_ACTIVITY: 'high',
  SINGLE_HOLDER: 'high',
  UNREACHED_DISTRICT: 'medium',
  UNREACHED_AUDIENCE: 'medium',
  NO_LEAD: 'low',
};

/** The overlaps of the view's period, district and domain (overlaps are not narrowed by agency). */
export function overlapFilter(view: ViewScope): OverlapFilter {
  const { from, to } = periodRange(view.period);
  return {
    from,
    to,
    ...(view.district ? { regionIds: [view.district] } : {}),
    ...(view.domain ? { domainIds: [view.domain] } : {}),
  };
}

export interface FlagRow {
  /** Unique within the answer: domain, kind and the flag's place. */
  key: string;
  domain: string;
  /** The domain's id and the ids of who should act: what a rectification item opened from the flag names. */
  domainId: string;
  actIds: string[];
  kind: GapKind;
  severity: Severity;
  /** The API's sentence, in the requested language. */
  message: string;
  /** Who should act, in the API's order; for NO_LEAD, the legal-education office. */
  act: string;
  /** The activities the flag is about (none for a missing activity: that is the gap). */
  drill: ActivityFilter;
}

/** The agencies that should act, or who designates a lead when there is none. */
export function actText(flag: Pick<OverlapFlag, 'kind' | 'act'>, lang: Lang): string {
  if (flag.act.length === 0) return translate(lang, flag.kind === 'NO_LEAD' ? 'overlaps.actOffice' : 'overlaps.actNobody');
  return flag.act.map((a) => localName(a, lang)).join(translate(lang, 'overlaps.nameSeparator'));
}

export function flagRows(gaps: readonly OverlapGap[], lang: Lang): FlagRow[] {
  return gaps.flatMap((gap) =>
    gap.flags.map((flag, i) => ({
      key: `${gap.domain.id}|${flag.kind}|${i}`,
      domain: localName(gap.domain, lang),
      domainId: gap.domain.id,
      actIds: flag.act.map((a) => a.id),
      kind: flag.kind,
      severity: SEVERITY[flag.kind],
      message: flag.message,
      act: actText(flag, lang),
      drill: activityFilterOf(flag.drill),
    })),
  );
}

export function kindLabel(kind: GapKind, lang: Lang): string {
  return translate(lang, `overlaps.kind.${kind}` as MessageKey);
}

export function severityLabel(severity: Severity, lang: Lang): string {
  return translate(lang, `overlaps.severity.${severity}` as MessageKey);
}

export interface OverlapSummary {
  overlaps: number;
  /** Overlaps with at least one flag. */
  withGaps: number;
  flags: number;
  /** Holders that ran no activity in their domain. */
  idleHolders: number;
}

export function overlapSummary(gaps: readonly OverlapGap[]): OverlapSummary {
  return {
    overlaps: gaps.length,
    withGaps: gaps.filter((g) => g.flags.length > 0).length,
    flags: gaps.reduce((n, g) => n + g.flags.length, 0),
    idleHolders: gaps.reduce((n, g) => n + g.holders.filter((h) => h.activityCount === 0).length, 0),
  };
}

/** The drawer's heading for one holder's activities in a domain. */
export function holderDrillTitle(gap: OverlapGap, holderIndex: number, lang: Lang): string {
  const holder = gap.holders[holderIndex]!;
  return translate(lang, 'overlaps.holderRecords', { agency: localName(holder.agency, lang), domain: localName(gap.domain, lang) });
}

export function flagDrillTitle(row: FlagRow, lang: Lang): string {
  return translate(lang, 'overlaps.flagRecords', { domain: row.domain, kind: kindLabel(row.kind, lang) });
}
