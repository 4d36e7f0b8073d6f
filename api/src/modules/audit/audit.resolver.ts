import { Arg, Args, Ctx, Field, InputType, Query, Resolver } from 'type-graphql';
import { MaxLength } from 'class-validator';
import type { Context } from '../../graphql/context.js';
import { DateScalar } from '../../shared/scalars.js';
import { checkDateRange } from '../../shared/validate.js';
import { connectionOf, PageArgs, paginate } from '../../shared/pagination.js';
import { AuditEntry } from './audit.entity.js';

@InputType()
class AuditFilter {
  @Field(() => String, { nullable: true, description: 'Record type, e.g. Activity' }) @MaxLength(60) entity?: string;
  @Field(() => String, { nullable: true, description: 'Record id (the number), with entity' }) @MaxLength(40) entityId?: string;
  @Field(() => String, { nullable: true }) @MaxLength(60) actor?: string;
  @Field(() => String, { nullable: true, description: 'CREATE, UPDATE, DELETE, VIEW, SIGN_IN …' }) @MaxLength(40) action?: string;
  @Field(() => String, { nullable: true }) @MaxLength(100) batch?: string;
  @Field(() => DateScalar, { nullable: true }) from?: string;
  @Field(() => DateScalar, { nullable: true }) to?: string;
}

const AuditConnection = connectionOf(AuditEntry, 'AuditEntry');

@Resolver()
export class AuditResolver {
  @Query(() => AuditConnection, { description: 'The audit trail, newest first (admins and inspectors)' })
  auditTrail(@Ctx() ctx: Context, @Args(() => PageArgs) page: PageArgs, @Arg('filter', () => AuditFilter, { nullable: true }) f?: AuditFilter) {
    ctx.scope('AuditEntry');
    checkDateRange(f?.from, f?.to, ['filter']);
    const and: Record<string, unknown>[] = [];
    if (f?.entity) and.push({ entity: f.entity });
    if (f?.entityId) and.push({ entityId: f.entityId });
    if (f?.actor) and.push({ actor: f.actor });
    if (f?.action) and.push({ action: f.action });
    if (f?.batch) and.push({ batch: f.batch });
    if (f?.from) and.push({ at: { $gte: new Date(`${f.from}T00:00:00+08:00`) } });
    if (f?.to) and.push({ at: { $lt: new Date(new Date(`${f.to}T00:00:00+08:00`).getTime() + 86_400_000) } });
    return paginate(ctx, AuditEntry, { $and: and }, page, { at: 'desc' });
  }
}
