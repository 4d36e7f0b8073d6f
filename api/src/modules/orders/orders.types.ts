import { ArrayMaxSize, Matches, Max, MaxLength, Min, MinLength } from 'class-validator';
import { Field, Float, ID, InputType, Int, ObjectType, registerEnumType } from 'type-graphql';
import { MAX_FILTER_IDS } from '../../shared/filters.js';
import { DateScalar } from '../../shared/scalars.js';
import { Agency } from '../agencies/agency.entity.js';
import { EnforcementDomain } from '../domains/domain.entity.js';
import { Law } from '../laws/law.entity.js';
import { OrderStatus, RequesterKind } from './order.entity.js';

@InputType({ description: 'An order for legal education (订单), placed without an account. Name a law, a domain, or both.' })
export class EducationOrderInput {
  @Field(() => RequesterKind) requesterKind!: RequesterKind;
  @Field(() => String, { description: 'The school, community, enterprise … (1–100 characters)' }) @MinLength(1) @MaxLength(100) requesterName!: string;
  @Field(() => String, { description: 'Who the agency calls back (1–50 characters); seen only by the agencies the order goes to and the admins' })
  @MinLength(1)
  @MaxLength(50)
  contactName!: string;
  @Field(() => String, { description: 'A telephone number: 5–20 digits, spaces, +, -, ( )' })
  @Matches(/^[0-9+()\- ]{5,20}$/, { message: 'contactPhone must be 5–20 digits, spaces, +, - or parentheses' })
  contactPhone!: string;
  @Field(() => String, { description: 'What the audience wants to learn (1–500 characters)' }) @MinLength(1) @MaxLength(500) topic!: string;
  @Field(() => ID, { nullable: true }) lawId?: string | null;
  @Field(() => ID, { nullable: true }) domainId?: string | null;
  @Field(() => ID, { description: 'Where the audience is: a DISTRICT-level region' }) districtId!: string;
  @Field(() => DateScalar) wishedFrom!: string;
  @Field(() => DateScalar) wishedTo!: string;
  @Field(() => Int, { nullable: true }) @Min(1) @Max(100_000) audienceSize?: number | null;
}

@ObjectType({ description: 'What happened to an order: where it went' })
export class OrderReceipt {
  @Field(() => ID, { description: 'EducationOrder:n' }) orderId!: string;
  @Field(() => [EnforcementDomain], { description: 'The domains it was routed by (its domain, and its law’s domains)' }) domains!: EnforcementDomain[];
  @Field(() => [Agency], { description: 'The agencies holding powers in those domains for the district; empty when none does (the 普法办 sees it among the unrouted orders)' })
  routedTo!: Agency[];
}

export enum OrderDecision {
  ACCEPT = 'ACCEPT',
  DECLINE = 'DECLINE',
  DONE = 'DONE',
}
registerEnumType(OrderDecision, { name: 'OrderDecision', description: 'ACCEPT with plannedOn, DECLINE with a reason, DONE with the activityId that delivered it' });

@InputType({ description: 'An agency’s answer to an order routed to it' })
export class OrderAnswerInput {
  @Field(() => ID) orderId!: string;
  @Field(() => ID, { nullable: true, description: 'The answering agency; a reporter’s own agency when left out' }) agencyId?: string | null;
  @Field(() => OrderDecision) decision!: OrderDecision;
  @Field(() => DateScalar, { nullable: true, description: 'ACCEPT: the day planned, on or after the order' }) plannedOn?: string | null;
  @Field(() => String, { nullable: true, description: 'DECLINE: why (5–500 characters)' }) @MaxLength(500) reason?: string | null;
  @Field(() => ID, { nullable: true, description: 'DONE: the agency’s activity that delivered it, held on or after the order' }) activityId?: string | null;
}

@InputType()
export class OrderFilter {
  @Field(() => [OrderStatus], { nullable: true, description: 'Orders with a route in any of these states (a reporter: its own route)' }) statuses?: OrderStatus[];
  @Field(() => [ID], { nullable: true, description: 'Orders routed to any of these agencies' }) @ArrayMaxSize(MAX_FILTER_IDS) agencyIds?: string[];
  @Field(() => [ID], { nullable: true }) @ArrayMaxSize(MAX_FILTER_IDS) domainIds?: string[];
  @Field(() => [Int], { nullable: true, description: 'Years of the wished period’s start' })
  @ArrayMaxSize(50)
  @Min(2000, { each: true })
  @Max(2100, { each: true })
  years?: number[];
}

@ObjectType({ description: 'Orders as routed (one per order × agency) and how they were answered' })
export class OrderFigures {
  @Field(() => Int, { description: 'Routed requests: order × agency' }) routed!: number;
  @Field(() => Int, { description: 'Answered: accepted, declined or done' }) answered!: number;
  @Field(() => Int, { description: 'Still WAITING' }) waiting!: number;
  @Field(() => Int, { description: 'WAITING for more than overdueDays since the order (as of asOf)' }) overdue!: number;
  @Field(() => Int) accepted!: number;
  @Field(() => Int) declined!: number;
  @Field(() => Int) done!: number;
  @Field(() => Float, { nullable: true, description: 'Median days from the order to the first answer, over the answered; null when none was' }) medianDaysToAnswer!: number | null;
}

@ObjectType()
export class AgencySupply {
  @Field(() => Agency) agency!: Agency;
  @Field(() => OrderFigures) figures!: OrderFigures;
}

@ObjectType()
export class DomainSupply {
  @Field(() => EnforcementDomain) domain!: EnforcementDomain;
  @Field(() => OrderFigures) figures!: OrderFigures;
}

@ObjectType({ description: 'Demand no menu offers: orders of the year on a law or domain no published responsibility item of that year covers' })
export class UnmetDemand {
  @Field(() => Law, { nullable: true }) law!: Law | null;
  @Field(() => EnforcementDomain, { nullable: true }) domain!: EnforcementDomain | null;
  @Field(() => Int) orders!: number;
}

@ObjectType({ description: 'Supply (菜单) meeting demand (订单) in a year; definitions in docs/metrics.md' })
export class SupplyDemand {
  @Field(() => Int) year!: number;
  @Field(() => DateScalar, { description: 'The day overdue is counted at' }) asOf!: string;
  @Field(() => Int) overdueDays!: number;
  @Field(() => Int, { description: 'Orders of the year, city-wide' }) orders!: number;
  @Field(() => Int, { description: 'Orders of the year no agency was routed to (no powers in their domains for their district), city-wide' }) unroutedOrders!: number;
  @Field(() => OrderFigures, { description: 'Every routed request once (of the agencies in scope)' }) totals!: OrderFigures;
  @Field(() => [AgencySupply], { description: 'Per agency, by code' }) byAgency!: AgencySupply[];
  @Field(() => [DomainSupply], { description: 'Per domain of the orders (an order on a law with two domains counts in both), by code' }) byDomain!: DomainSupply[];
  @Field(() => [UnmetDemand], { description: 'Most ordered first; city-wide' }) unmetDemand!: UnmetDemand[];
}
