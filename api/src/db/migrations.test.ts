import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { migrationsList } from './migrations/index.js';
import { migrate, openPglite, type Database } from './orm.js';

let db: Database | undefined;
const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'pufa-migrations-'));
afterAll(async () => {
  await db?.close();
  fs.rmSync(dir, { recursive: true, force: true });
});

describe('migrations', () => {
  it('produce exactly the schema the entities describe', async () => {
    db = await openPglite(dir);
    expect(await migrate(db)).toEqual(migrationsList.map((m) => m.name));
    const diff = await db.orm.getSchemaGenerator().getUpdateSchemaSQL({ wrap: false, safe: false });
    expect(diff.trim()).toBe('');
  });

  it('never drop anything', () => {
    for (const m of migrationsList) {
      const source = m.class.toString();
      expect(source, m.name).not.toMatch(/\bdrop\s+(table|column|schema|database)\b/i);
    }
  });
});
