import { Entity, Index, PrimaryKey, Property } from '@mikro-orm/core';
import { GraphQLDateTime, GraphQLJSON } from 'graphql-scalars';
import { Field, ID, ObjectType } from 'type-graphql';

/** One entry of the audit trail: who did what to which record, when, before and after. */
@ObjectType({ description: 'Who did what to which record, when; before and after' })
@Entity({ tableName: 'audit_entry' })
@Index({ properties: ['entity', 'entityId'] })
@Index({ properties: ['at'] })
export class AuditEntry {
  @PrimaryKey({ type: 'bigint' })
  id!: string;

  @Field(() => ID, { name: 'id' })
  get globalId(): string {
    return `AuditEntry:${this.id}`;
  }

  @Field(() => GraphQLDateTime)
  @Property({ type: 'timestamptz', defaultRaw: 'now()' })
  at!: Date;

  /** The acting user (null for the public or the system). */
  @Field(() => String, { nullable: true, description: 'Username of the actor' })
  @Property({ type: 'text', nullable: true })
  actor?: string | null;

  @Property({ type: 'integer', nullable: true })
  actorId?: number | null;

  @Field(() => String, { description: 'CREATE, UPDATE, DELETE, VIEW, SIGN_IN …' })
  @Property({ type: 'text' })
  action!: string;

  @Field(() => String)
  @Property({ type: 'text' })
  entity!: string;

  @Field(() => String, { nullable: true })
  @Property({ type: 'text', nullable: true })
  entityId?: string | null;

  @Field(() => GraphQLJSON, { nullable: true })
  @Property({ type: 'json', nullable: true })
  before?: unknown;

  @Field(() => GraphQLJSON, { nullable: true })
  @Property({ type: 'json', nullable: true })
  after?: unknown;

  @Field(() => String, { nullable: true, description: 'The batch or file the change came with' })
  @Property({ type: 'text', nullable: true })
  batch?: string | null;

  @Field(() => String, { nullable: true, description: 'Reason given for changing a locked record' })
  @Property({ type: 'text', nullable: true })
  reason?: string | null;
}
