/**
 * Inspections (检查/视察), their findings and metrics snapshots, rectification items (整改事项) and
 * the evidence files of both. One file: the records refer to each other, and decorator metadata of
 * classes split over files that import each other would read a class before it exists.
 */
import { Check, Collection, Entity, Enum, Index, ManyToMany, ManyToOne, OneToMany, OptionalProps, PrimaryKey, Property, type Ref } from '@mikro-orm/core';
import { GraphQLDateTime, GraphQLJSON } from 'graphql-scalars';
import { Field, ID, Int, ObjectType } from 'type-graphql';
import { DateScalar } from '../../shared/scalars.js';
import { Agency } from '../agencies/agency.entity.js';
import { EnforcementDomain } from '../domains/domain.entity.js';
import { GAP_KINDS, type GapKind } from '../overlaps/gaps.js';
import { OverlapGapKind } from '../overlaps/overlaps.types.js';
import { InspectionMethod, InspectorKind, RectificationSourceKind, RectificationStatus, SnapshotKind } from './inspection.enums.js';
import { RECTIFICATION_STATUSES, type Status } from './rectification.rules.js';

@ObjectType({ description: 'An inspection (检查/视察) of one or more agencies by NPC deputies, CPPCC members, the 普法办 or a third party' })
@Entity({ tableName: 'inspection' })
@Index({ properties: ['date'] })
export class Inspection {
  /** Getters, not columns: not needed to create one. */
  [OptionalProps]?: 'globalId';

  @PrimaryKey({ type: 'integer' })
  id!: number;

  @Field(() => ID, { name: 'id' })
  get globalId(): string {
    return `Inspection:${this.id}`;
  }

  @Field(() => InspectorKind, { description: 'Who inspected' })
  @Enum({ items: () => InspectorKind, type: 'text' })
  kind!: InspectorKind;

  @Field(() => String, { description: 'The inspectors’ names, free text (e.g. 王某某代表、李某某委员)' })
  @Property({ type: 'text' })
  inspectors!: string;

  @Field(() => DateScalar)
  @Property({ type: 'date' })
  date!: string;

  @Field(() => InspectionMethod)
  @Enum({ items: () => InspectionMethod, type: 'text' })
  method!: InspectionMethod;

  @Field(() => String, { nullable: true })
  @Property({ type: 'text', nullable: true })
  summary?: string | null;

  @ManyToMany({ entity: () => Agency, pivotTable: 'inspection_agencies', joinColumn: 'inspection_id', inverseJoinColumn: 'agency_id' })
  agencies = new Collection<Agency>(this);

  @OneToMany(() => InspectionFinding, (f) => f.inspection)
  findings = new Collection<InspectionFinding>(this);

  @OneToMany(() => InspectionSnapshot, (s) => s.inspection)
  snapshots = new Collection<InspectionSnapshot>(this);

  @OneToMany(() => EvidenceFile, (e) => e.inspection)
  evidence = new Collection<EvidenceFile>(this);

  @Field(() => String, { nullable: true, description: 'Username of the account that recorded it' })
  @Property({ type: 'text', nullable: true })
  createdBy?: string | null;

  @Property({ type: 'integer', nullable: true })
  createdById?: number | null;

  @Field(() => GraphQLDateTime)
  @Property({ type: 'timestamptz' })
  createdAt!: Date;

  @Field(() => GraphQLDateTime)
  @Property({ type: 'timestamptz' })
  updatedAt!: Date;
}

@ObjectType({ description: 'One finding of an inspection; a rectification item can start from it' })
@Entity({ tableName: 'inspection_finding' })
@Index({ properties: ['inspection'] })
export class InspectionFinding {
  [OptionalProps]?: 'globalId';

  @PrimaryKey({ type: 'integer' })
  id!: number;

  @Field(() => ID, { name: 'id' })
  get globalId(): string {
    return `InspectionFinding:${this.id}`;
  }

  @ManyToOne(() => Inspection, { ref: true, deleteRule: 'cascade' })
  inspection!: Ref<Inspection>;

