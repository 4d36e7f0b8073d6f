import { GraphQLDateTime } from 'graphql-scalars';
import { Field, ID, InputType, Int } from 'type-graphql';
import * as m from '@pufa/seeds';
import { authorizeWrite } from '../../graphql/access.js';
import { SlotKind } from '../../shared/enums.js';
import type { BatchHandler } from './batch.service.js';
import { existing, RowChecker, upsertBatch, type UpsertSpec } from './rows.js';

@InputType({ description: 'One broadcast slot. Natural key: outlet + channel + start — a resend with the same key updates the slot.' })
export class BroadcastSlotRowInput {
  @Field(() => ID, { description: 'The outlet that aired it (a media partner reports only its own)' }) declare outletId: string;
  @Field(() => String, { description: 'Channel, page or screen within the outlet' }) declare channel: string;
  @Field(() => String, { description: 'Programme or column title' }) declare programme: string;
  @Field(() => SlotKind) declare kind: m.SlotKind;
  @Field(() => GraphQLDateTime, { description: 'When it started, with its offset, e.g. 2019-06-01T20:00:00+08:00' }) declare startsAt: Date;
  @Field(() => Int, { description: 'Minutes on air (0–1440)' }) declare durationMinutes: number;
  @Field(() => Boolean, { description: 'Prime time or a key page (重要时段/重要版面)' }) declare primeTime: boolean;
  @Field(() => ID, { nullable: true, description: 'The member agency it was made with' }) declare partnerAgencyId?: string;
  @Field(() => ID, { nullable: true }) declare domainId?: string;
  @Field(() => Int, { description: 'Estimated audience reached (0–1,000,000,000)' }) declare reach: number;
}

export const BROADCAST_LIMITS = { durationMinutes: 1440, reach: 1_000_000_000, channel: 100, programme: 200 };
/** The earliest start accepted: the first day of 2000 in Asia/Shanghai. */
const EARLIEST = new Date('2000-01-01T00:00:00+08:00');

interface PreparedSlot {
  outlet_id: number; channel: string; programme: string; kind: string; starts_at: string; duration_minutes: number;
  prime_time: boolean; partner_agency_id: number | null; domain_id: number | null; reach: number;
}

const SLOT_UPSERT: UpsertSpec = {
  table: 'broadcast_slot',
  entity: 'BroadcastSlot',
  key: ['outlet_id', 'channel', 'starts_at'],
  // starts_at travels as the ISO instant of Date.toISOString(), and stays so in the after-image.
  input: {
    outlet_id: 'int', channel: 'text', starts_at: 'text', programme: 'text', kind: 'text', duration_minutes: 'int', prime_time: 'boolean',
    partner_agency_id: 'int', domain_id: 'int', reach: 'int',
  },
  columns: {
    outlet_id: null, channel: null, starts_at: 'i.starts_at::timestamptz', programme: null, kind: null, duration_minutes: null, prime_time: null,
    partner_agency_id: null, domain_id: null, reach: null,
  },
};
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
    const { inserted } = await upsertBatch(em, SLOT_UPSERT, sorted, { viewer, batchId });
    return { inserted, updated: prepared.length - inserted };
  },
};
