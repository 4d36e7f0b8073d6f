import { Migration } from '@mikro-orm/migrations';

/**
 * Orders' contacts are erased once no longer needed (个人信息保护法; docs/portal.md "Personal data"):
 * contact_name and contact_phone become nullable, contact_erased_on holds the day they were erased,
 * and a check keeps the two in step (erased ⇔ both null). The public form still requires both.
 */
export class Migration20261128030000 extends Migration {
  override async up(): Promise<void> {
    this.addSql(`alter table "education_order" alter column "contact_name" drop not null, alter column "contact_phone" drop not null, add column "contact_erased_on" date null;`);
    this.addSql(`alter table "education_order" add constraint education_order_contact_check check ((contact_erased_on is null) = (contact_name is not null and contact_phone is not null));`);
  }
}
