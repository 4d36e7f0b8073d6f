import { Migration } from '@mikro-orm/migrations';

/** Coverage asks which activities name an item: index the pivot by item. */
export class Migration20261127212000 extends Migration {
  override async up(): Promise<void> {
    this.addSql(`create index "activity_items_item_id_index" on "activity_items" ("item_id");`);
  }
}
