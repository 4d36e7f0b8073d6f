import { Migration } from '@mikro-orm/migrations';

export class Migration20261127181330 extends Migration {

  override async up(): Promise<void> {
    this.addSql(`create table "audit_entry" ("id" bigserial primary key, "at" timestamptz not null default now(), "actor" text null, "actor_id" int null, "action" text not null, "entity" text not null, "entity_id" text null, "before" jsonb null, "after" jsonb null, "batch" text null, "reason" text null);`);
    this.addSql(`create index "audit_entry_at_index" on "audit_entry" ("at");`);
    this.addSql(`create index "audit_entry_entity_entity_id_index" on "audit_entry" ("entity", "entity_id");`);

    this.addSql(`create table "app_user" ("id" serial primary key, "username" text not null, "display_name" text not null, "password_hash" text not null, "role" text check ("role" in ('ADMIN', 'DISTRICT_ADMIN', 'LEADER', 'INSPECTOR', 'AGENCY_REPORTER', 'MEDIA_PARTNER', 'SURVEY_OPERATOR')) not null, "agency_id" int null, "outlet_id" int null, "district_id" int null, "disabled" boolean not null default false, "failed_sign_ins" int not null default 0, "locked_until" timestamptz null, "created_at" timestamptz not null default now());`);
    this.addSql(`alter table "app_user" add constraint "app_user_username_unique" unique ("username");`);

    this.addSql(`create table "app_session" ("id" serial primary key, "token_hash" text not null, "user_id" int not null, "expires_at" timestamptz not null, "created_at" timestamptz not null default now());`);
    this.addSql(`alter table "app_session" add constraint "app_session_token_hash_unique" unique ("token_hash");`);

    this.addSql(`create table "api_token" ("id" serial primary key, "name" text not null, "token_hash" text not null, "user_id" int not null, "created_at" timestamptz not null default now(), "last_used_at" timestamptz null, "revoked_at" timestamptz null);`);
    this.addSql(`alter table "api_token" add constraint "api_token_token_hash_unique" unique ("token_hash");`);

    this.addSql(`alter table "app_user" add constraint "app_user_agency_id_foreign" foreign key ("agency_id") references "agency" ("id") on update cascade on delete restrict;`);
    this.addSql(`alter table "app_user" add constraint "app_user_outlet_id_foreign" foreign key ("outlet_id") references "media_outlet" ("id") on update cascade on delete restrict;`);
    this.addSql(`alter table "app_user" add constraint "app_user_district_id_foreign" foreign key ("district_id") references "region" ("id") on update cascade on delete restrict;`);

    this.addSql(`alter table "app_session" add constraint "app_session_user_id_foreign" foreign key ("user_id") references "app_user" ("id") on update cascade on delete cascade;`);

    this.addSql(`alter table "api_token" add constraint "api_token_user_id_foreign" foreign key ("user_id") references "app_user" ("id") on update cascade on delete cascade;`);
  }

}
