import { GraphQLDateTime } from 'graphql-scalars';
import { Field, ID, InputType, Int } from 'type-graphql';
import * as m from '@pufa/seeds';
import { authorizeWrite } from '../../graphql/access.js';
import { SlotKind } from '../../shared/enums.js';
import { sql } from '../../db/sql.js';
import { recordAudit } from '../audit/audit.service.js';
import type { BatchHandler } from './batch.service.js';
import { chunks, existing, onConflictUpdate, RowChecker } from './rows.js';

@InputType({ description: 'One broadcast slot. Natural key: outlet + channel + start — a resend with the same key updates the slot.' })
export class BroadcastSlotRowInput {
  @Field(() => ID, { description: 'The outlet that aired it (a media partner reports only its own)' }) outletId!: string;
  @Field(() => String, { description: 'Channel, page or screen within the outlet' }) channel!: string;
  @Field(() => String, { description: 'Programme or column title' }) programme!: string;
  @Field(() => SlotKind) kind!: m.SlotKind;
  @Field(() => GraphQLDateTime, { description: 'When it started, with its offset, e.g. 2019-06-01T20:00:00+08:00' }) startsAt!: Date;
  @Field(() => Int, { description: 'Minutes on air (0–1440)' }) durationMinutes!: number;
  @Field(() => Boolean, { description: 'Prime time or a key page (重要时段/重要版面)' }) primeTime!: boolean;
  @Field(() => ID, { nullable: true, description: 'The member agency it was made with' }) partnerAgencyId?: string;
  @Field(() => ID, { nullable: true }) domainId?: string;
  @Field(() => Int, { description: 'Estimated audience reached (0–1,000,000,000)' }) reach!: number;
}

export const BROADCAST_LIMITS = { durationMinutes: 1440, reach: 1_000_000_000, channel: 100, programme: 200 };
/** The earliest start accepted: the first day of 2000 in Asia/Shanghai. */
const EARLIEST = new Date('2000-01-01T00:00:00+08:00');

interface PreparedSlot {
  outlet_id: number; channel: string; programme: string; kind: string; starts_at: string; duration_minutes: number;
  prime_time: boolean; partner_agency_id: number | null; domain_id: number | null; reach: number;
}

const COLUMNS = ['outlet_id', 'channel', 'starts_at', 'programme', 'kind', 'duration_minutes', 'prime_time', 'partner_agency_id', 'domain_id', 'reach'] as const;
const KEY = ['outlet_id', 'channel', 'starts_at'];
/** starts_at as the same ISO instant `Date.toISOString()` gives, so keys from SQL and from the rows compare equal. */
const STARTS_ISO = `to_char(starts_at at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"')`;
const keyOf = (r: { outlet_id: number; channel: string; starts_at: string }) => `${r.outlet_id}|${r.channel}|${r.starts_at}`;

function instant(value: unknown): Date | null {
  const d = value instanceof Date ? value : typeof value === 'string' && value ? new Date(value) : null;
  return d && Number.isFinite(d.getTime()) ? d : null;
}

