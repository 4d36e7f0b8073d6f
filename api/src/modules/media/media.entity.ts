import { Entity, Enum, Index, ManyToOne, PrimaryKey, Property, Unique, type Ref } from '@mikro-orm/core';
import { GraphQLDateTime } from 'graphql-scalars';
import { Node } from '../../shared/node.js';
import { Field, ID, Int, ObjectType } from 'type-graphql';
import type * as m from '@pufa/seeds';
import { OutletKind, SlotKind } from '../../shared/enums.js';
import { Agency } from '../agencies/agency.entity.js';
import { EnforcementDomain } from '../domains/domain.entity.js';

@ObjectType({ implements: Node, description: 'A media outlet: paper, radio/TV channel, portal, WeChat/Weibo account, LED screen, 4K smart-TV terminal' })
@Entity({ tableName: 'media_outlet' })
export class MediaOutlet {
  @PrimaryKey({ type: 'integer' })
  id!: number;

  @Field(() => ID, { name: 'id' })
  get globalId(): string {
    return `MediaOutlet:${this.id}`;
  }

  @Field(() => String)
  @Property({ type: 'text', unique: true })
  code!: string;

  @Field(() => String)
  @Property({ type: 'text' })
  name!: string;

  @Field(() => String, { nullable: true })
  @Property({ type: 'text', nullable: true })
  nameEn?: string | null;

  @Field(() => OutletKind)
  @Enum({ items: () => Object.values(OutletKind), type: 'text' })
  kind!: m.OutletKind;

  /** The member unit that runs the outlet (a media agency, or the justice bureau for its own accounts). */
  @ManyToOne(() => Agency, { ref: true, nullable: true, deleteRule: 'restrict' })
  agency?: Ref<Agency> | null;
}

@ObjectType({ implements: Node, description: 'A broadcast slot, column or ad an outlet aired' })
@Entity({ tableName: 'broadcast_slot' })
@Unique({ name: 'broadcast_slot_natural_key', properties: ['outlet', 'channel', 'startsAt'] })
@Index({ properties: ['startsAt'] })
export class BroadcastSlot {
  @PrimaryKey({ type: 'integer' })
  id!: number;

  @Field(() => ID, { name: 'id' })
  get globalId(): string {
    return `BroadcastSlot:${this.id}`;
  }

  @ManyToOne(() => MediaOutlet, { ref: true, deleteRule: 'restrict' })
  outlet!: Ref<MediaOutlet>;

  @Field(() => String, { description: 'Channel, page or screen within the outlet' })
  @Property({ type: 'text' })
  channel!: string;

  @Field(() => String, { description: 'Programme or column title, e.g. "七五"普法进行时' })
  @Property({ type: 'text' })
  programme!: string;

  @Field(() => SlotKind)
  @Enum({ items: () => Object.values(SlotKind), type: 'text' })
  kind!: m.SlotKind;

  @Field(() => GraphQLDateTime)
  @Property({ type: 'timestamptz' })
  startsAt!: Date;

  @Field(() => Int)
  @Property({ type: 'integer' })
  durationMinutes!: number;

  @Field(() => Boolean, { description: 'Prime time or a key page (重要时段/重要版面)' })
  @Property({ type: 'boolean', default: false })
  primeTime!: boolean;

  @ManyToOne(() => Agency, { ref: true, nullable: true, deleteRule: 'restrict' })
  partnerAgency?: Ref<Agency> | null;

  @ManyToOne(() => EnforcementDomain, { ref: true, nullable: true, deleteRule: 'restrict' })
  domain?: Ref<EnforcementDomain> | null;

  @Field(() => Int, { description: 'Estimated audience reached' })
  @Property({ type: 'integer', default: 0 })
  reach!: number;
}
