/**
 * Helpers shared by the broadcast generators: a slot book that keeps the natural key
 * (outlet, channel, starts_at) unique, the Spring-Festival breaks, and a rotation of
 * partner agencies.
 */
import type { SlotRow } from '../model.js';
import type { Reference } from '../reference.js';
import type { Rng } from '../prng.js';
import { addDays, daysBetween, weekday } from '../dates.js';

export type SlotDraft = Omit<SlotRow, 'id'>;

export class SlotBook {
  readonly slots: SlotDraft[] = [];
  private readonly keys = new Set<string>();

  /** Adds the slot; if its natural key is taken, moves it five minutes later until free. */
  add(slot: SlotDraft): void {
    let s = slot;
    while (this.keys.has(key(s))) s = { ...s, starts_at: plusMinutes(s.starts_at, 5) };
    this.keys.add(key(s));
    this.slots.push(s);
  }
}

function key(s: SlotDraft): string {
  return `${s.outlet_id}|${s.channel}|${s.starts_at}`;
}

/** Adds minutes to a "YYYY-MM-DDTHH:MM:00+08:00" timestamp, staying on the same day. */
function plusMinutes(ts: string, m: number): string {
  const hh = Number(ts.slice(11, 13));
  const mm = Number(ts.slice(14, 16)) + m;
  const h = Math.min(23, hh + Math.floor(mm / 60));
  return `${ts.slice(0, 11)}${String(h).padStart(2, '0')}:${String(mm % 60).padStart(2, '0')}${ts.slice(16)}`;
}

/** Chinese New Year's Day; programmes pause around it. */
const SPRING_FESTIVAL: Record<number, string> = {
  2016: '2016-02-08', 2017: '2017-01-28', 2018: '2018-02-16', 2019: '2019-02-05', 2020: '2020-01-25',
  2021: '2021-02-12', 2022: '2022-02-01', 2023: '2023-01-22', 2024: '2024-02-10', 2025: '2025-01-29',
};

export function holidayBreak(day: string): boolean {
  const sf = SPRING_FESTIVAL[Number(day.slice(0, 4))];
  if (!sf) return false;
  const d = daysBetween(sf, day);
  return d >= -3 && d <= 6;
}

/** Every date on the given weekday (0 = Sunday) in [from, to], `step` weeks apart. */
export function weekly(from: string, to: string, dow: number, step = 1): string[] {
  let d = from;
  while (weekday(d) !== dow) d = addDays(d, 1);
  const out: string[] = [];
  for (; d <= to; d = addDays(d, 7 * step)) out.push(d);
  return out;
}

/** Cycles through member units in a fixed shuffled order, skipping units not valid on the day. */
export class Rotation {
  private readonly order: number[];
  private i = 0;

  constructor(private readonly ref: Reference, rng: Rng, kinds: string[]) {
    this.order = rng.shuffle(ref.agency.filter((a) => kinds.includes(a.kind)).map((a) => a.id));
  }

  next(day: string): number {
    for (let tries = 0; tries < this.order.length; tries++) {
      const id = this.order[this.i++ % this.order.length]!;
      if (this.ref.agencyValidOn(id, day)) return id;
    }
    throw new Error(`no partner valid on ${day}`);
  }
}

/** One enforcement domain of the agency on the day, or null. */
export function domainOf(ref: Reference, rng: Rng, agencyId: number, day: string): number | null {
  const ds = ref.powerDomains(agencyId, day);
  return ds.length > 0 ? rng.pick(ds) : null;
}
