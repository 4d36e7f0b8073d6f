import { Field, ID, Int, ObjectType } from 'type-graphql';
import type * as m from '@pufa/seeds';
import { Audience, Form, KeyDate, VenueType } from '../../shared/enums.js';
import { DateScalar } from '../../shared/scalars.js';
import { Agency } from '../agencies/agency.entity.js';
import { CaseStudy } from '../cases/case.entity.js';
import { EnforcementDomain } from '../domains/domain.entity.js';
import { Law } from '../laws/law.entity.js';
import { Region } from '../regions/region.entity.js';
import { ResponsibilityItem } from '../responsibility/responsibility-item.entity.js';
import { SurveyWave } from '../surveys/survey.entity.js';

/**
 * An activity as the public sees it. Its own type, not Activity: Activity.items would name
 * unpublished items, and the public reads only what was published (docs/portal.md).
 */
@ObjectType({ description: 'An activity on an agency’s public calendar: one that delivers a published responsibility item' })
export class PublicActivity {
  @Field(() => ID, { description: 'Activity:n' }) id!: string;
  @Field(() => String) title!: string;
  @Field(() => DateScalar) date!: string;
  @Field(() => Region) region!: Region;
  @Field(() => Agency) organiser!: Agency;
  @Field(() => [Agency]) coOrganisers!: Agency[];
  @Field(() => Form) form!: m.Form;
  @Field(() => VenueType, { nullable: true }) venueType!: m.VenueType | null;
  @Field(() => [Audience]) audiences!: m.Audience[];
  @Field(() => [Law]) laws!: Law[];
  @Field(() => EnforcementDomain, { nullable: true }) domain!: EnforcementDomain | null;
  @Field(() => String, { nullable: true }) troupe!: string | null;
  @Field(() => KeyDate, { nullable: true }) keyDate!: m.KeyDate | null;
  @Field(() => Int, { description: 'Participants (人次)' }) participants!: number;
  @Field(() => [ResponsibilityItem], { description: 'The published items it delivers (unpublished ones are left out)' }) items!: ResponsibilityItem[];
}

@ObjectType({ description: 'What an agency published for a year: its responsibility list and plan, its activities calendar, its typical cases' })
export class AgencyPortal {
  @Field(() => Agency) agency!: Agency;
  @Field(() => Int) year!: number;
  @Field(() => [ResponsibilityItem], { description: 'The published list and annual plan: what, to whom, how, when, who (by start of the window)' })
  items!: ResponsibilityItem[];
  @Field(() => [PublicActivity], { description: 'Activities of the year the agency organised or co-organised that deliver a published item, by date' })
  activities!: PublicActivity[];
  @Field(() => [CaseStudy], { description: 'Published typical cases of the year (by publication date, else decision date), newest first' })
  cases!: CaseStudy[];
}

@ObjectType({ description: 'An agency in the portal’s directory for a year, with counts of what it published' })
export class PortalAgency {
  @Field(() => Agency) agency!: Agency;
  @Field(() => Int) publishedItems!: number;
  @Field(() => Int, { description: 'Activities on its public calendar' }) calendarActivities!: number;
  @Field(() => Int) publishedCases!: number;
}

@ObjectType({ description: 'City-wide figures of a year, as anyone may read them' })
export class PortalFigures {
  @Field(() => Int) year!: number;
  @Field(() => Int, { description: 'Activities held (analytics ACTIVITY_COUNT)' }) activities!: number;
  @Field(() => Int, { description: 'Participants (人次)' }) participants!: number;
  @Field(() => Int, { description: 'Materials handed out (份)' }) materialsDistributed!: number;
  @Field(() => Int, { description: 'Legal consultations answered (人次)' }) consultations!: number;
  @Field(() => Int, { description: 'Typical cases published in the year (analytics CASE_COUNT)' }) publishedCases!: number;
  @Field(() => Int, { description: 'Published responsibility items of the year' }) publishedItems!: number;
  @Field(() => Int, { description: 'Agencies that published a list for the year' }) agenciesWithPublishedList!: number;
}

@ObjectType({ description: 'What the public form stored: one response with this many answers' })
export class FeedbackReceipt {
  @Field(() => SurveyWave) wave!: SurveyWave;
  @Field(() => Int) answers!: number;
}
