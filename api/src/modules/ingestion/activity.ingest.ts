import { Field, ID, InputType, Int } from 'type-graphql';
import * as m from '@pufa/seeds';
import { authorizeWrite } from '../../graphql/access.js';
import { Audience, Form, KeyDate, VenueType } from '../../shared/enums.js';
import { DateScalar } from '../../shared/scalars.js';
import { sql } from '../../db/sql.js';
import type { BatchHandler } from './batch.service.js';
import { agencyFacts, existing, RowChecker, todayInShanghai, upsertBatch, type UpsertSpec } from './rows.js';

/**
 * Like every batch row input, its fields are `declare`d: type-graphql then makes each row from an
 * empty instance instead of deleting 17 undefined own fields from it (5,000 times per batch, leaving
 * slow dictionary-mode objects).
 */
@InputType({ description: 'One activity. Natural key: organiser + date + title — a resend with the same key updates the activity.' })
export class ActivityRowInput {
  @Field(() => String) declare title: string;
  @Field(() => DateScalar) declare date: string;
  @Field(() => ID, { description: 'Where it took place (a district, street or community)' }) declare regionId: string;
  @Field(() => ID) declare organiserId: string;
  @Field(() => [ID], { nullable: true }) declare coOrganiserIds?: string[];
  @Field(() => [ID], { nullable: true, description: 'Responsibility items delivered (of the organiser or a co-organiser; the date inside the item’s window)' }) declare itemIds?: string[];
  @Field(() => [ID], { nullable: true }) declare lawIds?: string[];
  @Field(() => Form) declare form: m.Form;
  @Field(() => VenueType, { nullable: true }) declare venueType?: m.VenueType;
  @Field(() => [Audience], { nullable: true }) declare audiences?: m.Audience[];
  @Field(() => ID, { nullable: true }) declare domainId?: string;
  @Field(() => String, { nullable: true }) declare troupe?: string;
  @Field(() => Int, { nullable: true, defaultValue: 0 }) declare participants?: number;
  @Field(() => Int, { nullable: true, defaultValue: 0 }) declare materials?: number;
  @Field(() => Int, { nullable: true, defaultValue: 0 }) declare consultations?: number;
  @Field(() => Int, { nullable: true, defaultValue: 0 }) declare onlineViews?: number;
  @Field(() => KeyDate, { nullable: true }) declare keyDate?: m.KeyDate;
}

export const ACTIVITY_LIMITS = { participants: 100_000, materials: 100_000, consultations: 20_000, onlineViews: 100_000_000 };

interface PreparedActivity {
  title: string; date: string; region_id: number; organiser_id: number; form: string; venue_type: string | null;
  audiences: string[]; domain_id: number | null; troupe: string | null; participants: number; materials: number;
  consultations: number; online_views: number; key_date: string | null;
  coOrganisers: number[]; items: number[]; laws: number[];
}

/** A link table of activities: the input column naming the other side, the table and its column. */
const LINKS = [['coOrganisers', 'activity_co_organisers', 'agency_id'], ['items', 'activity_items', 'item_id'], ['laws', 'activity_laws', 'law_id']] as const;

const ACTIVITY_UPSERT: UpsertSpec = {
  table: 'activity',
  entity: 'Activity',
  key: ['organiser_id', 'date', 'title'],
  input: {
    title: 'text', date: 'date', region_id: 'int', organiser_id: 'int', form: 'text', venue_type: 'text', audiences: 'text[]', domain_id: 'int', troupe: 'text',
    participants: 'int', materials: 'int', consultations: 'int', online_views: 'int', key_date: 'text', coOrganisers: 'int[]', items: 'int[]', laws: 'int[]',
  },
  columns: {
    ...Object.fromEntries(['title', 'date', 'region_id', 'organiser_id', 'form', 'venue_type', 'audiences', 'domain_id', 'troupe', 'participants', 'materials', 'consultations', 'online_views', 'key_date'].map((c) => [c, null])),
    // The mirrors of the links, written with the row (sorted, as the mirror triggers keep them): the
    // link triggers then find nothing to change, and the rollup triggers see each row once, not three
    // times (inserted without its links, then updated for its laws, then for its co-organisers).
    co_organiser_ids: 'i."coOrganisers"',
    law_ids: 'i.laws',
  },
  // The activity with its links, as the after-image has them.
  before: `to_jsonb(t) || jsonb_build_object(${LINKS.map(([name, table, column]) => `'${name}', array(select ${column} from ${table} where activity_id = t.id order by ${column})`).join(', ')})`,
  // A resend replaces the links: those no longer named go, new ones come (in either order within the statement).
  more: () => LINKS.flatMap(([name, table, column]) => [
    `${table}_gone as (delete from ${table} x using done d join input i using (ord) where x.activity_id = d.id and not d.inserted and not x.${column} = any(i."${name}"))`,
    `${table}_new as (insert into ${table} (activity_id, ${column}) select d.id, unnest(i."${name}") from done d join input i using (ord) where d.inserted)`,
    `${table}_kept as (insert into ${table} (activity_id, ${column}) select d.id, unnest(i."${name}") from done d join input i using (ord) where not d.inserted on conflict do nothing)`,
  ]),
};

