import { GraphQLDateTime, GraphQLJSON } from 'graphql-scalars';
import { Field, Float, ID, Int, ObjectType, registerEnumType } from 'type-graphql';
import { AssessmentMetric, type Grade } from './assessment.rubric.js';

export enum AssessmentGrade {
  EXCELLENT = 'EXCELLENT',
  GOOD = 'GOOD',
  PASS = 'PASS',
  FAIL = 'FAIL',
}

registerEnumType(AssessmentMetric, { name: 'AssessmentMetric', description: 'What a rubric indicator or deduction measures per agency and year (docs/assessment.md)' });
registerEnumType(AssessmentGrade, { name: 'AssessmentGrade', description: 'EXCELLENT 优秀, GOOD 良好, PASS 合格, FAIL 不合格' });

@ObjectType('AssessmentRubric', { description: 'A versioned assessment rubric (考评细则); its definition format is in docs/assessment.md' })
export class RubricInfo {
  @Field(() => ID, { description: 'AssessmentRubric:n' }) id!: string;
  @Field(() => String) version!: string;
  @Field(() => String) name!: string;
  @Field(() => String, { nullable: true }) description!: string | null;
  @Field(() => GraphQLJSON) definition!: unknown;
  @Field(() => Float, { description: 'The most an agency can score: the sum of the weights' }) maxScore!: number;
  @Field(() => GraphQLDateTime) createdAt!: Date;
  @Field(() => String, { nullable: true, description: 'Username of the admin who saved it; null for the default the hub installs' }) createdBy!: string | null;
  @Field(() => [Int], { description: 'Years whose scorecard under this version is frozen; when any, the version can no longer change' }) frozenYears!: number[];
}

@ObjectType({ description: 'Lineage: pass `filter` to the record query `query` to list the records behind a figure; `note` says what in them counts when the filter cannot' })
export class RecordDrill {
  @Field(() => String, { description: 'A query of this API: activities, broadcastSlots, trainingAttendance, cases, coverage, surveyResponses' }) query!: string;
  @Field(() => GraphQLJSON, { description: 'Its `filter` argument, as is' }) filter!: Record<string, unknown>;
  @Field(() => String, { nullable: true }) note!: string | null;
}

@ObjectType({ description: 'An indicator of the rubric for one agency' })
export class IndicatorScore {
  @Field(() => String) key!: string;
  @Field(() => String) label!: string;
  @Field(() => AssessmentMetric) metric!: AssessmentMetric;
  @Field(() => Float, { nullable: true, description: 'The metric for the agency and year (rates 0–1, means 1–5); null: no data' }) value!: number | null;
  @Field(() => Float) points!: number;
  @Field(() => Float, { description: 'The weight' }) maxPoints!: number;
  @Field(() => Float, { description: 'maxPoints − points' }) lost!: number;
  @Field(() => Boolean, { description: 'No data: the indicator scores 0' }) noData!: boolean;
  @Field(() => String, { nullable: true, description: 'Why points were lost; null at full points' }) reason!: string | null;
  @Field(() => [RecordDrill], { description: 'Together (as a union) the records behind the value' }) drill!: RecordDrill[];
}

@ObjectType({ description: 'A deduction rule of the rubric for one agency' })
export class DeductionScore {
  @Field(() => String) key!: string;
  @Field(() => String) label!: string;
  @Field(() => AssessmentMetric) metric!: AssessmentMetric;
  @Field(() => Float, { nullable: true }) value!: number | null;
  @Field(() => Float, { description: 'The threshold: deducted per unit below it' }) below!: number;
  @Field(() => Float, { nullable: true, description: 'max(0, below − value); null without data' }) shortfall!: number | null;
  @Field(() => Float, { description: 'Points deducted (≥ 0)' }) points!: number;
  @Field(() => Float, { description: 'The cap' }) max!: number;
  @Field(() => Boolean, { description: 'No data: the cap is deducted' }) noData!: boolean;
  @Field(() => String, { nullable: true }) reason!: string | null;
  @Field(() => [RecordDrill]) drill!: RecordDrill[];
}

@ObjectType({ description: 'An indicator or deduction that cost an agency points' })
export class LostPoints {
  @Field(() => String) key!: string;
  @Field(() => String) label!: string;
  @Field(() => Float) lost!: number;
  @Field(() => String) reason!: string;
}

@ObjectType()
export class ScorecardRow {
  @Field(() => ID) agencyId!: string;
  @Field(() => String, { description: 'Agency name in the requested locale' }) label!: string;
  @Field(() => [IndicatorScore]) indicators!: IndicatorScore[];
  @Field(() => [DeductionScore]) deductions!: DeductionScore[];
  @Field(() => Float, { description: 'Σ indicator points' }) subtotal!: number;
  @Field(() => Float, { description: 'Σ deductions' }) deducted!: number;
  @Field(() => Float, { description: 'max(0, subtotal − deducted)' }) total!: number;
  @Field(() => Int, { description: 'Among all agencies scored; ties share a rank (1, 1, 3)' }) rank!: number;
  @Field(() => AssessmentGrade) grade!: Grade;
  @Field(() => String) gradeLabel!: string;
  @Field(() => [LostPoints], { description: 'Up to three indicators or deductions that cost the most points' }) lostMost!: LostPoints[];
}

@ObjectType({ description: 'An agency on the commendation (表扬) or rectification (通报整改) list' })
export class ScorecardNotice {
  @Field(() => ID) agencyId!: string;
  @Field(() => String) label!: string;
  @Field(() => Float) total!: number;
  @Field(() => Int) rank!: number;
  @Field(() => AssessmentGrade) grade!: Grade;
  @Field(() => String) gradeLabel!: string;
  @Field(() => String, { description: 'A sentence for the notice' }) reason!: string;
  @Field(() => [LostPoints]) lostMost!: LostPoints[];
}

@ObjectType({ description: 'A year scored under a rubric (see docs/assessment.md)' })
export class Scorecard {
  @Field(() => Int) year!: number;
  @Field(() => String, { nullable: true, description: 'Null for a what-if' }) rubricVersion!: string | null;
  @Field(() => String, { nullable: true }) rubricName!: string | null;
  @Field(() => Float) maxScore!: number;
  @Field(() => Int, { description: 'Agencies scored (an agency reporter sees its own row only, ranked among them)' }) agencyCount!: number;
  @Field(() => [ScorecardRow], { description: 'Best first; ties by name' }) rows!: ScorecardRow[];
  @Field(() => [ScorecardNotice], { description: 'Best first' }) commended!: ScorecardNotice[];
  @Field(() => [ScorecardNotice], { description: 'Worst first' }) rectify!: ScorecardNotice[];
  @Field(() => String, { nullable: true, description: 'Why the list is empty, when it is' }) reason!: string | null;
  @Field(() => Boolean, { description: 'This answer is the frozen snapshot' }) frozen!: boolean;
  @Field(() => GraphQLDateTime, { nullable: true, description: 'When the scorecard of this year and version was frozen (also on the live answer), null if it is not' })
  frozenAt!: Date | null;
  @Field(() => String, { nullable: true }) frozenBy!: string | null;
  @Field(() => GraphQLDateTime, { description: 'When the figures were computed (the freeze, for a frozen answer)' }) computedAt!: Date;
}
