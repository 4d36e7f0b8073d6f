import { Arg, Args, Ctx, FieldResolver, ID, Int, Mutation, Query, Resolver, Root } from 'type-graphql';
import type { Context } from '../../graphql/context.js';
import { connectionOf, PageArgs, paginate } from '../../shared/pagination.js';
import { DateScalar } from '../../shared/scalars.js';
import { Activity } from '../activities/activity.entity.js';
import { Agency } from '../agencies/agency.entity.js';
import { EnforcementDomain } from '../domains/domain.entity.js';
import { Law } from '../laws/law.entity.js';
import { Region } from '../regions/region.entity.js';
import { EducationOrder, OrderRoute } from './order.entity.js';
import { eraseOrderContact } from './contact-erasure.service.js';
import { answerOrder, mayReadContact, orderWhere, placeOrder } from './orders.service.js';
import { EducationOrderInput, OrderAnswerInput, OrderFilter, OrderReceipt, SupplyDemand } from './orders.types.js';
import { supplyDemand } from './supply-demand.service.js';

const OrderConnection = connectionOf(EducationOrder, 'EducationOrder');

@Resolver(() => EducationOrder)
export class OrderResolver {
  @Mutation(() => OrderReceipt, { description: 'Public, no sign-in: order legal education (订单); routed to the agencies holding powers in its domains. Rate-limited per address.' })
  orderLegalEducation(@Ctx() ctx: Context, @Arg('input', () => EducationOrderInput) input: EducationOrderInput) {
    return placeOrder(ctx.em, input);
  }

  @Query(() => OrderConnection, { description: 'Orders for legal education, newest first: all for the roles that read every record, those routed to its agency for a reporter' })
  async educationOrders(@Ctx() ctx: Context, @Args(() => PageArgs) page: PageArgs, @Arg('filter', () => OrderFilter, { nullable: true }) filter?: OrderFilter) {
    return paginate(ctx, EducationOrder, await orderWhere(ctx.em, ctx.viewer, filter), page, { orderedAt: 'desc' });
  }

  @Mutation(() => OrderRoute, { description: 'An agency answers an order routed to it: ACCEPT (plannedOn), DECLINE (reason) or DONE (activityId)' })
  answerOrder(@Ctx() ctx: Context, @Arg('input', () => OrderAnswerInput) input: OrderAnswerInput) {
    return answerOrder(ctx.em, ctx.viewer, input);
  }

  @Mutation(() => EducationOrder, {
    description: 'Admins: erase an order’s contact (contactName, contactPhone) now, before PUFA_ORDER_CONTACT_DAYS would; the reason (5–500 characters) is kept in the audit trail (action ERASE), the erased values are not. An order already erased is answered as it is.',
  })
  eraseOrderContact(@Ctx() ctx: Context, @Arg('orderId', () => ID) orderId: string, @Arg('reason', () => String, { description: 'Why, 5–500 characters' }) reason: string) {
    return eraseOrderContact(ctx.em, ctx.viewer, orderId, reason);
  }

  @Query(() => SupplyDemand, { description: 'Supply (菜单) meeting demand (订单) in a year: requests answered, waiting and overdue per agency and domain, time to answer, demand no menu offers' })
  supplyDemand(
    @Ctx() ctx: Context,
    @Arg('year', () => Int) year: number,
    @Arg('overdueDays', () => Int, { nullable: true, description: 'A request WAITING longer than this is overdue (default 14)' }) overdueDays?: number,
    @Arg('asOf', () => DateScalar, { nullable: true, description: 'The day overdue is counted at (default today, Asia/Shanghai)' }) asOf?: string,
    @Arg('agencyIds', () => [ID], { nullable: true, description: 'Only these agencies’ requests (a reporter: its own, always)' }) agencyIds?: string[],
  ): Promise<SupplyDemand> {
    return supplyDemand(ctx.em, ctx.viewer, { year, overdueDays, asOf, agencyIds });
  }

  @FieldResolver(() => String, { nullable: true, description: 'Personal data: for the admins and the agencies the order went to; null for everyone else, and for everyone once erased (contactErasedOn)' })
  async contactName(@Ctx() ctx: Context, @Root() o: EducationOrder) {
    return (await this.contactVisible(ctx, o)) ? o.contactName : null;
  }

  @FieldResolver(() => String, { nullable: true, description: 'Personal data, as contactName' })
  async contactPhone(@Ctx() ctx: Context, @Root() o: EducationOrder) {
    return (await this.contactVisible(ctx, o)) ? o.contactPhone : null;
  }

  @FieldResolver(() => Law, { nullable: true })
  law(@Root() o: EducationOrder) {
    return o.law?.load() ?? null;
  }

  @FieldResolver(() => EnforcementDomain, { nullable: true })
  domain(@Root() o: EducationOrder) {
    return o.domain?.load() ?? null;
  }

  @FieldResolver(() => [EnforcementDomain], { description: 'The domains it was routed by' })
  async domains(@Root() o: EducationOrder) {
    return (await o.domains.load()).getItems();
  }

  @FieldResolver(() => Region)
  district(@Root() o: EducationOrder) {
    return o.district.load();
  }

  @FieldResolver(() => [OrderRoute], { description: 'The agencies it was routed to, with their answers' })
  async routes(@Root() o: EducationOrder) {
    return (await o.routes.load()).getItems();
  }

  private async contactVisible(ctx: Context, o: EducationOrder): Promise<boolean> {
    if (ctx.viewer.kind !== 'user') return false;
    if (ctx.viewer.role !== 'AGENCY_REPORTER') return mayReadContact(ctx.viewer, []);
    return mayReadContact(ctx.viewer, (await o.routes.load()).getItems().map((r) => r.agency.id));
  }
}

@Resolver(() => OrderRoute)
export class OrderRouteResolver {
  @FieldResolver(() => Agency)
  agency(@Ctx() ctx: Context, @Root() r: OrderRoute) {
    return ctx.em.getReference(Agency, r.agency.id, { wrapped: true }).load();
  }

  @FieldResolver(() => ID, { nullable: true, description: 'DONE: the activity that delivered the order (Activity:n)' })
  activityId(@Root() r: OrderRoute) {
    return r.activity ? `Activity:${r.activity.id}` : null;
  }

  @FieldResolver(() => Activity, {
    nullable: true,
    description: 'DONE: the activity that delivered the order (batched: one statement for a page of orders). Null for a reporter on another agency’s route: a reporter reads its own agency’s activities only.',
  })
  async activity(@Ctx() ctx: Context, @Root() r: OrderRoute) {
    if (!r.activity) return null;
    // The activity is the answering agency's (answerOrder checks it), so the route's agency decides.
    const scope = ctx.scope('Activity');
    if (!scope.all && !scope.agencyIds?.includes(r.agency.id)) return null;
    ctx.noteViewed('Activity', [r.activity.id]);
    return r.activity.load();
  }
}
