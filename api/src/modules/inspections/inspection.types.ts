import { ArrayMaxSize, ArrayMinSize, Max, MaxLength, Min, ValidateNested } from 'class-validator';
import { Field, ID, InputType, Int } from 'type-graphql';
import { MAX_FILTER_IDS, PeriodFilter } from '../../shared/filters.js';
import { DateScalar } from '../../shared/scalars.js';
import { CoverageFilter } from '../coverage/coverage.types.js';
import { OverlapFilter } from '../overlaps/overlaps.types.js';
import { InspectionMethod, InspectorKind } from './inspection.enums.js';

export const MAX_FINDINGS = 100;
export const MAX_SNAPSHOTS = 10;

@InputType({ description: 'The scorecard of a year under a rubric version (the frozen one when there is one)' })
export class ScorecardQuery {
  @Field(() => Int) @Min(2000) @Max(2100) year!: number;
  @Field(() => String) @MaxLength(40) rubricVersion!: string;
}

@InputType({ description: 'Exactly one query; the hub runs it and stores the query with its answer' })
export class InspectionSnapshotInput {
  @Field(() => ScorecardQuery, { nullable: true }) @ValidateNested() scorecard?: ScorecardQuery;
  @Field(() => CoverageFilter, { nullable: true, description: 'The filter of coverage(filter:)' }) @ValidateNested() coverage?: CoverageFilter;
  @Field(() => OverlapFilter, { nullable: true, description: 'The filter of overlapGaps(filter:)' }) @ValidateNested() overlapGaps?: OverlapFilter;
}

@InputType()
export class InspectionInput {
  @Field(() => InspectorKind) kind!: InspectorKind;
  @Field(() => String, { description: 'The inspectors’ names, free text, 1–500 characters' }) @MaxLength(500) inspectors!: string;
  @Field(() => [ID], { description: 'The agencies inspected, 1–100' }) @ArrayMinSize(1) @ArrayMaxSize(100) agencyIds!: string[];
  @Field(() => DateScalar) date!: string;
  @Field(() => InspectionMethod) method!: InspectionMethod;
  @Field(() => String, { nullable: true }) @MaxLength(5000) summary?: string;
  @Field(() => [String], { nullable: true, description: `Findings in order, each 1–2,000 characters, at most ${MAX_FINDINGS}` })
  @ArrayMaxSize(MAX_FINDINGS) @MaxLength(2000, { each: true })
  findings?: string[];
  @Field(() => [InspectionSnapshotInput], { nullable: true, description: `Metrics snapshots to take now, at most ${MAX_SNAPSHOTS}` })
  @ArrayMaxSize(MAX_SNAPSHOTS) @ValidateNested()
  snapshots?: InspectionSnapshotInput[];
}

@InputType({ description: 'A finding in an update: with the id of a finding of this inspection to keep it (its text may change), without one to add it' })
export class FindingInput {
  @Field(() => ID, { nullable: true }) id?: string;
  @Field(() => String) @MaxLength(2000) text!: string;
}

@InputType({ description: 'Fields left out stay as they are' })
export class InspectionUpdate {
  @Field(() => InspectorKind, { nullable: true }) kind?: InspectorKind;
  @Field(() => String, { nullable: true }) @MaxLength(500) inspectors?: string;
  @Field(() => [ID], { nullable: true }) @ArrayMinSize(1) @ArrayMaxSize(100) agencyIds?: string[];
  @Field(() => DateScalar, { nullable: true }) date?: string;
  @Field(() => InspectionMethod, { nullable: true }) method?: InspectionMethod;
  @Field(() => String, { nullable: true, description: 'An empty string clears it' }) @MaxLength(5000) summary?: string;
  @Field(() => [FindingInput], { nullable: true, description: 'The whole list, in order: findings left out are removed (refused while a rectification item starts from one)' })
  @ArrayMaxSize(MAX_FINDINGS) @ValidateNested()
  findings?: FindingInput[];
  @Field(() => [InspectionSnapshotInput], { nullable: true, description: 'Snapshots to take now and add' })
  @ArrayMaxSize(MAX_SNAPSHOTS) @ValidateNested()
  addSnapshots?: InspectionSnapshotInput[];
  @Field(() => [ID], { nullable: true, description: 'Snapshots of this inspection to remove' }) @ArrayMaxSize(MAX_SNAPSHOTS * 10) removeSnapshotIds?: string[];
}

@InputType({ description: 'Inspections on days of the period (from/to, years) of any of the agencies, kinds and methods given' })
export class InspectionFilter extends PeriodFilter {
  @Field(() => [ID], { nullable: true, description: 'Inspections of any of these agencies' }) @ArrayMaxSize(MAX_FILTER_IDS) agencyIds?: string[];
  @Field(() => [InspectorKind], { nullable: true }) kinds?: InspectorKind[];
  @Field(() => [InspectionMethod], { nullable: true }) methods?: InspectionMethod[];
}
