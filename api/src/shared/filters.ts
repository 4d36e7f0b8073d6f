import { Field, ID, InputType, Int } from 'type-graphql';
import { ArrayMaxSize, Max, Min } from 'class-validator';
import { DateScalar } from './scalars.js';

export const MAX_FILTER_IDS = 1000;

/** The filter fields most record queries share. */
@InputType()
export class PeriodFilter {
  @Field(() => DateScalar, { nullable: true, description: 'First day, inclusive' })
  from?: string;

  @Field(() => DateScalar, { nullable: true, description: 'Last day, inclusive' })
  to?: string;

  @Field(() => [Int], { nullable: true })
  @ArrayMaxSize(50)
  @Min(2000, { each: true })
  @Max(2100, { each: true })
  years?: number[];
}

@InputType()
export class AgencyScopedFilter extends PeriodFilter {
  @Field(() => [ID], { nullable: true })
  @ArrayMaxSize(MAX_FILTER_IDS)
  agencyIds?: string[];

  @Field(() => [ID], { nullable: true, description: 'Regions, each with all its descendants' })
  @ArrayMaxSize(MAX_FILTER_IDS)
  regionIds?: string[];

  @Field(() => [ID], { nullable: true })
  @ArrayMaxSize(MAX_FILTER_IDS)
  domainIds?: string[];

  @Field(() => [ID], { nullable: true })
  @ArrayMaxSize(MAX_FILTER_IDS)
  lawIds?: string[];
}

/** MikroORM condition for a date column from a PeriodFilter (from/to and any of the years). */
export function periodWhere(column: string, f: PeriodFilter | undefined): Record<string, unknown>[] {
  if (!f) return [];
  const out: Record<string, unknown>[] = [];
  if (f.from) out.push({ [column]: { $gte: f.from } });
  if (f.to) out.push({ [column]: { $lte: f.to } });
  if (f.years?.length) out.push({ $or: f.years.map((y) => ({ [column]: { $gte: `${y}-01-01`, $lte: `${y}-12-31` } })) });
  return out;
}

/**
 * The viewer's read scope as a MikroORM condition: rows of the allowed agencies (through any of
 * `agencyFields`) or outlets, or published rows. Empty object when everything is readable.
 */
export function scopeWhere(
  scope: { all: boolean; agencyIds?: number[]; outletIds?: number[]; published?: boolean },
  fields: { agency?: string[]; outlet?: string; published?: string },
): Record<string, unknown> {
  if (scope.all) return {};
  const or: Record<string, unknown>[] = [];
  if (scope.agencyIds && fields.agency) for (const f of fields.agency) or.push({ [f]: { $in: scope.agencyIds } });
  if (scope.outletIds && fields.outlet) or.push({ [fields.outlet]: { $in: scope.outletIds } });
  if (scope.published && fields.published) or.push({ [fields.published]: true });
  return or.length ? { $or: or } : { id: { $in: [] } };
}
