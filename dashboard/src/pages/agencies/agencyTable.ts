/**
 * The agencies table's rows: every unit that existed in the year, with its
 * figures for that year from four answers of the hub, matched by agency id.
 * Pure, so the merging rules have unit tests:
 * - activities: analytics ACTIVITY_COUNT by AGENCY (organiser or co-organiser);
 *   a unit absent from the answer did none (0);
 * - completion and coverage: `coverage` of the year's list; null without a list;
 * - training attendance: analytics TRAINING_ATTENDANCE_RATE; null without required attendance;
 * - awareness and satisfaction: surveyResults by AGENCY; null without answers;
 * - score, grade and rank: the scorecard; null for units not assessed,
 *   undefined while the scorecard is not known (loading or refused).
 */
import { keyedValues } from '../../app/analytics';
import type { AnalyticsRow } from '../../app/api-types';
import { localName } from '../../app/session';
import type { ActivityFilter, ResponseFilter } from '../../components/records/drills';
import type { ScoreRow } from './rubric';
import type { SurveyFigure } from './agencies.queries';
import { activeInYear } from './year';

export interface AgencyNode {
  id: string;
  name: string;
  nameEn: string | null;
  validFrom: string;
  validTo: string | null;
}

export interface CoverageFigures {
  agencyId: string;
  planned: number;
  delivered: number;
  completionCapped: number | null;
  coverageRate: number | null;
  itemCount: number;
  coveredItemCount: number;
  drills: readonly ActivityFilter[];
}

export interface SurveyCell {
  value: number;
  n: number;
  smallSample: boolean;
  responses: ResponseFilter;
}

export interface AgencyRow {
  id: string;
  name: string;
  activities: number;
  coverage: CoverageFigures | null;
  completion: number | null;
  coverageRate: number | null;
  training: number | null;
  awareness: SurveyCell | null;
  satisfaction: SurveyCell | null;
  /** undefined: not known (yet); null: the unit is not assessed. */
  score: ScoreRow | null | undefined;
}

export interface AgencyTableInput {
  agencies: readonly AgencyNode[];
  coverage: readonly CoverageFigures[];
  analytics: readonly AnalyticsRow[];
  awareness: readonly SurveyFigure[];
  satisfaction: readonly SurveyFigure[];
  /** The scorecard's rows; undefined while not known. */
  scores: readonly ScoreRow[] | undefined;
}

function surveyCells(rows: readonly SurveyFigure[]): Map<string, SurveyCell> {
  return new Map(
    rows.map((r) => [r.unit.id, { value: r.estimate, n: r.n, smallSample: r.smallSample, responses: pickResponses(r.drill.responses) }]),
  );
}

/** The drill's fields that `surveyResponses(filter:)` takes, without nulls. */
function pickResponses(drill: SurveyFigure['drill']['responses']): ResponseFilter {
  const out: ResponseFilter = {};
  if (drill.from) out.from = drill.from;
  if (drill.to) out.to = drill.to;
  if (drill.years) out.years = drill.years;
  if (drill.waveIds) out.waveIds = drill.waveIds;
  if (drill.districtIds) out.districtIds = drill.districtIds;
  return out;
}

export function agencyRows(input: AgencyTableInput, year: number, lang: string): AgencyRow[] {
  const coverage = new Map(input.coverage.map((c) => [c.agencyId, c]));
  const activities = new Map(keyedValues(input.analytics, 'AGENCY', 'ACTIVITY_COUNT').map((v) => [v.key, v.value]));
  const training = new Map(keyedValues(input.analytics, 'AGENCY', 'TRAINING_ATTENDANCE_RATE').map((v) => [v.key, v.value]));
  const awareness = surveyCells(input.awareness);
  const satisfaction = surveyCells(input.satisfaction);
  const scores = input.scores ? new Map(input.scores.map((s) => [s.agencyId, s])) : undefined;

  return input.agencies
    .filter((a) => activeInYear(a, year))
    .map((a) => {
      const c = coverage.get(a.id) ?? null;
      return {
        id: a.id,
        name: localName(a, lang),
        activities: activities.get(a.id) ?? 0,
        coverage: c,
        completion: c?.completionCapped ?? null,
        coverageRate: c?.coverageRate ?? null,
        training: training.get(a.id) ?? null,
        awareness: awareness.get(a.id) ?? null,
        satisfaction: satisfaction.get(a.id) ?? null,
        score: scores ? (scores.get(a.id) ?? null) : undefined,
      };
    });
}
