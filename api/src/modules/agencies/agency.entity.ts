import { Entity, Enum, ManyToOne, PrimaryKey, Property, type Ref } from '@mikro-orm/core';
import { Node } from '../../shared/node.js';
import { Field, ID, ObjectType } from 'type-graphql';
import type { AgencyKind as Kind, AgencyLevel as Level } from '@pufa/seeds';
import { AgencyKind, AgencyLevel } from '../../shared/enums.js';
import { Region } from '../regions/region.entity.js';
import { DateScalar } from '../../shared/scalars.js';

@ObjectType({ implements: Node, description: 'A member unit of the legal-education system (执法机关, 主管部门, 媒体 …)' })
@Entity({ tableName: 'agency' })
export class Agency {
  @PrimaryKey({ type: 'integer' })
  id!: number;

  @Field(() => ID, { name: 'id' })
  get globalId(): string {
    return `Agency:${this.id}`;
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

  @Field(() => AgencyKind)
  @Enum({ items: () => Object.values(AgencyKind), type: 'text' })
  kind!: Kind;

  @Field(() => AgencyLevel)
  @Enum({ items: () => Object.values(AgencyLevel), type: 'text' })
  level!: Level;

  @ManyToOne(() => Region, { ref: true, deleteRule: 'restrict' })
  region!: Ref<Region>;

  @ManyToOne(() => Agency, { ref: true, nullable: true, deleteRule: 'restrict' })
  parent?: Ref<Agency> | null;

  @Field(() => DateScalar, { description: 'First day the unit existed in this form' })
  @Property({ type: 'date' })
  validFrom!: string;

  @Field(() => DateScalar, { nullable: true, description: 'Last day (null while it exists); merged units keep their history' })
  @Property({ type: 'date', nullable: true })
  validTo?: string | null;

  @ManyToOne(() => Agency, { ref: true, nullable: true, deleteRule: 'restrict' })
  successor?: Ref<Agency> | null;
}
