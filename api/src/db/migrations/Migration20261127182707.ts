import { Migration } from '@mikro-orm/migrations';

export class Migration20261127182707 extends Migration {

  override async up(): Promise<void> {
    this.addSql(`create table "ingestion_batch" ("id" serial primary key, "user_id" int not null, "key" text not null, "kind" text not null, "payload_hash" text not null, "row_count" int not null, "result" jsonb null, "source" text null, "created_at" timestamptz not null default now());`);
    this.addSql(`comment on column "ingestion_batch"."source" is 'graphql, or the name of an imported file';`);
    this.addSql(`alter table "ingestion_batch" add constraint "ingestion_batch_user_id_key_unique" unique ("user_id", "key");`);

    this.addSql(`alter table "ingestion_batch" add constraint "ingestion_batch_user_id_foreign" foreign key ("user_id") references "app_user" ("id") on update cascade on delete restrict;`);

    this.addSql(`drop index "activity_organiser_id_date_index";`);

    this.addSql(`alter table "activity" add constraint "activity_natural_key" unique ("organiser_id", "date", "title");`);
  }

}
