import { ArrayMaxSize, Max, Min } from 'class-validator';
import { Field, Float, ID, InputType, Int, ObjectType } from 'type-graphql';
import { MAX_FILTER_IDS } from '../../shared/filters.js';
import { DateScalar } from '../../shared/scalars.js';

@InputType({ description: 'Which responsibility items to assess (see docs/metrics.md, "Coverage of the responsibility list")' })
export class CoverageFilter {
  @Field(() => [Int], { nullable: true, description: 'Items of these list years' })
  @ArrayMaxSize(50)
  @Min(2000, { each: true })
  @Max(2100, { each: true })
  years?: number[];

  @Field(() => DateScalar, { nullable: true, description: 'Items whose window ends on or after this day' })
  from?: string;

  @Field(() => DateScalar, { nullable: true, description: 'Items whose window starts on or before this day' })
  to?: string;

  @Field(() => [ID], { nullable: true })
  @ArrayMaxSize(MAX_FILTER_IDS)
  agencyIds?: string[];

  @Field(() => [ID], { nullable: true, description: 'Agencies located in these regions or any place below them' })
  @ArrayMaxSize(MAX_FILTER_IDS)
  regionIds?: string[];

  @Field(() => [ID], { nullable: true, description: 'Items in these enforcement domains' })
  @ArrayMaxSize(MAX_FILTER_IDS)
  domainIds?: string[];
}

@ObjectType({ description: 'An audience, venue type (enum name) or district (Region id) with its label' })
export class CoverageValue {
  @Field(() => String) value!: string;
  @Field(() => String) label!: string;
}

@ObjectType({ description: 'What an item names against what its counted activities reached' })
export class ReachComparison {
  @Field(() => [CoverageValue], { description: 'Named by the item' }) named!: CoverageValue[];
  @Field(() => [CoverageValue], { description: 'Named and reached by at least one counted activity' }) reached!: CoverageValue[];
  @Field(() => [CoverageValue], { description: 'Named but reached by no counted activity' }) missing!: CoverageValue[];
  @Field(() => [CoverageValue], { description: 'Reached by counted activities but not named' }) extra!: CoverageValue[];
}

@ObjectType({ description: 'A filter for `activities(filter:)` (same field names as ActivityFilter) selecting exactly the activities behind a figure' })
export class ActivityDrill {
  @Field(() => DateScalar) from!: string;
  @Field(() => DateScalar) to!: string;
  @Field(() => [ID]) itemIds!: string[];
}

@ObjectType()
export class CoverageItem {
  @Field(() => ID, { description: 'ResponsibilityItem:n' }) id!: string;
  @Field(() => String) title!: string;
  @Field(() => Int) year!: number;
  @Field(() => DateScalar) startsOn!: string;
  @Field(() => DateScalar) endsOn!: string;
  @Field(() => Int, { description: 'Planned number of activities' }) planned!: number;
  @Field(() => Int, { description: 'Activities inside the window that name the item' }) delivered!: number;
  @Field(() => Int, { description: 'min(delivered, planned)' }) deliveredCapped!: number;
  @Field(() => Boolean, { description: 'At least one activity inside the window names the item' }) covered!: boolean;
  @Field(() => ReachComparison) audiences!: ReachComparison;
  @Field(() => ReachComparison) venueTypes!: ReachComparison;
  @Field(() => ReachComparison, { description: 'Target districts against the districts of the activities’ places' }) districts!: ReachComparison;
  @Field(() => ActivityDrill, { description: 'The activities counted in delivered' }) drill!: ActivityDrill;
}

/** The figures an agency and the totals share (referenced by no field, so not in the schema itself). */
@ObjectType()
export class CoverageFigures {
  @Field(() => Int) planned!: number;
  @Field(() => Int, { description: 'Σ delivered over the items (an activity naming two items counts for each)' }) delivered!: number;
  @Field(() => Int, { description: 'Σ min(delivered, planned)' }) deliveredCapped!: number;
  @Field(() => Int) itemCount!: number;
  @Field(() => Int) coveredItemCount!: number;
  @Field(() => Float, { nullable: true, description: 'deliveredCapped ÷ planned; null when nothing is planned' }) completionCapped!: number | null;
  @Field(() => Float, { nullable: true, description: 'delivered ÷ planned; null when nothing is planned' }) completionUncapped!: number | null;
  @Field(() => Float, { nullable: true, description: 'coveredItemCount ÷ itemCount; null without items' }) coverageRate!: number | null;
  @Field(() => [ActivityDrill], {
    description: 'One drill per distinct item window: together (as a union) they select exactly the activities counted. One filter cannot, when windows differ.',
  })
  drills!: ActivityDrill[];
}

@ObjectType()
export class CoverageAgency extends CoverageFigures {
  @Field(() => ID) agencyId!: string;
  @Field(() => String, { description: 'Agency name in the requested locale' }) label!: string;
  @Field(() => [CoverageItem]) items!: CoverageItem[];
}

@ObjectType()
export class CoverageTotals extends CoverageFigures {
  @Field(() => Int) agencyCount!: number;
}

@ObjectType()
export class CoverageResult {
  @Field(() => [CoverageAgency], { description: 'Worst completion (capped) first, then by name; agencies without a rate last' }) agencies!: CoverageAgency[];
  @Field(() => CoverageTotals, { description: 'Over every agency in the answer' }) totals!: CoverageTotals;
  @Field(() => String, { nullable: true, description: 'Why the answer is empty, when it is' }) reason!: string | null;
}
