import { Arg, Args, Ctx, FieldResolver, Query, Resolver, Root } from 'type-graphql';
import type { Context } from '../../graphql/context.js';
import { scopeWhere } from '../../shared/filters.js';
import { connectionOf, PageArgs, paginate } from '../../shared/pagination.js';
import { Agency } from '../agencies/agency.entity.js';
import { EnforcementDomain } from '../domains/domain.entity.js';
import { Law } from '../laws/law.entity.js';
import { Region } from '../regions/region.entity.js';
import { ResponsibilityItem } from '../responsibility/responsibility-item.entity.js';
import { Activity } from './activity.entity.js';
import { ActivityFilter, activityWhere } from './activity.service.js';

const ActivityConnection = connectionOf(Activity, 'Activity');

@Resolver(() => Activity)
export class ActivityResolver {
  @Query(() => ActivityConnection, { description: 'Legal-education activities, newest first' })
  async activities(@Ctx() ctx: Context, @Args(() => PageArgs) page: PageArgs, @Arg('filter', () => ActivityFilter, { nullable: true }) filter?: ActivityFilter) {
    const scope = scopeWhere(ctx.scope('Activity'), { agency: ['organiser', 'coOrganisers'] });
    return paginate(ctx, Activity, { $and: [await activityWhere(ctx.em, filter), scope] }, page, { date: 'desc' });
  }

  @FieldResolver(() => Agency)
  organiser(@Root() a: Activity) {
    return a.organiser.load();
  }

  @FieldResolver(() => [Agency])
  async coOrganisers(@Root() a: Activity) {
    return (await a.coOrganisers.load()).getItems();
  }

  @FieldResolver(() => Region)
  region(@Root() a: Activity) {
    return a.region.load();
  }

  @FieldResolver(() => [Law])
  async laws(@Root() a: Activity) {
    return (await a.laws.load()).getItems();
  }

  @FieldResolver(() => [ResponsibilityItem], { description: 'Responsibility items this activity delivers' })
  async items(@Root() a: Activity) {
    return (await a.items.load()).getItems();
  }

  @FieldResolver(() => EnforcementDomain, { nullable: true })
  domain(@Root() a: Activity) {
    return a.domain?.load() ?? null;
  }
}
