import { Migration } from '@mikro-orm/migrations';

/**
 * Public portal, case library, public feedback and orders (docs/portal.md):
 * - case_search: each case's search document, character bigrams in a tsvector ('simple' config),
 *   kept by a statement trigger on case_study — Chinese full-text search without an extension,
 *   the same on PostgreSQL and PGlite;
 * - feedback_device: HMACs of the device tokens that answered a wave through the public form;
 * - education_order (+ its domains) and education_order_agency: orders for legal education and
 *   their routing to agencies, with each agency's answer.
 */
export class Migration20261127212726 extends Migration {
  override async up(): Promise<void> {
    this.addSql(`create table "case_search" ("case_id" int not null, "document" tsvector not null, constraint "case_search_pkey" primary key ("case_id"));`);
    this.addSql(`create index "case_search_document_index" on "case_search" using gin ("document");`);
    this.addSql(`alter table "case_search" add constraint "case_search_case_id_foreign" foreign key ("case_id") references "case_study" ("id") on update cascade on delete cascade;`);

    // Text → search tokens: NFKC (full-width letters and digits become ASCII), then each run of
    // Han characters as overlapping bigrams followed by its last character alone (so a one-character
    // query finds it as a prefix), and each run of ASCII letters and digits as one lower-case word.
    // Keep in step with caseSearchQuery() in api/src/modules/case-library/search-query.ts.
    this.addSql(`create function pufa_search_tokens(doc text) returns text language sql immutable parallel safe as $f$
  select coalesce(string_agg(g.tok, ' ' order by r.n, g.i), '')
  from regexp_matches(normalize(coalesce(doc, ''), NFKC), '[A-Za-z0-9]+|[\\u3400-\\u4dbf\\u4e00-\\u9fff\\uf900-\\ufaff]+', 'g') with ordinality as r(m, n)
  cross join lateral (
    select i, case when r.m[1] ~ '^[A-Za-z0-9]' then lower(r.m[1]) else substr(r.m[1], i, 2) end as tok
    from generate_series(1, case when r.m[1] ~ '^[A-Za-z0-9]' then 1 else char_length(r.m[1]) end) i
  ) g
$f$;`);
    this.addSql(`create function pufa_case_document(title text, summary text, body text) returns tsvector language sql immutable parallel safe as $f$
  select setweight(to_tsvector('simple', pufa_search_tokens(title)), 'A')
      || setweight(to_tsvector('simple', pufa_search_tokens(summary)), 'B')
      || setweight(to_tsvector('simple', pufa_search_tokens(body)), 'C')
$f$;`);
    this.addSql(`create function pufa_case_search() returns trigger language plpgsql as $f$
begin
  if TG_OP = 'INSERT' then
    insert into case_search (case_id, document) select n.id, pufa_case_document(n.title, n.summary, n.body) from new_rows n
    on conflict (case_id) do update set document = excluded.document;
  else
    -- Only cases whose text changed (a resent batch row usually changes nothing).
    insert into case_search (case_id, document) select n.id, pufa_case_document(n.title, n.summary, n.body) from new_rows n
    where not exists (select 1 from old_rows o where o.id = n.id and o.title = n.title and o.summary = n.summary and o.body = n.body)
    on conflict (case_id) do update set document = excluded.document;
  end if;
  return null;
end $f$;`);
    this.addSql(`create trigger case_search_ins after insert on case_study referencing new table as new_rows for each statement execute function pufa_case_search();`);
    this.addSql(`create trigger case_search_upd after update on case_study referencing old table as old_rows new table as new_rows for each statement execute function pufa_case_search();`);
    this.addSql(`insert into case_search (case_id, document) select id, pufa_case_document(title, summary, body) from case_study;`);

    this.addSql(`create table "feedback_device" ("wave_id" int not null, "device_hash" text not null, constraint "feedback_device_pkey" primary key ("wave_id", "device_hash"));`);
    this.addSql(`alter table "feedback_device" add constraint "feedback_device_wave_id_foreign" foreign key ("wave_id") references "survey_wave" ("id") on update cascade on delete cascade;`);

    this.addSql(`create table "education_order" ("id" serial primary key, "ordered_at" timestamptz not null default now(), "requester_kind" text check ("requester_kind" in ('SCHOOL', 'COMMUNITY', 'VILLAGE', 'ENTERPRISE', 'WORKPLACE', 'OTHER')) not null, "requester_name" text not null, "contact_name" text not null, "contact_phone" text not null, "topic" text not null, "law_id" int null, "domain_id" int null, "district_id" int not null, "wished_from" date not null, "wished_to" date not null, "audience_size" int null);`);
    this.addSql(`create table "education_order_domains" ("order_id" int not null, "domain_id" int not null, constraint "education_order_domains_pkey" primary key ("order_id", "domain_id"));`);
    this.addSql(`create table "education_order_agency" ("order_id" int not null, "agency_id" int not null, "status" text check ("status" in ('WAITING', 'ACCEPTED', 'DECLINED', 'DONE')) not null default 'WAITING', "planned_on" date null, "decline_reason" text null, "activity_id" int null, "answered_at" timestamptz null, "updated_at" timestamptz null, constraint "education_order_agency_pkey" primary key ("order_id", "agency_id"));`);
    this.addSql(`create index "education_order_agency_agency_id_index" on "education_order_agency" ("agency_id");`);
    this.addSql(`alter table "education_order" add constraint "education_order_law_id_foreign" foreign key ("law_id") references "law" ("id") on update cascade on delete restrict;`);
    this.addSql(`alter table "education_order" add constraint "education_order_domain_id_foreign" foreign key ("domain_id") references "enforcement_domain" ("id") on update cascade on delete restrict;`);
    this.addSql(`alter table "education_order" add constraint "education_order_district_id_foreign" foreign key ("district_id") references "region" ("id") on update cascade on delete restrict;`);
    this.addSql(`alter table "education_order_domains" add constraint "education_order_domains_order_id_foreign" foreign key ("order_id") references "education_order" ("id") on update cascade on delete cascade;`);
    this.addSql(`alter table "education_order_domains" add constraint "education_order_domains_domain_id_foreign" foreign key ("domain_id") references "enforcement_domain" ("id") on update cascade on delete cascade;`);
    this.addSql(`alter table "education_order_agency" add constraint "education_order_agency_order_id_foreign" foreign key ("order_id") references "education_order" ("id") on update cascade on delete cascade;`);
    this.addSql(`alter table "education_order_agency" add constraint "education_order_agency_agency_id_foreign" foreign key ("agency_id") references "agency" ("id") on update cascade on delete restrict;`);
    this.addSql(`alter table "education_order_agency" add constraint "education_order_agency_activity_id_foreign" foreign key ("activity_id") references "activity" ("id") on update cascade on delete set null;`);
  }
}
