import { Migration } from '@mikro-orm/migrations';

/**
 * Inspections (检查/视察) with their agencies, findings and metrics snapshots; rectification items
 * (整改事项); evidence files kept in the database as bytea (docs/inspections.md says why).
 */
export class Migration20261127212715 extends Migration {
  override async up(): Promise<void> {
    this.addSql(`create table "inspection" ("id" serial primary key, "kind" text check ("kind" in ('NPC_DEPUTIES', 'CPPCC_MEMBERS', 'LEGAL_EDUCATION_OFFICE', 'THIRD_PARTY')) not null, "inspectors" text not null, "date" date not null, "method" text check ("method" in ('FIELD_VISIT', 'REPORT_HEARD', 'DOCUMENTS_REVIEWED', 'SYMPOSIUM', 'SPOT_CHECK')) not null, "summary" text null, "created_by" text null, "created_by_id" int null, "created_at" timestamptz not null, "updated_at" timestamptz not null);`);
    this.addSql(`create index "inspection_date_index" on "inspection" ("date");`);

    this.addSql(`create table "inspection_finding" ("id" serial primary key, "inspection_id" int not null, "position" int not null, "text" text not null);`);
    this.addSql(`create index "inspection_finding_inspection_id_index" on "inspection_finding" ("inspection_id");`);

    this.addSql(`create table "inspection_snapshot" ("id" serial primary key, "inspection_id" int not null, "kind" text check ("kind" in ('SCORECARD', 'COVERAGE', 'OVERLAP_GAPS')) not null, "query" jsonb not null, "answer" jsonb not null, "taken_at" timestamptz not null);`);
    this.addSql(`create index "inspection_snapshot_inspection_id_index" on "inspection_snapshot" ("inspection_id");`);

    this.addSql(`create table "rectification_item" ("id" serial primary key, "agency_id" int not null, "source_kind" text check ("source_kind" in ('FINDING', 'SCORECARD', 'OVERLAP_GAP')) not null, "finding_id" int null, "year" int not null, "rubric_version" text null, "domain_id" int null, "gap_kind" text check ("gap_kind" in ('NO_ACTIVITY', 'SINGLE_HOLDER', 'UNREACHED_DISTRICT', 'UNREACHED_AUDIENCE', 'NO_LEAD')) null, "source_detail" jsonb not null, "requirement" text not null, "deadline" date not null, "status" text check ("status" in ('OPEN', 'IN_PROGRESS', 'SUBMITTED', 'VERIFIED', 'REOPENED')) not null, "status_note" text null, "submitted_at" timestamptz null, "submitted_by" text null, "verified_at" timestamptz null, "verified_by" text null, "created_by" text null, "created_by_id" int null, "created_at" timestamptz not null, "updated_at" timestamptz not null);`);
    this.addSql(`create index "rectification_item_deadline_index" on "rectification_item" ("deadline");`);
    this.addSql(`create index "rectification_item_finding_id_index" on "rectification_item" ("finding_id");`);
    this.addSql(`create index "rectification_item_agency_id_index" on "rectification_item" ("agency_id");`);

    this.addSql(`create table "evidence_file" ("id" serial primary key, "inspection_id" int null, "rectification_item_id" int null, "filename" text not null, "content_type" text not null, "size" int not null, "sha256" text not null, "data" bytea not null, "uploaded_by" text null, "uploaded_by_id" int null, "uploaded_at" timestamptz not null, constraint evidence_file_owner_check check ((inspection_id is null) <> (rectification_item_id is null)));`);
    this.addSql(`create index "evidence_file_rectification_item_id_index" on "evidence_file" ("rectification_item_id");`);
    this.addSql(`create index "evidence_file_inspection_id_index" on "evidence_file" ("inspection_id");`);

    this.addSql(`create table "inspection_agencies" ("inspection_id" int not null, "agency_id" int not null, constraint "inspection_agencies_pkey" primary key ("inspection_id", "agency_id"));`);

    this.addSql(`alter table "inspection_finding" add constraint "inspection_finding_inspection_id_foreign" foreign key ("inspection_id") references "inspection" ("id") on update cascade on delete cascade;`);

    this.addSql(`alter table "inspection_snapshot" add constraint "inspection_snapshot_inspection_id_foreign" foreign key ("inspection_id") references "inspection" ("id") on update cascade on delete cascade;`);

    this.addSql(`alter table "rectification_item" add constraint "rectification_item_agency_id_foreign" foreign key ("agency_id") references "agency" ("id") on update cascade on delete restrict;`);
    this.addSql(`alter table "rectification_item" add constraint "rectification_item_finding_id_foreign" foreign key ("finding_id") references "inspection_finding" ("id") on update cascade on delete restrict;`);
    this.addSql(`alter table "rectification_item" add constraint "rectification_item_domain_id_foreign" foreign key ("domain_id") references "enforcement_domain" ("id") on update cascade on delete restrict;`);

    this.addSql(`alter table "evidence_file" add constraint "evidence_file_inspection_id_foreign" foreign key ("inspection_id") references "inspection" ("id") on update cascade on delete cascade;`);
    this.addSql(`alter table "evidence_file" add constraint "evidence_file_rectification_item_id_foreign" foreign key ("rectification_item_id") references "rectification_item" ("id") on update cascade on delete cascade;`);

    this.addSql(`alter table "inspection_agencies" add constraint "inspection_agencies_inspection_id_foreign" foreign key ("inspection_id") references "inspection" ("id") on update cascade on delete cascade;`);
    this.addSql(`alter table "inspection_agencies" add constraint "inspection_agencies_agency_id_foreign" foreign key ("agency_id") references "agency" ("id") on update cascade on delete cascade;`);
  }
}
