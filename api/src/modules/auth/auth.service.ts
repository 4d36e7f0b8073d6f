import { createHash, randomBytes } from 'node:crypto';
import type { EntityManager } from '@mikro-orm/core';
import argon2 from 'argon2';
import type { Viewer } from '../../graphql/access.js';
import { badInput, userError } from '../../shared/errors.js';
import { recordAudit } from '../audit/audit.service.js';
import { Role } from './role.js';
import { Agency } from '../agencies/agency.entity.js';
import { MediaOutlet } from '../media/media.entity.js';
import { Region } from '../regions/region.entity.js';
import { ApiToken, Session, User } from './user.entity.js';

export const SESSION_COOKIE = 'pufa_session';
export const SESSION_HOURS = 12;
const MAX_FAILURES = 5;
const LOCK_MINUTES = 15;
const MIN_PASSWORD = 10;

/** Tokens carry a prefix telling a session from an API token, then 32 random bytes. */
const newSecret = (prefix: 'pufa_s' | 'pufa_t') => `${prefix}_${randomBytes(32).toString('base64url')}`;
export const tokenHash = (token: string) => createHash('sha256').update(token).digest('hex');

export function hashPassword(password: string): Promise<string> {
  return argon2.hash(password, { type: argon2.argon2id });
}

export function checkPasswordStrength(password: string, path: string[]): void {
  if (password.length < MIN_PASSWORD) throw badInput(`The password needs at least ${MIN_PASSWORD} characters`, [{ path, message: 'too short' }]);
  if (password.length > 200) throw badInput('The password may have at most 200 characters', [{ path, message: 'too long' }]);
}

/** A readable random password for generated accounts (demo accounts, `admin:create`). */
export function generatePassword(): string {
  return randomBytes(12).toString('base64url');
}

// Verifying against a fixed hash when the user does not exist keeps the timing the same.
let dummyHash: Promise<string> | undefined;

/**
 * Signs in with username and password. Repeated failures lock the account for a while; the
 * message never tells whether the username exists.
 */
export async function signIn(em: EntityManager, username: string, password: string): Promise<{ token: string; user: User; expiresAt: Date }> {
  const user = await em.findOne(User, { username });
  const wrong = () => userError('UNAUTHENTICATED', 'Wrong username or password');
  if (!user || user.disabled) {
    dummyHash ??= hashPassword('not-a-real-password');
    await argon2.verify(await dummyHash, password).catch(() => false);
    throw wrong();
  }
  if (user.lockedUntil && user.lockedUntil > new Date()) {
    throw userError('UNAUTHENTICATED', `Too many failed sign-ins: the account is locked until ${user.lockedUntil.toISOString()}. Try again then, or ask an administrator.`);
  }
  if (!(await argon2.verify(user.passwordHash, password))) {
    user.failedSignIns += 1;
    if (user.failedSignIns >= MAX_FAILURES) {
      user.lockedUntil = new Date(Date.now() + LOCK_MINUTES * 60_000);
      user.failedSignIns = 0;
    }
    await em.flush();
    await recordAudit(em, { kind: 'anonymous' }, { action: 'SIGN_IN_FAILED', entity: 'User', entityId: user.id });
    throw wrong();
  }
  user.failedSignIns = 0;
  user.lockedUntil = null;
  const token = newSecret('pufa_s');
  const expiresAt = new Date(Date.now() + SESSION_HOURS * 3_600_000);
  em.persist(Object.assign(new Session(), { tokenHash: tokenHash(token), user: em.getReference(User, user.id), expiresAt }));
  await em.flush();
  return { token, user, expiresAt };
}

export async function signOut(em: EntityManager, token: string | null): Promise<void> {
  if (token) await em.nativeDelete(Session, { tokenHash: tokenHash(token) });
}

