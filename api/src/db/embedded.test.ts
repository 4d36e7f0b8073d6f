import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { DataDirLockedError } from './lock.js';
import { migrate, openPglite } from './orm.js';

const dirs: string[] = [];
const tempDir = () => {
  const d = fs.mkdtempSync(path.join(os.tmpdir(), 'pufa-embedded-'));
  dirs.push(d);
  return d;
};
afterAll(() => dirs.forEach((d) => fs.rmSync(d, { recursive: true, force: true })));

describe('the embedded database', () => {
  it('keeps its data across a restart', async () => {
    const dir = tempDir();
    const first = await openPglite(dir);
    await migrate(first);
    await first.orm.em.getConnection().execute(`insert into hub_meta (key, value) values ('probe', 'kept')`);
    await first.close();

    const second = await openPglite(dir);
    expect(await migrate(second)).toEqual([]); // nothing pending, nothing re-run
    const rows = await second.orm.em.getConnection().execute(`select value from hub_meta where key = 'probe'`);
    await second.close();
    expect(rows).toEqual([{ value: 'kept' }]);
  });

  it('refuses a second process on the same folder, with a message that says what to do', async () => {
    const dir = tempDir();
    const other = spawn(process.execPath, ['-e', 'setTimeout(() => {}, 60000)']);
    try {
      fs.writeFileSync(path.join(dir, 'pufa.lock'), String(other.pid));
      const attempt = openPglite(dir);
      await expect(attempt).rejects.toBeInstanceOf(DataDirLockedError);
      await expect(attempt).rejects.toThrow(/in use by another Pufa Hub process .*PUFA_DATA_DIR/);
    } finally {
      other.kill();
    }
  });

  it('takes over a lock left by a process that died', async () => {
    const dir = tempDir();
    const dead = spawn(process.execPath, ['-e', '0']);
    await new Promise((resolve) => dead.once('exit', resolve));
    fs.writeFileSync(path.join(dir, 'pufa.lock'), String(dead.pid));
    const db = await openPglite(dir);
    expect(fs.readFileSync(path.join(dir, 'pufa.lock'), 'utf8')).toBe(String(process.pid));
    await db.close();
    expect(fs.existsSync(path.join(dir, 'pufa.lock'))).toBe(false);
  });
});
