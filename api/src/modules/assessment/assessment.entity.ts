import { Entity, ManyToOne, PrimaryKey, Property, Unique, type Ref } from '@mikro-orm/core';

/**
 * A versioned assessment rubric (考评细则), its definition as JSON (docs/assessment.md). Once a
 * frozen scorecard uses it, it never changes: an edit is saved under a new version.
 */
@Entity({ tableName: 'assessment_rubric' })
export class AssessmentRubric {
  @PrimaryKey({ type: 'integer' })
  id!: number;

  /** e.g. "2021版". */
  @Property({ type: 'text', unique: true })
  version!: string;

  @Property({ type: 'text' })
  name!: string;

  @Property({ type: 'text', nullable: true })
  description?: string | null;

  @Property({ type: 'json' })
  definition!: unknown;

  @Property({ type: 'timestamptz', defaultRaw: 'now()' })
  createdAt!: Date;

  /** Username of the admin who saved it (null for the rubric the migration installs). */
  @Property({ type: 'text', nullable: true })
  createdBy?: string | null;
}

/** A scorecard as it was when frozen: later data changes do not alter it. */
@Entity({ tableName: 'scorecard_snapshot' })
@Unique({ properties: ['year', 'rubric'] })
export class ScorecardSnapshot {
  @PrimaryKey({ type: 'integer' })
  id!: number;

  @Property({ type: 'integer' })
  year!: number;

  @ManyToOne(() => AssessmentRubric, { ref: true, deleteRule: 'restrict' })
  rubric!: Ref<AssessmentRubric>;

  /** The scored year (assessment.score.ts ScoredYear) with the definition it was scored under. */
  @Property({ type: 'json' })
  computed!: unknown;

  @Property({ type: 'timestamptz', defaultRaw: 'now()' })
  frozenAt!: Date;

  @Property({ type: 'text', nullable: true })
  frozenBy?: string | null;
}
