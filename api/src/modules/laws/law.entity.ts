import { Collection, Entity, Enum, ManyToMany, PrimaryKey, Property } from '@mikro-orm/core';
import { Node } from '../../shared/node.js';
import { Field, ID, ObjectType } from 'type-graphql';
import type { LawKind as Kind } from '@pufa/seeds';
import { LawKind } from '../../shared/enums.js';
import { EnforcementDomain } from '../domains/domain.entity.js';

@ObjectType({ implements: Node, description: 'A law or regulation taught (宪法, 民法典, 地方性法规 …)' })
@Entity({ tableName: 'law' })
export class Law {
  @PrimaryKey({ type: 'integer' })
  id!: number;

  @Field(() => ID, { name: 'id' })
  get globalId(): string {
    return `Law:${this.id}`;
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

  @Field(() => LawKind)
  @Enum({ items: () => Object.values(LawKind), type: 'text' })
  kind!: Kind;

  /** Domains in which the law is enforced. */
  @ManyToMany({ entity: () => EnforcementDomain, pivotTable: 'law_domains', joinColumn: 'law_id', inverseJoinColumn: 'domain_id' })
  domains = new Collection<EnforcementDomain>(this);
}
