import { Arg, Args, Ctx, FieldResolver, ID, Mutation, Query, Resolver, Root } from 'type-graphql';
import type { Context } from '../../graphql/context.js';
import { userError } from '../../shared/errors.js';
import { connectionOf, PageArgs, paginate } from '../../shared/pagination.js';
import { Agency } from '../agencies/agency.entity.js';
import { deleteEvidenceFile } from './evidence.service.js';
import { readsAll, recordScope } from './inspection.access.js';
import { EvidenceFile, Inspection, InspectionFinding, InspectionSnapshot, RectificationItem } from './inspection.entity.js';
import { createInspection, deleteInspection, inspectionWhere, readableInspection, updateInspection } from './inspection.service.js';
import { InspectionFilter, InspectionInput, InspectionUpdate } from './inspection.types.js';

const InspectionConnection = connectionOf(Inspection, 'Inspection');

@Resolver(() => Inspection)
export class InspectionResolver {
  @Query(() => InspectionConnection, { description: 'Inspections, newest first (docs/inspections.md): every one for the readers of every record, its agency’s for an agency reporter' })
  async inspections(@Ctx() ctx: Context, @Args(() => PageArgs) page: PageArgs, @Arg('filter', () => InspectionFilter, { nullable: true }) filter?: InspectionFilter) {
    return paginate(ctx, Inspection, await inspectionWhere(ctx.em, ctx.viewer, filter), page, { date: 'desc' });
  }

  @Query(() => Inspection, { nullable: true, description: 'One inspection; null when there is none the account may read' })
  async inspection(@Ctx() ctx: Context, @Arg('id', () => ID) id: string): Promise<Inspection | null> {
    try {
      const found = await readableInspection(ctx.em, ctx.viewer, id);
      ctx.noteViewed('Inspection', [found.id]);
      return found;
    } catch (err) {
      if ((err as { extensions?: { code?: string } }).extensions?.code === 'NOT_FOUND') return null;
      throw err;
    }
  }

  @Mutation(() => Inspection, {
    complexity: 100,
    description: 'Records an inspection (admins, inspectors; district admins for agencies of their district). Snapshots are computed now by the scorecard, coverage or overlap service and stored with their query',
  })
  createInspection(@Ctx() ctx: Context, @Arg('input', () => InspectionInput) input: InspectionInput): Promise<Inspection> {
    return createInspection(ctx.em, ctx.viewer, input);
  }

  @Mutation(() => Inspection, { complexity: 100, description: 'Changes an inspection (its author if an inspector; admins; the district admin of all its agencies); audited with before and after' })
  updateInspection(@Ctx() ctx: Context, @Arg('id', () => ID) id: string, @Arg('input', () => InspectionUpdate) input: InspectionUpdate): Promise<Inspection> {
    return updateInspection(ctx.em, ctx.viewer, id, input);
  }

  @Mutation(() => ID, { description: 'Deletes an inspection with its findings, snapshots and evidence (CONFLICT once a rectification item started from a finding); answers the id' })
  deleteInspection(@Ctx() ctx: Context, @Arg('id', () => ID) id: string): Promise<string> {
    return deleteInspection(ctx.em, ctx.viewer, id);
  }

  @Mutation(() => ID, { description: 'Removes an evidence file of an inspection or a rectification item (whoever may add one there); answers the id' })
  deleteEvidenceFile(@Ctx() ctx: Context, @Arg('id', () => ID) id: string): Promise<string> {
    return deleteEvidenceFile(ctx.em, ctx.viewer, id);
  }

  @FieldResolver(() => [Agency], { description: 'The agencies inspected' })
  async agencies(@Root() i: Inspection): Promise<Agency[]> {
    return (await i.agencies.load()).getItems();
  }

  @FieldResolver(() => [InspectionFinding], { description: 'In order' })
  async findings(@Root() i: Inspection): Promise<InspectionFinding[]> {
    return (await i.findings.load()).getItems().sort((a, b) => a.position - b.position);
  }

  @FieldResolver(() => [InspectionSnapshot], {
    nullable: true,
    description: 'The metrics snapshots; they show every agency’s figures, so only the readers of every record see them (others get null and FORBIDDEN)',
  })
  async snapshots(@Ctx() ctx: Context, @Root() i: Inspection): Promise<InspectionSnapshot[]> {
    if (!readsAll(ctx.viewer)) throw userError('FORBIDDEN', 'Snapshots show unit-level figures of every agency; your account may not see them');
    return (await i.snapshots.load()).getItems().sort((a, b) => a.id - b.id);
  }

  @FieldResolver(() => [EvidenceFile])
  async evidence(@Root() i: Inspection): Promise<EvidenceFile[]> {
    return (await i.evidence.load()).getItems().sort((a, b) => a.id - b.id);
  }
}

@Resolver(() => InspectionFinding)
export class FindingResolver {
  @FieldResolver(() => [RectificationItem], { description: 'Items started from this finding (an agency reporter sees its agency’s)' })
  async rectificationItems(@Ctx() ctx: Context, @Root() f: InspectionFinding): Promise<RectificationItem[]> {
    const scope = recordScope(ctx.viewer, 'rectification items');
    const items = (await f.rectificationItems.load()).getItems().sort((a, b) => a.id - b.id);
    return scope.all ? items : items.filter((i) => i.agency.id === scope.agencyId);
  }
}
