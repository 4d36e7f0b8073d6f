import type { EntityManager } from '@mikro-orm/core';
import { ArrayMaxSize } from 'class-validator';
import { Field, ID, InputType } from 'type-graphql';
import type * as m from '@pufa/seeds';
import { Audience, Form, VenueType } from '../../shared/enums.js';
import { AgencyScopedFilter, MAX_FILTER_IDS, periodWhere } from '../../shared/filters.js';
import { checkDateRange, existingIds, regionsWithDescendants } from '../../shared/validate.js';

@InputType()
export class ActivityFilter extends AgencyScopedFilter {
  @Field(() => [Form], { nullable: true }) forms?: m.Form[];
  @Field(() => [VenueType], { nullable: true }) venueTypes?: m.VenueType[];
  @Field(() => [Audience], { nullable: true, description: 'Activities reaching any of these audiences' }) audiences?: m.Audience[];
  @Field(() => [ID], { nullable: true, description: 'Activities naming any of these responsibility items (the drill of a coverage row)' })
  @ArrayMaxSize(MAX_FILTER_IDS)
  itemIds?: string[];
}

/**
 * MikroORM condition for an activity filter. An agency filter matches the organiser and every
 * co-organiser; a region filter matches the region and all places below it.
 */
export async function activityWhere(em: EntityManager, f: ActivityFilter | undefined): Promise<Record<string, unknown>> {
  if (!f) return {};
  checkDateRange(f.from, f.to, ['filter']);
  const agencies = await existingIds(em, 'Agency', f.agencyIds, ['filter', 'agencyIds']);
  const regions = await regionsWithDescendants(em, f.regionIds, ['filter', 'regionIds']);
  const domains = await existingIds(em, 'EnforcementDomain', f.domainIds, ['filter', 'domainIds']);
  const laws = await existingIds(em, 'Law', f.lawIds, ['filter', 'lawIds']);
  const items = await existingIds(em, 'ResponsibilityItem', f.itemIds, ['filter', 'itemIds']);
  const and: Record<string, unknown>[] = periodWhere('date', f);
  if (agencies) and.push({ $or: [{ organiser: { $in: agencies } }, { coOrganisers: { $in: agencies } }] });
  if (regions) and.push({ region: { $in: regions } });
  if (domains) and.push({ domain: { $in: domains } });
  if (laws) and.push({ laws: { $in: laws } });
  if (items) and.push({ items: { $in: items } });
  if (f.forms?.length) and.push({ form: { $in: f.forms } });
  if (f.venueTypes?.length) and.push({ venueType: { $in: f.venueTypes } });
  if (f.audiences?.length) and.push({ audiences: { $overlap: f.audiences } });
  return { $and: and };
}
