import type { EntityManager } from '@mikro-orm/core';
import type { Viewer } from '../../graphql/access.js';
import { sql } from '../../db/sql.js';
import { parseGlobalId } from '../../shared/ids.js';
import { RetryBatch, type RowError } from './batch.service.js';

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
    if (v.includes('\u0000')) {
      this.fail(row, field, 'must not contain the NUL character (U+0000)');
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

/**
 * A PostgreSQL array literal (`{1,NULL,"a \\"b\\""}`) of numbers, booleans, strings, nulls and
 * arrays (which become literals themselves, cast back by the SQL). Sent as one text parameter it is
 * far cheaper than the driver's per-element conversion of a 5,000-element array.
 */
export function pgArray(values: readonly unknown[]): string {
  let out = '{';
  for (let i = 0; i < values.length; i++) {
    const v = values[i];
    if (i) out += ',';
    if (v === null || v === undefined) out += 'NULL';
    else if (typeof v === 'number' || typeof v === 'boolean') out += String(v);
    else out += `"${(Array.isArray(v) ? pgArray(v) : String(v)).replace(/[\\"]/g, '\\$&')}"`;
  }
  return `${out}}`;
}

/** How the rows of one kind are written by upsertBatch. */
export interface UpsertSpec {
  /** The table written, and the name of its records in the audit trail. */
  table: string;
  entity: string;
  /** The natural key: the columns of the unique constraint that a resend updates by. */
  key: readonly string[];
  /**
   * The values the SQL needs from each row, name → PostgreSQL type: the input row `i`. Each column
   * travels as one array parameter (array-typed columns as array literals).
   */
  input: Readonly<Record<string, string>>;
  /** The table's columns written: SQL over `i`, or (when null) the input column of the same name. */
  columns: Readonly<Record<string, string | null>>;
  /** The before-image of a record `t`, as jsonb (default: `to_jsonb(t)`). */
  before?: string;
  /**
   * More statements of the same WITH (links, answers) for `rows` (the rows being written, in order),
   * after `done` (each written row's `id`, `inserted` and `ord`, its place in `rows` from 1);
   * `param` binds a value and returns its placeholder.
   */
  more?: (param: (value: unknown, type: string) => string, rows: readonly object[]) => string[];
}

export interface UpsertContext {
  viewer: Extract<Viewer, { kind: 'user' }>;
  batchId: string;
  reason?: string | null;
}

/**
 * Writes a batch's rows (sorted by natural key) with one audit entry each, in two statements:
 *
 * 1. `select … for update` of the records the keys already name, in key order: their before-images
 *    cannot change until the batch commits, and concurrent batches lock in the same order;
 * 2. one statement that upserts every row (`insert … select from unnest(…) order by … on conflict do
 *    update`, in key order), runs the spec's further statements (links, answers) and writes the audit
 *    entries: the locked record as before, the row as sent (one JSON document for the batch) as after.
 *
 * A key that another batch created after statement 1 is not updated by statement 2 (it has no locked
 * before-image); those rows go round again, and statement 1 then locks them.
 */
export async function upsertBatch(em: EntityManager, spec: UpsertSpec, rows: readonly object[], ctx: UpsertContext, round = 1): Promise<{ inserted: number }> {
  const params: unknown[] = [];
  const param = (value: unknown, type: string) => {
    params.push(value);
    return `?::${type}`;
  };
  const names = Object.keys(spec.input);
  // Each input column travels as one array literal; an array-typed column's values as literals in a text[].
  const sent = (name: string) => (spec.input[name]!.endsWith('[]') ? 'text' : spec.input[name]!);
  const literals = Object.fromEntries(names.map((name) => [name, pgArray(rows.map((r) => (r as Record<string, unknown>)[name]))]));
  const quote = (name: string) => (/^[a-z_][a-z0-9_]*$/.test(name) ? name : `"${name}"`);
  const keyOfInput = spec.key.map((k) => spec.columns[k] ?? `i.${k}`).join(', ');

  // 1. Lock what exists, in key order: a lateral look-up per key (an index probe, whatever the table's size).
  // Statement 2 is built while PostgreSQL runs it (one turn of the event loop lets the driver send it).
  const locking = sql<{ id: number }>(em,
    `select l.id from unnest(${spec.key.map((k) => `?::${sent(k)}[]`).join(', ')}) with ordinality as i(${spec.key.join(', ')}, ord)
     cross join lateral (select t.id from ${spec.table} t where (${spec.key.map((k) => `t.${k}`).join(', ')}) = (${keyOfInput}) for update) l`,
    spec.key.map((k) => literals[k]));
  locking.catch(() => {}); // awaited below; until then a failure must not count as unhandled
  await new Promise((resolve) => setImmediate(resolve));
  const LOCKED = Symbol('locked ids');

  // 2. Upsert, further statements and audit in one statement.
  const columns = Object.keys(spec.columns);
  const ctes = [
    `input as (select ${names.map((n) => (sent(n) === spec.input[n] ? `u.${quote(n)}` : `u.${quote(n)}::${spec.input[n]} as ${quote(n)}`)).join(', ')}, u.ord
       from unnest(${names.map((n) => param(literals[n], `${sent(n)}[]`)).join(', ')}) with ordinality as u(${names.map(quote).join(', ')}, ord))`,
    `locked as (select unnest(${param(LOCKED, 'int[]')}) as id)`,
    `up as (insert into ${spec.table} (${columns.join(', ')}) select ${columns.map((c) => spec.columns[c] ?? `i.${quote(c)}`).join(', ')} from input i order by i.ord
       on conflict (${spec.key.join(', ')}) do update set ${columns.filter((c) => !spec.key.includes(c)).map((c) => `${c} = excluded.${c}`).join(', ')}
       where ${spec.table}.id in (select id from locked)
       returning id, ${spec.key.join(', ')}, (xmax = 0) as inserted)`,
    // A left join: every row of up has its input row, and the planner then expects as many rows as up has.
    `done as (select up.id, up.inserted, i.ord from up left join input i on (${spec.key.map((k) => `up.${k}`).join(', ')}) = (${keyOfInput}))`,
    ...(spec.more?.(param, rows) ?? []),
    `audit as (insert into audit_entry (actor, actor_id, action, entity, entity_id, before, after, batch, reason)
       select ${param(ctx.viewer.username, 'text')}, ${param(ctx.viewer.id, 'int')}, case when d.inserted then 'CREATE' else 'UPDATE' end, ${param(spec.entity, 'text')}, d.id::text,
         -- Every part of the statement reads the table as it was before the statement: the before-image.
         case when d.inserted then null else (select ${spec.before ?? 'to_jsonb(t)'} from ${spec.table} t where t.id = d.id) end,
         sent.doc::jsonb, ${param(ctx.batchId, 'text')}, ${param(ctx.reason ?? null, 'text')}
       from done d join json_array_elements(${param(JSON.stringify(rows), 'json')}) with ordinality as sent(doc, ord) using (ord)
       order by d.ord)`,
  ];
  const lockedIds = (await locking).map((l) => l.id);
  params[params.indexOf(LOCKED)] = pgArray(lockedIds);
  const [result] = await sql<{ inserted: number; missed: number[] }>(em,
    `with ${ctes.join(',\n')}
     select (select count(*) from done where inserted)::int as inserted, array(select ord from input except select ord from done order by 1)::int[] as missed`,
    params);
  let { inserted } = result!;
  if (result!.missed.length) {
    if (round >= 5) throw new RetryBatch(`other batches kept creating ${spec.entity} records of this batch`);
    inserted += (await upsertBatch(em, spec, result!.missed.map((ord) => rows[ord - 1]!), ctx, round + 1)).inserted;
  }
  return { inserted };
}
