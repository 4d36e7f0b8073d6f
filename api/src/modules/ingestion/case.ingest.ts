import { Field, ID, InputType } from 'type-graphql';
import { authorizeWrite } from '../../graphql/access.js';
import { sql } from '../../db/sql.js';
import { DateScalar } from '../../shared/scalars.js';
import { recordAudit } from '../audit/audit.service.js';
import type { BatchHandler } from './batch.service.js';
import { agencyFacts, chunks, existing, onConflictUpdate, RowChecker, todayInShanghai } from './rows.js';

@InputType({ description: 'One typical case (以案释法). Natural key: agency + title — a resend with the same key updates the case.' })
export class CaseRowInput {
  @Field(() => ID, { description: 'The agency publishing it (a reporter writes only its own)' }) declare agencyId: string;
  @Field(() => String, { description: '1–200 characters, unique within the agency' }) declare title: string;
  @Field(() => String, { description: '1–500 characters' }) declare summary: string;
  @Field(() => String, { description: '1–20,000 characters' }) declare body: string;
  @Field(() => ID, { nullable: true }) declare domainId?: string | null;
  @Field(() => ID, { nullable: true, description: 'Where it happened (a district, street or community)' }) declare regionId?: string | null;
  @Field(() => [ID], { description: 'The laws it explains: at least one' }) declare lawIds: string[];
  @Field(() => DateScalar, { description: 'When it was decided (not in the future)' }) declare decidedOn: string;
  @Field(() => Boolean) declare published: boolean;
  @Field(() => DateScalar, { nullable: true, description: 'Required when published: not before decidedOn, not in the future; empty when not published' }) declare publishedOn?: string | null;
}

export const CASE_LIMITS = { title: 200, summary: 500, body: 20_000 };

interface PreparedCase {
  agency_id: number; title: string; summary: string; body: string; domain_id: number | null; region_id: number | null;
  decided_on: string; published: boolean; published_on: string | null; law_ids: number[];
}

const COLUMNS = ['agency_id', 'title', 'summary', 'body', 'domain_id', 'region_id', 'decided_on', 'published', 'published_on'] as const;
const KEY = ['agency_id', 'title'];
const keyOf = (r: { agency_id: number; title: string }) => `${r.agency_id}|${r.title}`;

