import { Entity, Enum, ManyToOne, PrimaryKey, Property, type Ref } from '@mikro-orm/core';
import { GraphQLDateTime } from 'graphql-scalars';
import { Field, ID, ObjectType } from 'type-graphql';
import { Agency } from '../agencies/agency.entity.js';
import { MediaOutlet } from '../media/media.entity.js';
import { Region } from '../regions/region.entity.js';
import { Role } from './role.js';

@ObjectType({ description: 'An account' })
@Entity({ tableName: 'app_user' })
export class User {
  @PrimaryKey({ type: 'integer' })
  id!: number;

  @Field(() => ID, { name: 'id' })
  get globalId(): string {
    return `User:${this.id}`;
  }

  @Field(() => String)
  @Property({ type: 'text', unique: true })
  username!: string;

  @Field(() => String)
  @Property({ type: 'text' })
  displayName!: string;

  @Property({ type: 'text', hidden: true })
  passwordHash!: string;

  @Field(() => Role)
  @Enum({ items: () => Object.values(Role), type: 'text' })
  role!: Role;

  /** The agency an agency reporter reports for. */
  @ManyToOne(() => Agency, { ref: true, nullable: true, deleteRule: 'restrict' })
  agency?: Ref<Agency> | null;

  /** The outlet a media partner reports for. */
  @ManyToOne(() => MediaOutlet, { ref: true, nullable: true, deleteRule: 'restrict' })
  outlet?: Ref<MediaOutlet> | null;

  /** The district a district admin administers. */
  @ManyToOne(() => Region, { ref: true, nullable: true, deleteRule: 'restrict' })
  district?: Ref<Region> | null;

  @Field(() => Boolean)
  @Property({ type: 'boolean', default: false })
  disabled!: boolean;

  @Property({ type: 'integer', default: 0 })
  failedSignIns!: number;

  @Field(() => GraphQLDateTime, { nullable: true, description: 'Signing in is refused until then after repeated failures' })
  @Property({ type: 'timestamptz', nullable: true })
  lockedUntil?: Date | null;

  @Field(() => GraphQLDateTime)
  @Property({ type: 'timestamptz', defaultRaw: 'now()' })
  createdAt: Date = new Date();
}

/** A signed-in session (cookie for the dashboard, bearer token for programs); only the token's hash is stored. */
@Entity({ tableName: 'app_session' })
export class Session {
  @PrimaryKey({ type: 'integer' })
  id!: number;

  @Property({ type: 'text', unique: true })
  tokenHash!: string;

  @ManyToOne(() => User, { ref: true, deleteRule: 'cascade' })
  user!: Ref<User>;

  @Property({ type: 'timestamptz' })
  expiresAt!: Date;

  @Property({ type: 'timestamptz', defaultRaw: 'now()' })
  createdAt: Date = new Date();
}

@ObjectType({ description: 'A long-lived API token for a machine partner; the secret is shown once' })
@Entity({ tableName: 'api_token' })
export class ApiToken {
  @PrimaryKey({ type: 'integer' })
  id!: number;

  @Field(() => ID, { name: 'id' })
  get globalId(): string {
    return `ApiToken:${this.id}`;
  }

  @Field(() => String)
  @Property({ type: 'text' })
  name!: string;

  @Property({ type: 'text', unique: true })
  tokenHash!: string;

  @ManyToOne(() => User, { ref: true, deleteRule: 'cascade' })
  user!: Ref<User>;

  @Field(() => GraphQLDateTime)
  @Property({ type: 'timestamptz', defaultRaw: 'now()' })
  createdAt: Date = new Date();

  @Field(() => GraphQLDateTime, { nullable: true })
  @Property({ type: 'timestamptz', nullable: true })
  lastUsedAt?: Date | null;

  @Field(() => GraphQLDateTime, { nullable: true })
  @Property({ type: 'timestamptz', nullable: true })
  revokedAt?: Date | null;
}
