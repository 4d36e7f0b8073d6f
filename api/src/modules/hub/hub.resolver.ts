import { Arg, Ctx, Field, ID, ObjectType, Query, Resolver } from 'type-graphql';
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
    if (!parsed || !entity || entity.name === 'HubMeta' || entity.name === 'SurveyAnswer') {
      throw badInput(`"${id}" is not a record id (expected the form Type:123, e.g. Agency:12)`, [{ path: ['id'], message: 'malformed id' }]);
    }
    ctx.can('read', parsed.type);
    return (await ctx.em.findOne(entity as never, { id: parsed.id } as never)) as Node | null;
  }
}
