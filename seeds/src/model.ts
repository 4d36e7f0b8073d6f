/**
 * Row shapes of the demo data, one interface per table, in the column names of the
 * database (snake_case). The api's loader inserts them as they are, in the order of
 * `TABLE_ORDER`, with the ids given here (then moves each id sequence past the max).
 * Dates are 'YYYY-MM-DD' strings; timestamps are ISO strings with an offset (+08:00).
 */

export const REGION_LEVELS = ['CITY', 'DISTRICT', 'STREET', 'COMMUNITY'] as const;
export const AGENCY_KINDS = ['ENFORCEMENT', 'DEPARTMENT', 'MEDIA', 'JUDICIAL', 'OTHER'] as const;
export const AGENCY_LEVELS = ['CITY', 'DISTRICT'] as const;
export const LAW_KINDS = ['CONSTITUTION', 'LAW', 'ADMINISTRATIVE_REGULATION', 'LOCAL_REGULATION', 'RULE'] as const;
export const FORMS = [
  'LECTURE', 'PERFORMANCE', 'CONSULTATION', 'QUIZ', 'MATERIAL_HANDOUT', 'CASE_EXPLANATION',
  'LIVE_STREAM', 'NEW_MEDIA_POST', 'EXHIBITION', 'SYMPOSIUM',
] as const;
export const VENUE_TYPES = ['VILLAGE', 'COMMUNITY', 'SCHOOL', 'ENTERPRISE', 'WORKPLACE', 'PUBLIC_SPACE', 'ONLINE'] as const;
export const AUDIENCES = [
  'GENERAL_PUBLIC', 'STUDENTS', 'YOUTH', 'ELDERLY', 'FARMERS_HERDERS', 'MIGRANT_WORKERS', 'ENTERPRISE_STAFF',
  'BUSINESS_OWNERS', 'CIVIL_SERVANTS', 'LEADING_CADRES', 'WOMEN', 'COMMUNITY_RESIDENTS', 'DRIVERS', 'PATIENTS',
] as const;
export const KEY_DATES = [
  'CONSTITUTION_WEEK', 'CONSUMER_RIGHTS_DAY', 'NATIONAL_SECURITY_DAY', 'CIVIL_CODE_MONTH', 'WORK_SAFETY_MONTH',
  'ANTI_DRUG_DAY', 'ENVIRONMENT_DAY', 'FOOD_SAFETY_WEEK', 'FIRE_SAFETY_DAY', 'TAX_MONTH',
] as const;
export const OUTLET_KINDS = ['NEWSPAPER', 'RADIO', 'TV', 'PORTAL', 'WECHAT', 'WEIBO', 'SHORT_VIDEO', 'LED_SCREEN', 'SMART_TV_TERMINAL'] as const;
export const SLOT_KINDS = ['PROGRAMME', 'COLUMN', 'PUBLIC_SERVICE_AD', 'MICRO_VIDEO', 'ANIMATION', 'LIVE_STREAM'] as const;
export const TRAINING_KINDS = ['BACKBONE_CLASS', 'LEADING_CADRE_STUDY', 'LECTURER_GROUP', 'STAFF_TRAINING'] as const;
export const SURVEY_METHODS = ['QUESTIONNAIRE', 'QUIZ', 'ONLINE'] as const;
export const QUESTION_KINDS = ['AWARENESS', 'SATISFACTION'] as const;
export const AGE_BANDS = ['UNDER_18', 'AGE_18_29', 'AGE_30_44', 'AGE_45_59', 'AGE_60_PLUS'] as const;
export const OCCUPATIONS = [
  'STUDENT', 'FARMER_HERDER', 'WORKER', 'ENTERPRISE_STAFF', 'SELF_EMPLOYED', 'CIVIL_SERVANT', 'RETIRED', 'OTHER',
] as const;

export type RegionLevel = (typeof REGION_LEVELS)[number];
export type AgencyKind = (typeof AGENCY_KINDS)[number];
export type AgencyLevel = (typeof AGENCY_LEVELS)[number];
export type LawKind = (typeof LAW_KINDS)[number];
export type Form = (typeof FORMS)[number];
export type VenueType = (typeof VENUE_TYPES)[number];
export type Audience = (typeof AUDIENCES)[number];
export type KeyDate = (typeof KEY_DATES)[number];
export type OutletKind = (typeof OUTLET_KINDS)[number];
export type SlotKind = (typeof SLOT_KINDS)[number];
export type TrainingKind = (typeof TRAINING_KINDS)[number];
export type SurveyMethod = (typeof SURVEY_METHODS)[number];
export type QuestionKind = (typeof QUESTION_KINDS)[number];
export type AgeBand = (typeof AGE_BANDS)[number];
export type Occupation = (typeof OCCUPATIONS)[number];

