import { GraphQLDateTime } from 'graphql-scalars';
import { Field, Float, ID, Int, ObjectType } from 'type-graphql';
import { DateScalar } from '../../shared/scalars.js';
import type { Grade } from '../assessment/assessment.rubric.js';
import { AssessmentGrade, LostPoints } from '../assessment/assessment.types.js';
import { RectificationStatus } from '../inspections/inspection.enums.js';
import type { Status } from '../inspections/rectification.rules.js';

@ObjectType({ description: 'A rectification item opened from the unit’s scorecard entry' })
export class NoticeRectification {
  @Field(() => ID) id!: string;
  @Field(() => String) requirement!: string;
  @Field(() => DateScalar) deadline!: string;
  @Field(() => RectificationStatus) status!: Status;
}

@ObjectType({ description: 'A unit commended or ordered to rectify, with the reasons traced to the rubric’s indicators' })
export class NoticeEntry {
  @Field(() => ID) agencyId!: string;
  @Field(() => String) label!: string;
  @Field(() => Float) total!: number;
  @Field(() => Int) rank!: number;
  @Field(() => AssessmentGrade) grade!: Grade;
  @Field(() => String) gradeLabel!: string;
  @Field(() => String, { description: 'The sentence of the scorecard' }) reason!: string;
  @Field(() => [LostPoints], { description: 'Every indicator and deduction that cost points, most first, with the scorecard’s reason' }) lost!: LostPoints[];
  @Field(() => [NoticeRectification], { description: 'Items opened from this scorecard entry' }) rectification!: NoticeRectification[];
}

@ObjectType({ description: 'The yearly notice (通报): commended units and units ordered to rectify, from the scorecard (the frozen one when there is one)' })
export class Notice {
  @Field(() => Int) year!: number;
  @Field(() => String) rubricVersion!: string;
  @Field(() => String) rubricName!: string;
  @Field(() => String) title!: string;
  @Field(() => Float) maxScore!: number;
  @Field(() => Int) agencyCount!: number;
  @Field(() => Boolean, { description: 'From the frozen scorecard; otherwise computed now, a preview' }) frozen!: boolean;
  @Field(() => GraphQLDateTime, { nullable: true }) frozenAt!: Date | null;
  @Field(() => GraphQLDateTime) computedAt!: Date;
  @Field(() => [NoticeEntry], { description: 'Best first' }) commended!: NoticeEntry[];
  @Field(() => [NoticeEntry], { description: 'Worst first' }) rectify!: NoticeEntry[];
  @Field(() => String, { nullable: true, description: 'Why nobody is listed, when nobody is' }) reason!: string | null;
  @Field(() => String, { description: 'GET this path for the PDF (same sign-in)' }) pdfUrl!: string;
  @Field(() => String, { description: 'GET this path for the printable page' }) htmlUrl!: string;
}
