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

/** Writes audit entries in one multi-row insert, inside the caller's transaction if there is one. */
export async function recordAudit(em: EntityManager, viewer: Viewer, ...entries: AuditInput[]): Promise<void> {
  if (entries.length === 0) return;
  const actor = viewer.kind === 'user' ? viewer : null;
  const CHUNK = 1000;
  for (let i = 0; i < entries.length; i += CHUNK) {
    const chunk = entries.slice(i, i + CHUNK);
    const params: unknown[] = [];
    const values = chunk.map((e) => {
      params.push(actor?.username ?? null, actor?.id ?? null, e.action, e.entity, e.entityId === undefined || e.entityId === null ? null : String(e.entityId),
        e.before === undefined ? null : JSON.stringify(e.before), e.after === undefined ? null : JSON.stringify(e.after), e.batch ?? null, e.reason ?? null);
      return '(?, ?, ?, ?, ?, ?::jsonb, ?::jsonb, ?, ?)';
    });
    await sql(em, `insert into audit_entry (actor, actor_id, action, entity, entity_id, before, after, batch, reason) values ${values.join(', ')}`, params);
  }
}
