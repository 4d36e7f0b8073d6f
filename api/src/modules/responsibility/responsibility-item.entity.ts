import { ArrayType, Collection, Entity, ManyToMany, ManyToOne, PrimaryKey, Property, Unique, type Ref } from '@mikro-orm/core';
import { Node } from '../../shared/node.js';
import { Field, ID, Int, ObjectType } from 'type-graphql';
import type * as m from '@pufa/seeds';
import { Audience, Form, VenueType } from '../../shared/enums.js';
import { DateScalar } from '../../shared/scalars.js';
import { Agency } from '../agencies/agency.entity.js';
import { EnforcementDomain } from '../domains/domain.entity.js';
import { Law } from '../laws/law.entity.js';
import { Region } from '../regions/region.entity.js';

@ObjectType({ implements: Node, description: 'An item of an agency’s yearly responsibility list (任务书): what, to whom, how, when, who' })
@Entity({ tableName: 'responsibility_item' })
@Unique({ name: 'responsibility_item_natural_key', properties: ['agency', 'year', 'title'] })
export class ResponsibilityItem {
  @PrimaryKey({ type: 'integer' })
  id!: number;

  @Field(() => ID, { name: 'id' })
  get globalId(): string {
    return `ResponsibilityItem:${this.id}`;
  }

  @ManyToOne(() => Agency, { ref: true, deleteRule: 'restrict' })
  agency!: Ref<Agency>;

  @Field(() => Int)
  @Property({ type: 'integer' })
  year!: number;

  @Field(() => String)
  @Property({ type: 'text' })
  title!: string;

  @ManyToOne(() => EnforcementDomain, { ref: true, nullable: true, deleteRule: 'restrict' })
  domain?: Ref<EnforcementDomain> | null;

  @ManyToMany({ entity: () => Law, pivotTable: 'responsibility_item_laws', joinColumn: 'item_id', inverseJoinColumn: 'law_id' })
  laws = new Collection<Law>(this);

  @Field(() => [Audience], { description: '对谁普' })
  @Property({ type: ArrayType, columnType: 'text[]' })
  audiences!: m.Audience[];

  @Field(() => [Form], { description: '怎么普' })
  @Property({ type: ArrayType, columnType: 'text[]' })
  forms!: m.Form[];

  @Field(() => [VenueType])
  @Property({ type: ArrayType, columnType: 'text[]' })
  venueTypes!: m.VenueType[];

  @ManyToMany({ entity: () => Region, pivotTable: 'responsibility_item_districts', joinColumn: 'item_id', inverseJoinColumn: 'region_id' })
  targetDistricts = new Collection<Region>(this);

  @Field(() => Int, { description: 'Planned number of activities' })
  @Property({ type: 'integer' })
  plannedCount!: number;

  @Field(() => DateScalar, { description: '何时普: first day of the window' })
  @Property({ type: 'date' })
  startsOn!: string;

  @Field(() => DateScalar, { description: 'Deadline: last day of the window' })
  @Property({ type: 'date' })
  endsOn!: string;

  @Field(() => String, { description: '谁去普: responsible leader' })
  @Property({ type: 'text' })
  responsibleLeader!: string;

  @Field(() => String, { description: 'Responsible department' })
  @Property({ type: 'text' })
  responsibleDepartment!: string;

  @Field(() => Boolean, { description: 'Published in the yearly public announcement' })
  @Property({ type: 'boolean', default: false })
  published!: boolean;
}
