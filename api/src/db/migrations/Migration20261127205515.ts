import { Migration } from '@mikro-orm/migrations';

/**
 * Assessment (考评): versioned rubrics stored as data and frozen scorecards, plus the default rubric
 * every installation starts with (docs/assessment.md, "The default rubric"). The rubric is written
 * out here, not imported, so this migration stays what it was when later code changes.
 */
export const DEFAULT_RUBRIC = {
  version: '2021版',
  name: '“谁执法谁普法”普法责任制年度考评（默认）',
  description:
    'Default rubric installed with the hub, after the 2021 report: list completion, activity volume, media, training, typical cases and the third-party survey (awareness, satisfaction). 100 points.',
  definition: {
    indicators: [
      { key: 'list_completion', label: { zh: '普法责任清单完成情况', en: 'Responsibility list completed' }, metric: 'COVERAGE_COMPLETION', weight: 30, curve: { type: 'LINEAR', min: 0, max: 1 } },
      { key: 'activities', label: { zh: '普法活动开展', en: 'Activities held' }, metric: 'ACTIVITY_COUNT', weight: 15, curve: { type: 'TARGET', target: 12 } },
      { key: 'public_service_ads', label: { zh: '重要版面时段公益广告', en: 'Public-service ads' }, metric: 'PUBLIC_SERVICE_ADS', weight: 10, curve: { type: 'TARGET', target: 4 } },
      { key: 'training', label: { zh: '执法人员培训参训', en: 'Staff training attended' }, metric: 'TRAINING_ATTENDANCE_RATE', weight: 10, curve: { type: 'LINEAR', min: 0.6, max: 1 } },
      { key: 'leading_cadres', label: { zh: '领导干部学法', en: 'Leading cadres’ law study' }, metric: 'LEADING_CADRE_ATTENDANCE_RATE', weight: 5, curve: { type: 'LINEAR', min: 0.6, max: 1 } },
      {
        key: 'cases', label: { zh: '以案释法典型案例', en: 'Typical cases published' }, metric: 'CASE_COUNT', weight: 10,
        curve: { type: 'STEP', steps: [{ atLeast: 1, share: 0.5 }, { atLeast: 2, share: 0.8 }, { atLeast: 4, share: 1 }] },
      },
      { key: 'awareness', label: { zh: '群众知晓率（第三方测评）', en: 'Awareness (third-party survey)' }, metric: 'AWARENESS_RATE', weight: 10, curve: { type: 'LINEAR', min: 0.5, max: 0.9 } },
      { key: 'satisfaction', label: { zh: '群众满意度（第三方测评）', en: 'Satisfaction (third-party survey)' }, metric: 'SATISFACTION_MEAN', weight: 10, curve: { type: 'LINEAR', min: 3, max: 4.5 } },
    ],
    deductions: [
      { key: 'media_reports', label: { zh: '普法宣传报道不足', en: 'Too few media reports' }, metric: 'BROADCAST_COUNT', below: 4, per: 0.25, max: 1 },
    ],
    grades: [
      { grade: 'EXCELLENT', minScore: 90 },
      { grade: 'GOOD', minScore: 80 },
      { grade: 'PASS', minScore: 60 },
      { grade: 'FAIL', minScore: 0 },
    ],
    commend: { grades: ['EXCELLENT'] },
    rectify: { grades: ['FAIL'] },
  },
};

const quote = (s: string) => `'${s.replace(/'/g, "''")}'`;

export class Migration20261127205515 extends Migration {
  override async up(): Promise<void> {
    this.addSql(`create table "assessment_rubric" ("id" serial primary key, "version" text not null, "name" text not null, "description" text null, "definition" jsonb not null, "created_at" timestamptz not null default now(), "created_by" text null);`);
    this.addSql(`alter table "assessment_rubric" add constraint "assessment_rubric_version_unique" unique ("version");`);

    this.addSql(`create table "scorecard_snapshot" ("id" serial primary key, "year" int not null, "rubric_id" int not null, "computed" jsonb not null, "frozen_at" timestamptz not null default now(), "frozen_by" text null);`);
    this.addSql(`alter table "scorecard_snapshot" add constraint "scorecard_snapshot_year_rubric_id_unique" unique ("year", "rubric_id");`);

    this.addSql(`alter table "scorecard_snapshot" add constraint "scorecard_snapshot_rubric_id_foreign" foreign key ("rubric_id") references "assessment_rubric" ("id") on update cascade on delete restrict;`);

    const r = DEFAULT_RUBRIC;
    this.addSql(`insert into "assessment_rubric" ("version", "name", "description", "definition") values (${quote(r.version)}, ${quote(r.name)}, ${quote(r.description)}, ${quote(JSON.stringify(r.definition))}::jsonb);`);
  }
}
