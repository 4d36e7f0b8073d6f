/**
 * The overview's two lists of what needs doing: the top overlap gaps (domains
 * several agencies enforce where legal education is missing, with who should
 * act) and the rectification list of the year's assessment. Their queries and
 * the pure functions that turn the answers into what the cards show.
 */
import { graphql, type ResultOf } from '../../app/graphql';
import { translate, type Lang, type MessageKey } from '../../app/i18n';
import { localName } from '../../app/session';
import { activityFilterOf, type ActivityFilter } from '../../components/records/drills';

export const OverlapGapsQuery = graphql(`
  query OverviewOverlapGaps($filter: OverlapFilter!, $locale: Locale) {
    overlapGaps(filter: $filter, locale: $locale) {
      domain {
        id
        name
        nameEn
      }
      severity
      activityCount
      holders {
        agency {
          id
        }
      }
      drill {
        agencyIds
        domainIds
        from
        to
        years
        regionIds
        audiences
      }
      flags {
        kind
        message
        act {
          id
          name
          nameEn
        }
      }
    }
  }
`);

export type OverlapGap = ResultOf<typeof OverlapGapsQuery>['overlapGaps'][number];

export const TOP_GAPS = 5;

export interface GapView {
  domainId: string;
  domain: string;
  /** The most severe flag's kind and its sentence (in the language asked for). */
  kind: string;
  kindLabel: string;
  sentence: string;
  /** Who should act on that flag, lead first; the 普法办 when no agency is named (no lead). */
  actors: string;
  activityCount: number;
  /** The overlap's counted activities (none for a domain without activity: the gap itself). */
  drill: ActivityFilter;
}

/**
 * The first `limit` overlaps that have a gap, in the API's order (most severe
 * flag first). With an agency chosen, the overlaps it holds.
 */
export function topGaps(gaps: readonly OverlapGap[], lang: Lang, agencyId: string | null = null, limit = TOP_GAPS): GapView[] {
  return gaps
    .filter((g) => g.severity !== null && g.flags.length > 0)
    .filter((g) => !agencyId || g.holders.some((h) => h.agency.id === agencyId))
    .slice(0, limit)
    .map((g) => {
      const flag = g.flags[0]!;
      const separator = translate(lang, 'gaps.actorSeparator');
      return {
        domainId: g.domain.id,
        domain: localName(g.domain, lang),
        kind: flag.kind,
        kindLabel: translate(lang, `gaps.kind.${flag.kind}` as MessageKey),
        sentence: flag.message,
        actors: flag.act.length ? flag.act.map((a) => localName(a, lang)).join(separator) : translate(lang, 'gaps.office'),
        activityCount: g.activityCount,
        drill: activityFilterOf(g.drill),
      };
    });
}

export const RectifyQuery = graphql(`
  query OverviewRectify($year: Int!, $rubricVersion: String!, $locale: Locale) {
    scorecard(year: $year, rubricVersion: $rubricVersion, locale: $locale) {
      year
      reason
      frozen
      agencyCount
      rectify {
        agencyId
        label
        total
        rank
        grade
        gradeLabel
        reason
      }
    }
  }
`);

export type RectifyNotice = ResultOf<typeof RectifyQuery>['scorecard']['rectify'][number];
