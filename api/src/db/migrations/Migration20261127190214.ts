import { Migration } from '@mikro-orm/migrations';

export class Migration20261127190214 extends Migration {

  override async up(): Promise<void> {
    this.addSql(`alter table "case_study" add constraint "case_study_natural_key" unique ("agency_id", "title");`);

    this.addSql(`drop index "responsibility_item_agency_id_year_index";`);

    this.addSql(`alter table "responsibility_item" add constraint "responsibility_item_natural_key" unique ("agency_id", "year", "title");`);
  }

}
