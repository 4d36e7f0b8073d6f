/**
 * Stable rosters of (generated) people per unit: the deputy head who answers for legal
 * education, the head, a lecturer and a few staff. Rosters change with terms of office
 * (2016–2018, 2019–2021, 2022–2025) so the same names recur across years, as they would.
 */
import type { Reference } from '../reference.js';
import { Rng } from '../prng.js';
import { distinctNames } from '../names.js';

export interface Roster { head: string; deputy: string; lecturer: string; staff: string[] }

export function term(year: number): number {
  return year <= 2018 ? 1 : year <= 2021 ? 2 : 3;
}

const cache = new Map<string, Roster>();

export function roster(ref: Reference, seed: number, agencyId: number, year: number): Roster {
  const code = ref.agencyById(agencyId).code;
  const key = `${seed}:${code}:${term(year)}`;
  let r = cache.get(key);
  if (!r) {
    // Seeded by unit and term only, so every generator sees the same people.
    const [head, deputy, lecturer, ...staff] = distinctNames(new Rng(seed).fork(`roster:${code}:${term(year)}`), 9);
    r = { head: head!, deputy: deputy!, lecturer: lecturer!, staff };
    cache.set(key, r);
  }
  return r;
}

/** "张海涛（副局长）": the responsible leader of a responsibility item. */
export function responsibleLeader(ref: Reference, seed: number, agencyId: number, year: number): string {
  return `${roster(ref, seed, agencyId, year).deputy}（${ref.agencySpec(agencyId).leaderTitle}）`;
}
