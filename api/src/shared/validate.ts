import type { EntityManager } from '@mikro-orm/core';
import { badInput } from './errors.js';
import { decodeIds } from './ids.js';

/** Table of each id type, for existence checks. */
const TABLES: Record<string, string> = {
  Agency: 'agency', Region: 'region', EnforcementDomain: 'enforcement_domain', Law: 'law', MediaOutlet: 'media_outlet',
  SurveyWave: 'survey_wave', TrainingSession: 'training_session', ResponsibilityItem: 'responsibility_item',
};

/** Decodes ids of one type and checks they all exist (one statement); BAD_USER_INPUT names the first unknown one. */
export async function existingIds(em: EntityManager, type: string, ids: readonly string[] | undefined | null, path: (string | number)[]): Promise<number[] | undefined> {
  const decoded = decodeIds(type, ids, path);
  if (!decoded || decoded.length === 0) return decoded;
  const rows: { id: number }[] = await em.getConnection().execute(`select id from "${TABLES[type]}" where id in (?)`, [decoded]);
  const found = new Set(rows.map((r) => r.id));
  const missing = decoded.findIndex((id) => !found.has(id));
  if (missing >= 0) throw badInput(`${ids![missing]} does not exist`, [{ path: [...path, missing], message: 'unknown id' }]);
  return decoded;
}

/**
 * Region ids with all their descendants (one statement, via the materialised path);
 * BAD_USER_INPUT for an unknown region.
 */
export async function regionsWithDescendants(em: EntityManager, ids: readonly string[] | undefined | null, path: (string | number)[]): Promise<number[] | undefined> {
  const decoded = decodeIds('Region', ids, path);
  if (!decoded || decoded.length === 0) return decoded;
  const rows: { root: number; id: number }[] = await em
    .getConnection()
    .execute(`select f.id as root, r.id from region f join region r on r.path like f.path || '%' where f.id in (?)`, [decoded]);
  const roots = new Set(rows.map((r) => r.root));
  const missing = decoded.findIndex((id) => !roots.has(id));
  if (missing >= 0) throw badInput(`${ids![missing]} does not exist`, [{ path: [...path, missing], message: 'unknown region' }]);
  return [...new Set(rows.map((r) => r.id))];
}

export function checkDateRange(from: string | undefined | null, to: string | undefined | null, path: string[]): void {
  if (from && to && from > to) {
    throw badInput(`from (${from}) is after to (${to}); give a period whose start is on or before its end`, [{ path: [...path, 'from'], message: 'after to' }]);
  }
}
