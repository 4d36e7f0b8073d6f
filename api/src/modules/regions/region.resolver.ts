import { Arg, Args, Ctx, Field, FieldResolver, ID, InputType, Query, Resolver, Root } from 'type-graphql';
import { MaxLength } from 'class-validator';
import type * as m from '@pufa/seeds';
import type { Context } from '../../graphql/context.js';
import { RegionLevel } from '../../shared/enums.js';
import { connectionOf, PageArgs, paginate } from '../../shared/pagination.js';
import { regionsWithDescendants } from '../../shared/validate.js';
import { Region } from './region.entity.js';

@InputType()
class RegionFilter {
  @Field(() => RegionLevel, { nullable: true })
  level?: m.RegionLevel;

  @Field(() => [ID], { nullable: true, description: 'Only these regions and their descendants' })
  within?: string[];

  @Field(() => String, { nullable: true, description: 'Part of the Chinese or English name' })
  @MaxLength(100)
  search?: string;
}

const RegionConnection = connectionOf(Region, 'Region');

@Resolver(() => Region)
export class RegionResolver {
  @Query(() => RegionConnection, { description: 'Places, ordered by code' })
  async regions(@Ctx() ctx: Context, @Args(() => PageArgs) page: PageArgs, @Arg('filter', () => RegionFilter, { nullable: true }) filter?: RegionFilter) {
    ctx.scope('Region');
    const within = await regionsWithDescendants(ctx.em, filter?.within, ['filter', 'within']);
    const where = {
      ...(filter?.level ? { level: filter.level } : {}),
      ...(within ? { id: { $in: within } } : {}),
      ...(filter?.search ? { $or: [{ name: { $ilike: `%${filter.search}%` } }, { nameEn: { $ilike: `%${filter.search}%` } }] } : {}),
    };
    return paginate(ctx, Region, where, page, { code: 'asc' });
  }

  @FieldResolver(() => Region, { nullable: true })
  parent(@Root() r: Region) {
    return r.parent?.load() ?? null;
  }

  @FieldResolver(() => Region, { nullable: true, description: 'The district the place lies in' })
  district(@Root() r: Region) {
    return r.district?.load() ?? null;
  }
}
