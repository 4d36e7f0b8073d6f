import { ArrayMaxSize, Max, Min } from 'class-validator';
import { Field, Float, ID, InputType, Int, ObjectType } from 'type-graphql';
import { MAX_FILTER_IDS } from '../../shared/filters.js';
import { CaseStudy } from '../cases/case.entity.js';

@InputType({ description: 'Narrows the case library; each list matches any of its ids' })
export class CaseLibraryFilter {
  @Field(() => [ID], { nullable: true, description: 'Cases explaining any of these laws' }) @ArrayMaxSize(MAX_FILTER_IDS) lawIds?: string[];
  @Field(() => [ID], { nullable: true }) @ArrayMaxSize(MAX_FILTER_IDS) domainIds?: string[];
  @Field(() => [ID], { nullable: true, description: 'Publishing agencies' }) @ArrayMaxSize(MAX_FILTER_IDS) agencyIds?: string[];
  @Field(() => [Int], { nullable: true, description: 'Years of publication (of the decision when no publication date is known)' })
  @ArrayMaxSize(50)
  @Min(2000, { each: true })
  @Max(2100, { each: true })
  years?: number[];
}

@ObjectType({ description: 'A case found in the library' })
export class CaseLibraryHit {
  @Field(() => CaseStudy, { name: 'case' }) caseStudy!: CaseStudy;
  @Field(() => Float, { nullable: true, description: 'Relevance to the query (ts_rank; title counts most, then summary, then body); null without a query' })
  rank!: number | null;
}

@ObjectType({ description: 'One page of the case library' })
export class CaseLibraryPage {
  @Field(() => Int, { description: 'Published cases matching the query and filter' }) totalCount!: number;
  @Field(() => [CaseLibraryHit], { description: 'Most relevant first (newest first without a query)' }) hits!: CaseLibraryHit[];
}
