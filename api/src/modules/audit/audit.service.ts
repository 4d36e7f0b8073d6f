import type { EntityManager } from '@mikro-orm/core';
import type { Viewer } from '../../graphql/access.js';
import { sql } from '../../db/sql.js';

export interface AuditInput {
  action: string;
  entity: string;
  entityId?: string | number | null;
  before?: unknown;
  after?: unknown;
  batch?: string | null;
  reason?: string | null;
}

/**
 * Writes audit entries in one statement, inside the caller's transaction if there is one: the
 * entries travel as one JSON document (a before or after left out is stored as SQL null).
 */
export async function recordAudit(em: EntityManager, viewer: Viewer, ...entries: AuditInput[]): Promise<void> {
  if (entries.length === 0) return;
  const actor = viewer.kind === 'user' ? viewer : null;
  const doc = JSON.stringify(entries.map((e) => ({
    action: e.action, entity: e.entity, entity_id: e.entityId === undefined || e.entityId === null ? null : String(e.entityId),
    before: e.before ?? null, after: e.after ?? null, batch: e.batch ?? null, reason: e.reason ?? null,
  })));
  await sql(em,
    `insert into audit_entry (actor, actor_id, action, entity, entity_id, before, after, batch, reason)
     select ?, ?::int, e.action, e.entity, e.entity_id, e.before, e.after, e.batch, e.reason
     from json_array_elements(?::json) with ordinality as d(doc, ord)
     cross join lateral json_to_record(d.doc) as e(action text, entity text, entity_id text, before jsonb, after jsonb, batch text, reason text)
     order by d.ord`,
    [actor?.username ?? null, actor?.id ?? null, doc]);
}
