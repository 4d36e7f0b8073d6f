import { Check, Collection, Entity, Enum, Index, ManyToMany, ManyToOne, OneToMany, PrimaryKey, Property, type Ref } from '@mikro-orm/core';
import { GraphQLDateTime } from 'graphql-scalars';
import { Field, ID, Int, ObjectType, registerEnumType } from 'type-graphql';
import { Node } from '../../shared/node.js';
import { DateScalar } from '../../shared/scalars.js';
import { Activity } from '../activities/activity.entity.js';
import { Agency } from '../agencies/agency.entity.js';
import { EnforcementDomain } from '../domains/domain.entity.js';
import { Law } from '../laws/law.entity.js';
import { Region } from '../regions/region.entity.js';

export enum RequesterKind {
  SCHOOL = 'SCHOOL',
  COMMUNITY = 'COMMUNITY',
  VILLAGE = 'VILLAGE',
  ENTERPRISE = 'ENTERPRISE',
  WORKPLACE = 'WORKPLACE',
  OTHER = 'OTHER',
}

export enum OrderStatus {
  WAITING = 'WAITING',
  ACCEPTED = 'ACCEPTED',
  DECLINED = 'DECLINED',
  DONE = 'DONE',
}

registerEnumType(RequesterKind, { name: 'RequesterKind', description: 'Who orders: SCHOOL 学校, COMMUNITY 社区, VILLAGE 村/嘎查, ENTERPRISE 企业, WORKPLACE 机关单位, OTHER 其他' });
registerEnumType(OrderStatus, {
  name: 'OrderStatus',
  description: 'An agency’s answer to an order: WAITING 待答复 → ACCEPTED 已接单 (planned date) → DONE 已完成 (an activity); or DECLINED 已婉拒 (a reason). DONE and DECLINED are final.',
});

@ObjectType({ implements: Node, description: 'An order for legal education (订单) placed through the public portal, routed to the agencies holding powers in its domains' })
@Entity({ tableName: 'education_order' })
// Erased means both contact fields gone, and a contact is only ever gone by erasure.
@Check({ name: 'education_order_contact_check', expression: '(contact_erased_on is null) = (contact_name is not null and contact_phone is not null)' })
export class EducationOrder {
  @PrimaryKey({ type: 'integer' })
  id!: number;

  @Field(() => ID, { name: 'id' })
  get globalId(): string {
    return `EducationOrder:${this.id}`;
  }

  @Field(() => GraphQLDateTime)
  @Property({ type: 'timestamptz', defaultRaw: 'now()' })
  orderedAt!: Date;

  @Field(() => RequesterKind)
  @Enum({ items: () => Object.values(RequesterKind), type: 'text' })
  requesterKind!: RequesterKind;

  @Field(() => String, { description: 'The ordering school, community, enterprise …' })
  @Property({ type: 'text' })
  requesterName!: string;

  /**
   * Personal data, kept to the minimum an agency needs to call back (docs/portal.md); read through
   * the order resolver only. Null once erased (contact-erasure.service.ts), never otherwise.
   */
  @Property({ type: 'text', nullable: true })
  contactName?: string | null;

  @Property({ type: 'text', nullable: true })
  contactPhone?: string | null;

  @Field(() => DateScalar, {
    nullable: true,
    description: 'The day contactName and contactPhone were erased (个人信息保护法: kept no longer than needed): PUFA_ORDER_CONTACT_DAYS (default 90) days after every route was settled (DONE or DECLINED) or after the wished period ended, whichever comes first, or earlier by an admin (eraseOrderContact). Null while the contact is kept.',
  })
  @Property({ type: 'date', nullable: true })
  contactErasedOn?: string | null;

  @Field(() => String, { description: 'What the audience wants to learn, in its own words' })
  @Property({ type: 'text' })
  topic!: string;

  @ManyToOne(() => Law, { ref: true, nullable: true, deleteRule: 'restrict' })
  law?: Ref<Law> | null;

  @ManyToOne(() => EnforcementDomain, { ref: true, nullable: true, deleteRule: 'restrict' })
  domain?: Ref<EnforcementDomain> | null;

  /** The domains the order was routed by: its domain and its law's domains when it was placed. */
  @ManyToMany({ entity: () => EnforcementDomain, pivotTable: 'education_order_domains', joinColumn: 'order_id', inverseJoinColumn: 'domain_id' })
  domains = new Collection<EnforcementDomain>(this);

  @ManyToOne(() => Region, { ref: true, deleteRule: 'restrict' })
  district!: Ref<Region>;

  @Field(() => DateScalar, { description: 'First day of the period the audience wishes; its year is the order’s year' })
  @Property({ type: 'date' })
  wishedFrom!: string;

  @Field(() => DateScalar)
  @Property({ type: 'date' })
  wishedTo!: string;

  @Field(() => Int, { nullable: true, description: 'Expected audience size' })
  @Property({ type: 'integer', nullable: true })
  audienceSize?: number | null;

  @OneToMany(() => OrderRoute, (r) => r.order, { orderBy: { agency: 'asc' } })
  routes = new Collection<OrderRoute>(this);
}

@ObjectType({ description: 'An order as routed to one agency, with that agency’s answer' })
@Entity({ tableName: 'education_order_agency' })
@Index({ properties: ['agency'] })
export class OrderRoute {
  @ManyToOne({ entity: () => EducationOrder, primary: true, fieldName: 'order_id', deleteRule: 'cascade', updateRule: 'cascade' })
  order!: EducationOrder;

  @ManyToOne({ entity: () => Agency, primary: true, fieldName: 'agency_id', deleteRule: 'restrict', updateRule: 'cascade' })
  agency!: Agency;

  @Field(() => OrderStatus)
  @Enum({ items: () => Object.values(OrderStatus), type: 'text', default: OrderStatus.WAITING })
  status!: OrderStatus;

  @Field(() => DateScalar, { nullable: true, description: 'ACCEPTED: the day the agency plans to come' })
  @Property({ type: 'date', nullable: true })
  plannedOn?: string | null;

  @Field(() => String, { nullable: true, description: 'DECLINED: why' })
  @Property({ type: 'text', nullable: true })
  declineReason?: string | null;

  @ManyToOne(() => Activity, { ref: true, nullable: true, deleteRule: 'set null' })
  activity?: Ref<Activity> | null;

  @Field(() => GraphQLDateTime, { nullable: true, description: 'When the agency first answered (accepted, declined or marked done)' })
  @Property({ type: 'timestamptz', nullable: true })
  answeredAt?: Date | null;

  @Field(() => GraphQLDateTime, { nullable: true, description: 'When the answer last changed' })
  @Property({ type: 'timestamptz', nullable: true })
  updatedAt?: Date | null;
}
