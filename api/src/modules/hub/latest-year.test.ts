import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { backends, startTestHub, type TestHub } from '../../test/hub.js';

/**
 * The dashboard opens on the latest year with records: the hub writes it into the page it serves.
 * The demo city's activities end on 2025-12-31.
 */
describe.each(backends())('the latest year with records on %s', (kind) => {
  let hub: TestHub;
  let dir: string;
  beforeAll(async () => {
    dir = await mkdtemp(path.join(os.tmpdir(), 'pufa-index-'));
    await writeFile(path.join(dir, 'index.html'), '<!doctype html><html><head><title>t</title></head><body></body></html>');
    hub = await startTestHub(kind, { demo: true, dashboardDir: dir });
  });
  afterAll(async () => {
    delete process.env.PUFA_NOW;
    await hub?.close();
    await rm(dir, { recursive: true, force: true });
  });

  const servedYear = async (route = '/agencies') => {
    const response = await fetch(`${hub.url}${route}`);
    expect(response.headers.get('cache-control')).toBe('no-cache');
    return /<meta name="pufa-latest-year" content="(\d{4})"><\/head>/.exec(await response.text())?.[1] ?? null;
  };

  it('serves the page with the demo city’s last year, and never a year after today', async () => {
    expect(await servedYear('/')).toBe('2025');
    process.env.PUFA_NOW = '2020-06-30T12:00:00+08:00';
    expect(await servedYear()).toBe('2020');
    delete process.env.PUFA_NOW;
  });

  it('follows writes at once: a new year appears with its first activity and goes with its last', async () => {
    const [ids] = await hub.sql(`select (select id from agency order by id limit 1) as agency, (select id from region order by id limit 1) as region`);
    const [{ id }] = await hub.sql(
      `insert into activity (title, date, organiser_id, region_id, form, venue_type, audiences, participants, materials, consultations, online_views)
       values ('2026年宪法宣传', '2026-03-05', ${ids.agency}, ${ids.region}, 'LECTURE', 'COMMUNITY', '{GENERAL_PUBLIC}', 10, 0, 0, 0) returning id`,
    );
    process.env.PUFA_NOW = '2026-04-01T09:00:00+08:00';
    expect(await servedYear()).toBe('2026');
    await hub.sql(`delete from activity where id = ${id}`);
    // The rollup's delta nets the month to zero: no activity is left in 2026.
    expect(await servedYear()).toBe('2025');
    delete process.env.PUFA_NOW;
  });
});
