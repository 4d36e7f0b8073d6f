import { Migration } from '@mikro-orm/migrations';

export class Migration20261127193855 extends Migration {

  override async up(): Promise<void> {
    this.addSql(`drop index "activity_date_index";`);
    this.addSql(`alter table "activity" drop constraint "activity_natural_key";`);

    this.addSql(`alter table "activity" add constraint "activity_natural_key" unique ("date", "organiser_id", "title");`);
  }

}
