import type { EntityManager } from '@mikro-orm/core';
import { Field, ID, InputType, Int } from 'type-graphql';
import * as m from '@pufa/seeds';
import { authorizeWrite } from '../../graphql/access.js';
import { sql } from '../../db/sql.js';
import { Audience, Form, VenueType } from '../../shared/enums.js';
import { userError } from '../../shared/errors.js';
import { DateScalar } from '../../shared/scalars.js';
import { recordAudit } from '../audit/audit.service.js';
import type { BatchHandler } from './batch.service.js';
import { isClosedYear, LOCK_MESSAGE, mayChangeLocked } from './locks.js';
import { agencyFacts, chunks, existing, onConflictUpdate, RowChecker, todayInShanghai } from './rows.js';

@InputType({
  description: 'One item of an agency’s yearly responsibility list (任务书). Natural key: agency + year + title — a resend with the same key updates the item. '
    + 'Changing a published item (unpublishing included), or any item of a closed year (before the current year), needs an administrator and a reason.',
})
export class ResponsibilityItemRowInput {
  @Field(() => ID, { description: 'The agency whose list it is (a reporter writes only its own)' }) declare agencyId: string;
  @Field(() => Int, { description: 'The list’s year: 2016 to next year' }) declare year: number;
  @Field(() => String, { description: '1–200 characters, unique within the agency’s list of the year' }) declare title: string;
  @Field(() => ID, { nullable: true }) declare domainId?: string | null;
  @Field(() => [ID], { description: '普什么: at least one law' }) declare lawIds: string[];
  @Field(() => [Audience], { description: '对谁普: at least one' }) declare audiences: m.Audience[];
  @Field(() => [Form], { description: '怎么普: at least one' }) declare forms: m.Form[];
  @Field(() => [VenueType], { description: 'At least one' }) declare venueTypes: m.VenueType[];
  @Field(() => [ID], { description: 'Districts served: at least one DISTRICT-level region' }) declare targetDistrictIds: string[];
  @Field(() => Int, { description: 'Planned number of activities (0–1000)' }) declare plannedCount: number;
  @Field(() => DateScalar, { description: '何时普: first day of the window, inside the year' }) declare startsOn: string;
  @Field(() => DateScalar, { description: 'Deadline: last day of the window, inside the year and not before startsOn' }) declare endsOn: string;
  @Field(() => String, { description: '谁去普: responsible leader (1–60 characters)' }) declare responsibleLeader: string;
  @Field(() => String, { description: 'Responsible department (1–100 characters)' }) declare responsibleDepartment: string;
  @Field(() => Boolean, { description: 'Published in the yearly public announcement' }) declare published: boolean;
}

export const ITEM_LIMITS = { firstYear: 2016, title: 200, plannedCount: 1000, responsibleLeader: 60, responsibleDepartment: 100 };

export interface PreparedItem {
  agency_id: number; year: number; title: string; domain_id: number | null; audiences: string[]; forms: string[]; venue_types: string[];
  planned_count: number; starts_on: string; ends_on: string; responsible_leader: string; responsible_department: string; published: boolean;
  law_ids: number[]; target_district_ids: number[];
}

/** An existing item as the audit trail keeps it: row_to_json of the row plus its laws and districts. */
type ItemImage = Record<string, unknown> & { id: number; agency_id: number; year: number; title: string; published: boolean };

const COLUMNS = ['agency_id', 'year', 'title', 'domain_id', 'audiences', 'forms', 'venue_types', 'planned_count', 'starts_on', 'ends_on', 'responsible_leader', 'responsible_department', 'published'] as const;
const KEY = ['agency_id', 'year', 'title'];
const keyOf = (r: { agency_id: number; year: number; title: string }) => `${r.agency_id}|${r.year}|${r.title}`;

