import type { EntityManager } from '@mikro-orm/core';
import type { Request, Response } from 'express';
import { parse as parseCookie } from 'cookie';
import type { DatabaseKind } from '../db/orm.js';
import { resolveViewer, SESSION_COOKIE } from '../modules/auth/auth.service.js';
import { Role } from '../modules/auth/role.js';
import { readScope, type ReadScope, type Viewer } from './access.js';

export interface HubState {
  demoData: boolean;
  database: DatabaseKind;
  version: string;
}

export interface Context {
  /** A fork per request: its identity map and dataloaders live as long as the request. */
  em: EntityManager;
  viewer: Viewer;
  hub: HubState;
  /** The session or API token the request came with (cookie or `Authorization: Bearer`). */
  token: string | null;
  req?: Request;
  res?: Response;
  /** What part of a record type the viewer may read (throws when nothing). */
  scope(resource: string): ReadScope;
  /** Records an inspector opened, written to the audit trail once the response is sent. */
  viewed: Map<string, Set<string>>;
  noteViewed(entity: string, ids: (string | number)[]): void;
}

export function requestToken(req?: Pick<Request, 'headers'>): string | null {
  return requestCredential(req)?.token ?? null;
}

/** The bearer token (programs) or session cookie (the dashboard) a request carries. */
export function requestCredential(req?: Pick<Request, 'headers'>): { token: string; from: 'bearer' | 'cookie' } | null {
  const auth = req?.headers.authorization;
  if (auth?.startsWith('Bearer ')) {
    const token = auth.slice(7).trim();
    return token ? { token, from: 'bearer' } : null;
  }
  const cookies = req?.headers.cookie ? parseCookie(req.headers.cookie) : {};
  return cookies[SESSION_COOKIE] ? { token: cookies[SESSION_COOKIE], from: 'cookie' } : null;
}

/**
 * The viewer of a request. A bearer token that is not valid answers UNAUTHENTICATED (a program
 * should know); a stale session cookie (signed out elsewhere, password changed) makes the browser
 * the public again and is cleared, so the person can sign in anew.
 */
export async function requestViewer(em: EntityManager, req?: Request, res?: Response): Promise<{ viewer: Viewer; token: string | null }> {
  const credential = requestCredential(req);
  if (!credential) return { viewer: { kind: 'anonymous' }, token: null };
  try {
    return { viewer: await resolveViewer(em, credential.token), token: credential.token };
  } catch (err) {
    if (credential.from === 'bearer') throw err;
    res?.clearCookie(SESSION_COOKIE, { path: '/' });
    return { viewer: { kind: 'anonymous' }, token: null };
  }
}

export async function createContext(rootEm: EntityManager, hub: HubState, req?: Request, res?: Response): Promise<Context> {
  const em = rootEm.fork();
  const { viewer, token } = await requestViewer(em, req, res);
  const viewed = new Map<string, Set<string>>();
  return {
    em,
    viewer,
    hub,
    token,
    req,
    res,
    scope: (resource) => readScope(viewer, resource),
    viewed,
    noteViewed(entity, ids) {
      if (viewer.kind !== 'user' || viewer.role !== Role.INSPECTOR || ids.length === 0 || entity === 'AuditEntry') return;
      const set = viewed.get(entity) ?? new Set();
      ids.forEach((id) => set.add(String(id)));
      viewed.set(entity, set);
    },
  } satisfies Context;
}
