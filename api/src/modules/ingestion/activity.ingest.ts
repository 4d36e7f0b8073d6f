import { Field, ID, InputType, Int } from 'type-graphql';
import * as m from '@pufa/seeds';
import { authorizeWrite } from '../../graphql/access.js';
import { Audience, Form, KeyDate, VenueType } from '../../shared/enums.js';
import { DateScalar } from '../../shared/scalars.js';
import { sql } from '../../db/sql.js';
import { recordAudit } from '../audit/audit.service.js';
import type { BatchHandler } from './batch.service.js';
import { agencyFacts, chunks, existing, onConflictUpdate, RowChecker, todayInShanghai } from './rows.js';

@InputType({ description: 'One activity. Natural key: organiser + date + title — a resend with the same key updates the activity.' })
export class ActivityRowInput {
  @Field(() => String) title!: string;
  @Field(() => DateScalar) date!: string;
  @Field(() => ID, { description: 'Where it took place (a district, street or community)' }) regionId!: string;
  @Field(() => ID) organiserId!: string;
  @Field(() => [ID], { nullable: true }) coOrganiserIds?: string[];
  @Field(() => [ID], { nullable: true, description: 'Responsibility items delivered (of the organiser or a co-organiser; the date inside the item’s window)' }) itemIds?: string[];
  @Field(() => [ID], { nullable: true }) lawIds?: string[];
  @Field(() => Form) form!: m.Form;
  @Field(() => VenueType, { nullable: true }) venueType?: m.VenueType;
  @Field(() => [Audience], { nullable: true }) audiences?: m.Audience[];
  @Field(() => ID, { nullable: true }) domainId?: string;
  @Field(() => String, { nullable: true }) troupe?: string;
  @Field(() => Int, { nullable: true, defaultValue: 0 }) participants?: number;
  @Field(() => Int, { nullable: true, defaultValue: 0 }) materials?: number;
  @Field(() => Int, { nullable: true, defaultValue: 0 }) consultations?: number;
  @Field(() => Int, { nullable: true, defaultValue: 0 }) onlineViews?: number;
  @Field(() => KeyDate, { nullable: true }) keyDate?: m.KeyDate;
}

export const ACTIVITY_LIMITS = { participants: 100_000, materials: 100_000, consultations: 20_000, onlineViews: 100_000_000 };

interface PreparedActivity {
  title: string; date: string; region_id: number; organiser_id: number; form: string; venue_type: string | null;
  audiences: string[]; domain_id: number | null; troupe: string | null; participants: number; materials: number;
  consultations: number; online_views: number; key_date: string | null;
  coOrganisers: number[]; items: number[]; laws: number[];
}

const COLUMNS = ['title', 'date', 'region_id', 'organiser_id', 'form', 'venue_type', 'audiences', 'domain_id', 'troupe', 'participants', 'materials', 'consultations', 'online_views', 'key_date'] as const;

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
    const prepared = parsed.map((p) => ({
      ...p,
      coOrganisers: [...new Set(p.coOrganisers.filter((x): x is number => x !== null))],
      items: [...new Set(p.items.filter((x): x is number => x !== null))],
      laws: [...new Set(p.laws.filter((x): x is number => x !== null))],
    })) as PreparedActivity[];
    return { errors: c.errors, forbidden: c.forbidden, prepared };
  },

  async write(em, viewer, prepared, batchId) {
    // Sorted by natural key, so concurrent batches lock rows in the same order and cannot deadlock.
    const sorted = [...prepared].sort((a, b) => a.organiser_id - b.organiser_id || (a.date < b.date ? -1 : a.date > b.date ? 1 : a.title < b.title ? -1 : a.title > b.title ? 1 : 0));
    let inserted = 0;
    for (const chunk of chunks(sorted)) {
      // Before-images for the audit trail: the keys as three arrays joined on the natural-key index.
      const before = await sql<Record<string, unknown>>(
        em,
        `select row_to_json(a) as row from activity a
         join unnest(?::int[], ?::date[], ?::text[]) k(organiser_id, date, title) using (organiser_id, date, title)`,
        [chunk.map((r) => r.organiser_id), chunk.map((r) => r.date), chunk.map((r) => r.title)],
      );
      const beforeByKey = new Map(before.map(({ row }) => {
        const b = (typeof row === 'string' ? JSON.parse(row) : row) as Record<string, unknown>;
        return [`${b.organiser_id}|${b.date}|${b.title}`, b];
      }));
      const params: unknown[] = [];
      const values = chunk.map((r) => {
        params.push(r.title, r.date, r.region_id, r.organiser_id, r.form, r.venue_type, r.domain_id, r.troupe, r.participants, r.materials, r.consultations, r.online_views, r.key_date);
        // Audiences were checked against the enum in validate(), so they are safe to inline.
        return `(?, ?::date, ?, ?, ?, ?, array[${r.audiences.map((a) => `'${a}'`).join(', ')}]::text[], ?, ?, ?, ?, ?, ?, ?)`;
      });
      const upserted = await sql<{ id: number; organiser_id: number; date: string; title: string; inserted: boolean }>(em, 
        `insert into activity (${COLUMNS.join(', ')}) values ${values.join(', ')}
         ${onConflictUpdate(['organiser_id', 'date', 'title'], COLUMNS)}
         returning id, organiser_id, date::text as date, title, (xmax = 0) as inserted`,
        params);
      const idByKey = new Map(upserted.map((u) => [`${u.organiser_id}|${u.date}|${u.title}`, u]));
      const ids = upserted.map((u) => u.id);
      for (const table of ['activity_co_organisers', 'activity_items', 'activity_laws']) {
        await sql(em, `delete from ${table} where activity_id = any(?)`, [ids]);
      }
      const pivots: [string, string, (r: PreparedActivity) => number[]][] = [
        ['activity_co_organisers', 'agency_id', (r) => r.coOrganisers],
        ['activity_items', 'item_id', (r) => r.items],
        ['activity_laws', 'law_id', (r) => r.laws],
      ];
      for (const [table, column, pick] of pivots) {
        const pairs = chunk.flatMap((r) => pick(r).map((v) => [idByKey.get(`${r.organiser_id}|${r.date}|${r.title}`)!.id, v]));
        if (pairs.length) await sql(em, `insert into ${table} (activity_id, ${column}) values ${pairs.map(() => '(?, ?)').join(', ')}`, pairs.flat());
      }
      inserted += upserted.filter((u) => u.inserted).length;
      await recordAudit(em, viewer, ...chunk.map((r) => {
        const key = `${r.organiser_id}|${r.date}|${r.title}`;
        const row = idByKey.get(key)!;
        return { action: row.inserted ? 'CREATE' : 'UPDATE', entity: 'Activity', entityId: row.id, before: beforeByKey.get(key) ?? null, after: r, batch: batchId };
      }));
    }
    return { inserted, updated: prepared.length - inserted };
  },
};

