import { ArrayMaxSize } from 'class-validator';
import { Field, Float, ID, InputType, ObjectType, registerEnumType } from 'type-graphql';
import type * as m from '@pufa/seeds';
import { Audience, Form, TrainingKind, VenueType } from '../../shared/enums.js';
import { MAX_FILTER_IDS } from '../../shared/filters.js';
import { DateScalar } from '../../shared/scalars.js';

export enum Measure {
  ACTIVITY_COUNT = 'ACTIVITY_COUNT',
  PARTICIPANTS = 'PARTICIPANTS',
  MATERIALS_DISTRIBUTED = 'MATERIALS_DISTRIBUTED',
  CONSULTATIONS = 'CONSULTATIONS',
  ONLINE_VIEWS = 'ONLINE_VIEWS',
  BROADCAST_COUNT = 'BROADCAST_COUNT',
  BROADCAST_MINUTES = 'BROADCAST_MINUTES',
  PRIME_TIME_SHARE = 'PRIME_TIME_SHARE',
  PUBLIC_SERVICE_ADS = 'PUBLIC_SERVICE_ADS',
  BROADCAST_REACH = 'BROADCAST_REACH',
  TRAINING_REQUIRED = 'TRAINING_REQUIRED',
  TRAINING_ATTENDED = 'TRAINING_ATTENDED',
  TRAINING_ATTENDANCE_RATE = 'TRAINING_ATTENDANCE_RATE',
  LEADING_CADRE_ATTENDANCE_RATE = 'LEADING_CADRE_ATTENDANCE_RATE',
  TRAINING_HOURS = 'TRAINING_HOURS',
  TRAINING_PASS_RATE = 'TRAINING_PASS_RATE',
  CASE_COUNT = 'CASE_COUNT',
  SURVEY_RESPONSES = 'SURVEY_RESPONSES',
  AWARENESS_RATE = 'AWARENESS_RATE',
  SATISFACTION_MEAN = 'SATISFACTION_MEAN',
}

export enum Dimension {
  AGENCY = 'AGENCY',
  DISTRICT = 'DISTRICT',
  DOMAIN = 'DOMAIN',
  LAW = 'LAW',
  YEAR = 'YEAR',
  QUARTER = 'QUARTER',
  MONTH = 'MONTH',
  FORM = 'FORM',
  VENUE_TYPE = 'VENUE_TYPE',
  AUDIENCE = 'AUDIENCE',
  OUTLET = 'OUTLET',
  SESSION_KIND = 'SESSION_KIND',
}

export enum Compare {
  PREVIOUS_PERIOD = 'PREVIOUS_PERIOD',
  SAME_PERIOD_LAST_YEAR = 'SAME_PERIOD_LAST_YEAR',
}

export enum Locale {
  ZH_CN = 'ZH_CN',
  EN = 'EN',
}

registerEnumType(Measure, { name: 'Measure', description: 'What to count or compute; defined in docs/metrics.md' });
registerEnumType(Dimension, { name: 'Dimension', description: 'What to group by; defined in docs/metrics.md' });
registerEnumType(Compare, {
  name: 'Compare',
  description: 'PREVIOUS_PERIOD: the period of the same length just before; SAME_PERIOD_LAST_YEAR: the same days one year earlier',
});
registerEnumType(Locale, { name: 'Locale', description: 'Language of labels: ZH_CN (default) or EN' });

@InputType()
export class AnalyticsFilter {
  @Field(() => DateScalar, { nullable: true, description: 'First day, inclusive (Asia/Shanghai)' }) from?: string;
  @Field(() => DateScalar, { nullable: true, description: 'Last day, inclusive (Asia/Shanghai)' }) to?: string;
  @Field(() => [ID], { nullable: true }) @ArrayMaxSize(MAX_FILTER_IDS) agencyIds?: string[];
  @Field(() => [ID], { nullable: true, description: 'Regions, each with all places below it' }) @ArrayMaxSize(MAX_FILTER_IDS) regionIds?: string[];
  @Field(() => [ID], { nullable: true }) @ArrayMaxSize(MAX_FILTER_IDS) domainIds?: string[];
  @Field(() => [ID], { nullable: true }) @ArrayMaxSize(MAX_FILTER_IDS) lawIds?: string[];
  @Field(() => [Form], { nullable: true }) forms?: m.Form[];
  @Field(() => [VenueType], { nullable: true }) venueTypes?: m.VenueType[];
  @Field(() => [Audience], { nullable: true }) audiences?: m.Audience[];
  @Field(() => [ID], { nullable: true }) @ArrayMaxSize(MAX_FILTER_IDS) outletIds?: string[];
  @Field(() => [TrainingKind], { nullable: true, description: 'Training session kinds' }) sessionKinds?: m.TrainingKind[];
}

// Plain data read by property: no per-field resolver wrapper (agency × month answers ~10,000 fields).
@ObjectType({ simpleResolvers: true })
export class DimensionKey {
  @Field(() => Dimension) dimension!: Dimension;
  @Field(() => String, { description: 'Record id for record dimensions; 2019, 2019-Q1, 2019-03 for time; the enum name for FORM, VENUE_TYPE, AUDIENCE' })
  value!: string;
  @Field(() => String, { description: 'Label in the requested locale' }) label!: string;
}

@ObjectType({ simpleResolvers: true })
export class MeasureValue {
  @Field(() => Measure) measure!: Measure;
  @Field(() => Float, { nullable: true, description: 'Counts over nothing are 0; rates and means over nothing are null; rates are 0–1' })
  value!: number | null;
  @Field(() => Float, { nullable: true, description: 'The value in the compared period (with `compare`)' })
  previous?: number | null;
  @Field(() => Float, { nullable: true, description: '(value − previous) ÷ previous; null when previous is 0 or null' })
  change?: number | null;
}

@ObjectType({ simpleResolvers: true })
export class AnalyticsRow {
  @Field(() => [DimensionKey]) keys!: DimensionKey[];
  @Field(() => [MeasureValue]) values!: MeasureValue[];
}

@ObjectType({ simpleResolvers: true })
export class AnalyticsResult {
  @Field(() => [AnalyticsRow]) rows!: AnalyticsRow[];
  @Field(() => [MeasureValue], { description: 'Each fact row counted once, whatever the grouping' }) totals!: MeasureValue[];
  @Field(() => DateScalar, { nullable: true, description: 'First day of the compared period (with `compare`)' }) previousFrom?: string | null;
  @Field(() => DateScalar, { nullable: true, description: 'Last day of the compared period (with `compare`)' }) previousTo?: string | null;
}
