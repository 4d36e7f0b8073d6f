import { userError } from '../shared/errors.js';

/** Who is asking. Anonymous until the accounts issue adds sign-in; then roles fill `Viewer`. */
export interface Viewer {
  kind: 'anonymous';
}

export type Action = 'read' | 'write';

/**
 * The one access check. Every resolver calls it before touching data, with the record type it
 * reads or writes (and later the record itself), so roles are added here, not in resolvers.
 * Today: everyone may read; nothing may be written (there are no mutations yet).
 */
export function authorize(viewer: Viewer, action: Action, resource: string): void {
  if (action === 'read') return;
  throw userError(viewer.kind === 'anonymous' ? 'UNAUTHENTICATED' : 'FORBIDDEN', `Writing ${resource} needs an account with that right`);
}