export interface RegionRow { id: number; code: string; name: string; name_en: string | null; level: RegionLevel; parent_id: number | null }
export interface AgencyRow {
  id: number; code: string; name: string; name_en: string | null; kind: AgencyKind; level: AgencyLevel;
  region_id: number; parent_id: number | null; valid_from: string; valid_to: string | null; successor_id: number | null;
}
export interface DomainRow { id: number; code: string; name: string; name_en: string | null }
export interface PowerRow { id: number; agency_id: number; domain_id: number; is_lead: boolean; valid_from: string; valid_to: string | null }
export interface LawRow { id: number; code: string; name: string; name_en: string | null; kind: LawKind }
export interface LawDomainRow { law_id: number; domain_id: number }
export interface ResponsibilityItemRow {
  id: number; agency_id: number; year: number; title: string; domain_id: number | null;
  audiences: Audience[]; forms: Form[]; venue_types: VenueType[]; planned_count: number;
  starts_on: string; ends_on: string; responsible_leader: string; responsible_department: string; published: boolean;
}
export interface ItemLawRow { item_id: number; law_id: number }
export interface ItemDistrictRow { item_id: number; region_id: number }
export interface ActivityRow {
  id: number; title: string; date: string; region_id: number; organiser_id: number; form: Form;
  venue_type: VenueType | null; audiences: Audience[]; domain_id: number | null; troupe: string | null;
  participants: number; materials: number; consultations: number; online_views: number; key_date: KeyDate | null;
}
export interface ActivityAgencyRow { activity_id: number; agency_id: number }
export interface ActivityLawRow { activity_id: number; law_id: number }
export interface ActivityItemRow { activity_id: number; item_id: number }
export interface OutletRow { id: number; code: string; name: string; name_en: string | null; kind: OutletKind; agency_id: number | null }
export interface SlotRow {
  id: number; outlet_id: number; channel: string; programme: string; kind: SlotKind; starts_at: string;
  duration_minutes: number; prime_time: boolean; partner_agency_id: number | null; domain_id: number | null; reach: number;
}
export interface TrainingSessionRow {
  id: number; title: string; kind: TrainingKind; organiser_id: number; starts_on: string; ends_on: string; hours: number; region_id: number;
}
export interface AttendanceRow {
  id: number; session_id: number; agency_id: number; attendee: string; leading_cadre: boolean;
  required: boolean; attended: boolean; hours: number; score: number | null;
}
export interface CaseRow {
  id: number; agency_id: number; title: string; summary: string; body: string; domain_id: number | null;
  region_id: number | null; decided_on: string; published: boolean; published_on: string | null;
}
export interface CaseLawRow { case_id: number; law_id: number }
export interface SurveyWaveRow { id: number; code: string; name: string; year: number; method: SurveyMethod; conducted_by: string; starts_on: string; ends_on: string }
export interface SurveyQuestionRow { id: number; wave_id: number; kind: QuestionKind; law_id: number | null; agency_id: number | null; text: string }
export interface SurveyResponseRow { id: number; wave_id: number; district_id: number; age_band: AgeBand; occupation: Occupation; submitted_on: string }
export interface SurveyAnswerRow { id: number; response_id: number; question_id: number; aware: boolean | null; satisfaction: number | null }

export interface DemoData {
  region: RegionRow[];
  agency: AgencyRow[];
  enforcement_domain: DomainRow[];
  enforcement_power: PowerRow[];
  law: LawRow[];
  law_domains: LawDomainRow[];
  responsibility_item: ResponsibilityItemRow[];
  responsibility_item_laws: ItemLawRow[];
  responsibility_item_districts: ItemDistrictRow[];
  activity: ActivityRow[];
  activity_co_organisers: ActivityAgencyRow[];
  activity_laws: ActivityLawRow[];
  activity_items: ActivityItemRow[];
  media_outlet: OutletRow[];
  broadcast_slot: SlotRow[];
  training_session: TrainingSessionRow[];
  training_attendance: AttendanceRow[];
  case_study: CaseRow[];
  case_study_laws: CaseLawRow[];
  survey_wave: SurveyWaveRow[];
  survey_question: SurveyQuestionRow[];
  survey_response: SurveyResponseRow[];
  survey_answer: SurveyAnswerRow[];
}

/** Insert order: every table after the tables it references. */
export const TABLE_ORDER: (keyof DemoData)[] = [
  'region', 'agency', 'enforcement_domain', 'enforcement_power', 'law', 'law_domains',
  'responsibility_item', 'responsibility_item_laws', 'responsibility_item_districts',
  'activity', 'activity_co_organisers', 'activity_laws', 'activity_items',
  'media_outlet', 'broadcast_slot', 'training_session', 'training_attendance',
  'case_study', 'case_study_laws', 'survey_wave', 'survey_question', 'survey_response', 'survey_answer',
];
