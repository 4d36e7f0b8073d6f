import { graphql, type ResultOf } from '../../app/graphql';

/** The rubric versions, newest first, for the chooser. */
export const RubricsQuery = graphql(`
  query AssessmentRubrics {
    rubrics {
      id
      version
      name
      maxScore
      frozenYears
    }
  }
`);

/** The records behind an indicator or a deduction (docs/assessment.md, "Lineage"). Plain data. */
export const RecordDrillFields = graphql(`
  fragment RecordDrillFields on RecordDrill @_unmask {
    query
    filter
    note
  }
`);

/** A scored year: every figure the page draws. Plain data for the pure helpers (scorecard.ts). */
export const ScorecardFields = graphql(
  `
    fragment ScorecardFields on Scorecard @_unmask {
      year
      rubricVersion
      rubricName
      maxScore
      agencyCount
      frozen
      frozenAt
      frozenBy
      computedAt
      reason
      rows {
        agencyId
        label
        rank
        total
        subtotal
        deducted
        grade
        gradeLabel
        indicators {
          key
          label
          metric
          value
          points
          maxPoints
          lost
          noData
          reason
          drill {
            ...RecordDrillFields
          }
        }
        deductions {
          key
          label
          metric
          value
          points
          max
          below
          noData
          reason
          drill {
            ...RecordDrillFields
          }
        }
      }
      commended {
        agencyId
        label
        rank
        total
        grade
        gradeLabel
        reason
      }
      rectify {
        agencyId
        label
        rank
        total
        grade
        gradeLabel
        reason
      }
    }
  `,
  [RecordDrillFields],
);

/** The scorecard of a year: the frozen snapshot when there is one (`live: false`), else computed now. */
export const ScorecardQuery = graphql(
  `
    query AssessmentScorecard($year: Int!, $rubricVersion: String!, $live: Boolean, $locale: Locale) {
      scorecard(year: $year, rubricVersion: $rubricVersion, live: $live, locale: $locale) {
        ...ScorecardFields
      }
    }
  `,
  [ScorecardFields],
);

export const FreezeScorecardMutation = graphql(
  `
    mutation AssessmentFreeze($year: Int!, $rubricVersion: String!, $locale: Locale) {
      freezeScorecard(year: $year, rubricVersion: $rubricVersion, locale: $locale) {
        ...ScorecardFields
      }
    }
  `,
  [ScorecardFields],
);

export type Rubric = ResultOf<typeof RubricsQuery>['rubrics'][number];
export type Scorecard = ResultOf<typeof ScorecardFields>;
export type ScorecardRow = Scorecard['rows'][number];
export type IndicatorScore = ScorecardRow['indicators'][number];
export type DeductionScore = ScorecardRow['deductions'][number];
export type RecordDrill = IndicatorScore['drill'][number];
export type ScorecardNotice = Scorecard['commended'][number];
