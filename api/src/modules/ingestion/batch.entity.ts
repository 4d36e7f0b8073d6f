import { Entity, ManyToOne, PrimaryKey, Property, Unique, type Ref } from '@mikro-orm/core';
import { User } from '../auth/user.entity.js';

/**
 * One ingestion batch per (account, idempotency key): a replay finds it and answers its stored
 * result; the same key with another payload is a conflict.
 */
@Entity({ tableName: 'ingestion_batch' })
@Unique({ properties: ['user', 'key'] })
export class IngestionBatch {
  @PrimaryKey({ type: 'integer' })
  id!: number;

  @ManyToOne(() => User, { ref: true, deleteRule: 'restrict' })
  user!: Ref<User>;

  @Property({ type: 'text' })
  key!: string;

  @Property({ type: 'text' })
  kind!: string;

  /** sha256 of the canonical payload. */
  @Property({ type: 'text' })
  payloadHash!: string;

  @Property({ type: 'integer' })
  rowCount!: number;

  @Property({ type: 'json', nullable: true })
  result?: unknown;

  @Property({ type: 'text', nullable: true, comment: 'graphql, or the name of an imported file' })
  source?: string | null;

  @Property({ type: 'timestamptz', defaultRaw: 'now()' })
  createdAt!: Date;
}
