/**
 * The agencies list's queries. The table is one operation (the units and
 * every figure but the score); the scorecard is a second one, since it needs
 * a rubric version from `rubrics` first, and a failing score should not hide
 * the figures.
 */
import { AnalyticsRowFields, graphql, type ResultOf } from '../../app/graphql';

/** A unit's survey figure with the responses behind it (surveyResults rows). */
export const SurveyFigureFields = graphql(`
  fragment SurveyFigure on SurveyResultRow @_unmask {
    unit {
      id
    }
    n
    estimate
    smallSample
    drill {
      responses {
        from
        to
        years
        waveIds
        districtIds
      }
    }
  }
`);

export const AgenciesTableQuery = graphql(
  `
    query AgenciesTable(
      $agencyFilter: AgencyFilter
      $coverage: CoverageFilter!
      $analytics: AnalyticsFilter
      $survey: SurveyResultsFilter
      $locale: Locale
    ) {
      agencies(filter: $agencyFilter, first: 200) {
        nodes {
          id
          name
          nameEn
          validFrom
          validTo
        }
      }
      coverage(filter: $coverage, locale: $locale) {
        agencies {
          agencyId
          planned
          delivered
          completionCapped
          coverageRate
          itemCount
          coveredItemCount
          drills {
            from
            to
            itemIds
          }
        }
      }
      analytics(measures: [ACTIVITY_COUNT, TRAINING_ATTENDANCE_RATE], groupBy: [AGENCY], filter: $analytics, locale: $locale) {
        rows {
          ...AnalyticsRowFields
        }
      }
      awareness: surveyResults(measure: AWARENESS, by: AGENCY, filter: $survey, locale: $locale) {
        rows {
          ...SurveyFigure
        }
      }
      satisfaction: surveyResults(measure: SATISFACTION, by: AGENCY, filter: $survey, locale: $locale) {
        rows {
          ...SurveyFigure
        }
      }
    }
  `,
  [AnalyticsRowFields, SurveyFigureFields],
);

export type AgenciesTableData = ResultOf<typeof AgenciesTableQuery>;
export type SurveyFigure = ResultOf<typeof SurveyFigureFields>;
