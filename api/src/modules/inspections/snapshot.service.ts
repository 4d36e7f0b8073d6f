/**
 * Metrics snapshots: the figures an inspection saw, computed by the services that answer the same
 * queries in the API (never typed in), and stored with the query that produced them.
 */
import type { EntityManager } from '@mikro-orm/core';
import { GraphQLError } from 'graphql';
import { analyticsScope, type Viewer } from '../../graphql/access.js';
import { badInput, type FieldProblem } from '../../shared/errors.js';
import { Locale } from '../analytics/analytics.types.js';
import { scorecard, scorecardAccess } from '../assessment/assessment.service.js';
import { coverageAccess, runCoverage } from '../coverage/coverage.service.js';
import { overlapAccess, overlapGaps } from '../overlaps/overlaps.service.js';
import { SnapshotKind } from './inspection.enums.js';
import type { InspectionSnapshotInput } from './inspection.types.js';

export interface TakenSnapshot {
  kind: SnapshotKind;
  query: Record<string, unknown>;
  answer: unknown;
}

/**
 * A value as JSON: records (agencies, domains, regions) become `{ id, name }`, dates ISO strings,
 * undefined fields are dropped. (Not a JSON.stringify replacer: that sees an entity only after its
 * own toJSON has dropped the global id.)
 */
export function plain(value: unknown): unknown {
  if (value === null || value === undefined) return null;
  if (value instanceof Date) return value.toISOString();
  if (Array.isArray(value)) return value.map(plain);
  if (typeof value !== 'object') return value;
  if ('globalId' in value) {
    const r = value as { globalId: string; name?: string };
    return { id: r.globalId, name: r.name ?? null };
  }
  return Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined).map(([k, v]) => [k, plain(v)]));
}

/**
 * Runs the one query of `input` with the viewer's own access (a snapshot never holds what its
 * author could not see) and returns it with its answer. Refusals of the service keep their code;
 * their paths are prefixed with `path` so they point into the mutation's input.
 */
export async function takeSnapshot(em: EntityManager, viewer: Viewer, input: InspectionSnapshotInput, path: (string | number)[]): Promise<TakenSnapshot> {
  const given = (['scorecard', 'coverage', 'overlapGaps'] as const).filter((k) => input[k] !== undefined && input[k] !== null);
  if (given.length !== 1) {
    throw badInput(`A snapshot takes exactly one of scorecard, coverage and overlapGaps, not ${given.length ? given.join(' and ') : 'none'}`, [{ path, message: 'exactly one query' }]);
  }
  try {
    if (input.scorecard) {
      const query = { year: input.scorecard.year, rubricVersion: input.scorecard.rubricVersion };
      const answer = await scorecard(em, { ...query, locale: Locale.ZH_CN }, scorecardAccess(viewer));
      return { kind: SnapshotKind.SCORECARD, query, answer: plain(answer) };
    }
    if (input.coverage) {
      const only = coverageAccess(analyticsScope(viewer), input.coverage);
      const answer = await runCoverage(em, input.coverage, 'ZH_CN', only);
      return { kind: SnapshotKind.COVERAGE, query: { filter: plain(input.coverage) as Record<string, unknown> }, answer: plain(answer) };
    }
    const filter = input.overlapGaps!;
    const answer = await overlapGaps(em, filter, 'ZH_CN', overlapAccess(viewer));
    return { kind: SnapshotKind.OVERLAP_GAPS, query: { filter: plain(filter) as Record<string, unknown> }, answer: plain(answer) };
  } catch (err) {
    throw within(err, [...path, given[0]!]);
  }
}

/** A service's BAD_USER_INPUT with its problem paths (e.g. ["filter", "from"]) placed under `prefix`. */
function within(err: unknown, prefix: (string | number)[]): unknown {
  if (!(err instanceof GraphQLError) || err.extensions.code !== 'BAD_USER_INPUT') return err;
  const problems = ((err.extensions.problems as FieldProblem[] | undefined) ?? []).map((p) => ({
    ...p,
    path: [...prefix, ...(p.path[0] === 'filter' ? p.path.slice(1) : p.path)],
  }));
  return badInput(err.message, problems.length ? problems : [{ path: prefix, message: err.message }]);
}
