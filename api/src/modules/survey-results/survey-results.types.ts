import { ArrayMaxSize } from 'class-validator';
import { Field, Float, ID, InputType, Int, ObjectType, registerEnumType } from 'type-graphql';
import type * as m from '@pufa/seeds';
import { QuestionKind } from '../../shared/enums.js';
import { MAX_FILTER_IDS, PeriodFilter } from '../../shared/filters.js';
import { DateScalar } from '../../shared/scalars.js';

export enum SurveyMeasure {
  AWARENESS = 'AWARENESS',
  SATISFACTION = 'SATISFACTION',
}

export enum SurveyGrouping {
  LAW = 'LAW',
  DISTRICT = 'DISTRICT',
  WAVE = 'WAVE',
  AGENCY = 'AGENCY',
}

registerEnumType(SurveyMeasure, {
  name: 'SurveyMeasure',
  description: 'AWARENESS: share of "aware" answers (0–1, Wilson interval); SATISFACTION: mean answer (1–5, Student t interval). See docs/metrics.md',
});
registerEnumType(SurveyGrouping, {
  name: 'SurveyGrouping',
  description: 'The units compared: LAW (awareness only), DISTRICT (the respondent’s), WAVE, AGENCY (awareness through the laws enforced in the domains of its powers; satisfaction with it)',
});

@InputType({ description: 'Which answers count; lists are ANDed, an empty list matches nothing' })
export class SurveyResultsFilter extends PeriodFilter {
  @Field(() => [ID], { nullable: true }) @ArrayMaxSize(MAX_FILTER_IDS) waveIds?: string[];
  @Field(() => [ID], { nullable: true, description: 'Respondents’ districts: regions, each with all places below it' }) @ArrayMaxSize(MAX_FILTER_IDS) regionIds?: string[];
  @Field(() => [ID], { nullable: true, description: 'Awareness of these laws (AWARENESS only)' }) @ArrayMaxSize(MAX_FILTER_IDS) lawIds?: string[];
  @Field(() => [ID], { nullable: true, description: 'AWARENESS: of the laws enforced in the domains these agencies hold power in on the response’s day; SATISFACTION: with these agencies' })
  @ArrayMaxSize(MAX_FILTER_IDS)
  agencyIds?: string[];
}

@ObjectType({ description: 'A unit compared: a law, district, wave or agency' })
export class SurveyUnit {
  @Field(() => ID) id!: string;
  @Field(() => String, { description: 'Name in the requested locale' }) label!: string;
}

@ObjectType({ description: 'A 95% confidence interval' })
export class ConfidenceInterval {
  @Field(() => Float) low!: number;
  @Field(() => Float) high!: number;
}

@ObjectType({ description: 'The same fields as the `filter` of `surveyResponses`: pass it as is to list the responses behind a figure' })
export class SurveyResponsesDrill {
  @Field(() => DateScalar, { nullable: true }) from!: string | null;
  @Field(() => DateScalar, { nullable: true }) to!: string | null;
  @Field(() => [Int], { nullable: true }) years!: number[] | null;
  @Field(() => [ID], { nullable: true }) waveIds!: string[] | null;
  @Field(() => [ID], { nullable: true }) districtIds!: string[] | null;
}

@ObjectType({ description: 'Lineage: the answers counted are, in the responses `responses` selects, the answers to questions of `questionKind` on `lawIds` (awareness) or about `agencyIds` (satisfaction)' })
export class SurveyDrill {
  @Field(() => SurveyResponsesDrill) responses!: SurveyResponsesDrill;
  @Field(() => QuestionKind) questionKind!: m.QuestionKind;
  @Field(() => [ID], { nullable: true, description: 'AWARENESS: the laws whose answers were counted' }) lawIds!: string[] | null;
  @Field(() => [ID], { nullable: true, description: 'SATISFACTION: the agencies whose answers were counted' }) agencyIds!: string[] | null;
}

@ObjectType({ description: 'Fields shared by a unit’s figure and its per-wave figures (not itself in the schema)' })
export class SurveyEstimate {
  @Field(() => Float, { description: 'AWARENESS: rate 0–1; SATISFACTION: mean 1–5' }) estimate!: number;
  @Field(() => Int, { description: 'Answers counted' }) n!: number;
  @Field(() => Int, { nullable: true, description: 'AWARENESS: answers "aware"' }) aware!: number | null;
  @Field(() => Float, { nullable: true, description: 'SATISFACTION: sample standard deviation (n − 1); null for n = 1' }) sd!: number | null;
  @Field(() => ConfidenceInterval, { nullable: true, description: 'Wilson (AWARENESS) or Student t (SATISFACTION); null for a mean of one answer' })
  interval!: ConfidenceInterval | null;
  @Field(() => Boolean, { description: 'n < 30: read with care' }) smallSample!: boolean;
  @Field(() => Int, { nullable: true, description: 'Tier among the units compared (1 = best); null without an interval' }) tier!: number | null;
  @Field(() => Int, { nullable: true, description: 'Rank, shared by the units of a tier: equal to tier' }) rank!: number | null;
  @Field(() => SurveyDrill) drill!: SurveyDrill;
}

@ObjectType({ description: 'A unit’s figure in one wave; tiers compare the units within that wave' })
export class SurveyWaveResult extends SurveyEstimate {
  @Field(() => SurveyUnit) wave!: SurveyUnit;
}

@ObjectType()
export class SurveyResultRow extends SurveyEstimate {
  @Field(() => SurveyUnit) unit!: SurveyUnit;
  @Field(() => [SurveyWaveResult], { nullable: true, description: 'With compareWaves: the unit in each wave it has answers in, oldest wave first' })
  byWave!: SurveyWaveResult[] | null;
}

@ObjectType()
export class SurveyResults {
  @Field(() => SurveyMeasure) measure!: SurveyMeasure;
  @Field(() => SurveyGrouping) by!: SurveyGrouping;
  @Field(() => [SurveyResultRow], { description: 'Ranked units by estimate (tier order), then units without an interval; units without answers are absent' })
  rows!: SurveyResultRow[];
}