export const caseBatch: BatchHandler<CaseRowInput, PreparedCase[]> = {
  kind: 'cases',

  async validate(em, viewer, rows) {
    const c = new RowChecker();
    const today = todayInShanghai();
    const parsed = rows.map((r, i) => {
      const p = {
        agency_id: c.id(i, 'agencyId', 'Agency', r.agencyId),
        title: c.text(i, 'title', r.title, CASE_LIMITS.title),
        summary: c.text(i, 'summary', r.summary, CASE_LIMITS.summary),
        body: c.text(i, 'body', r.body, CASE_LIMITS.body),
        domain_id: c.id(i, 'domainId', 'EnforcementDomain', r.domainId, false),
        region_id: c.id(i, 'regionId', 'Region', r.regionId, false),
        law_ids: r.lawIds?.length ? r.lawIds.map((id, j) => c.id(i, `lawIds.${j}`, 'Law', id)) : (c.fail(i, 'lawIds', 'required: at least one Law id'), []),
        decided_on: c.date(i, 'decidedOn', r.decidedOn, '2000-01-01', today),
        published: r.published,
        published_on: null as string | null,
      };
      if (typeof r.published !== 'boolean') c.fail(i, 'published', 'required: true or false');
      else if (!r.published) {
        if (r.publishedOn) c.fail(i, 'publishedOn', 'must be empty when published is false');
      } else if (!r.publishedOn) c.fail(i, 'publishedOn', 'required when published is true (YYYY-MM-DD)');
      else if (r.publishedOn > today) c.fail(i, 'publishedOn', `${r.publishedOn} is in the future (today is ${today})`);
      else if (p.decided_on && r.publishedOn < p.decided_on) c.fail(i, 'publishedOn', `${r.publishedOn} is before decidedOn ${p.decided_on}`);
      else p.published_on = r.publishedOn;
      return p;
    });

    // Reference look-ups, one statement per table.
    const agencies = await agencyFacts(em, parsed.map((p) => p.agency_id));
    const domains = await existing(em, 'enforcement_domain', parsed.map((p) => p.domain_id));
    const regions = await existing(em, 'region', parsed.map((p) => p.region_id));
    const laws = await existing(em, 'law', parsed.flatMap((p) => p.law_ids));


    parsed.forEach((p, i) => {
      const agency = p.agency_id ? agencies.get(p.agency_id) : undefined;
      if (p.agency_id && !agency) c.fail(i, 'agencyId', `Agency:${p.agency_id} does not exist`);
      if (agency) {
        c.allowed(i, 'agencyId', `Agency:${p.agency_id}`, () => authorizeWrite(viewer, 'CaseStudy', { agencyId: p.agency_id, agencyDistrictId: agency.district_id }));
      }
      if (p.domain_id && !domains.has(p.domain_id)) c.fail(i, 'domainId', `EnforcementDomain:${p.domain_id} does not exist`);
      if (p.region_id && !regions.has(p.region_id)) c.fail(i, 'regionId', `Region:${p.region_id} does not exist`);
      p.law_ids.forEach((l, j) => l && !laws.has(l) && c.fail(i, `lawIds.${j}`, `Law:${l} does not exist`));
      if (p.agency_id && p.title) {
        c.once(i, 'title', keyOf(p as PreparedCase), 'agency and title', 'case');
      }
    });
    const prepared = parsed.map((p) => ({ ...p, law_ids: [...new Set(p.law_ids.filter((x): x is number => x !== null))] })) as PreparedCase[];
    c.errors.sort((a, b) => a.row - b.row);
    return { errors: c.errors, forbidden: c.forbidden, prepared };
  },

  async write(em, viewer, prepared, batchId) {
    // Sorted by natural key, so concurrent batches lock rows in the same order and cannot deadlock.
    const sorted = [...prepared].sort((a, b) => a.agency_id - b.agency_id || (a.title < b.title ? -1 : a.title > b.title ? 1 : 0));
    let inserted = 0;
    for (const chunk of chunks(sorted)) {
      // Before-images for the audit trail, with the laws.
      const before = await sql<{ row: unknown }>(
        em,
        `select row_to_json(s)::jsonb
                || jsonb_build_object('law_ids', coalesce((select jsonb_agg(l.law_id order by l.law_id) from case_study_laws l where l.case_id = s.id), '[]'::jsonb)) as row
         from case_study s join unnest(?::int[], ?::text[]) k(agency_id, title) using (agency_id, title)`,
        [chunk.map((r) => r.agency_id), chunk.map((r) => r.title)],
      );
      const beforeByKey = new Map(before.map(({ row }) => {
        const b = (typeof row === 'string' ? JSON.parse(row) : row) as PreparedCase & Record<string, unknown>;
        return [keyOf(b), b];
      }));
      const params: unknown[] = [];
      const values = chunk.map((r) => {
        params.push(r.agency_id, r.title, r.summary, r.body, r.domain_id, r.region_id, r.decided_on, r.published, r.published_on);
        return '(?, ?, ?, ?, ?::int, ?::int, ?::date, ?, ?::date)';
      });
      const upserted = await sql<{ id: number; agency_id: number; title: string; inserted: boolean }>(em,
        `insert into case_study (${COLUMNS.join(', ')}) values ${values.join(', ')}
         ${onConflictUpdate(KEY, COLUMNS)}
         returning id, agency_id, title, (xmax = 0) as inserted`,
        params);
      const idByKey = new Map(upserted.map((u) => [keyOf(u), u]));
      await sql(em, `delete from case_study_laws where case_id = any(?)`, [upserted.map((u) => u.id)]);
      const pairs = chunk.flatMap((r) => r.law_ids.map((l) => [idByKey.get(keyOf(r))!.id, l]));
      for (const part of chunks(pairs, 5000)) {
        await sql(em, `insert into case_study_laws (case_id, law_id) values ${part.map(() => '(?, ?)').join(', ')}`, part.flat());
      }
      inserted += upserted.filter((u) => u.inserted).length;
      await recordAudit(em, viewer, ...chunk.map((r) => {
        const key = keyOf(r);
        const row = idByKey.get(key)!;
        return { action: row.inserted ? 'CREATE' : 'UPDATE', entity: 'CaseStudy', entityId: row.id, before: beforeByKey.get(key) ?? null, after: r, batch: batchId };
      }));
    }
    return { inserted, updated: prepared.length - inserted };
  },
};
