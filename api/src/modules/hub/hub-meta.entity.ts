import { Entity, PrimaryKey, Property } from '@mikro-orm/core';

/** Key/value facts about the installation itself, e.g. whether it holds demo data. */
@Entity({ tableName: 'hub_meta' })
export class HubMeta {
  @PrimaryKey({ type: 'text' })
  key!: string;

  @Property({ type: 'text' })
  value!: string;
}
