/**
 * `npm run admin:create -- <username> [display name]`: makes an ADMIN account on the configured
 * database (the first step of a real deployment, which starts with no accounts). The password is
 * generated and printed once; change it after signing in.
 */
import 'reflect-metadata';
import { loadConfig } from '../config.js';
import { migrate, openDatabase } from '../db/orm.js';
import { createUser, generatePassword } from '../modules/auth/auth.service.js';
import { Role } from '../modules/auth/role.js';

const [username, displayName] = process.argv.slice(2);
if (!username) {
  console.error('usage: npm run admin:create -- <username> [display name]');
  process.exit(2);
}
const db = await openDatabase(loadConfig());
try {
  await migrate(db);
  const password = generatePassword();
  await createUser(db.orm.em.fork(), { username, displayName: displayName ?? username, role: Role.ADMIN, password });
  console.log(`Created admin "${username}". Password (shown once): ${password}`);
} catch (err) {
  console.error(err instanceof Error ? err.message : err);
  process.exitCode = 1;
} finally {
  await db.close();
}
