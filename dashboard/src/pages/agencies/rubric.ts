/**
 * Scores come from a versioned rubric (考评细则). Pages score under the
 * rubric named by `?rubric=` in the URL when there is one by that version,
 * else under the first of `rubrics` (the newest).
 */
import { graphql, type ResultOf } from '../../app/graphql';

export const RubricsQuery = graphql(`
  query Rubrics {
    rubrics {
      version
      name
      maxScore
    }
  }
`);

export type Rubric = ResultOf<typeof RubricsQuery>['rubrics'][number];

export const RUBRIC_PARAM = 'rubric';

/** The rubric to score under: the one asked for when it exists, else the first; null when there is none. */
export function chooseRubric(rubrics: readonly Rubric[], wanted: string | null): Rubric | null {
  return rubrics.find((r) => r.version === wanted) ?? rubrics[0] ?? null;
}

/** The version asked for in a query string, or null. */
export function rubricParam(search: string): string | null {
  return new URLSearchParams(search).get(RUBRIC_PARAM)?.trim() || null;
}

/** The query string with `version` as the rubric (null: the default, so none), other parameters kept. */
export function withRubric(search: string, version: string | null): string {
  const params = new URLSearchParams(search);
  if (version) params.set(RUBRIC_PARAM, version);
  else params.delete(RUBRIC_PARAM);
  const text = params.toString();
  return text ? `?${text}` : '';
}

/** A year's scores under a rubric; agency reporters get their own row only. */
export const ScorecardQuery = graphql(`
  query AgencyScores($year: Int!, $rubricVersion: String!, $locale: Locale) {
    scorecard(year: $year, rubricVersion: $rubricVersion, locale: $locale) {
      year
      maxScore
      agencyCount
      reason
      frozen
      rows {
        agencyId
        total
        rank
        grade
        gradeLabel
      }
    }
  }
`);

export type ScoreRow = ResultOf<typeof ScorecardQuery>['scorecard']['rows'][number];
