import { ArrayMaxSize } from 'class-validator';
import { Field, ID, InputType, Int, ObjectType, registerEnumType } from 'type-graphql';
import type * as m from '@pufa/seeds';
import { Audience } from '../../shared/enums.js';
import { MAX_FILTER_IDS, PeriodFilter } from '../../shared/filters.js';
import { DateScalar } from '../../shared/scalars.js';
import { Agency } from '../agencies/agency.entity.js';
import { EnforcementDomain } from '../domains/domain.entity.js';
import { Region } from '../regions/region.entity.js';
import { GAP_KINDS, type GapKind } from './gaps.js';

export const OverlapGapKind = Object.fromEntries(GAP_KINDS.map((k) => [k, k])) as { [K in GapKind]: K };
registerEnumType(OverlapGapKind, {
  name: 'OverlapGapKind',
  description: 'A gap in an overlapping domain, most severe first: NO_ACTIVITY > SINGLE_HOLDER > UNREACHED_DISTRICT > UNREACHED_AUDIENCE > NO_LEAD',
});

@InputType({ description: 'The period is required: from and to, or years (both: the days that satisfy both)' })
export class OverlapFilter extends PeriodFilter {
  @Field(() => [ID], { nullable: true, description: 'Regions, each with all places below it: the districts considered, and where activities count' })
  @ArrayMaxSize(MAX_FILTER_IDS)
  regionIds?: string[];

  @Field(() => [ID], { nullable: true })
  @ArrayMaxSize(MAX_FILTER_IDS)
  domainIds?: string[];
}

@ObjectType({ description: 'Arguments for `activities(filter:)` that select exactly the activities behind a figure (the fields of ActivityFilter)' })
export class OverlapDrill {
  @Field(() => DateScalar, { nullable: true }) from?: string | null;
  @Field(() => DateScalar, { nullable: true }) to?: string | null;
  @Field(() => [Int], { nullable: true }) years?: number[] | null;
  @Field(() => [ID]) domainIds!: string[];
  @Field(() => [ID]) agencyIds!: string[];
  @Field(() => [ID], { nullable: true }) regionIds?: string[] | null;
  @Field(() => [Audience], { nullable: true }) audiences?: m.Audience[] | null;
}

@ObjectType({ description: 'An agency holding enforcement power in the domain during the period, and what it did there' })
export class OverlapHolder {
  @Field(() => Agency) agency!: Agency;
  @Field(() => Boolean, { description: 'Holds the power as lead agency (牵头单位)' }) isLead!: boolean;
  @Field(() => Int, { description: 'Activities in the domain during the period, as organiser or co-organiser' }) activityCount!: number;
  @Field(() => [Audience]) audiencesReached!: m.Audience[];
  @Field(() => [Region], { description: 'Districts its counted activities took place in' }) districtsReached!: Region[];
  @Field(() => OverlapDrill) drill!: OverlapDrill;
}

@ObjectType({ description: 'A gap, with a sentence a person can read and the agencies that should act' })
export class OverlapFlag {
  @Field(() => OverlapGapKind) kind!: GapKind;
  @Field(() => String, { description: 'In the requested locale' }) message!: string;
  @Field(() => [Agency], { description: 'Who should act, lead first; empty for NO_LEAD (the 普法办 designates a lead)' }) act!: Agency[];
  @Field(() => Region, { nullable: true, description: 'UNREACHED_DISTRICT: the district' }) district?: Region | null;
  @Field(() => Audience, { nullable: true, description: 'UNREACHED_AUDIENCE: the audience' }) audience?: m.Audience | null;
  @Field(() => OverlapDrill, { description: 'The activities the flag is about (none for NO_ACTIVITY and UNREACHED_*: the query that shows the gap)' })
  drill!: OverlapDrill;
}

@ObjectType({ description: 'A domain in which agencies that are not parent and child (nor predecessor and successor) of each other hold power during the period' })
export class OverlapGap {
  @Field(() => EnforcementDomain) domain!: EnforcementDomain;
  @Field(() => [OverlapHolder], { description: 'Leads first, then by name' }) holders!: OverlapHolder[];
  @Field(() => [Agency], { description: 'Holders with is_lead' }) leads!: Agency[];
  @Field(() => Int, { description: 'Distinct activities of all holders (a co-organised activity once)' }) activityCount!: number;
  @Field(() => [Audience]) audiencesReached!: m.Audience[];
  @Field(() => [Region]) districtsReached!: Region[];
  @Field(() => [OverlapFlag], { description: 'Most severe first' }) flags!: OverlapFlag[];
  @Field(() => OverlapGapKind, { nullable: true, description: 'The most severe flag, null when there is none' }) severity!: GapKind | null;
  @Field(() => OverlapDrill, { description: 'All counted activities of the overlap' }) drill!: OverlapDrill;
}
