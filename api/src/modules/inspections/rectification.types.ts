import { ArrayMaxSize, Max, MaxLength, Min, ValidateNested } from 'class-validator';
import { Field, Float, ID, InputType, Int, ObjectType } from 'type-graphql';
import { MAX_FILTER_IDS } from '../../shared/filters.js';
import { DateScalar } from '../../shared/scalars.js';
import { AssessmentGrade, LostPoints } from '../assessment/assessment.types.js';
import type { Grade } from '../assessment/assessment.rubric.js';
import type { GapKind } from '../overlaps/gaps.js';
import { OverlapGapKind } from '../overlaps/overlaps.types.js';
import { RectificationSourceKind, RectificationStatus } from './inspection.enums.js';
import { ScorecardQuery } from './inspection.types.js';
import type { Status } from './rectification.rules.js';

@InputType({ description: 'A flag of the overlap view: the domain, the year of the period, and the kind of flag' })
export class OverlapGapSource {
  @Field(() => ID, { description: 'EnforcementDomain:n' }) domainId!: string;
  @Field(() => Int) @Min(2000) @Max(2100) year!: number;
  @Field(() => OverlapGapKind) kind!: GapKind;
}

@InputType({ description: 'Exactly one source' })
export class RectificationSourceInput {
  @Field(() => ID, { nullable: true, description: 'InspectionFinding:n — the agency must be one the inspection visited' }) findingId?: string;
  @Field(() => ScorecardQuery, { nullable: true, description: 'The scorecard whose rectification list names the agency' }) @ValidateNested() scorecard?: ScorecardQuery;
  @Field(() => OverlapGapSource, { nullable: true, description: 'The overlap flag; the agency must hold power in the domain that year' }) @ValidateNested() overlapGap?: OverlapGapSource;
}

@InputType()
export class RectificationInput {
  @Field(() => ID, { description: 'The unit responsible' }) agencyId!: string;
  @Field(() => String, { description: 'What must change, 1–2,000 characters' }) @MaxLength(2000) requirement!: string;
  @Field(() => DateScalar, { description: 'Today or later (Asia/Shanghai)' }) deadline!: string;
  @Field(() => RectificationSourceInput) @ValidateNested() source!: RectificationSourceInput;
}

@InputType({ description: 'Fields left out stay as they are' })
export class RectificationUpdate {
  @Field(() => String, { nullable: true }) @MaxLength(2000) requirement?: string;
  @Field(() => DateScalar, { nullable: true }) deadline?: string;
}

@InputType({ description: 'Items matching every field given (a list matches any of its values)' })
export class RectificationFilter {
  @Field(() => [RectificationStatus], { nullable: true }) statuses?: Status[];
  @Field(() => [ID], { nullable: true }) @ArrayMaxSize(MAX_FILTER_IDS) agencyIds?: string[];
  @Field(() => [ID], { nullable: true, description: 'Overlap-gap items of these domains' }) @ArrayMaxSize(MAX_FILTER_IDS) domainIds?: string[];
  @Field(() => [RectificationSourceKind], { nullable: true }) sourceKinds?: RectificationSourceKind[];
  @Field(() => [Int], { nullable: true, description: 'Years of the sources' }) @ArrayMaxSize(50) years?: number[];
  @Field(() => String, { nullable: true, description: 'Scorecard items under this rubric version' }) @MaxLength(40) rubricVersion?: string;
  @Field(() => [ID], { nullable: true, description: 'Items started from findings of these inspections' }) @ArrayMaxSize(MAX_FILTER_IDS) inspectionIds?: string[];
  @Field(() => Boolean, { nullable: true, description: 'true: overdue only; false: not overdue' }) overdue?: boolean;
}

@ObjectType({ description: 'The figures of an item’s source metric in one year' })
export class RectificationFigures {
  @Field(() => Int) year!: number;
  @Field(() => Boolean, { description: 'The gap is there this year: the agency on the scorecard’s rectification list, or a flag of the item’s kind on the domain' })
  present!: boolean;
  @Field(() => Float, { nullable: true, description: 'SCORECARD: the agency’s total (null: not assessed that year)' }) total!: number | null;
  @Field(() => Float, { nullable: true }) maxScore!: number | null;
  @Field(() => Int, { nullable: true }) rank!: number | null;
  @Field(() => AssessmentGrade, { nullable: true }) grade!: Grade | null;
  @Field(() => Boolean, { nullable: true, description: 'SCORECARD: the answer is the frozen snapshot' }) frozen!: boolean | null;
  @Field(() => [LostPoints], { nullable: true, description: 'SCORECARD: every indicator and deduction that cost points, most first' }) lost!: LostPoints[] | null;
  @Field(() => Int, { nullable: true, description: 'OVERLAP_GAP: activities in the domain by all its holders' }) activityCount!: number | null;
  @Field(() => Int, { nullable: true, description: 'OVERLAP_GAP: activities of the item’s agency in the domain' }) agencyActivityCount!: number | null;
  @Field(() => [OverlapGapKind], { nullable: true, description: 'OVERLAP_GAP: the flags of the domain, most severe first (empty: no longer an overlap with gaps)' }) flags!: GapKind[] | null;
  @Field(() => [String], { nullable: true, description: 'OVERLAP_GAP: the messages of the flags of the item’s kind' }) messages!: string[] | null;
}

@ObjectType({ description: 'The source metric in the item’s year and the next, computed now by the scorecard or the overlap view' })
export class RectificationBeforeAfter {
  @Field(() => RectificationFigures) before!: RectificationFigures;
  @Field(() => RectificationFigures) after!: RectificationFigures;
  @Field(() => Boolean, { nullable: true, description: 'The gap is gone in the next year; null while that year has not ended' }) closed!: boolean | null;
}

@ObjectType({ description: 'How many items are in a status, and how many of them are overdue' })
export class RectificationCount {
  @Field(() => RectificationStatus) status!: Status;
  @Field(() => Int) count!: number;
  @Field(() => Int) overdue!: number;
}