export const broadcastSlotBatch: BatchHandler<BroadcastSlotRowInput, PreparedSlot[]> = {
  kind: 'broadcast-slots',

  async validate(em, viewer, rows) {
    const c = new RowChecker();
    const latest = new Date();
    latest.setUTCFullYear(latest.getUTCFullYear() + 1);
    const parsed = rows.map((r, i) => {
      let starts: string | null = null;
      if (r.startsAt === null || r.startsAt === undefined) c.fail(i, 'startsAt', 'required: an instant with its offset, e.g. 2019-06-01T20:00:00+08:00');
      else {
        const d = instant(r.startsAt);
        if (!d) c.fail(i, 'startsAt', `"${String(r.startsAt).slice(0, 40)}" is not a date-time; give an instant with its offset, e.g. 2019-06-01T20:00:00+08:00`);
        else if (d < EARLIEST || d > latest) c.fail(i, 'startsAt', `${d.toISOString()} is outside 2000-01-01 … ${latest.toISOString().slice(0, 10)} (one year from now)`);
        else starts = d.toISOString();
      }
      return {
        outlet_id: c.id(i, 'outletId', 'MediaOutlet', r.outletId),
        channel: c.text(i, 'channel', r.channel, BROADCAST_LIMITS.channel),
        programme: c.text(i, 'programme', r.programme, BROADCAST_LIMITS.programme),
        kind: r.kind,
        starts_at: starts,
        duration_minutes: c.int(i, 'durationMinutes', r.durationMinutes, 0, BROADCAST_LIMITS.durationMinutes),
        prime_time: r.primeTime,
        partner_agency_id: c.id(i, 'partnerAgencyId', 'Agency', r.partnerAgencyId, false),
        domain_id: c.id(i, 'domainId', 'EnforcementDomain', r.domainId, false),
        reach: c.int(i, 'reach', r.reach, 0, BROADCAST_LIMITS.reach),
      };
    });

    rows.forEach((r, i) => {
      if (!(m.SLOT_KINDS as readonly string[]).includes(r.kind)) c.fail(i, 'kind', `unknown slot kind "${r.kind}"; one of ${m.SLOT_KINDS.join(', ')}`);
      if (typeof r.primeTime !== 'boolean') c.fail(i, 'primeTime', 'required: true or false');
    });

    // Reference look-ups, one statement per table.
    const outlets = await existing(em, 'media_outlet', parsed.map((p) => p.outlet_id));
    const agencies = await existing(em, 'agency', parsed.map((p) => p.partner_agency_id));
    const domains = await existing(em, 'enforcement_domain', parsed.map((p) => p.domain_id));


    parsed.forEach((p, i) => {
      if (p.outlet_id && !outlets.has(p.outlet_id)) c.fail(i, 'outletId', `MediaOutlet:${p.outlet_id} does not exist`);
      else if (p.outlet_id) c.allowed(i, 'outletId', `MediaOutlet:${p.outlet_id}`, () => authorizeWrite(viewer, 'BroadcastSlot', { outletId: p.outlet_id }));
      if (p.partner_agency_id && !agencies.has(p.partner_agency_id)) c.fail(i, 'partnerAgencyId', `Agency:${p.partner_agency_id} does not exist`);
      if (p.domain_id && !domains.has(p.domain_id)) c.fail(i, 'domainId', `EnforcementDomain:${p.domain_id} does not exist`);
      if (p.outlet_id && p.channel && p.starts_at) {
        c.once(i, 'startsAt', keyOf(p as PreparedSlot), 'outlet, channel and start', 'slot');
      }
    });
    c.errors.sort((a, b) => a.row - b.row);
    return { errors: c.errors, forbidden: c.forbidden, prepared: parsed as PreparedSlot[] };
  },

  async write(em, viewer, prepared, batchId) {
    // Sorted by natural key, so concurrent batches lock rows in the same order and cannot deadlock.
    const cmp = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);
    const sorted = [...prepared].sort((a, b) => a.outlet_id - b.outlet_id || cmp(a.channel, b.channel) || cmp(a.starts_at, b.starts_at));
    let inserted = 0;
    for (const chunk of chunks(sorted)) {
      const keyList = chunk.map(() => '(?, ?, ?::timestamptz)').join(', ');
      const keyParams = chunk.flatMap((r) => [r.outlet_id, r.channel, r.starts_at]);
      const before = await sql<{ row: unknown; starts_iso: string }>(
        em, `select row_to_json(b) as row, ${STARTS_ISO} as starts_iso from broadcast_slot b where (outlet_id, channel, starts_at) in (${keyList})`, keyParams);
      const beforeByKey = new Map(before.map(({ row, starts_iso }) => {
        const b = (typeof row === 'string' ? JSON.parse(row) : row) as Record<string, unknown>;
        return [`${b.outlet_id}|${b.channel}|${starts_iso}`, b];
      }));
      const params: unknown[] = [];
      const values = chunk.map((r) => {
        params.push(r.outlet_id, r.channel, r.starts_at, r.programme, r.kind, r.duration_minutes, r.prime_time, r.partner_agency_id, r.domain_id, r.reach);
        return '(?, ?, ?::timestamptz, ?, ?, ?, ?, ?::int, ?::int, ?)';
      });
      const upserted = await sql<{ id: number; outlet_id: number; channel: string; starts_at: string; inserted: boolean }>(em,
        `insert into broadcast_slot (${COLUMNS.join(', ')}) values ${values.join(', ')}
         ${onConflictUpdate(KEY, COLUMNS)}
         returning id, outlet_id, channel, ${STARTS_ISO} as starts_at, (xmax = 0) as inserted`,
        params);
      const idByKey = new Map(upserted.map((u) => [keyOf(u), u]));
      inserted += upserted.filter((u) => u.inserted).length;
      await recordAudit(em, viewer, ...chunk.map((r) => {
        const key = keyOf(r);
        const row = idByKey.get(key)!;
        return { action: row.inserted ? 'CREATE' : 'UPDATE', entity: 'BroadcastSlot', entityId: row.id, before: beforeByKey.get(key) ?? null, after: r, batch: batchId };
      }));
    }
    return { inserted, updated: prepared.length - inserted };
  },
};