/** Compared to tell whether a row changes an item, in the order of the input's fields (the first difference names the row error). */
const COMPARED: [keyof PreparedItem, string, 'set' | 'value'][] = [
  ['domain_id', 'domainId', 'value'], ['law_ids', 'lawIds', 'set'], ['audiences', 'audiences', 'set'], ['forms', 'forms', 'set'],
  ['venue_types', 'venueTypes', 'set'], ['target_district_ids', 'targetDistrictIds', 'set'], ['planned_count', 'plannedCount', 'value'],
  ['starts_on', 'startsOn', 'value'], ['ends_on', 'endsOn', 'value'], ['responsible_leader', 'responsibleLeader', 'value'],
  ['responsible_department', 'responsibleDepartment', 'value'], ['published', 'published', 'value'],
];
const asSet = (v: unknown) => JSON.stringify([...new Set((v as unknown[] | null) ?? [])].map(String).sort());

/** The input field of the first difference between an item and a row, or null when the row changes nothing. */
function firstChange(before: ItemImage, row: PreparedItem): string | null {
  for (const [column, field, how] of COMPARED) {
    const a = before[column] ?? null;
    const b = row[column] ?? null;
    if (how === 'set' ? asSet(a) !== asSet(b) : a !== b) return field;
  }
  return null;
}

/** Existing items by natural key, locked for the rest of the transaction (in key order), with their laws and districts. */
async function loadItems(em: EntityManager, keys: PreparedItem[]): Promise<Map<string, ItemImage>> {
  const out = new Map<string, ItemImage>();
  for (const chunk of chunks(keys)) {
    const rows = await sql<{ row: unknown }>(
      em,
      `select row_to_json(i)::jsonb
              || jsonb_build_object(
                   'law_ids', coalesce((select jsonb_agg(l.law_id order by l.law_id) from responsibility_item_laws l where l.item_id = i.id), '[]'::jsonb),
                   'target_district_ids', coalesce((select jsonb_agg(d.region_id order by d.region_id) from responsibility_item_districts d where d.item_id = i.id), '[]'::jsonb)) as row
       from responsibility_item i
       join unnest(?::int[], ?::int[], ?::text[]) k(agency_id, year, title) using (agency_id, year, title)
       order by i.agency_id, i.year, i.title
       for update of i`,
      [chunk.map((r) => r.agency_id), chunk.map((r) => r.year), chunk.map((r) => r.title)],
    );
    for (const { row } of rows) {
      const image = (typeof row === 'string' ? JSON.parse(row) : row) as ItemImage;
      out.set(keyOf(image), image);
    }
  }
  return out;
}

