import { badInput } from './errors.js';

/**
 * Global ids are "Type:number" (e.g. "Agency:12"): readable in URLs and logs, and `node(id)`
 * can tell the type from the id alone.
 */
export function toGlobalId(type: string, id: number): string {
  return `${type}:${id}`;
}

export function parseGlobalId(id: string): { type: string; id: number } | null {
  const m = /^([A-Za-z]+):(\d{1,15})$/.exec(id);
  return m ? { type: m[1]!, id: Number(m[2]) } : null;
}

/** Decodes ids that must all be of `type`; answers BAD_USER_INPUT naming the argument otherwise. */
export function decodeIds(type: string, ids: readonly string[] | undefined | null, argPath: (string | number)[]): number[] | undefined {
  if (!ids) return undefined;
  return ids.map((raw, i) => {
    const parsed = parseGlobalId(raw);
    if (!parsed || parsed.type !== type) {
      throw badInput(`"${raw}" is not a ${type} id (expected the form ${type}:123)`, [{ path: [...argPath, i], message: `not a ${type} id` }]);
    }
    return parsed.id;
  });
}
