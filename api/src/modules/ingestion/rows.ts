import type { EntityManager } from '@mikro-orm/core';
import { sql } from '../../db/sql.js';
import { parseGlobalId } from '../../shared/ids.js';
import type { RowError } from './batch.service.js';

/** Collects row errors and parses ids and values for one batch. */
export class RowChecker {
  readonly errors: RowError[] = [];
  forbidden = false;
  private readonly refusals = new Map<string, string | null>();
  private readonly seen = new Map<string, number>();

  fail(row: number, field: string, message: string): void {
    this.errors.push({ row, field, message });
  }

  /**
   * Runs a write check (`authorizeWrite`) once per target (`key`, e.g. the agency), and records its
   * refusal as a FORBIDDEN error on every row that names the target. True when allowed.
   */
  allowed(row: number, field: string, key: string, check: () => unknown): boolean {
    if (!this.refusals.has(key)) {
      try {
        check();
        this.refusals.set(key, null);
      } catch (err) {
        this.refusals.set(key, (err as Error).message);
      }
    }
    const refused = this.refusals.get(key);
    if (!refused) return true;
    this.forbidden = true;
    this.fail(row, field, refused);
    return false;
  }

  /** Refuses a second row with the same natural key (`what` it consists of), naming the first. */
  once(row: number, field: string, key: string, what: string, noun: string): void {
    const first = this.seen.get(key);
    if (first === undefined) this.seen.set(key, row);
    else this.fail(row, field, `same ${what} as row ${first + 1}: send each ${noun} once`);
  }

  /** "Agency:12" → 12, or a row error. */
  id(row: number, field: string, type: string, value: string | null | undefined, required = true): number | null {
    if (value === null || value === undefined || value === '') {
      if (required) this.fail(row, field, `required: give a ${type} id such as ${type}:1`);
      return null;
    }
    const parsed = parseGlobalId(value);
    if (!parsed || parsed.type !== type) {
      this.fail(row, field, `"${String(value).slice(0, 60)}" is not a ${type} id (expected ${type}:123)`);
      return null;
    }
    return parsed.id;
  }

  int(row: number, field: string, value: number | null | undefined, min: number, max: number, required = true): number | null {
    if (value === null || value === undefined) {
      if (required) this.fail(row, field, 'required');
      return null;
    }
    if (!Number.isInteger(value) || value < min || value > max) {
      this.fail(row, field, `must be a whole number from ${min} to ${max}`);
      return null;
    }
    return value;
  }

  number(row: number, field: string, value: number | null | undefined, min: number, max: number, required = true): number | null {
    if (value === null || value === undefined) {
      if (required) this.fail(row, field, 'required');
      return null;
    }
    if (!Number.isFinite(value) || value < min || value > max) {
      this.fail(row, field, `must be a number from ${min} to ${max}`);
      return null;
    }
    return value;
  }

  text(row: number, field: string, value: string | null | undefined, max: number, required = true): string | null {
    const v = value?.trim();
    if (!v) {
      if (required) this.fail(row, field, 'required');
      return null;
    }
    if (v.length > max) {
      this.fail(row, field, `at most ${max} characters`);
      return null;
    }
    return v;
  }

  date(row: number, field: string, value: string | null | undefined, min: string, max: string): string | null {
    if (!value) {
      this.fail(row, field, 'required (YYYY-MM-DD)');
      return null;
    }
    if (value < min || value > max) {
      this.fail(row, field, `${value} is outside ${min} … ${max}`);
      return null;
    }
    return value;
  }
}

export interface AgencyFacts {
  id: number;
  valid_from: string;
  valid_to: string | null;
  district_id: number | null;
}

/** The agencies rows name, with their validity and district (one statement). */
export async function agencyFacts(em: EntityManager, ids: Iterable<number | null>): Promise<Map<number, AgencyFacts>> {
  const list = [...new Set([...ids].filter((x): x is number => x !== null))];
  const rows = await sql<AgencyFacts>(
    em, `select a.id, a.valid_from::text, a.valid_to::text, r.district_id from agency a join region r on r.id = a.region_id where a.id = any(?)`, [list]);
  return new Map(rows.map((a) => [a.id, a]));
}

/** Ids of `table` among `ids` that exist (one statement). */
export async function existing(em: EntityManager, table: string, ids: Iterable<number | null>): Promise<Set<number>> {
  const list = [...new Set([...ids].filter((x): x is number => x !== null))];
  if (list.length === 0) return new Set();
  const rows = await sql<{ id: number }>(em, `select id from "${table}" where id = any(?)`, [list]);
  return new Set(rows.map((r) => r.id));
}

/** Today in Asia/Shanghai, "YYYY-MM-DD". */
export function todayInShanghai(now = new Date()): string {
  return new Date(now.getTime() + 8 * 3_600_000).toISOString().slice(0, 10);
}

/** `on conflict (<natural key>) do update set` every other column: the upsert of a batch row. */
export function onConflictUpdate(key: readonly string[], columns: readonly string[]): string {
  return `on conflict (${key.join(', ')}) do update set ${columns.filter((c) => !key.includes(c)).map((c) => `${c} = excluded.${c}`).join(', ')}`;
}

/** Splits rows into chunks for multi-row statements. */
export function chunks<T>(rows: T[], size = 1000): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < rows.length; i += size) out.push(rows.slice(i, i + size));
  return out;
}
