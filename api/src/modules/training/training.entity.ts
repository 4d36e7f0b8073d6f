import { Entity, Enum, ManyToOne, PrimaryKey, Property, Unique, type Ref } from '@mikro-orm/core';
import { Node } from '../../shared/node.js';
import { Field, Float, ID, ObjectType } from 'type-graphql';
import type * as m from '@pufa/seeds';
import { TrainingKind } from '../../shared/enums.js';
import { DateScalar } from '../../shared/scalars.js';
import { Agency } from '../agencies/agency.entity.js';
import { Region } from '../regions/region.entity.js';

@ObjectType({ implements: Node, description: 'A training class, leading cadres’ law study or lecturer-group session' })
@Entity({ tableName: 'training_session' })
export class TrainingSession {
  @PrimaryKey({ type: 'integer' })
  id!: number;

  @Field(() => ID, { name: 'id' })
  get globalId(): string {
    return `TrainingSession:${this.id}`;
  }

  @Field(() => String)
  @Property({ type: 'text' })
  title!: string;

  @Field(() => TrainingKind)
  @Enum({ items: () => Object.values(TrainingKind), type: 'text' })
  kind!: m.TrainingKind;

  @ManyToOne(() => Agency, { ref: true, deleteRule: 'restrict' })
  organiser!: Ref<Agency>;

  @Field(() => DateScalar)
  @Property({ type: 'date' })
  startsOn!: string;

  @Field(() => DateScalar)
  @Property({ type: 'date' })
  endsOn!: string;

  @Field(() => Float)
  @Property({ type: 'double' })
  hours!: number;

  @ManyToOne(() => Region, { ref: true, deleteRule: 'restrict' })
  region!: Ref<Region>;
}

@ObjectType({ implements: Node, description: 'One person’s required and actual attendance at a session' })
@Entity({ tableName: 'training_attendance' })
@Unique({ name: 'training_attendance_natural_key', properties: ['session', 'agency', 'attendee'] })
export class TrainingAttendance {
  @PrimaryKey({ type: 'integer' })
  id!: number;

  @Field(() => ID, { name: 'id' })
  get globalId(): string {
    return `TrainingAttendance:${this.id}`;
  }

  @ManyToOne(() => TrainingSession, { ref: true, deleteRule: 'cascade' })
  session!: Ref<TrainingSession>;

  @ManyToOne(() => Agency, { ref: true, deleteRule: 'restrict' })
  agency!: Ref<Agency>;

  @Field(() => String)
  @Property({ type: 'text' })
  attendee!: string;

  @Field(() => Boolean)
  @Property({ type: 'boolean', default: false })
  leadingCadre!: boolean;

  @Field(() => Boolean)
  @Property({ type: 'boolean', default: true })
  required!: boolean;

  @Field(() => Boolean)
  @Property({ type: 'boolean' })
  attended!: boolean;

  @Field(() => Float)
  @Property({ type: 'double', default: 0 })
  hours!: number;

  @Field(() => Float, { nullable: true, description: 'Exam score out of 100' })
  @Property({ type: 'double', nullable: true })
  score?: number | null;
}