/** The viewer a request's session cookie or bearer token stands for (one statement). */
export async function resolveViewer(em: EntityManager, token: string | null): Promise<Viewer> {
  if (!token) return { kind: 'anonymous' };
  const isApiToken = token.startsWith('pufa_t_');
  const rows: { id: number; username: string; role: Role; agency_id: number | null; outlet_id: number | null; district_id: number | null; disabled: boolean }[] =
    await em.getConnection().execute(
      isApiToken
        ? `update api_token t set last_used_at = now() from app_user u where t.token_hash = ? and t.revoked_at is null and u.id = t.user_id
           returning u.id, u.username, u.role, u.agency_id, u.outlet_id, u.district_id, u.disabled`
        : `select u.id, u.username, u.role, u.agency_id, u.outlet_id, u.district_id, u.disabled from app_session s join app_user u on u.id = s.user_id
           where s.token_hash = ? and s.expires_at > now()`,
      [tokenHash(token)],
    );
  const u = rows[0];
  if (!u || u.disabled) throw userError('UNAUTHENTICATED', 'Your session has ended or the token is not valid: sign in again', { http: { status: 401 } });
  return { kind: 'user', id: u.id, username: u.username, role: u.role, agencyId: u.agency_id, outletId: u.outlet_id, districtId: u.district_id };
}

export async function changePassword(em: EntityManager, userId: number, current: string, next: string): Promise<void> {
  const user = await em.findOneOrFail(User, { id: userId });
  if (!(await argon2.verify(user.passwordHash, current))) throw badInput('The current password is wrong', [{ path: ['currentPassword'], message: 'wrong' }]);
  checkPasswordStrength(next, ['newPassword']);
  user.passwordHash = await hashPassword(next);
  await em.flush();
  // Other sessions end: whoever knew the old password is signed out.
  await em.nativeDelete(Session, { user: userId });
}

export async function createApiToken(em: EntityManager, userId: number, name: string): Promise<{ token: string; record: ApiToken }> {
  const token = newSecret('pufa_t');
  const record = Object.assign(new ApiToken(), { name, tokenHash: tokenHash(token), user: em.getReference(User, userId) });
  await em.persistAndFlush(record);
  return { token, record };
}

export interface NewUser {
  username: string;
  displayName: string;
  role: Role;
  password: string;
  agencyId?: number | null;
  outletId?: number | null;
  districtId?: number | null;
}

/** Creates an account; a role that reports for someone must say for whom. */
export async function createUser(em: EntityManager, input: NewUser): Promise<User> {
  if (!/^[A-Za-z0-9_.-]{3,40}$/.test(input.username)) {
    throw badInput('The username must be 3–40 letters, digits, dots, dashes or underscores', [{ path: ['input', 'username'], message: 'invalid' }]);
  }
  checkPasswordStrength(input.password, ['input', 'password']);
  const needs: Partial<Record<Role, keyof NewUser>> = { AGENCY_REPORTER: 'agencyId', MEDIA_PARTNER: 'outletId', DISTRICT_ADMIN: 'districtId' };
  const need = needs[input.role];
  if (need && !input[need]) throw badInput(`A ${input.role} account needs ${need}`, [{ path: ['input', need], message: 'required for this role' }]);
  if (await em.count(User, { username: input.username })) {
    throw userError('CONFLICT', `The username ${input.username} is taken`);
  }
  const user = Object.assign(new User(), {
    username: input.username,
    displayName: input.displayName,
    role: input.role,
    passwordHash: await hashPassword(input.password),
    agency: input.role === Role.AGENCY_REPORTER && input.agencyId ? em.getReference(Agency, input.agencyId) : null,
    outlet: input.role === Role.MEDIA_PARTNER && input.outletId ? em.getReference(MediaOutlet, input.outletId) : null,
    district: input.role === Role.DISTRICT_ADMIN && input.districtId ? em.getReference(Region, input.districtId) : null,
    disabled: false,
    failedSignIns: 0,
  });
  await em.persistAndFlush(user);
  return user;
}
