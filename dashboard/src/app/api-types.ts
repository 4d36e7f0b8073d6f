/**
 * Names for the schema types the dashboard's own code passes around, all
 * derived from schema/schema.graphql through gql.tada (see graphql.ts), so
 * they follow the API when it changes: a new measure or filter appears here
 * after `npm run codegen`, a removed one breaks the build where it is used.
 */
import type { AnalyticsRowFields, MeasureValueFields, ResultOf, SchemaType } from './graphql';

export type Measure = SchemaType<'Measure'>;
export type Dimension = SchemaType<'Dimension'>;
export type ApiLocale = SchemaType<'Locale'>;
export type AnalyticsFilter = SchemaType<'AnalyticsFilter'>;

export type MeasureValue = ResultOf<typeof MeasureValueFields>;
export type AnalyticsRow = ResultOf<typeof AnalyticsRowFields>;
export type DimensionKey = AnalyticsRow['keys'][number];

/** The arguments of `analytics` the dashboard sends. */
export interface AnalyticsVariables {
  measures: Measure[];
  groupBy?: Dimension[];
  filter?: AnalyticsFilter;
  orderBy?: Measure;
  limit?: number;
  locale?: ApiLocale;
}
