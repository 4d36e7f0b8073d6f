import { buildSchema } from 'type-graphql';
import type { GraphQLSchema } from 'graphql';
import { ActivityResolver } from '../modules/activities/activity.resolver.js';
import { AgencyResolver } from '../modules/agencies/agency.resolver.js';
import { AnalyticsResolver } from '../modules/analytics/analytics.resolver.js';
import { AssessmentResolver } from '../modules/assessment/assessment.resolver.js';
import { CaseResolver } from '../modules/cases/case.resolver.js';
import { CaseLibraryResolver } from '../modules/case-library/case-library.resolver.js';
import { OrderResolver, OrderRouteResolver } from '../modules/orders/orders.resolver.js';
import { PortalResolver } from '../modules/portal/portal.resolver.js';
import { CoverageResolver } from '../modules/coverage/coverage.resolver.js';
import { DomainResolver, PowerResolver } from '../modules/domains/domain.resolver.js';
import { HubResolver } from '../modules/hub/hub.resolver.js';
import { AuditResolver } from '../modules/audit/audit.resolver.js';
import { AuthResolver } from '../modules/auth/auth.resolver.js';
import { IngestionResolver } from '../modules/ingestion/ingestion.resolver.js';
import { FindingResolver, InspectionResolver } from '../modules/inspections/inspection.resolver.js';
import { RectificationResolver } from '../modules/inspections/rectification.resolver.js';
import { NoticeResolver } from '../modules/notices/notice.resolver.js';
import { LawResolver } from '../modules/laws/law.resolver.js';
import { OutletResolver, SlotResolver } from '../modules/media/media.resolver.js';
import { OverlapResolver } from '../modules/overlaps/overlaps.resolver.js';
import { RegionResolver } from '../modules/regions/region.resolver.js';
import { ResponsibilityResolver } from '../modules/responsibility/responsibility.resolver.js';
import { AnswerResolver, QuestionResolver, ResponseResolver, WaveResolver } from '../modules/surveys/survey.resolver.js';
import { SurveyResultsResolver } from '../modules/survey-results/survey-results.resolver.js';
import { AttendanceResolver, SessionResolver } from '../modules/training/training.resolver.js';

let cached: Promise<GraphQLSchema> | undefined;

export function hubSchema(): Promise<GraphQLSchema> {
  cached ??= buildSchema({
    resolvers: [
      HubResolver, AuthResolver, AuditResolver, IngestionResolver, AnalyticsResolver, CoverageResolver, OverlapResolver, RegionResolver, AgencyResolver, DomainResolver, PowerResolver, LawResolver,
      ResponsibilityResolver, ActivityResolver, OutletResolver, SlotResolver, SessionResolver, AttendanceResolver,
      CaseResolver, WaveResolver, QuestionResolver, ResponseResolver, AnswerResolver, SurveyResultsResolver, AssessmentResolver,
      InspectionResolver, FindingResolver, RectificationResolver, NoticeResolver,
      PortalResolver, CaseLibraryResolver, OrderResolver, OrderRouteResolver,
    ],
    scalarsMap: [],
    orphanedTypes: [],
    validate: { forbidUnknownValues: false },
    emitSchemaFile: false,
  });
  return cached;
}
