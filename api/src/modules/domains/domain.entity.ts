import { Entity, ManyToOne, PrimaryKey, Property, type Ref } from '@mikro-orm/core';
import { Node } from '../../shared/node.js';
import { Field, ID, ObjectType } from 'type-graphql';
import { DateScalar } from '../../shared/scalars.js';
import { Agency } from '../agencies/agency.entity.js';

@ObjectType({ implements: Node, description: 'An enforcement domain (食品安全, 道路交通 …); held by two or more agencies it is an overlap' })
@Entity({ tableName: 'enforcement_domain' })
export class EnforcementDomain {
  @PrimaryKey({ type: 'integer' })
  id!: number;

  @Field(() => ID, { name: 'id' })
  get globalId(): string {
    return `EnforcementDomain:${this.id}`;
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
}

@ObjectType({ implements: Node, description: 'An agency holds enforcement power in a domain during a period' })
@Entity({ tableName: 'enforcement_power' })
export class EnforcementPower {
  @PrimaryKey({ type: 'integer' })
  id!: number;

  @Field(() => ID, { name: 'id' })
  get globalId(): string {
    return `EnforcementPower:${this.id}`;
  }

  @ManyToOne(() => Agency, { ref: true, deleteRule: 'restrict' })
  agency!: Ref<Agency>;

  @ManyToOne(() => EnforcementDomain, { ref: true, deleteRule: 'restrict' })
  domain!: Ref<EnforcementDomain>;

  @Field(() => Boolean, { description: 'The lead agency of the domain (牵头单位)' })
  @Property({ type: 'boolean', default: false })
  isLead!: boolean;

  @Field(() => DateScalar)
  @Property({ type: 'date' })
  validFrom!: string;

  @Field(() => DateScalar, { nullable: true })
  @Property({ type: 'date', nullable: true })
  validTo?: string | null;
}
