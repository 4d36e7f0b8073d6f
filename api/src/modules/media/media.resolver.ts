import { Arg, Args, Ctx, Field, FieldResolver, ID, InputType, Query, Resolver, Root } from 'type-graphql';
import { ArrayMaxSize } from 'class-validator';
import type * as m from '@pufa/seeds';
import type { Context } from '../../graphql/context.js';
import { OutletKind, SlotKind } from '../../shared/enums.js';
import { MAX_FILTER_IDS, PeriodFilter, scopeWhere } from '../../shared/filters.js';
import { connectionOf, PageArgs, paginate } from '../../shared/pagination.js';
import { checkDateRange, existingIds } from '../../shared/validate.js';
import { Agency } from '../agencies/agency.entity.js';
import { EnforcementDomain } from '../domains/domain.entity.js';
import { BroadcastSlot, MediaOutlet } from './media.entity.js';

@InputType()
class OutletFilter {
  @Field(() => [OutletKind], { nullable: true }) kinds?: m.OutletKind[];
}

@InputType()
class SlotFilter extends PeriodFilter {
  @Field(() => [ID], { nullable: true }) @ArrayMaxSize(MAX_FILTER_IDS) outletIds?: string[];
  @Field(() => [ID], { nullable: true, description: 'Partner agencies' }) @ArrayMaxSize(MAX_FILTER_IDS) agencyIds?: string[];
  @Field(() => [ID], { nullable: true }) @ArrayMaxSize(MAX_FILTER_IDS) domainIds?: string[];
  @Field(() => [SlotKind], { nullable: true }) kinds?: m.SlotKind[];
  @Field(() => Boolean, { nullable: true }) primeTime?: boolean;
}

const OutletConnection = connectionOf(MediaOutlet, 'MediaOutlet');
const SlotConnection = connectionOf(BroadcastSlot, 'BroadcastSlot');

/** Start of a calendar day in Asia/Shanghai (UTC+8, no daylight saving). */
const dayStart = (d: string) => new Date(`${d}T00:00:00+08:00`);
const nextDay = (d: string) => new Date(dayStart(d).getTime() + 86_400_000);

@Resolver(() => MediaOutlet)
export class OutletResolver {
  @Query(() => OutletConnection, { description: 'Media outlets, ordered by code' })
  mediaOutlets(@Ctx() ctx: Context, @Args(() => PageArgs) page: PageArgs, @Arg('filter', () => OutletFilter, { nullable: true }) f?: OutletFilter) {
    ctx.scope('MediaOutlet');
    return paginate(ctx, MediaOutlet, f?.kinds?.length ? { kind: { $in: f.kinds } } : {}, page, { code: 'asc' });
  }

  @FieldResolver(() => Agency, { nullable: true, description: 'The member unit that runs the outlet' })
  agency(@Root() o: MediaOutlet) {
    return o.agency?.load() ?? null;
  }
}

@Resolver(() => BroadcastSlot)
export class SlotResolver {
  @Query(() => SlotConnection, { description: 'Broadcast slots, newest first (days in Asia/Shanghai)' })
  async broadcastSlots(@Ctx() ctx: Context, @Args(() => PageArgs) page: PageArgs, @Arg('filter', () => SlotFilter, { nullable: true }) f?: SlotFilter) {
    const scope = scopeWhere(ctx.scope('BroadcastSlot'), { agency: ['partnerAgency'], outlet: 'outlet' });
    checkDateRange(f?.from, f?.to, ['filter']);
    const outlets = await existingIds(ctx.em, 'MediaOutlet', f?.outletIds, ['filter', 'outletIds']);
    const agencies = await existingIds(ctx.em, 'Agency', f?.agencyIds, ['filter', 'agencyIds']);
    const domains = await existingIds(ctx.em, 'EnforcementDomain', f?.domainIds, ['filter', 'domainIds']);
    const and: Record<string, unknown>[] = [scope];
    if (f?.from) and.push({ startsAt: { $gte: dayStart(f.from) } });
    if (f?.to) and.push({ startsAt: { $lt: nextDay(f.to) } });
    if (f?.years?.length) and.push({ $or: f.years.map((y) => ({ startsAt: { $gte: dayStart(`${y}-01-01`), $lt: dayStart(`${y + 1}-01-01`) } })) });
    if (outlets) and.push({ outlet: { $in: outlets } });
    if (agencies) and.push({ partnerAgency: { $in: agencies } });
    if (domains) and.push({ domain: { $in: domains } });
    if (f?.kinds?.length) and.push({ kind: { $in: f.kinds } });
    if (f?.primeTime !== undefined && f?.primeTime !== null) and.push({ primeTime: f.primeTime });
    return paginate(ctx, BroadcastSlot, { $and: and }, page, { startsAt: 'desc' });
  }

  @FieldResolver(() => MediaOutlet)
  outlet(@Root() s: BroadcastSlot) {
    return s.outlet.load();
  }

  @FieldResolver(() => Agency, { nullable: true })
  partnerAgency(@Root() s: BroadcastSlot) {
    return s.partnerAgency?.load() ?? null;
  }

  @FieldResolver(() => EnforcementDomain, { nullable: true })
  domain(@Root() s: BroadcastSlot) {
    return s.domain?.load() ?? null;
  }
}
