import { Arg, Args, Ctx, Field, FieldResolver, InputType, Query, Resolver, Root } from 'type-graphql';
import type { Context } from '../../graphql/context.js';
import { AgencyScopedFilter, scopeWhere } from '../../shared/filters.js';
import { connectionOf, PageArgs, paginate } from '../../shared/pagination.js';
import { existingIds, regionsWithDescendants } from '../../shared/validate.js';
import { Agency } from '../agencies/agency.entity.js';
import { EnforcementDomain } from '../domains/domain.entity.js';
import { Law } from '../laws/law.entity.js';
import { Region } from '../regions/region.entity.js';
import { ResponsibilityItem } from './responsibility-item.entity.js';

@InputType()
class ResponsibilityFilter extends AgencyScopedFilter {
  @Field(() => Boolean, { nullable: true, description: 'Only published (true) or unpublished (false) items' })
  published?: boolean;
}

const ItemConnection = connectionOf(ResponsibilityItem, 'ResponsibilityItem');

@Resolver(() => ResponsibilityItem)
export class ResponsibilityResolver {
  @Query(() => ItemConnection, { description: 'Responsibility-list items (任务书), by year then agency. from/to select items whose window overlaps the period; regionIds matches target districts.' })
  async responsibilityItems(@Ctx() ctx: Context, @Args(() => PageArgs) page: PageArgs, @Arg('filter', () => ResponsibilityFilter, { nullable: true }) f?: ResponsibilityFilter) {
    const scope = scopeWhere(ctx.scope('ResponsibilityItem'), { agency: ['agency'], published: 'published' });
    const agencies = await existingIds(ctx.em, 'Agency', f?.agencyIds, ['filter', 'agencyIds']);
    const regions = await regionsWithDescendants(ctx.em, f?.regionIds, ['filter', 'regionIds']);
    const domains = await existingIds(ctx.em, 'EnforcementDomain', f?.domainIds, ['filter', 'domainIds']);
    const laws = await existingIds(ctx.em, 'Law', f?.lawIds, ['filter', 'lawIds']);
    const and: Record<string, unknown>[] = [scope];
    if (f?.from) and.push({ endsOn: { $gte: f.from } });
    if (f?.to) and.push({ startsOn: { $lte: f.to } });
    if (f?.years?.length) and.push({ year: { $in: f.years } });
    if (agencies) and.push({ agency: { $in: agencies } });
    if (regions) and.push({ targetDistricts: { $in: regions } });
    if (domains) and.push({ domain: { $in: domains } });
    if (laws) and.push({ laws: { $in: laws } });
    if (f?.published !== undefined && f?.published !== null) and.push({ published: f.published });
    return paginate(ctx, ResponsibilityItem, { $and: and }, page, { year: 'desc', agency: 'asc' });
  }

  @FieldResolver(() => Agency)
  agency(@Root() i: ResponsibilityItem) {
    return i.agency.load();
  }

  @FieldResolver(() => EnforcementDomain, { nullable: true })
  domain(@Root() i: ResponsibilityItem) {
    return i.domain?.load() ?? null;
  }

  @FieldResolver(() => [Law], { description: '普什么' })
  async laws(@Root() i: ResponsibilityItem) {
    return (await i.laws.load()).getItems();
  }

  @FieldResolver(() => [Region])
  async targetDistricts(@Root() i: ResponsibilityItem) {
    return (await i.targetDistricts.load()).getItems();
  }
}
