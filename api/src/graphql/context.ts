import type { EntityManager } from '@mikro-orm/core';
import type { DatabaseKind } from '../db/orm.js';
import { authorize, type Action, type Viewer } from './access.js';

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
  can(action: Action, resource: string): void;
}

export function createContext(rootEm: EntityManager, hub: HubState): Context {
  const viewer: Viewer = { kind: 'anonymous' };
  return {
    em: rootEm.fork(),
    viewer,
    hub,
    can: (action, resource) => authorize(viewer, action, resource),
  } satisfies Context;
}
