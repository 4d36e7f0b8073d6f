import { AnalyticsRowFields, graphql, MeasureValueFields, withOperationName } from '../../app/graphql';

/** Training measures grouped by one or two dimensions, with totals; one operation name per use. */
const TrainingAnalyticsQuery = graphql(
  `
    query TrainingAnalytics($measures: [Measure!]!, $groupBy: [Dimension!], $filter: AnalyticsFilter, $locale: Locale) {
      analytics(measures: $measures, groupBy: $groupBy, filter: $filter, locale: $locale) {
        rows {
          ...AnalyticsRowFields
        }
        totals {
          ...MeasureValueFields
        }
      }
    }
  `,
  [AnalyticsRowFields, MeasureValueFields],
);

/** By session kind (every account: city-wide, or an agency reporter's own agency). */
export const TrainingByKindQuery = withOperationName(TrainingAnalyticsQuery, 'TrainingByKind');
/** By agency × session kind: the heatmap (readers of every unit's records). */
export const TrainingByAgencyKindQuery = withOperationName(TrainingAnalyticsQuery, 'TrainingByAgencyKind');
/** By agency: the table and leading cadres' attendance (readers of every unit's records). */
export const TrainingByAgencyQuery = withOperationName(TrainingAnalyticsQuery, 'TrainingByAgency');