export const activityBatch: BatchHandler<ActivityRowInput, PreparedActivity[]> = {
  kind: 'activities',

  async validate(em, viewer, rows) {
    const c = new RowChecker();
    const today = todayInShanghai();
    const parsed = rows.map((r, i) => ({
      title: c.text(i, 'title', r.title, 200),
      date: c.date(i, 'date', r.date, '2000-01-01', today),
      region_id: c.id(i, 'regionId', 'Region', r.regionId),
      organiser_id: c.id(i, 'organiserId', 'Agency', r.organiserId),
      coOrganisers: (r.coOrganiserIds ?? []).map((id, j) => c.id(i, `coOrganiserIds.${j}`, 'Agency', id)),
      items: (r.itemIds ?? []).map((id, j) => c.id(i, `itemIds.${j}`, 'ResponsibilityItem', id)),
      laws: (r.lawIds ?? []).map((id, j) => c.id(i, `lawIds.${j}`, 'Law', id)),
      domain_id: c.id(i, 'domainId', 'EnforcementDomain', r.domainId, false),
      troupe: c.text(i, 'troupe', r.troupe, 100, false),
      participants: c.int(i, 'participants', r.participants ?? 0, 0, ACTIVITY_LIMITS.participants),
      materials: c.int(i, 'materials', r.materials ?? 0, 0, ACTIVITY_LIMITS.materials),
      consultations: c.int(i, 'consultations', r.consultations ?? 0, 0, ACTIVITY_LIMITS.consultations),
      online_views: c.int(i, 'onlineViews', r.onlineViews ?? 0, 0, ACTIVITY_LIMITS.onlineViews),
      form: r.form, venue_type: r.venueType ?? null, audiences: [...new Set(r.audiences ?? [])], key_date: r.keyDate ?? null,
    }));

    rows.forEach((r, i) => {
      if (!(m.FORMS as readonly string[]).includes(r.form)) c.fail(i, 'form', `unknown form "${r.form}"; one of ${m.FORMS.join(', ')}`);
      if (r.venueType && !(m.VENUE_TYPES as readonly string[]).includes(r.venueType)) c.fail(i, 'venueType', `unknown venue type "${r.venueType}"; one of ${m.VENUE_TYPES.join(', ')}`);
      if (r.keyDate && !(m.KEY_DATES as readonly string[]).includes(r.keyDate)) c.fail(i, 'keyDate', `unknown key date "${r.keyDate}"`);
      (r.audiences ?? []).forEach((a, j) => !(m.AUDIENCES as readonly string[]).includes(a) && c.fail(i, `audiences.${j}`, `unknown audience "${a}"; one of ${m.AUDIENCES.join(', ')}`));
    });

    // Reference look-ups, one statement per table.
    const agencyIds = new Set<number>();
    parsed.forEach((p) => { if (p.organiser_id) agencyIds.add(p.organiser_id); p.coOrganisers.forEach((a) => a && agencyIds.add(a)); });
    const agencies = await agencyFacts(em, agencyIds);
    const regions = await existing(em, 'region', parsed.map((p) => p.region_id));
    const laws = await existing(em, 'law', parsed.flatMap((p) => p.laws));
    const domains = await existing(em, 'enforcement_domain', parsed.map((p) => p.domain_id));
    const itemIds = [...new Set(parsed.flatMap((p) => p.items).filter((x): x is number => x !== null))];
    const items = new Map(
      (await sql<{ id: number; agency_id: number; starts_on: string; ends_on: string }>(
        em, `select id, agency_id, starts_on::text, ends_on::text from responsibility_item where id = any(?)`, [itemIds],
      )).map((x) => [x.id, x]),
    );

    parsed.forEach((p, i) => {
      if (p.region_id && !regions.has(p.region_id)) c.fail(i, 'regionId', `Region:${p.region_id} does not exist`);
      if (p.domain_id && !domains.has(p.domain_id)) c.fail(i, 'domainId', `EnforcementDomain:${p.domain_id} does not exist`);
      p.laws.forEach((l, j) => l && !laws.has(l) && c.fail(i, `lawIds.${j}`, `Law:${l} does not exist`));
      const organiser = p.organiser_id ? agencies.get(p.organiser_id) : undefined;
      if (p.organiser_id && !organiser) c.fail(i, 'organiserId', `Agency:${p.organiser_id} does not exist`);
      if (organiser && p.date && (p.date < organiser.valid_from || (organiser.valid_to && p.date > organiser.valid_to))) {
        c.fail(i, 'date', `Agency:${p.organiser_id} did not exist on ${p.date} (valid ${organiser.valid_from} … ${organiser.valid_to ?? 'today'})`);
      }
      if (organiser) c.allowed(i, 'organiserId', `Agency:${p.organiser_id}`, () => authorizeWrite(viewer, 'Activity', { agencyId: p.organiser_id, agencyDistrictId: organiser.district_id }));
      p.coOrganisers.forEach((a, j) => {
        if (a && !agencies.has(a)) c.fail(i, `coOrganiserIds.${j}`, `Agency:${a} does not exist`);
        if (a && a === p.organiser_id) c.fail(i, `coOrganiserIds.${j}`, 'the organiser cannot also be a co-organiser');
      });
      const partners = new Set([p.organiser_id, ...p.coOrganisers]);
      p.items.forEach((id, j) => {
        const item = id ? items.get(id) : undefined;
        if (id && !item) c.fail(i, `itemIds.${j}`, `ResponsibilityItem:${id} does not exist`);
        else if (item && !partners.has(item.agency_id)) c.fail(i, `itemIds.${j}`, `ResponsibilityItem:${id} belongs to Agency:${item.agency_id}, neither the organiser nor a co-organiser`);
        else if (item && p.date && (p.date < item.starts_on || p.date > item.ends_on)) c.fail(i, `itemIds.${j}`, `${p.date} is outside the item's window ${item.starts_on} … ${item.ends_on}`);
      });
      c.once(i, 'title', `${p.organiser_id}|${p.date}|${p.title}`, 'organiser, date and title', 'activity');
    });
    // Only a batch without errors is written, so every id parsed; one named twice counts once.
    const distinct = (ids: (number | null)[]) => (ids.length < 2 ? ids : [...new Set(ids.filter((x) => x !== null))].sort((a, b) => a - b));
    const prepared = parsed.map((p) => Object.assign(p, { coOrganisers: distinct(p.coOrganisers), items: distinct(p.items), laws: distinct(p.laws) })) as PreparedActivity[];
    return { errors: c.errors, forbidden: c.forbidden, prepared };
  },

  async write(em, viewer, prepared, batchId) {
    // Sorted by natural key, so concurrent batches lock rows in the same order and cannot deadlock.
    const sorted = [...prepared].sort((a, b) => a.organiser_id - b.organiser_id || (a.date < b.date ? -1 : a.date > b.date ? 1 : a.title < b.title ? -1 : a.title > b.title ? 1 : 0));
    // The rows carry their link mirrors (co_organiser_ids, law_ids): the pivot triggers need not look them up.
    await sql(em, `set local pufa.links_mirrored = 'on'`);
    const { inserted } = await upsertBatch(em, ACTIVITY_UPSERT, sorted, { viewer, batchId });
    return { inserted, updated: prepared.length - inserted };
  },
};