export const responsibilityItemBatch: BatchHandler<ResponsibilityItemRowInput, { rows: PreparedItem[]; before: Map<string, ItemImage> }> = {
  kind: 'responsibility-items',

  async validate(em, viewer, rows, options = {}) {
    const c = new RowChecker();
    const today = todayInShanghai();
    const lastYear = Number(today.slice(0, 4)) + 1;
    const parsed = rows.map((r, i) => {
      const year = c.int(i, 'year', r.year, ITEM_LIMITS.firstYear, lastYear);
      // Inside the year when the year is good; otherwise only required.
      const [first, last] = year === null ? ['0000-01-01', '9999-12-31'] : [`${year}-01-01`, `${year}-12-31`];
      const starts = c.date(i, 'startsOn', r.startsOn, first, last);
      const ends = c.date(i, 'endsOn', r.endsOn, first, last);
      if (starts && ends && starts > ends) c.fail(i, 'endsOn', `${ends} is before startsOn ${starts}`);
      const ids = (field: string, type: string, values: string[] | null | undefined) => {
        if (!values?.length) {
          c.fail(i, field, `required: at least one ${type} id`);
          return [];
        }
        return values.map((id, j) => c.id(i, `${field}.${j}`, type, id));
      };
      return {
        agency_id: c.id(i, 'agencyId', 'Agency', r.agencyId),
        year,
        title: c.text(i, 'title', r.title, ITEM_LIMITS.title),
        domain_id: c.id(i, 'domainId', 'EnforcementDomain', r.domainId, false),
        law_ids: ids('lawIds', 'Law', r.lawIds),
        target_district_ids: ids('targetDistrictIds', 'Region', r.targetDistrictIds),
        audiences: [...new Set(r.audiences ?? [])] as string[],
        forms: [...new Set(r.forms ?? [])] as string[],
        venue_types: [...new Set(r.venueTypes ?? [])] as string[],
        planned_count: c.int(i, 'plannedCount', r.plannedCount, 0, ITEM_LIMITS.plannedCount),
        starts_on: starts,
        ends_on: ends,
        responsible_leader: c.text(i, 'responsibleLeader', r.responsibleLeader, ITEM_LIMITS.responsibleLeader),
        responsible_department: c.text(i, 'responsibleDepartment', r.responsibleDepartment, ITEM_LIMITS.responsibleDepartment),
        published: r.published,
      };
    });

    const enums: [keyof ResponsibilityItemRowInput, string, readonly string[]][] = [
      ['audiences', 'audience', m.AUDIENCES], ['forms', 'form', m.FORMS], ['venueTypes', 'venue type', m.VENUE_TYPES],
    ];
    rows.forEach((r, i) => {
      for (const [field, what, values] of enums) {
        const given = (r[field] ?? []) as string[];
        if (!given.length) c.fail(i, field, `required: at least one ${what}`);
        given.forEach((v, j) => !values.includes(v) && c.fail(i, `${field}.${j}`, `unknown ${what} "${v}"; one of ${values.join(', ')}`));
      }
      if (typeof r.published !== 'boolean') c.fail(i, 'published', 'required: true or false');
    });

    // Reference look-ups, one statement per table.
    const agencies = await agencyFacts(em, parsed.map((p) => p.agency_id));
    const domains = await existing(em, 'enforcement_domain', parsed.map((p) => p.domain_id));
    const laws = await existing(em, 'law', parsed.flatMap((p) => p.law_ids));
    const regions = new Map(
      (await sql<{ id: number; level: string }>(
        em, `select id, level from region where id = any(?)`, [[...new Set(parsed.flatMap((p) => p.target_district_ids).filter((x): x is number => x !== null))]],
      )).map((x) => [x.id, x]),
    );


    parsed.forEach((p, i) => {
      const agency = p.agency_id ? agencies.get(p.agency_id) : undefined;
      if (p.agency_id && !agency) c.fail(i, 'agencyId', `Agency:${p.agency_id} does not exist`);
      if (agency) {
        const allowed = c.allowed(i, 'agencyId', `Agency:${p.agency_id}`, () =>
          authorizeWrite(viewer, 'ResponsibilityItem', { agencyId: p.agency_id, agencyDistrictId: agency.district_id }));
        if (allowed && p.starts_on && p.ends_on && (p.ends_on < agency.valid_from || (agency.valid_to && p.starts_on > agency.valid_to))) {
          c.fail(i, 'agencyId', `Agency:${p.agency_id} did not exist during ${p.starts_on} … ${p.ends_on} (valid ${agency.valid_from} … ${agency.valid_to ?? 'today'})`);
        }
      }
      if (p.domain_id && !domains.has(p.domain_id)) c.fail(i, 'domainId', `EnforcementDomain:${p.domain_id} does not exist`);
      p.law_ids.forEach((l, j) => l && !laws.has(l) && c.fail(i, `lawIds.${j}`, `Law:${l} does not exist`));
      p.target_district_ids.forEach((d, j) => {
        const region = d ? regions.get(d) : undefined;
        if (d && !region) c.fail(i, `targetDistrictIds.${j}`, `Region:${d} does not exist`);
        else if (region && region.level !== 'DISTRICT') c.fail(i, `targetDistrictIds.${j}`, `Region:${d} is a ${region.level}; give DISTRICT-level regions`);
      });
      if (p.agency_id && p.year && p.title) {
        c.once(i, 'title', keyOf(p as PreparedItem), 'agency, year and title', 'item');
      }
    });

    const prepared = parsed.map((p) => ({
      ...p,
      law_ids: [...new Set(p.law_ids.filter((x): x is number => x !== null))],
      target_district_ids: [...new Set(p.target_district_ids.filter((x): x is number => x !== null))],
    })) as PreparedItem[];

    // The lock, on rows that are otherwise good: a change to a published item or to any item of a
    // closed year (a new one included) needs an administrator with a reason.
    const bad = new Set(c.errors.map((e) => e.row));
    const good = prepared.filter((_, i) => !bad.has(i));
    const before = good.length ? await loadItems(em, good) : new Map<string, ItemImage>();
    const unlocked = mayChangeLocked(viewer, options.reason);
    prepared.forEach((p, i) => {
      if (bad.has(i) || unlocked) return;
      const item = before.get(keyOf(p));
      const changed = item ? firstChange(item, p) : 'year';
      if (changed && (isClosedYear(p.year, today) || (item && item.published))) {
        c.forbidden = true;
        c.fail(i, changed, LOCK_MESSAGE);
      }
    });
    c.errors.sort((a, b) => a.row - b.row);
    return { errors: c.errors, forbidden: c.forbidden, prepared: { rows: prepared, before } };
  },

  async write(em, viewer, { rows, before }, batchId, options = {}) {
    // Sorted by natural key, so concurrent batches lock rows in the same order and cannot deadlock.
    const cmp = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);
    const sorted = [...rows].sort((a, b) => a.agency_id - b.agency_id || a.year - b.year || cmp(a.title, b.title));
    let inserted = 0;
    for (const chunk of chunks(sorted)) {
      const params: unknown[] = [];
      const values = chunk.map((r) => {
        params.push(r.agency_id, r.year, r.title, r.domain_id, r.audiences, r.forms, r.venue_types, r.planned_count, r.starts_on, r.ends_on, r.responsible_leader, r.responsible_department, r.published);
        return '(?, ?, ?, ?::int, ?::text[], ?::text[], ?::text[], ?, ?::date, ?::date, ?, ?, ?)';
      });
      const upserted = await sql<{ id: number; agency_id: number; year: number; title: string; inserted: boolean }>(em,
        `insert into responsibility_item (${COLUMNS.join(', ')}) values ${values.join(', ')}
         ${onConflictUpdate(KEY, COLUMNS)}
         returning id, agency_id, year, title, (xmax = 0) as inserted`,
        params);
      // An item created by another batch after this one was checked escaped the lock check: start again.
      if (upserted.some((u) => u.inserted === before.has(keyOf(u)))) {
        throw userError('CONFLICT', 'Another batch wrote some of these items while this one was being checked; nothing was written: send the batch again');
      }
      const idByKey = new Map(upserted.map((u) => [keyOf(u), u]));
      const ids = upserted.map((u) => u.id);
      await sql(em, `delete from responsibility_item_laws where item_id = any(?)`, [ids]);
      await sql(em, `delete from responsibility_item_districts where item_id = any(?)`, [ids]);
      const pivots: [string, string, (r: PreparedItem) => number[]][] = [
        ['responsibility_item_laws', 'law_id', (r) => r.law_ids],
        ['responsibility_item_districts', 'region_id', (r) => r.target_district_ids],
      ];
      for (const [table, column, pick] of pivots) {
        const pairs = chunk.flatMap((r) => pick(r).map((v) => [idByKey.get(keyOf(r))!.id, v]));
        for (const part of chunks(pairs, 5000)) {
          await sql(em, `insert into ${table} (item_id, ${column}) values ${part.map(() => '(?, ?)').join(', ')}`, part.flat());
        }
      }
      inserted += upserted.filter((u) => u.inserted).length;
      await recordAudit(em, viewer, ...chunk.map((r) => {
        const key = keyOf(r);
        const row = idByKey.get(key)!;
        return { action: row.inserted ? 'CREATE' : 'UPDATE', entity: 'ResponsibilityItem', entityId: row.id, before: before.get(key) ?? null, after: r, batch: batchId, reason: options.reason ?? null };
      }));
    }
    return { inserted, updated: rows.length - inserted };
  },
};
