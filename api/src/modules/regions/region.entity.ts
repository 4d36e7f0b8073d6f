import { Entity, Enum, Index, ManyToOne, PrimaryKey, Property, type Ref } from '@mikro-orm/core';
import { Node } from '../../shared/node.js';
import { Field, ID, ObjectType } from 'type-graphql';
import type { RegionLevel as Level } from '@pufa/seeds';
import { RegionLevel } from '../../shared/enums.js';

@ObjectType({ implements: Node, description: 'A place: city → district → street/town → community/village' })
@Entity({ tableName: 'region' })
export class Region {
  @PrimaryKey({ type: 'integer' })
  id!: number;

  @Field(() => ID, { name: 'id' })
  get globalId(): string {
    return `Region:${this.id}`;
  }

  @Field(() => String, { description: 'Stable code, e.g. 150302 for 海勃湾区' })
  @Property({ type: 'text', unique: true })
  code!: string;

  @Field(() => String)
  @Property({ type: 'text' })
  name!: string;

  @Field(() => String, { nullable: true })
  @Property({ type: 'text', nullable: true })
  nameEn?: string | null;

  @Field(() => RegionLevel)
  @Enum({ items: () => Object.values(RegionLevel), type: 'text' })
  level!: Level;

  @ManyToOne(() => Region, { ref: true, nullable: true, deleteRule: 'restrict' })
  parent?: Ref<Region> | null;

  /** The district this place lies in (itself for a district, null for the city): analytics group by it. */
  @ManyToOne(() => Region, { ref: true, nullable: true, deleteRule: 'restrict' })
  district?: Ref<Region> | null;

  /** Materialised path of ids, "/1/3/12/": a region's descendants are the rows whose path starts with its own. */
  @Index({ name: 'region_path_idx', expression: 'create index region_path_idx on region (path text_pattern_ops)' })
  @Property({ type: 'text' })
  path!: string;
}
