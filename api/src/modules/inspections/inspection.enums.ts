import { registerEnumType } from 'type-graphql';
import { RECTIFICATION_STATUSES, type Status } from './rectification.rules.js';

export enum InspectorKind {
  /** 人大代表 */
  NPC_DEPUTIES = 'NPC_DEPUTIES',
  /** 政协委员 */
  CPPCC_MEMBERS = 'CPPCC_MEMBERS',
  /** 普法办 */
  LEGAL_EDUCATION_OFFICE = 'LEGAL_EDUCATION_OFFICE',
  /** 第三方 */
  THIRD_PARTY = 'THIRD_PARTY',
}

export enum InspectionMethod {
  /** 实地考察 */
  FIELD_VISIT = 'FIELD_VISIT',
  /** 听取汇报 */
  REPORT_HEARD = 'REPORT_HEARD',
  /** 查阅资料 */
  DOCUMENTS_REVIEWED = 'DOCUMENTS_REVIEWED',
  /** 召开座谈会 */
  SYMPOSIUM = 'SYMPOSIUM',
  /** 抽查 (unannounced) */
  SPOT_CHECK = 'SPOT_CHECK',
}

/** Which service answered a snapshot's query. */
export enum SnapshotKind {
  SCORECARD = 'SCORECARD',
  COVERAGE = 'COVERAGE',
  OVERLAP_GAPS = 'OVERLAP_GAPS',
}

/** Where a rectification item came from. */
export enum RectificationSourceKind {
  FINDING = 'FINDING',
  SCORECARD = 'SCORECARD',
  OVERLAP_GAP = 'OVERLAP_GAP',
}

export const RectificationStatus = Object.fromEntries(RECTIFICATION_STATUSES.map((s) => [s, s])) as { [K in Status]: K };

registerEnumType(InspectorKind, {
  name: 'InspectorKind',
  description: 'NPC_DEPUTIES 人大代表, CPPCC_MEMBERS 政协委员, LEGAL_EDUCATION_OFFICE 普法办, THIRD_PARTY 第三方',
});
registerEnumType(InspectionMethod, {
  name: 'InspectionMethod',
  description: 'FIELD_VISIT 实地考察, REPORT_HEARD 听取汇报, DOCUMENTS_REVIEWED 查阅资料, SYMPOSIUM 召开座谈会, SPOT_CHECK 抽查 (unannounced)',
});
registerEnumType(SnapshotKind, { name: 'InspectionSnapshotKind', description: 'The query a metrics snapshot stored: scorecard, coverage or overlapGaps' });
registerEnumType(RectificationSourceKind, {
  name: 'RectificationSourceKind',
  description: 'FINDING of an inspection, SCORECARD rectification-list entry (year, rubric, agency), OVERLAP_GAP flag (domain, year, kind)',
});
registerEnumType(RectificationStatus, {
  name: 'RectificationStatus',
  description: 'OPEN → IN_PROGRESS → SUBMITTED (agency, with evidence) → VERIFIED or REOPENED (admin/inspector); REOPENED → IN_PROGRESS (docs/inspections.md)',
});
