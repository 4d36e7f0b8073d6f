/**
 * TypeScript shapes of the parts of the hub's GraphQL schema the dashboard
 * reads. Written by hand from the API contract until schema/schema.graphql is
 * committed; then typed documents should be generated from that file instead.
 */

export type Measure =
  | 'ACTIVITY_COUNT'
  | 'PARTICIPANTS'
  | 'MATERIALS_DISTRIBUTED'
  | 'CONSULTATIONS'
  | 'ONLINE_VIEWS'
  | 'BROADCAST_COUNT'
  | 'BROADCAST_MINUTES'
  | 'PRIME_TIME_SHARE'
  | 'PUBLIC_SERVICE_ADS'
  | 'BROADCAST_REACH'
  | 'TRAINING_REQUIRED'
  | 'TRAINING_ATTENDED'
  | 'TRAINING_ATTENDANCE_RATE'
  | 'LEADING_CADRE_ATTENDANCE_RATE'
  | 'TRAINING_HOURS'
  | 'TRAINING_PASS_RATE'
  | 'CASE_COUNT'
  | 'SURVEY_RESPONSES'
  | 'AWARENESS_RATE'
  | 'SATISFACTION_MEAN';

export type Dimension =
  | 'AGENCY'
  | 'DISTRICT'
  | 'DOMAIN'
  | 'LAW'
  | 'YEAR'
  | 'QUARTER'
  | 'MONTH'
  | 'FORM'
  | 'VENUE_TYPE'
  | 'AUDIENCE'
  | 'OUTLET'
  | 'SESSION_KIND';

export type ApiLocale = 'ZH_CN' | 'EN';

export interface AnalyticsFilter {
  from?: string;
  to?: string;
  agencyIds?: string[];
  regionIds?: string[];
  domainIds?: string[];
  lawIds?: string[];
  outletIds?: string[];
  sessionKinds?: string[];
  /** Enum names of the API's Form, VenueType and Audience (activities only). */
  forms?: string[];
  venueTypes?: string[];
  audiences?: string[];
}

export interface DimensionKey {
  dimension: Dimension;
  value: string;
  label: string;
}

export interface MeasureValue {
  measure: Measure;
  /** Rates are 0..1; null means a rate over nothing. */
  value: number | null;
}

export interface AnalyticsRow {
  keys: DimensionKey[];
  values: MeasureValue[];
}

export interface AnalyticsResult {
  rows: AnalyticsRow[];
  totals: MeasureValue[];
}

export interface AnalyticsVariables {
  measures: Measure[];
  groupBy?: Dimension[];
  filter?: AnalyticsFilter;
  orderBy?: Measure;
  limit?: number;
  locale?: ApiLocale;
}

export interface HubInfo {
  demoData: boolean;
  version: string;
  database: string;
}

export interface Region {
  id: string;
  name: string;
  nameEn: string | null;
  level: 'CITY' | 'DISTRICT' | 'STREET' | 'COMMUNITY';
}
