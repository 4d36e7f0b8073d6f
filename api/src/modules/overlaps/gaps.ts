/**
 * The gap flags of one overlapping domain and the order of overlaps: pure, from figures already
 * computed by SQL (overlaps.service.ts). Definitions in docs/metrics.md, "Overlap gaps".
 */
import { AUDIENCES } from '@pufa/seeds';
import { AUDIENCE_LABELS, enumLabel, type LocaleCode } from '../../shared/labels.js';

/** Most severe first: an overlap is ordered by the first of these it carries. */
export const GAP_KINDS = ['NO_ACTIVITY', 'SINGLE_HOLDER', 'UNREACHED_DISTRICT', 'UNREACHED_AUDIENCE', 'NO_LEAD'] as const;
export type GapKind = (typeof GAP_KINDS)[number];

export interface HolderFacts {
  agencyId: number;
  /** In the requested locale. */
  name: string;
  isLead: boolean;
  activityCount: number;
  /** Audiences named by the holder's responsibility items for the domain whose window meets the period. */
  named: string[];
}

export interface OverlapFacts {
  domainName: string;
  /** In holder order (see compareHolders): act lists keep it. */
  holders: HolderFacts[];
  /** Audiences and district ids reached by any counted activity of the domain. */
  audiencesReached: string[];
  districtsReached: number[];
}

export interface Place {
  id: number;
  name: string;
}

export interface GapFacts {
  kind: GapKind;
  message: string;
  /** Agency ids that should act, in holder order. */
  act: number[];
  districtId?: number;
  audience?: string;
}

/**
 * The flags of one overlap, most severe first; districts in the order given, audiences in the
 * order of the Audience enum. `districts` are the districts considered (the filter's, or the city's).
 */
export function gapFlags(o: OverlapFacts, districts: Place[], period: string, locale: LocaleCode): GapFacts[] {
  const en = locale === 'EN';
  const list = (names: string[]) => names.join(en ? ', ' : '、');
  const all = o.holders.map((h) => h.agencyId);
  const names = (hs: HolderFacts[]) => list(hs.map((h) => h.name));
  const d = o.domainName;
  const flags: GapFacts[] = [];

  const acted = o.holders.filter((h) => h.activityCount > 0);
  if (acted.length === 0) {
    flags.push({
      kind: 'NO_ACTIVITY',
      act: all,
      message: en
        ? `In ${period}, none of the ${all.length} agencies holding enforcement power in ${d} (${names(o.holders)}) held a legal-education activity in it.`
        : `${period}，${d}领域的${all.length}个执法单位（${names(o.holders)}）均未开展普法活动。`,
    });
  }
  if (acted.length === 1) {
    const idle = o.holders.filter((h) => h.activityCount === 0);
    const [one] = acted as [HolderFacts];
    flags.push({
      kind: 'SINGLE_HOLDER',
      act: idle.map((h) => h.agencyId),
      message: en
        ? `In ${period}, only ${one.name} held legal-education activities in ${d} (${one.activityCount}); ${names(idle)} held none.`
        : `${period}，${d}领域仅${one.name}开展了普法活动（${one.activityCount}场），${names(idle)}未开展。`,
    });
  }
  const reached = new Set(o.districtsReached);
  for (const district of districts) {
    if (reached.has(district.id)) continue;
    flags.push({
      kind: 'UNREACHED_DISTRICT',
      act: all,
      districtId: district.id,
      message: en
        ? `In ${period}, no agency holding enforcement power in ${d} held an activity in it in ${district.name}.`
        : `${period}，${d}领域的执法单位在${district.name}没有开展普法活动。`,
    });
  }
  const audiencesReached = new Set(o.audiencesReached);
  for (const audience of AUDIENCES) {
    const namers = o.holders.filter((h) => h.named.includes(audience));
    if (namers.length === 0 || audiencesReached.has(audience)) continue;
    const label = enumLabel(AUDIENCE_LABELS, audience, locale);
    flags.push({
      kind: 'UNREACHED_AUDIENCE',
      act: namers.map((h) => h.agencyId),
      audience,
      message: en
        ? `The responsibility ${namers.length > 1 ? 'lists' : 'list'} of ${names(namers)} ${namers.length > 1 ? 'name' : 'names'} ${label.toLowerCase()} as an audience in ${d}, but no activity in it reached them in ${period}.`
        : `${names(namers)}的责任清单将${label}列为${d}领域的普法对象，但${period}该领域没有一场活动覆盖${label}。`,
    });
  }
  if (!o.holders.some((h) => h.isLead)) {
    flags.push({
      kind: 'NO_LEAD',
      act: [],
      message: en
        ? `${all.length} agencies hold enforcement power in ${d} but none is its lead agency; the legal-education office (普法办) should designate one.`
        : `${d}领域由${all.length}个单位共同执法，但没有牵头单位，请普法办指定牵头单位。`,
    });
  }
  return flags;
}

/** Lead agencies first, then by name. */
export function compareHolders(collator: Intl.Collator) {
  return (a: { isLead: boolean; name: string }, b: { isLead: boolean; name: string }) =>
    Number(b.isLead) - Number(a.isLead) || collator.compare(a.name, b.name);
}

/** By the most severe flag (none last), then more holders first, then by domain name. */
export function compareOverlaps(collator: Intl.Collator) {
  const rank = (s: GapKind | null) => (s === null ? GAP_KINDS.length : GAP_KINDS.indexOf(s));
  return (a: { severity: GapKind | null; holderCount: number; name: string }, b: { severity: GapKind | null; holderCount: number; name: string }) =>
    rank(a.severity) - rank(b.severity) || b.holderCount - a.holderCount || collator.compare(a.name, b.name);
}

/** Chinese names sort by pinyin, English ones alphabetically. */
export function collatorFor(locale: LocaleCode): Intl.Collator {
  return new Intl.Collator(locale === 'EN' ? 'en' : 'zh-CN');
}
