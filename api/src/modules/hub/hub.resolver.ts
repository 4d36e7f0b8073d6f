import { Arg, Ctx, Field, ID, ObjectType, Query, Resolver } from 'type-graphql';
import type { ReadScope } from '../../graphql/access.js';
import type { Context } from '../../graphql/context.js';
import { parseGlobalId } from '../../shared/ids.js';
import { badInput } from '../../shared/errors.js';
import { Node } from '../../shared/node.js';
import { entities } from '../../db/entities.js';

@ObjectType({ description: 'About this installation' })
class HubInfo {
  @Field(() => Boolean, { description: 'True when the hub holds generated demonstration data, not real records' }) demoData!: boolean;
  @Field(() => String) version!: string;
  @Field(() => String, { description: '"pglite" (embedded) or "postgresql"' }) database!: string;
}

/** Whether one record lies inside a read scope (the same rule the list queries apply in SQL). */
async function visible(scope: ReadScope, record: object): Promise<boolean> {
  if (scope.all) return true;
  const r = record as Record<string, any>;
  if (scope.published && r.published === true) return true;
  const agencies = new Set(scope.agencyIds ?? []);
  for (const field of ['agency', 'organiser', 'partnerAgency']) if (r[field] && agencies.has(r[field].id)) return true;
  if (r.coOrganisers) for (const a of (await r.coOrganisers.load()).getItems()) if (agencies.has(a.id)) return true;
  return !!(r.outlet && scope.outletIds?.includes(r.outlet.id));
}

/** Records without a global id of their own, or never shown through node(). */
/** Entities that are not records a person opens by id (join rows, secrets, derived search rows). */
const NOT_NODES = new Set(['HubMeta', 'SurveyAnswer', 'Session', 'ApiToken', 'AuditEntry', 'ActivityItem', 'CaseSearch', 'FeedbackDevice', 'OrderRoute']);

const byName = new Map<string, (typeof entities)[number]>(entities.map((e) => [e.name, e]));

@Resolver()
export class HubResolver {
  @Query(() => HubInfo)
  hubInfo(@Ctx() ctx: Context): HubInfo {
    return { demoData: ctx.hub.demoData, version: ctx.hub.version, database: ctx.hub.database };
  }

  @Query(() => Node, { nullable: true, description: 'Any record by its global id, e.g. "Agency:12"; null when it does not exist' })
  async node(@Ctx() ctx: Context, @Arg('id', () => ID) id: string): Promise<Node | null> {
    const parsed = parseGlobalId(id);
    const entity = parsed && byName.get(parsed.type);
    if (!parsed || !entity || NOT_NODES.has(entity.name)) {
      throw badInput(`"${id}" is not a record id (expected the form Type:123, e.g. Agency:12)`, [{ path: ['id'], message: 'malformed id' }]);
    }
    const scope = ctx.scope(parsed.type);
    const found = (await ctx.em.findOne(entity as never, { id: parsed.id } as never)) as Node | null;
    if (!found || !(await visible(scope, found))) return null;
    ctx.noteViewed(parsed.type, [parsed.id]);
    return found;
  }
}
