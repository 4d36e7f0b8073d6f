import { ArrayType, Collection, Entity, Enum, Index, ManyToMany, ManyToOne, PrimaryKey, Property, Unique, type Ref } from '@mikro-orm/core';
import { Node } from '../../shared/node.js';
import { Field, ID, Int, ObjectType } from 'type-graphql';
import type * as m from '@pufa/seeds';
import { Audience, Form, KeyDate, VenueType } from '../../shared/enums.js';
import { DateScalar } from '../../shared/scalars.js';
import { Agency } from '../agencies/agency.entity.js';
import { EnforcementDomain } from '../domains/domain.entity.js';
import { Law } from '../laws/law.entity.js';
import { Region } from '../regions/region.entity.js';
import { ResponsibilityItem } from '../responsibility/responsibility-item.entity.js';

@ObjectType({ implements: Node, description: 'A legal-education event (普法活动)' })
@Entity({ tableName: 'activity' })
// The natural key leads with the date: probes by the full key stay on this index (an index on the
// organiser first lost to the date index for busy organisers), and date-range scans use it too.
@Unique({ name: 'activity_natural_key', properties: ['date', 'organiser', 'title'] })
@Index({ properties: ['region'] })
export class Activity {
  @PrimaryKey({ type: 'integer' })
  id!: number;

  @Field(() => ID, { name: 'id' })
  get globalId(): string {
    return `Activity:${this.id}`;
  }

  @Field(() => String)
  @Property({ type: 'text' })
  title!: string;

  @Field(() => DateScalar)
  @Property({ type: 'date' })
  date!: string;

  @ManyToOne(() => Region, { ref: true, deleteRule: 'restrict' })
  region!: Ref<Region>;

  @ManyToOne(() => Agency, { ref: true, deleteRule: 'restrict' })
  organiser!: Ref<Agency>;

  @ManyToMany({ entity: () => Agency, pivotTable: 'activity_co_organisers', joinColumn: 'activity_id', inverseJoinColumn: 'agency_id' })
  coOrganisers = new Collection<Agency>(this);

  /** Responsibility items the activity delivers; each belongs to the organiser or a co-organiser. */
  @ManyToMany({ entity: () => ResponsibilityItem, pivotEntity: () => ActivityItem })
  items = new Collection<ResponsibilityItem>(this);

  @ManyToMany({ entity: () => Law, pivotTable: 'activity_laws', joinColumn: 'activity_id', inverseJoinColumn: 'law_id' })
  laws = new Collection<Law>(this);

  /** Mirrors of the co-organiser and law pivot rows, kept by triggers for the rollups; never written by the app. */
  @Property({ type: 'integer[]', default: '{}', lazy: true, hidden: true })
  coOrganiserIds?: number[];

  @Property({ type: 'integer[]', default: '{}', lazy: true, hidden: true })
  lawIds?: number[];

  @Field(() => Form)
  @Enum({ items: () => Object.values(Form), type: 'text' })
  form!: m.Form;

  @Field(() => VenueType, { nullable: true })
  @Enum({ items: () => Object.values(VenueType), type: 'text', nullable: true })
  venueType?: m.VenueType | null;

  @Field(() => [Audience])
  @Property({ type: ArrayType, columnType: 'text[]' })
  audiences!: m.Audience[];

  @ManyToOne(() => EnforcementDomain, { ref: true, nullable: true, deleteRule: 'restrict' })
  domain?: Ref<EnforcementDomain> | null;

  @Field(() => String, { nullable: true, description: 'Performing troupe, e.g. 法治乌兰牧骑' })
  @Property({ type: 'text', nullable: true })
  troupe?: string | null;

  @Field(() => Int, { description: 'Participants (人次)' })
  @Property({ type: 'integer', default: 0 })
  participants!: number;

  @Field(() => Int, { description: 'Materials and items handed out (份)' })
  @Property({ type: 'integer', default: 0 })
  materials!: number;

  @Field(() => Int, { description: 'Legal consultations answered (人次)' })
  @Property({ type: 'integer', default: 0 })
  consultations!: number;

  @Field(() => Int, { description: 'Online views of a stream or post' })
  @Property({ type: 'integer', default: 0 })
  onlineViews!: number;

  @Field(() => KeyDate, { nullable: true })
  @Enum({ items: () => Object.values(KeyDate), type: 'text', nullable: true })
  keyDate?: m.KeyDate | null;
}

/** The pivot of activities and the items they deliver, indexed by item for coverage (which activities name an item). */
@Entity({ tableName: 'activity_items' })
@Index({ name: 'activity_items_item_id_index', properties: ['item'] })
export class ActivityItem {
  @ManyToOne({ entity: () => Activity, primary: true, fieldName: 'activity_id', deleteRule: 'cascade', updateRule: 'cascade' })
  activity!: Activity;

  @ManyToOne({ entity: () => ResponsibilityItem, primary: true, fieldName: 'item_id', deleteRule: 'cascade', updateRule: 'cascade' })
  item!: ResponsibilityItem;
}
