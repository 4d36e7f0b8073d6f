import { Arg, Args, Ctx, Field, FieldResolver, ID, InputType, Query, Resolver, Root } from 'type-graphql';
import { ArrayMaxSize, MaxLength } from 'class-validator';
import type * as m from '@pufa/seeds';
import type { Context } from '../../graphql/context.js';
import { LawKind } from '../../shared/enums.js';
import { MAX_FILTER_IDS } from '../../shared/filters.js';
import { connectionOf, PageArgs, paginate } from '../../shared/pagination.js';
import { existingIds } from '../../shared/validate.js';
import { EnforcementDomain } from '../domains/domain.entity.js';
import { Law } from './law.entity.js';

@InputType()
class LawFilter {
  @Field(() => [LawKind], { nullable: true }) kinds?: m.LawKind[];
  @Field(() => [ID], { nullable: true, description: 'Laws enforced in any of these domains' }) @ArrayMaxSize(MAX_FILTER_IDS) domainIds?: string[];
  @Field(() => String, { nullable: true }) @MaxLength(100) search?: string;
}

const LawConnection = connectionOf(Law, 'Law');

@Resolver(() => Law)
export class LawResolver {
  @Query(() => LawConnection, { description: 'Laws and regulations, ordered by code' })
  async laws(@Ctx() ctx: Context, @Args(() => PageArgs) page: PageArgs, @Arg('filter', () => LawFilter, { nullable: true }) f?: LawFilter) {
    ctx.scope('Law');
    const domains = await existingIds(ctx.em, 'EnforcementDomain', f?.domainIds, ['filter', 'domainIds']);
    const and: Record<string, unknown>[] = [];
    if (f?.kinds?.length) and.push({ kind: { $in: f.kinds } });
    if (domains) and.push({ domains: { $in: domains } });
    if (f?.search) and.push({ $or: [{ name: { $ilike: `%${f.search}%` } }, { nameEn: { $ilike: `%${f.search}%` } }] });
    return paginate(ctx, Law, { $and: and }, page, { code: 'asc' });
  }

  @FieldResolver(() => [EnforcementDomain], { description: 'Domains in which the law is enforced' })
  async domains(@Root() l: Law) {
    return (await l.domains.load()).getItems();
  }
}
