import { Arg, Args, Ctx, Field, FieldResolver, InputType, Query, Resolver, Root } from 'type-graphql';
import type { Context } from '../../graphql/context.js';
import { AgencyScopedFilter, periodWhere, scopeWhere } from '../../shared/filters.js';
import { connectionOf, PageArgs, paginate } from '../../shared/pagination.js';
import { checkDateRange, existingIds, regionsWithDescendants } from '../../shared/validate.js';
import { Agency } from '../agencies/agency.entity.js';
import { EnforcementDomain } from '../domains/domain.entity.js';
import { Law } from '../laws/law.entity.js';
import { Region } from '../regions/region.entity.js';
import { CaseStudy } from './case.entity.js';

@InputType()
class CaseFilter extends AgencyScopedFilter {
  @Field(() => Boolean, { nullable: true }) published?: boolean;
}

const CaseConnection = connectionOf(CaseStudy, 'CaseStudy');

@Resolver(() => CaseStudy)
export class CaseResolver {
  @Query(() => CaseConnection, { description: 'Typical cases (以案释法), newest decision first; from/to/years select by decision date' })
  async cases(@Ctx() ctx: Context, @Args(() => PageArgs) page: PageArgs, @Arg('filter', () => CaseFilter, { nullable: true }) f?: CaseFilter) {
    const scope = scopeWhere(ctx.scope('CaseStudy'), { agency: ['agency'], published: 'published' });
    checkDateRange(f?.from, f?.to, ['filter']);
    const agencies = await existingIds(ctx.em, 'Agency', f?.agencyIds, ['filter', 'agencyIds']);
    const regions = await regionsWithDescendants(ctx.em, f?.regionIds, ['filter', 'regionIds']);
    const domains = await existingIds(ctx.em, 'EnforcementDomain', f?.domainIds, ['filter', 'domainIds']);
    const laws = await existingIds(ctx.em, 'Law', f?.lawIds, ['filter', 'lawIds']);
    const and = [scope, ...periodWhere('decidedOn', f)];
    if (agencies) and.push({ agency: { $in: agencies } });
    if (regions) and.push({ region: { $in: regions } });
    if (domains) and.push({ domain: { $in: domains } });
    if (laws) and.push({ laws: { $in: laws } });
    if (f?.published !== undefined && f?.published !== null) and.push({ published: f.published });
    return paginate(ctx, CaseStudy, { $and: and }, page, { decidedOn: 'desc' });
  }

  @FieldResolver(() => Agency)
  agency(@Root() c: CaseStudy) {
    return c.agency.load();
  }

  @FieldResolver(() => EnforcementDomain, { nullable: true })
  domain(@Root() c: CaseStudy) {
    return c.domain?.load() ?? null;
  }

  @FieldResolver(() => Region, { nullable: true })
  region(@Root() c: CaseStudy) {
    return c.region?.load() ?? null;
  }

  @FieldResolver(() => [Law])
  async laws(@Root() c: CaseStudy) {
    return (await c.laws.load()).getItems();
  }
}
