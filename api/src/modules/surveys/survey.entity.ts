import { Collection, Entity, Enum, Index, ManyToOne, OneToMany, PrimaryKey, Property, Unique, type Ref } from '@mikro-orm/core';
import { Node } from '../../shared/node.js';
import { Field, ID, Int, ObjectType } from 'type-graphql';
import type * as m from '@pufa/seeds';
import { AgeBand, Occupation, QuestionKind, SurveyMethod } from '../../shared/enums.js';
import { DateScalar } from '../../shared/scalars.js';
import { Agency } from '../agencies/agency.entity.js';
import { Law } from '../laws/law.entity.js';
import { Region } from '../regions/region.entity.js';

@ObjectType({ implements: Node, description: 'A third-party survey or quiz wave (第三方评价)' })
@Entity({ tableName: 'survey_wave' })
export class SurveyWave {
  @PrimaryKey({ type: 'integer' })
  id!: number;

  @Field(() => ID, { name: 'id' })
  get globalId(): string {
    return `SurveyWave:${this.id}`;
  }

  @Field(() => String)
  @Property({ type: 'text', unique: true })
  code!: string;

  @Field(() => String)
  @Property({ type: 'text' })
  name!: string;

  @Field(() => Int)
  @Property({ type: 'integer' })
  year!: number;

  @Field(() => SurveyMethod)
  @Enum({ items: () => Object.values(SurveyMethod), type: 'text' })
  method!: m.SurveyMethod;

  @Field(() => String)
  @Property({ type: 'text' })
  conductedBy!: string;

  @Field(() => DateScalar)
  @Property({ type: 'date' })
  startsOn!: string;

  @Field(() => DateScalar)
  @Property({ type: 'date' })
  endsOn!: string;

  @OneToMany(() => SurveyQuestion, (q) => q.wave, { orderBy: { id: 'asc' } })
  questions = new Collection<SurveyQuestion>(this);
}

@ObjectType({ implements: Node, description: 'A question: awareness of a law, or satisfaction with an agency' })
@Entity({ tableName: 'survey_question' })
export class SurveyQuestion {
  @PrimaryKey({ type: 'integer' })
  id!: number;

  @Field(() => ID, { name: 'id' })
  get globalId(): string {
    return `SurveyQuestion:${this.id}`;
  }

  @ManyToOne(() => SurveyWave, { ref: true, deleteRule: 'cascade' })
  wave!: Ref<SurveyWave>;

  @Field(() => QuestionKind)
  @Enum({ items: () => Object.values(QuestionKind), type: 'text' })
  kind!: m.QuestionKind;

  @ManyToOne(() => Law, { ref: true, nullable: true, deleteRule: 'restrict' })
  law?: Ref<Law> | null;

  @ManyToOne(() => Agency, { ref: true, nullable: true, deleteRule: 'restrict' })
  agency?: Ref<Agency> | null;

  @Field(() => String)
  @Property({ type: 'text' })
  text!: string;
}

@ObjectType({ implements: Node, description: 'One respondent’s questionnaire (no personal data: district, age band, occupation)' })
@Entity({ tableName: 'survey_response' })
@Index({ properties: ['wave', 'submittedOn'] })
@Unique({ name: 'survey_response_natural_key', properties: ['wave', 'respondentRef'] })
export class SurveyResponse {
  @PrimaryKey({ type: 'integer' })
  id!: number;

  @Field(() => ID, { name: 'id' })
  get globalId(): string {
    return `SurveyResponse:${this.id}`;
  }

  @ManyToOne(() => SurveyWave, { ref: true, deleteRule: 'cascade' })
  wave!: Ref<SurveyWave>;

  /** The evaluator's own questionnaire number: a resend under the same number replaces the response. */
  @Field(() => String, { nullable: true, description: 'The evaluator’s own questionnaire number, unique within the wave (null for responses not sent in a batch)' })
  @Property({ type: 'text', nullable: true, fieldName: 'external_ref' })
  respondentRef?: string | null;

  @ManyToOne(() => Region, { ref: true, deleteRule: 'restrict' })
  district!: Ref<Region>;

  @Field(() => AgeBand)
  @Enum({ items: () => Object.values(AgeBand), type: 'text' })
  ageBand!: m.AgeBand;

  @Field(() => Occupation)
  @Enum({ items: () => Object.values(Occupation), type: 'text' })
  occupation!: m.Occupation;

  @Field(() => DateScalar)
  @Property({ type: 'date' })
  submittedOn!: string;

  @OneToMany(() => SurveyAnswer, (a) => a.response, { orderBy: { question: 'asc' } })
  answers = new Collection<SurveyAnswer>(this);
}

@ObjectType({ description: 'An answer: aware yes/no, or satisfaction 1–5' })
@Entity({ tableName: 'survey_answer' })
@Unique({ properties: ['response', 'question'] })
@Index({ properties: ['question'] })
export class SurveyAnswer {
  @PrimaryKey({ type: 'integer' })
  id!: number;

  @ManyToOne(() => SurveyResponse, { ref: true, deleteRule: 'cascade' })
  response!: Ref<SurveyResponse>;

  @ManyToOne(() => SurveyQuestion, { ref: true, deleteRule: 'cascade' })
  question!: Ref<SurveyQuestion>;

  @Field(() => Boolean, { nullable: true })
  @Property({ type: 'boolean', nullable: true })
  aware?: boolean | null;

  @Field(() => Int, { nullable: true })
  @Property({ type: 'smallint', nullable: true })
  satisfaction?: number | null;
}
