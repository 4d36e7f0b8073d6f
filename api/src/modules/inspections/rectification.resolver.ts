import { Arg, Args, Ctx, FieldResolver, ID, Int, Mutation, Query, Resolver, Root } from 'type-graphql';
import type { Context } from '../../graphql/context.js';
import { connectionOf, PageArgs } from '../../shared/pagination.js';
import { Agency } from '../agencies/agency.entity.js';
import { EnforcementDomain } from '../domains/domain.entity.js';
import { beforeAfter } from './before-after.service.js';
import { today } from './clock.js';
import { EvidenceFile, Inspection, InspectionFinding, RectificationItem } from './inspection.entity.js';
import { RectificationStatus } from './inspection.enums.js';
import { daysOverdue, nextStatusesFor, type Status } from './rectification.rules.js';
import {
  countRectificationItems, createRectificationItem, deleteRectificationItem, listRectificationItems, readableItem, setRectificationStatus, updateRectificationItem,
} from './rectification.service.js';
import { RectificationBeforeAfter, RectificationCount, RectificationFilter, RectificationInput, RectificationUpdate } from './rectification.types.js';

const RectificationConnection = connectionOf(RectificationItem, 'RectificationItem');

@Resolver(() => RectificationItem)
export class RectificationResolver {
  @Query(() => RectificationConnection, {
    description: 'Rectification items, overdue first, then by deadline (docs/inspections.md): every one for the readers of every record, its agency’s for an agency reporter',
  })
  rectificationItems(@Ctx() ctx: Context, @Args(() => PageArgs) page: PageArgs, @Arg('filter', () => RectificationFilter, { nullable: true }) filter?: RectificationFilter) {
    return listRectificationItems(ctx, page, filter);
  }

  @Query(() => RectificationItem, { nullable: true, description: 'One item; null when there is none' })
  async rectificationItem(@Ctx() ctx: Context, @Arg('id', () => ID) id: string): Promise<RectificationItem | null> {
    try {
      const item = await readableItem(ctx.em, ctx.viewer, id);
      ctx.noteViewed('RectificationItem', [item.id]);
      return item;
    } catch (err) {
      if ((err as { extensions?: { code?: string } }).extensions?.code === 'NOT_FOUND') return null;
      throw err;
    }
  }

  @Query(() => [RectificationCount], { description: 'Items per status and how many of them are overdue, for the same filter (the rectification board’s columns)' })
  rectificationCounts(@Ctx() ctx: Context, @Arg('filter', () => RectificationFilter, { nullable: true }) filter?: RectificationFilter): Promise<RectificationCount[]> {
    return countRectificationItems(ctx.em, ctx.viewer, filter);
  }

  @Mutation(() => RectificationItem, {
    complexity: 100,
    description: 'Opens a rectification item from a finding, a scorecard rectification-list entry or an overlap gap, checked against its source (admins, inspectors; district admins for agencies of their district)',
  })
  createRectificationItem(@Ctx() ctx: Context, @Arg('input', () => RectificationInput) input: RectificationInput): Promise<RectificationItem> {
    return createRectificationItem(ctx.em, ctx.viewer, input);
  }

  @Mutation(() => RectificationItem, { description: 'Changes what must change or the deadline of an item not yet verified' })
  updateRectificationItem(@Ctx() ctx: Context, @Arg('id', () => ID) id: string, @Arg('input', () => RectificationUpdate) input: RectificationUpdate): Promise<RectificationItem> {
    return updateRectificationItem(ctx.em, ctx.viewer, id, input);
  }

  @Mutation(() => RectificationItem, {
    description: 'Moves an item: OPEN → IN_PROGRESS → SUBMITTED (the agency’s reporter, with evidence) → VERIFIED or REOPENED (admin or inspector; a note says why) → IN_PROGRESS. A move the workflow lacks is BAD_USER_INPUT, another role’s move FORBIDDEN; both name the allowed next statuses (extensions.allowed)',
  })
  setRectificationStatus(
    @Ctx() ctx: Context,
    @Arg('id', () => ID) id: string,
    @Arg('status', () => RectificationStatus) status: Status,
    @Arg('note', () => String, { nullable: true, description: 'Required (5–2,000 characters) for REOPENED' }) note?: string,
  ): Promise<RectificationItem> {
    return setRectificationStatus(ctx.em, ctx.viewer, id, status, note);
  }

  @Mutation(() => ID, { description: 'Deletes an item made by mistake, with its evidence (admins); answers the id' })
  deleteRectificationItem(@Ctx() ctx: Context, @Arg('id', () => ID) id: string): Promise<string> {
    return deleteRectificationItem(ctx.em, ctx.viewer, id);
  }

  @FieldResolver(() => Agency, { description: 'The unit responsible' })
  agency(@Root() r: RectificationItem) {
    return r.agency.load();
  }

  @FieldResolver(() => InspectionFinding, { nullable: true, description: 'FINDING: the finding' })
  finding(@Root() r: RectificationItem) {
    return r.finding?.load() ?? null;
  }

  @FieldResolver(() => Inspection, { nullable: true, description: 'FINDING: the inspection of the finding' })
  async inspection(@Root() r: RectificationItem): Promise<Inspection | null> {
    const finding = await r.finding?.load();
    return finding ? finding.inspection.load() : null;
  }

  @FieldResolver(() => EnforcementDomain, { nullable: true, description: 'OVERLAP_GAP: the domain' })
  domain(@Root() r: RectificationItem) {
    return r.domain?.load() ?? null;
  }

  @FieldResolver(() => [EvidenceFile])
  async evidence(@Root() r: RectificationItem): Promise<EvidenceFile[]> {
    return (await r.evidence.load()).getItems().sort((a, b) => a.id - b.id);
  }

  @FieldResolver(() => Boolean, { description: 'Past the deadline while the agency still owes the change (OPEN, IN_PROGRESS, REOPENED), on the hub’s clock (Asia/Shanghai)' })
  overdue(@Root() r: RectificationItem): boolean {
    return daysOverdue(r.status, r.deadline, today()) > 0;
  }

  @FieldResolver(() => Int, { description: 'Days past the deadline (0 unless overdue)' })
  daysOverdue(@Root() r: RectificationItem): number {
    return daysOverdue(r.status, r.deadline, today());
  }

  @FieldResolver(() => [RectificationStatus], { description: 'The statuses this account may move the item to now' })
  allowedNextStatuses(@Ctx() ctx: Context, @Root() r: RectificationItem): Status[] {
    return nextStatusesFor(ctx.viewer, r.agency.id, r.status);
  }

  @FieldResolver(() => RectificationBeforeAfter, {
    nullable: true,
    complexity: 20,
    description: 'For a VERIFIED item from a scorecard entry or an overlap gap: the source metric in the item’s year and the next, computed now; null otherwise',
  })
  beforeAfter(@Ctx() ctx: Context, @Root() r: RectificationItem): Promise<RectificationBeforeAfter | null> {
    return beforeAfter(ctx.em, r);
  }
}
