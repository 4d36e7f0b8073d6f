import { Collection, Entity, ManyToMany, ManyToOne, PrimaryKey, Property, Unique, type Ref } from '@mikro-orm/core';
import { Node } from '../../shared/node.js';
import { Field, ID, ObjectType } from 'type-graphql';
import { DateScalar } from '../../shared/scalars.js';
import { Agency } from '../agencies/agency.entity.js';
import { EnforcementDomain } from '../domains/domain.entity.js';
import { Law } from '../laws/law.entity.js';
import { Region } from '../regions/region.entity.js';

@ObjectType({ implements: Node, description: 'A typical enforcement or judicial case published to explain a law (以案释法)' })
@Entity({ tableName: 'case_study' })
@Unique({ name: 'case_study_natural_key', properties: ['agency', 'title'] })
export class CaseStudy {
  @PrimaryKey({ type: 'integer' })
  id!: number;

  @Field(() => ID, { name: 'id' })
  get globalId(): string {
    return `CaseStudy:${this.id}`;
  }

  @ManyToOne(() => Agency, { ref: true, deleteRule: 'restrict' })
  agency!: Ref<Agency>;

  @Field(() => String)
  @Property({ type: 'text' })
  title!: string;

  @Field(() => String)
  @Property({ type: 'text' })
  summary!: string;

  @Field(() => String)
  @Property({ type: 'text' })
  body!: string;

  @ManyToOne(() => EnforcementDomain, { ref: true, nullable: true, deleteRule: 'restrict' })
  domain?: Ref<EnforcementDomain> | null;

  @ManyToOne(() => Region, { ref: true, nullable: true, deleteRule: 'restrict' })
  region?: Ref<Region> | null;

  @ManyToMany({ entity: () => Law, pivotTable: 'case_study_laws', joinColumn: 'case_id', inverseJoinColumn: 'law_id' })
  laws = new Collection<Law>(this);

  @Field(() => DateScalar)
  @Property({ type: 'date' })
  decidedOn!: string;

  @Field(() => Boolean)
  @Property({ type: 'boolean', default: false })
  published!: boolean;

  @Field(() => DateScalar, { nullable: true })
  @Property({ type: 'date', nullable: true })
  publishedOn?: string | null;
}
