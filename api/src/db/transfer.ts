import fs from 'node:fs';
import readline from 'node:readline';
import type { EntityManager } from '@mikro-orm/core';
import { TABLE_ORDER } from '@pufa/seeds';
import { insertRows, isEmpty } from './demo.js';

/**
 * Reference data and facts in dependency order, then accounts, API tokens, batches, the audit
 * trail, assessment rubrics and frozen scorecards, education orders, the public form's device
 * hashes, inspections with their findings, snapshots, rectification items and evidence files (sessions are not moved: everyone signs in again on the new database; the case search
 * index is rebuilt by its trigger as the cases arrive).
 */
export const TRANSFER_TABLES = ['hub_meta', ...TABLE_ORDER, 'app_user', 'api_token', 'ingestion_batch', 'audit_entry', 'assessment_rubric', 'scorecard_snapshot',
  'education_order', 'education_order_domains', 'education_order_agency', 'feedback_device',
  'inspection', 'inspection_agencies', 'inspection_finding', 'inspection_snapshot', 'rectification_item', 'evidence_file'];
const BATCH = 5000;
/** Columns the database derives by triggers (the activity's mirrors of its pivot rows): not moved, rebuilt on import. */
const DERIVED_COLUMNS: Record<string, string[]> = { activity: ['co_organiser_ids', 'law_ids'] };

/** Writes every table to `file`, one JSON line per row ({ t: table, r: row }), ids kept. */
export async function exportTo(em: EntityManager, file: string, log: (msg: string) => void = () => undefined): Promise<void> {
  const out = fs.createWriteStream(file);
  for (const table of TRANSFER_TABLES) {
    // row_to_json lets the database write dates as "YYYY-MM-DD" and timestamps with their offset,
    // whatever the time zone of this process.
    const derived = DERIVED_COLUMNS[table];
    const row = derived ? `to_jsonb(t) - array[${derived.map((c) => `'${c}'`).join(', ')}]` : 'row_to_json(t)';
    const rows: { j: unknown }[] = await em.getConnection().execute(`select ${row} as j from "${table}" t`);
    for (const { j } of rows) out.write(JSON.stringify({ t: table, r: typeof j === 'string' ? JSON.parse(j) : j }) + '\n');
    log(`${table}: ${rows.length}`);
  }
  await new Promise<void>((resolve) => out.end(resolve));
}

/** Loads an export into an empty, migrated database in one transaction. */
export async function importFrom(em: EntityManager, file: string): Promise<void> {
  if (!(await isEmpty(em))) throw new Error('The target database already holds records; import only into an empty database.');
  await em.transactional(async (tx) => {
    const pending = new Map<string, Record<string, unknown>[]>();
    let replacedRubrics = false;
    const flush = async (table: string) => {
      // The migrations seed the default rubric: the export's rubrics (the same one included) replace it.
      if (table === 'assessment_rubric' && !replacedRubrics) {
        await tx.getConnection().execute('delete from assessment_rubric where id not in (select rubric_id from scorecard_snapshot)', [], 'run', tx.getTransactionContext());
        replacedRubrics = true;
      }
      await insertRows(tx, table, pending.get(table) ?? []);
      pending.set(table, []);
    };
    let current: string | undefined;
    for await (const line of readline.createInterface({ input: fs.createReadStream(file) })) {
      if (!line) continue;
      const { t, r } = JSON.parse(line) as { t: string; r: Record<string, unknown> };
      if (!TRANSFER_TABLES.includes(t)) throw new Error(`unknown table ${t} in ${file}`);
      if (current && t !== current) await flush(current);
      current = t;
      const list = pending.get(t) ?? [];
      list.push(r);
      pending.set(t, list);
      if (list.length >= BATCH) await flush(t);
    }
    if (current) await flush(current);
  });
}