  @Field(() => Int, { description: 'Order within the inspection, from 1' })
  @Property({ type: 'integer' })
  position!: number;

  @Field(() => String)
  @Property({ type: 'text' })
  text!: string;

  @OneToMany(() => RectificationItem, (r) => r.finding)
  rectificationItems = new Collection<RectificationItem>(this);
}

@ObjectType({ description: 'The figures the inspectors saw: a query of this API and its answer at the time, computed by the hub (never typed in)' })
@Entity({ tableName: 'inspection_snapshot' })
@Index({ properties: ['inspection'] })
export class InspectionSnapshot {
  [OptionalProps]?: 'globalId';

  @PrimaryKey({ type: 'integer' })
  id!: number;

  @Field(() => ID, { name: 'id' })
  get globalId(): string {
    return `InspectionSnapshot:${this.id}`;
  }

  @ManyToOne(() => Inspection, { ref: true, deleteRule: 'cascade' })
  inspection!: Ref<Inspection>;

  @Field(() => SnapshotKind)
  @Enum({ items: () => SnapshotKind, type: 'text' })
  kind!: SnapshotKind;

  @Field(() => GraphQLJSON, { description: 'The arguments, as given to the query named by kind (scorecard: year, rubricVersion; coverage and overlapGaps: filter)' })
  @Property({ type: 'json' })
  query!: unknown;

  @Field(() => GraphQLJSON, { description: 'The query’s answer when the snapshot was taken (in Chinese labels), as the service returned it' })
  @Property({ type: 'json' })
  answer!: unknown;

  @Field(() => GraphQLDateTime)
  @Property({ type: 'timestamptz' })
  takenAt!: Date;
}

@ObjectType({ description: 'A rectification item (整改事项): what an agency must change by a deadline, from an inspection finding, a scorecard rectification-list entry or an overlap gap' })
@Entity({ tableName: 'rectification_item' })
@Index({ properties: ['agency'] })
@Index({ properties: ['finding'] })
@Index({ properties: ['deadline'] })
export class RectificationItem {
  [OptionalProps]?: 'globalId';

  @PrimaryKey({ type: 'integer' })
  id!: number;

  @Field(() => ID, { name: 'id' })
  get globalId(): string {
    return `RectificationItem:${this.id}`;
  }

  /** The unit responsible. */
  @ManyToOne(() => Agency, { ref: true, deleteRule: 'restrict' })
  agency!: Ref<Agency>;

  @Field(() => RectificationSourceKind)
  @Enum({ items: () => RectificationSourceKind, type: 'text' })
  sourceKind!: RectificationSourceKind;

  /** FINDING: the finding. A finding with items cannot be removed. */
  @ManyToOne(() => InspectionFinding, { ref: true, nullable: true, deleteRule: 'restrict' })
  finding?: Ref<InspectionFinding> | null;

  /** The source's year: the scorecard's or the overlap period's year, or the inspection's. */
  @Field(() => Int, { description: 'The year of the source: the scorecard’s, the overlap period’s, or the inspection date’s' })
  @Property({ type: 'integer' })
  year!: number;

  @Field(() => String, { nullable: true, description: 'SCORECARD: the rubric version' })
  @Property({ type: 'text', nullable: true })
  rubricVersion?: string | null;

  /** OVERLAP_GAP: the domain. */
  @ManyToOne(() => EnforcementDomain, { ref: true, nullable: true, deleteRule: 'restrict' })
  domain?: Ref<EnforcementDomain> | null;

  @Field(() => OverlapGapKind, { nullable: true, description: 'OVERLAP_GAP: the kind of flag' })
  @Enum({ items: () => [...GAP_KINDS], type: 'text', nullable: true })
  gapKind?: GapKind | null;

  @Field(() => GraphQLJSON, { description: 'What the source said when the item was made: the finding’s text, the scorecard entry (total, grade, lost points), or the flag (message, who should act)' })
  @Property({ type: 'json' })
  sourceDetail!: unknown;

