import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { backends, startTestHub, type TestHub } from '../test/hub.js';
import { exportTo, importFrom } from './transfer.js';

// From the embedded default to each backend (PostgreSQL when available): the move a deployment makes.
describe.each(backends())('moving a deployment from the embedded database to %s', (target) => {
  const hubs: TestHub[] = [];
  const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'pufa-transfer-')), 'export.jsonl');
  afterAll(async () => {
    for (const h of hubs) await h.close();
    fs.rmSync(path.dirname(file), { recursive: true, force: true });
  });

  it('carries every figure, account and audit entry across', async () => {
    const source = await startTestHub('pglite', { demo: true });
    hubs.push(source);
    await source.sql(`insert into scorecard_snapshot (year, rubric_id, computed, frozen_at, frozen_by) select 2023, id, '{"rows": []}', now(), 'admin' from assessment_rubric limit 1`);
    await exportTo(source.db.orm.em.fork(), file);

    const dest = await startTestHub(target);
    hubs.push(dest);
    // The destination's own test admin would clash with the imported accounts' ids: clear it.
    await dest.sql('delete from app_session');
    await dest.sql('delete from audit_entry');
    await dest.sql('delete from app_user');
    await importFrom(dest.db.orm.em.fork(), file);
    const count = async (h: TestHub, table: string) => (await h.sql(`select count(*)::int as n from ${table}`))[0].n;
    for (const table of ['activity', 'activity_laws', 'survey_answer', 'app_user', 'audit_entry', 'assessment_rubric', 'scorecard_snapshot']) {
      expect(await count(dest, table), table).toBe(await count(source, table));
    }
    const [entry] = await dest.sql(`select action, after from audit_entry order by id limit 1`);
    expect(entry.action).toBe('SIGN_IN');
    const figures = (h: TestHub) => h.sql(`select (select count(*)::int from activity where date between '2016-01-01' and '2020-12-31') as activities,
      (select sum(materials)::int from activity) as materials, (select sum(duration_minutes)::int from broadcast_slot) as minutes,
      (select count(*)::int from training_attendance where attended) as attended, (select count(*)::int from survey_answer where aware) as aware,
      (select sum(n)::int from (select n from rollup_activity_agency union all select n from rollup_activity_agency_delta) r) as credited,
      (select count(*)::int from activity a cross join lateral (select a.organiser_id union select c.agency_id from activity_co_organisers c where c.activity_id = a.id) x) as credits`);
    expect(await figures(dest)).toEqual(await figures(source));
    expect((await figures(dest))[0].activities).toBe(468);
    // The rollups were rebuilt by the triggers as the rows arrived: every agency credit is there once.
    expect((await figures(dest))[0].credited).toBe((await figures(dest))[0].credits);
    // Sequences moved past the imported ids: a new row gets a new id.
    await dest.sql(`insert into region (code, name, level, path) values ('NEW', '新区', 'DISTRICT', '/x/')`);
  }, 180_000);
});
