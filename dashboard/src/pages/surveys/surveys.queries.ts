import { graphql, withOperationName, type ResultOf } from '../../app/graphql';

/** Which responses a figure was computed from (pass `responses` to surveyResponses). Plain data. */
export const SurveyDrillFields = graphql(`
  fragment SurveyDrillFields on SurveyDrill @_unmask {
    questionKind
    lawIds
    agencyIds
    responses {
      districtIds
      from
      to
      waveIds
      years
    }
  }
`);

/** One unit's figure (and, with compareWaves, its figure per wave). Plain data for the pure builders. */
export const SurveyResultFields = graphql(
  `
    fragment SurveyResultFields on SurveyResultRow @_unmask {
      unit {
        id
        label
      }
      n
      estimate
      interval {
        low
        high
      }
      smallSample
      tier
      rank
      drill {
        ...SurveyDrillFields
      }
      byWave {
        wave {
          id
          label
        }
        n
        estimate
        interval {
          low
          high
        }
        smallSample
        tier
        rank
        drill {
          ...SurveyDrillFields
        }
      }
    }
  `,
  [SurveyDrillFields],
);

/**
 * Each card asks its own question (one failing grouping must not blank the
 * others); the operation name tells them apart in the hub's logs and tests.
 */
const SurveyResultsQuery = graphql(
  `
    query SurveyResults(
      $measure: SurveyMeasure!
      $by: SurveyGrouping!
      $filter: SurveyResultsFilter
      $compareWaves: Boolean
      $locale: Locale
    ) {
      surveyResults(measure: $measure, by: $by, filter: $filter, compareWaves: $compareWaves, locale: $locale) {
        measure
        by
        rows {
          ...SurveyResultFields
        }
      }
    }
  `,
  [SurveyResultFields],
);

export type SurveyResultsDocument = typeof SurveyResultsQuery;
export type SurveyRow = ResultOf<typeof SurveyResultFields>;
export type SurveyWaveFigure = NonNullable<SurveyRow['byWave']>[number];
export type SurveyDrill = SurveyRow['drill'];

export const AwarenessByLawQuery = withOperationName(SurveyResultsQuery, 'SurveysAwarenessByLaw');
export const SatisfactionByAgencyQuery = withOperationName(SurveyResultsQuery, 'SurveysSatisfactionByAgency');
export const ByDistrictQuery = withOperationName(SurveyResultsQuery, 'SurveysByDistrict');
export const WavesComparedQuery = withOperationName(SurveyResultsQuery, 'SurveysWavesCompared');
