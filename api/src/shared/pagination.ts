import { Cursor, type EntityName, type FilterQuery, type QueryOrderMap } from '@mikro-orm/core';
import type { Context } from '../graphql/context.js';
import { ArgsType, Field, Int, ObjectType, type ClassType } from 'type-graphql';
import { Max, Min } from 'class-validator';
import { badInput } from './errors.js';

export const MAX_PAGE_SIZE = 500;

@ArgsType()
export class PageArgs {
  @Field(() => Int, { nullable: true, description: `Page size, 1–${MAX_PAGE_SIZE} (default 50)` })
  @Min(1)
  @Max(MAX_PAGE_SIZE, { message: `first may be at most ${MAX_PAGE_SIZE}` })
  first?: number;

  @Field(() => String, { nullable: true, description: 'endCursor of the previous page' })
  after?: string;
}

@ObjectType()
export class PageInfo {
  @Field(() => Boolean) hasNextPage!: boolean;
  @Field(() => Boolean) hasPreviousPage!: boolean;
  @Field(() => String, { nullable: true }) startCursor!: string | null;
  @Field(() => String, { nullable: true }) endCursor!: string | null;
}

export interface Connection<T> {
  edges: { node: T; cursor: string }[];
  nodes: T[];
  pageInfo: PageInfo;
  totalCount: number | Promise<number>;
}

/** Builds the Relay connection and edge types for a node type: `AgencyConnection`, `AgencyEdge`. */
export function connectionOf<T extends object>(node: ClassType<T>, name: string) {
  @ObjectType(`${name}Edge`)
  class Edge {
    @Field(() => node) node!: T;
    @Field(() => String) cursor!: string;
  }
  @ObjectType(`${name}Connection`)
  class Conn {
    @Field(() => [Edge]) edges!: Edge[];
    @Field(() => [node], { description: 'The nodes of the edges, for clients that need no cursors' }) nodes!: T[];
    @Field(() => PageInfo) pageInfo!: PageInfo;
    @Field(() => Int, { description: 'Number of records matching the filter' }) totalCount!: number;
  }
  return Conn as ClassType<Connection<T>>;
}

/**
 * Keyset pagination with a stable order: the requested order, then id as the tie-breaker, so
 * pages neither skip nor repeat rows when values are equal.
 */
export async function paginate<T extends object>(
  ctx: Pick<Context, 'em' | 'noteViewed'>,
  entity: EntityName<T>,
  where: FilterQuery<T>,
  page: PageArgs,
  orderBy: QueryOrderMap<T>,
): Promise<Connection<T>> {
  if (page.after) {
    try {
      Cursor.decode(page.after);
    } catch {
      throw badInput('after is not a cursor this API gave out; pass endCursor of the previous page', [{ path: ['after'], message: 'invalid cursor' }]);
    }
  }
  const cursor = await ctx.em.findByCursor(entity, where, {
    first: page.first ?? 50,
    after: page.after,
    orderBy: { ...orderBy, id: 'asc' } as QueryOrderMap<T>,
    includeCount: false,
  });
  const nodes = cursor.items as T[];
  ctx.noteViewed(typeof entity === 'function' ? entity.name : String(entity), nodes.map((n) => (n as { id: number }).id));
  const result = {
    nodes,
    edges: nodes.map((node) => ({ node, cursor: cursor.from(node) })),
    pageInfo: { hasNextPage: cursor.hasNextPage, hasPreviousPage: cursor.hasPrevPage, startCursor: cursor.startCursor, endCursor: cursor.endCursor },
  } as Connection<T>;
  // Counting every matching row costs a full scan on large tables: only when the query asks for it.
  let count: Promise<number> | undefined;
  Object.defineProperty(result, 'totalCount', { enumerable: true, get: () => (count ??= ctx.em.count(entity, where)) });
  return result;
}
