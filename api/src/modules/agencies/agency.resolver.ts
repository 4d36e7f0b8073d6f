import { Arg, Args, Ctx, Field, FieldResolver, ID, InputType, Query, Resolver, Root } from 'type-graphql';
import { ArrayMaxSize, MaxLength } from 'class-validator';
import type * as m from '@pufa/seeds';
import type { Context } from '../../graphql/context.js';
import { AgencyKind, AgencyLevel } from '../../shared/enums.js';
import { MAX_FILTER_IDS } from '../../shared/filters.js';
import { connectionOf, PageArgs, paginate } from '../../shared/pagination.js';
import { DateScalar } from '../../shared/scalars.js';
import { existingIds, regionsWithDescendants } from '../../shared/validate.js';
import { Region } from '../regions/region.entity.js';
import { Agency } from './agency.entity.js';

@InputType()
class AgencyFilter {
  @Field(() => [ID], { nullable: true }) @ArrayMaxSize(MAX_FILTER_IDS) ids?: string[];
  @Field(() => [AgencyKind], { nullable: true }) kinds?: m.AgencyKind[];
  @Field(() => [AgencyLevel], { nullable: true }) levels?: m.AgencyLevel[];
  @Field(() => [ID], { nullable: true, description: 'Agencies located in these regions or below' }) @ArrayMaxSize(MAX_FILTER_IDS) regionIds?: string[];
  @Field(() => [ID], { nullable: true, description: 'Agencies holding enforcement power in any of these domains' })
  @ArrayMaxSize(MAX_FILTER_IDS)
  domainIds?: string[];
  @Field(() => DateScalar, { nullable: true, description: 'Only units that existed on this day' }) activeOn?: string;
  @Field(() => String, { nullable: true }) @MaxLength(100) search?: string;
}

const AgencyConnection = connectionOf(Agency, 'Agency');

@Resolver(() => Agency)
export class AgencyResolver {
  @Query(() => AgencyConnection, { description: 'Member units, ordered by code' })
  async agencies(@Ctx() ctx: Context, @Args(() => PageArgs) page: PageArgs, @Arg('filter', () => AgencyFilter, { nullable: true }) f?: AgencyFilter) {
    ctx.scope('Agency');
    const ids = await existingIds(ctx.em, 'Agency', f?.ids, ['filter', 'ids']);
    const regions = await regionsWithDescendants(ctx.em, f?.regionIds, ['filter', 'regionIds']);
    const domains = await existingIds(ctx.em, 'EnforcementDomain', f?.domainIds, ['filter', 'domainIds']);
    const and: Record<string, unknown>[] = [];
    if (ids) and.push({ id: { $in: ids } });
    if (f?.kinds?.length) and.push({ kind: { $in: f.kinds } });
    if (f?.levels?.length) and.push({ level: { $in: f.levels } });
    if (regions) and.push({ region: { $in: regions } });
    if (domains) {
      const holders: { agency_id: number }[] = await ctx.em.getConnection().execute('select distinct agency_id from enforcement_power where domain_id in (?)', [domains]);
      and.push({ id: { $in: holders.map((h) => h.agency_id) } });
    }
    if (f?.activeOn) and.push({ validFrom: { $lte: f.activeOn } }, { $or: [{ validTo: null }, { validTo: { $gte: f.activeOn } }] });
    if (f?.search) and.push({ $or: [{ name: { $ilike: `%${f.search}%` } }, { nameEn: { $ilike: `%${f.search}%` } }] });
    return paginate(ctx, Agency, { $and: and }, page, { code: 'asc' });
  }

  @FieldResolver(() => Region)
  region(@Root() a: Agency) {
    return a.region.load();
  }

  @FieldResolver(() => Agency, { nullable: true, description: 'The unit this one sits under (a district branch under its city bureau)' })
  parent(@Root() a: Agency) {
    return a.parent?.load() ?? null;
  }

  @FieldResolver(() => Agency, { nullable: true, description: 'The unit that took over after a merger' })
  successor(@Root() a: Agency) {
    return a.successor?.load() ?? null;
  }
}
