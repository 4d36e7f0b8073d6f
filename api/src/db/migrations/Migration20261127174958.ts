import { Migration } from '@mikro-orm/migrations';

export class Migration20261127174958 extends Migration {

  override async up(): Promise<void> {
    this.addSql(`create table "enforcement_domain" ("id" serial primary key, "code" text not null, "name" text not null, "name_en" text null);`);
    this.addSql(`alter table "enforcement_domain" add constraint "enforcement_domain_code_unique" unique ("code");`);

    this.addSql(`create table "hub_meta" ("key" text not null, "value" text not null, constraint "hub_meta_pkey" primary key ("key"));`);

    this.addSql(`create table "law" ("id" serial primary key, "code" text not null, "name" text not null, "name_en" text null, "kind" text check ("kind" in ('CONSTITUTION', 'LAW', 'ADMINISTRATIVE_REGULATION', 'LOCAL_REGULATION', 'RULE')) not null);`);
    this.addSql(`alter table "law" add constraint "law_code_unique" unique ("code");`);

    this.addSql(`create table "law_domains" ("law_id" int not null, "domain_id" int not null, constraint "law_domains_pkey" primary key ("law_id", "domain_id"));`);

    this.addSql(`create table "region" ("id" serial primary key, "code" text not null, "name" text not null, "name_en" text null, "level" text check ("level" in ('CITY', 'DISTRICT', 'STREET', 'COMMUNITY')) not null, "parent_id" int null, "district_id" int null, "path" text not null);`);
    this.addSql(`alter table "region" add constraint "region_code_unique" unique ("code");`);
    this.addSql(`create index region_path_idx on region (path text_pattern_ops);`);

    this.addSql(`create table "agency" ("id" serial primary key, "code" text not null, "name" text not null, "name_en" text null, "kind" text check ("kind" in ('ENFORCEMENT', 'DEPARTMENT', 'MEDIA', 'JUDICIAL', 'OTHER')) not null, "level" text check ("level" in ('CITY', 'DISTRICT')) not null, "region_id" int not null, "parent_id" int null, "valid_from" date not null, "valid_to" date null, "successor_id" int null);`);
    this.addSql(`alter table "agency" add constraint "agency_code_unique" unique ("code");`);

    this.addSql(`create table "media_outlet" ("id" serial primary key, "code" text not null, "name" text not null, "name_en" text null, "kind" text check ("kind" in ('NEWSPAPER', 'RADIO', 'TV', 'PORTAL', 'WECHAT', 'WEIBO', 'SHORT_VIDEO', 'LED_SCREEN', 'SMART_TV_TERMINAL')) not null, "agency_id" int null);`);
    this.addSql(`alter table "media_outlet" add constraint "media_outlet_code_unique" unique ("code");`);

    this.addSql(`create table "enforcement_power" ("id" serial primary key, "agency_id" int not null, "domain_id" int not null, "is_lead" boolean not null default false, "valid_from" date not null, "valid_to" date null);`);

    this.addSql(`create table "case_study" ("id" serial primary key, "agency_id" int not null, "title" text not null, "summary" text not null, "body" text not null, "domain_id" int null, "region_id" int null, "decided_on" date not null, "published" boolean not null default false, "published_on" date null);`);

    this.addSql(`create table "case_study_laws" ("case_id" int not null, "law_id" int not null, constraint "case_study_laws_pkey" primary key ("case_id", "law_id"));`);

    this.addSql(`create table "broadcast_slot" ("id" serial primary key, "outlet_id" int not null, "channel" text not null, "programme" text not null, "kind" text check ("kind" in ('PROGRAMME', 'COLUMN', 'PUBLIC_SERVICE_AD', 'MICRO_VIDEO', 'ANIMATION', 'LIVE_STREAM')) not null, "starts_at" timestamptz not null, "duration_minutes" int not null, "prime_time" boolean not null default false, "partner_agency_id" int null, "domain_id" int null, "reach" int not null default 0);`);
    this.addSql(`create index "broadcast_slot_starts_at_index" on "broadcast_slot" ("starts_at");`);
    this.addSql(`alter table "broadcast_slot" add constraint "broadcast_slot_natural_key" unique ("outlet_id", "channel", "starts_at");`);

    this.addSql(`create table "activity" ("id" serial primary key, "title" text not null, "date" date not null, "region_id" int not null, "organiser_id" int not null, "form" text check ("form" in ('LECTURE', 'PERFORMANCE', 'CONSULTATION', 'QUIZ', 'MATERIAL_HANDOUT', 'CASE_EXPLANATION', 'LIVE_STREAM', 'NEW_MEDIA_POST', 'EXHIBITION', 'SYMPOSIUM')) not null, "venue_type" text check ("venue_type" in ('VILLAGE', 'COMMUNITY', 'SCHOOL', 'ENTERPRISE', 'WORKPLACE', 'PUBLIC_SPACE', 'ONLINE')) null, "audiences" text[] not null, "domain_id" int null, "troupe" text null, "participants" int not null default 0, "materials" int not null default 0, "consultations" int not null default 0, "online_views" int not null default 0, "key_date" text check ("key_date" in ('CONSTITUTION_WEEK', 'CONSUMER_RIGHTS_DAY', 'NATIONAL_SECURITY_DAY', 'CIVIL_CODE_MONTH', 'WORK_SAFETY_MONTH', 'ANTI_DRUG_DAY', 'ENVIRONMENT_DAY', 'FOOD_SAFETY_WEEK', 'FIRE_SAFETY_DAY', 'TAX_MONTH')) null);`);
    this.addSql(`create index "activity_region_id_index" on "activity" ("region_id");`);
    this.addSql(`create index "activity_organiser_id_date_index" on "activity" ("organiser_id", "date");`);
    this.addSql(`create index "activity_date_index" on "activity" ("date");`);

    this.addSql(`create table "activity_laws" ("activity_id" int not null, "law_id" int not null, constraint "activity_laws_pkey" primary key ("activity_id", "law_id"));`);

    this.addSql(`create table "activity_co_organisers" ("activity_id" int not null, "agency_id" int not null, constraint "activity_co_organisers_pkey" primary key ("activity_id", "agency_id"));`);

    this.addSql(`create table "responsibility_item" ("id" serial primary key, "agency_id" int not null, "year" int not null, "title" text not null, "domain_id" int null, "audiences" text[] not null, "forms" text[] not null, "venue_types" text[] not null, "planned_count" int not null, "starts_on" date not null, "ends_on" date not null, "responsible_leader" text not null, "responsible_department" text not null, "published" boolean not null default false);`);
    this.addSql(`create index "responsibility_item_agency_id_year_index" on "responsibility_item" ("agency_id", "year");`);

    this.addSql(`create table "responsibility_item_laws" ("item_id" int not null, "law_id" int not null, constraint "responsibility_item_laws_pkey" primary key ("item_id", "law_id"));`);

    this.addSql(`create table "responsibility_item_districts" ("item_id" int not null, "region_id" int not null, constraint "responsibility_item_districts_pkey" primary key ("item_id", "region_id"));`);

    this.addSql(`create table "activity_items" ("activity_id" int not null, "item_id" int not null, constraint "activity_items_pkey" primary key ("activity_id", "item_id"));`);

    this.addSql(`create table "survey_wave" ("id" serial primary key, "code" text not null, "name" text not null, "year" int not null, "method" text check ("method" in ('QUESTIONNAIRE', 'QUIZ', 'ONLINE')) not null, "conducted_by" text not null, "starts_on" date not null, "ends_on" date not null);`);
    this.addSql(`alter table "survey_wave" add constraint "survey_wave_code_unique" unique ("code");`);

    this.addSql(`create table "survey_response" ("id" serial primary key, "wave_id" int not null, "district_id" int not null, "age_band" text check ("age_band" in ('UNDER_18', 'AGE_18_29', 'AGE_30_44', 'AGE_45_59', 'AGE_60_PLUS')) not null, "occupation" text check ("occupation" in ('STUDENT', 'FARMER_HERDER', 'WORKER', 'ENTERPRISE_STAFF', 'SELF_EMPLOYED', 'CIVIL_SERVANT', 'RETIRED', 'OTHER')) not null, "submitted_on" date not null);`);
    this.addSql(`create index "survey_response_wave_id_submitted_on_index" on "survey_response" ("wave_id", "submitted_on");`);

    this.addSql(`create table "survey_question" ("id" serial primary key, "wave_id" int not null, "kind" text check ("kind" in ('AWARENESS', 'SATISFACTION')) not null, "law_id" int null, "agency_id" int null, "text" text not null);`);

    this.addSql(`create table "survey_answer" ("id" serial primary key, "response_id" int not null, "question_id" int not null, "aware" boolean null, "satisfaction" smallint null);`);
    this.addSql(`create index "survey_answer_question_id_index" on "survey_answer" ("question_id");`);
    this.addSql(`alter table "survey_answer" add constraint "survey_answer_response_id_question_id_unique" unique ("response_id", "question_id");`);

    this.addSql(`create table "training_session" ("id" serial primary key, "title" text not null, "kind" text check ("kind" in ('BACKBONE_CLASS', 'LEADING_CADRE_STUDY', 'LECTURER_GROUP', 'STAFF_TRAINING')) not null, "organiser_id" int not null, "starts_on" date not null, "ends_on" date not null, "hours" double precision not null, "region_id" int not null);`);

    this.addSql(`create table "training_attendance" ("id" serial primary key, "session_id" int not null, "agency_id" int not null, "attendee" text not null, "leading_cadre" boolean not null default false, "required" boolean not null default true, "attended" boolean not null, "hours" double precision not null default 0, "score" double precision null);`);
    this.addSql(`alter table "training_attendance" add constraint "training_attendance_natural_key" unique ("session_id", "agency_id", "attendee");`);

    this.addSql(`alter table "law_domains" add constraint "law_domains_law_id_foreign" foreign key ("law_id") references "law" ("id") on update cascade on delete cascade;`);
    this.addSql(`alter table "law_domains" add constraint "law_domains_domain_id_foreign" foreign key ("domain_id") references "enforcement_domain" ("id") on update cascade on delete cascade;`);

    this.addSql(`alter table "region" add constraint "region_parent_id_foreign" foreign key ("parent_id") references "region" ("id") on update cascade on delete restrict;`);
    this.addSql(`alter table "region" add constraint "region_district_id_foreign" foreign key ("district_id") references "region" ("id") on update cascade on delete restrict;`);

    this.addSql(`alter table "agency" add constraint "agency_region_id_foreign" foreign key ("region_id") references "region" ("id") on update cascade on delete restrict;`);
    this.addSql(`alter table "agency" add constraint "agency_parent_id_foreign" foreign key ("parent_id") references "agency" ("id") on update cascade on delete restrict;`);
    this.addSql(`alter table "agency" add constraint "agency_successor_id_foreign" foreign key ("successor_id") references "agency" ("id") on update cascade on delete restrict;`);

    this.addSql(`alter table "media_outlet" add constraint "media_outlet_agency_id_foreign" foreign key ("agency_id") references "agency" ("id") on update cascade on delete restrict;`);

    this.addSql(`alter table "enforcement_power" add constraint "enforcement_power_agency_id_foreign" foreign key ("agency_id") references "agency" ("id") on update cascade on delete restrict;`);
    this.addSql(`alter table "enforcement_power" add constraint "enforcement_power_domain_id_foreign" foreign key ("domain_id") references "enforcement_domain" ("id") on update cascade on delete restrict;`);

    this.addSql(`alter table "case_study" add constraint "case_study_agency_id_foreign" foreign key ("agency_id") references "agency" ("id") on update cascade on delete restrict;`);
    this.addSql(`alter table "case_study" add constraint "case_study_domain_id_foreign" foreign key ("domain_id") references "enforcement_domain" ("id") on update cascade on delete restrict;`);
    this.addSql(`alter table "case_study" add constraint "case_study_region_id_foreign" foreign key ("region_id") references "region" ("id") on update cascade on delete restrict;`);

    this.addSql(`alter table "case_study_laws" add constraint "case_study_laws_case_id_foreign" foreign key ("case_id") references "case_study" ("id") on update cascade on delete cascade;`);
    this.addSql(`alter table "case_study_laws" add constraint "case_study_laws_law_id_foreign" foreign key ("law_id") references "law" ("id") on update cascade on delete cascade;`);

    this.addSql(`alter table "broadcast_slot" add constraint "broadcast_slot_outlet_id_foreign" foreign key ("outlet_id") references "media_outlet" ("id") on update cascade on delete restrict;`);
    this.addSql(`alter table "broadcast_slot" add constraint "broadcast_slot_partner_agency_id_foreign" foreign key ("partner_agency_id") references "agency" ("id") on update cascade on delete restrict;`);
    this.addSql(`alter table "broadcast_slot" add constraint "broadcast_slot_domain_id_foreign" foreign key ("domain_id") references "enforcement_domain" ("id") on update cascade on delete restrict;`);

    this.addSql(`alter table "activity" add constraint "activity_region_id_foreign" foreign key ("region_id") references "region" ("id") on update cascade on delete restrict;`);
    this.addSql(`alter table "activity" add constraint "activity_organiser_id_foreign" foreign key ("organiser_id") references "agency" ("id") on update cascade on delete restrict;`);
    this.addSql(`alter table "activity" add constraint "activity_domain_id_foreign" foreign key ("domain_id") references "enforcement_domain" ("id") on update cascade on delete restrict;`);

    this.addSql(`alter table "activity_laws" add constraint "activity_laws_activity_id_foreign" foreign key ("activity_id") references "activity" ("id") on update cascade on delete cascade;`);
    this.addSql(`alter table "activity_laws" add constraint "activity_laws_law_id_foreign" foreign key ("law_id") references "law" ("id") on update cascade on delete cascade;`);

    this.addSql(`alter table "activity_co_organisers" add constraint "activity_co_organisers_activity_id_foreign" foreign key ("activity_id") references "activity" ("id") on update cascade on delete cascade;`);
    this.addSql(`alter table "activity_co_organisers" add constraint "activity_co_organisers_agency_id_foreign" foreign key ("agency_id") references "agency" ("id") on update cascade on delete cascade;`);

    this.addSql(`alter table "responsibility_item" add constraint "responsibility_item_agency_id_foreign" foreign key ("agency_id") references "agency" ("id") on update cascade on delete restrict;`);
    this.addSql(`alter table "responsibility_item" add constraint "responsibility_item_domain_id_foreign" foreign key ("domain_id") references "enforcement_domain" ("id") on update cascade on delete restrict;`);

    this.addSql(`alter table "responsibility_item_laws" add constraint "responsibility_item_laws_item_id_foreign" foreign key ("item_id") references "responsibility_item" ("id") on update cascade on delete cascade;`);
    this.addSql(`alter table "responsibility_item_laws" add constraint "responsibility_item_laws_law_id_foreign" foreign key ("law_id") references "law" ("id") on update cascade on delete cascade;`);

    this.addSql(`alter table "responsibility_item_districts" add constraint "responsibility_item_districts_item_id_foreign" foreign key ("item_id") references "responsibility_item" ("id") on update cascade on delete cascade;`);
    this.addSql(`alter table "responsibility_item_districts" add constraint "responsibility_item_districts_region_id_foreign" foreign key ("region_id") references "region" ("id") on update cascade on delete cascade;`);

    this.addSql(`alter table "activity_items" add constraint "activity_items_activity_id_foreign" foreign key ("activity_id") references "activity" ("id") on update cascade on delete cascade;`);
    this.addSql(`alter table "activity_items" add constraint "activity_items_item_id_foreign" foreign key ("item_id") references "responsibility_item" ("id") on update cascade on delete cascade;`);

    this.addSql(`alter table "survey_response" add constraint "survey_response_wave_id_foreign" foreign key ("wave_id") references "survey_wave" ("id") on update cascade on delete cascade;`);
    this.addSql(`alter table "survey_response" add constraint "survey_response_district_id_foreign" foreign key ("district_id") references "region" ("id") on update cascade on delete restrict;`);

    this.addSql(`alter table "survey_question" add constraint "survey_question_wave_id_foreign" foreign key ("wave_id") references "survey_wave" ("id") on update cascade on delete cascade;`);
    this.addSql(`alter table "survey_question" add constraint "survey_question_law_id_foreign" foreign key ("law_id") references "law" ("id") on update cascade on delete restrict;`);
    this.addSql(`alter table "survey_question" add constraint "survey_question_agency_id_foreign" foreign key ("agency_id") references "agency" ("id") on update cascade on delete restrict;`);

    this.addSql(`alter table "survey_answer" add constraint "survey_answer_response_id_foreign" foreign key ("response_id") references "survey_response" ("id") on update cascade on delete cascade;`);
    this.addSql(`alter table "survey_answer" add constraint "survey_answer_question_id_foreign" foreign key ("question_id") references "survey_question" ("id") on update cascade on delete cascade;`);

    this.addSql(`alter table "training_session" add constraint "training_session_organiser_id_foreign" foreign key ("organiser_id") references "agency" ("id") on update cascade on delete restrict;`);
    this.addSql(`alter table "training_session" add constraint "training_session_region_id_foreign" foreign key ("region_id") references "region" ("id") on update cascade on delete restrict;`);

    this.addSql(`alter table "training_attendance" add constraint "training_attendance_session_id_foreign" foreign key ("session_id") references "training_session" ("id") on update cascade on delete cascade;`);
    this.addSql(`alter table "training_attendance" add constraint "training_attendance_agency_id_foreign" foreign key ("agency_id") references "agency" ("id") on update cascade on delete restrict;`);
  }

}
