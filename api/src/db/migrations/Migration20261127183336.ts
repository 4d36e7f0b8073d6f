import { Migration } from '@mikro-orm/migrations';

export class Migration20261127183336 extends Migration {

  override async up(): Promise<void> {
    this.addSql(`alter table "survey_response" add column "external_ref" text null;`);
    this.addSql(`alter table "survey_response" add constraint "survey_response_natural_key" unique ("wave_id", "external_ref");`);
  }

}