  @Field(() => String, { description: 'What must change' })
  @Property({ type: 'text' })
  requirement!: string;

  @Field(() => DateScalar)
  @Property({ type: 'date' })
  deadline!: string;

  @Field(() => RectificationStatus)
  @Enum({ items: () => [...RECTIFICATION_STATUSES], type: 'text' })
  status!: Status;

  @Field(() => String, { nullable: true, description: 'The note of the last status change (the reason of a REOPENED)' })
  @Property({ type: 'text', nullable: true })
  statusNote?: string | null;

  @Field(() => GraphQLDateTime, { nullable: true })
  @Property({ type: 'timestamptz', nullable: true })
  submittedAt?: Date | null;

  @Field(() => String, { nullable: true })
  @Property({ type: 'text', nullable: true })
  submittedBy?: string | null;

  @Field(() => GraphQLDateTime, { nullable: true })
  @Property({ type: 'timestamptz', nullable: true })
  verifiedAt?: Date | null;

  @Field(() => String, { nullable: true, description: 'Username of the admin or inspector who verified it' })
  @Property({ type: 'text', nullable: true })
  verifiedBy?: string | null;

  @OneToMany(() => EvidenceFile, (e) => e.rectificationItem)
  evidence = new Collection<EvidenceFile>(this);

  @Field(() => String, { nullable: true })
  @Property({ type: 'text', nullable: true })
  createdBy?: string | null;

  @Property({ type: 'integer', nullable: true })
  createdById?: number | null;

  @Field(() => GraphQLDateTime)
  @Property({ type: 'timestamptz' })
  createdAt!: Date;

  @Field(() => GraphQLDateTime)
  @Property({ type: 'timestamptz' })
  updatedAt!: Date;
}

@ObjectType({ description: 'A PDF, PNG or JPEG kept as evidence, with its SHA-256; download it at url with the same sign-in' })
@Entity({ tableName: 'evidence_file' })
@Index({ properties: ['inspection'] })
@Index({ properties: ['rectificationItem'] })
@Check({ name: 'evidence_file_owner_check', expression: '(inspection_id is null) <> (rectification_item_id is null)' })
export class EvidenceFile {
  [OptionalProps]?: 'globalId' | 'url';

  @PrimaryKey({ type: 'integer' })
  id!: number;

  @Field(() => ID, { name: 'id' })
  get globalId(): string {
    return `EvidenceFile:${this.id}`;
  }

  @Field(() => String, { description: 'GET this path (beside /graphql) for the file' })
  get url(): string {
    return `/evidence/${this.id}`;
  }

  /** Exactly one of inspection and rectificationItem is set. */
  @ManyToOne(() => Inspection, { ref: true, nullable: true, deleteRule: 'cascade' })
  inspection?: Ref<Inspection> | null;

  @ManyToOne(() => RectificationItem, { ref: true, nullable: true, deleteRule: 'cascade' })
  rectificationItem?: Ref<RectificationItem> | null;

  @Field(() => String)
  @Property({ type: 'text' })
  filename!: string;

  @Field(() => String, { description: 'application/pdf, image/png or image/jpeg, as detected from the bytes' })
  @Property({ type: 'text' })
  contentType!: string;

  @Field(() => Int, { description: 'Bytes' })
  @Property({ type: 'integer' })
  size!: number;

  @Field(() => String, { description: 'SHA-256 of the bytes, hex' })
  @Property({ type: 'text' })
  sha256!: string;

  /** The bytes; never loaded with the record (the download reads them alone). */
  @Property({ type: 'blob', lazy: true, hidden: true })
  data?: Buffer;

  @Field(() => String, { nullable: true })
  @Property({ type: 'text', nullable: true })
  uploadedBy?: string | null;

  @Property({ type: 'integer', nullable: true })
  uploadedById?: number | null;

  @Field(() => GraphQLDateTime)
  @Property({ type: 'timestamptz' })
  uploadedAt!: Date;
}
