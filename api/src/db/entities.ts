import { Activity, ActivityItem } from '../modules/activities/activity.entity.js';
import { Agency } from '../modules/agencies/agency.entity.js';
import { AssessmentRubric, ScorecardSnapshot } from '../modules/assessment/assessment.entity.js';
import { CaseStudy } from '../modules/cases/case.entity.js';
import { CaseSearch } from '../modules/case-library/case-search.entity.js';
import { EnforcementDomain, EnforcementPower } from '../modules/domains/domain.entity.js';
import { HubMeta } from '../modules/hub/hub-meta.entity.js';
import { AuditEntry } from '../modules/audit/audit.entity.js';
import { ApiToken, Session, User } from '../modules/auth/user.entity.js';
import { IngestionBatch } from '../modules/ingestion/batch.entity.js';
import { EvidenceFile, Inspection, InspectionFinding, InspectionSnapshot, RectificationItem } from '../modules/inspections/inspection.entity.js';
import { Law } from '../modules/laws/law.entity.js';
import { EducationOrder, OrderRoute } from '../modules/orders/order.entity.js';
import { FeedbackDevice } from '../modules/portal/feedback-device.entity.js';
import { BroadcastSlot, MediaOutlet } from '../modules/media/media.entity.js';
import { Region } from '../modules/regions/region.entity.js';
import { ResponsibilityItem } from '../modules/responsibility/responsibility-item.entity.js';
import { SurveyAnswer, SurveyQuestion, SurveyResponse, SurveyWave } from '../modules/surveys/survey.entity.js';
import { TrainingAttendance, TrainingSession } from '../modules/training/training.entity.js';

export const entities = [
  Region, Agency, EnforcementDomain, EnforcementPower, Law, ResponsibilityItem, Activity, ActivityItem,
  MediaOutlet, BroadcastSlot, TrainingSession, TrainingAttendance, CaseStudy,
  SurveyWave, SurveyQuestion, SurveyResponse, SurveyAnswer, HubMeta, User, Session, ApiToken, AuditEntry, IngestionBatch,
  AssessmentRubric, ScorecardSnapshot,
  Inspection, InspectionFinding, InspectionSnapshot, RectificationItem, EvidenceFile,
  CaseSearch, FeedbackDevice, EducationOrder, OrderRoute,
];
