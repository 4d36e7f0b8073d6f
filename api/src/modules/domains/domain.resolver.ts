import { Arg, Args, Ctx, Field, FieldResolver, ID, InputType, Query, Resolver, Root } from 'type-graphql';
import { ArrayMaxSize } from 'class-validator';
import type { Context } from '../../graphql/context.js';
import { MAX_FILTER_IDS } from '../../shared/filters.js';
import { connectionOf, PageArgs, paginate } from '../../shared/pagination.js';
import { DateScalar } from '../../shared/scalars.js';
import { existingIds } from '../../shared/validate.js';
import { Agency } from '../agencies/agency.entity.js';
import { EnforcementDomain, EnforcementPower } from './domain.entity.js';

@InputType()
class PowerFilter {
  @Field(() => [ID], { nullable: true }) @ArrayMaxSize(MAX_FILTER_IDS) agencyIds?: string[];
  @Field(() => [ID], { nullable: true }) @ArrayMaxSize(MAX_FILTER_IDS) domainIds?: string[];
  @Field(() => DateScalar, { nullable: true, description: 'Only powers valid on this day' }) activeOn?: string;
}

const DomainConnection = connectionOf(EnforcementDomain, 'EnforcementDomain');
const PowerConnection = connectionOf(EnforcementPower, 'EnforcementPower');

@Resolver(() => EnforcementDomain)
export class DomainResolver {
  @Query(() => DomainConnection, { description: 'Enforcement domains, ordered by code' })
  domains(@Ctx() ctx: Context, @Args(() => PageArgs) page: PageArgs) {
    ctx.scope('EnforcementDomain');
    return paginate(ctx, EnforcementDomain, {}, page, { code: 'asc' });
  }
}

@Resolver(() => EnforcementPower)
export class PowerResolver {
  @Query(() => PowerConnection, { description: 'Who holds enforcement power in which domain, and when' })
  async enforcementPowers(@Ctx() ctx: Context, @Args(() => PageArgs) page: PageArgs, @Arg('filter', () => PowerFilter, { nullable: true }) f?: PowerFilter) {
    ctx.scope('EnforcementPower');
    const agencies = await existingIds(ctx.em, 'Agency', f?.agencyIds, ['filter', 'agencyIds']);
    const domains = await existingIds(ctx.em, 'EnforcementDomain', f?.domainIds, ['filter', 'domainIds']);
    const and: Record<string, unknown>[] = [];
    if (agencies) and.push({ agency: { $in: agencies } });
    if (domains) and.push({ domain: { $in: domains } });
    if (f?.activeOn) and.push({ validFrom: { $lte: f.activeOn } }, { $or: [{ validTo: null }, { validTo: { $gte: f.activeOn } }] });
    return paginate(ctx, EnforcementPower, { $and: and }, page, { domain: 'asc', agency: 'asc' });
  }

  @FieldResolver(() => Agency)
  agency(@Root() p: EnforcementPower) {
    return p.agency.load();
  }

  @FieldResolver(() => EnforcementDomain)
  domain(@Root() p: EnforcementPower) {
    return p.domain.load();
  }
}
