/**
 * Bringing a column of plausible per-activity counts to a required total without creating
 * an outlier: scale every value by the same factor (respecting the cap), then spread the
 * rounding residue as ±1 corrections over many rows in a random order. No single row is
 * ever used to "fix" the sum.
 */
import type { Rng } from '../prng.js';

export function rescaleToRange(rng: Rng, values: number[], cap: number, lo: number, hi: number): number[] {
  const target = Math.round(lo + (hi - lo) * rng.real(0.3, 0.7));
  let out = values.slice();
  // A few rounds of proportional scaling; capped rows stop growing, the others take up the slack.
  for (let round = 0; round < 6; round++) {
    const sum = out.reduce((a, b) => a + b, 0);
    if (sum === 0) throw new Error('cannot rescale an all-zero column');
    const f = target / sum;
    out = out.map((v) => (v === 0 ? 0 : Math.min(cap, Math.max(1, Math.round(v * f)))));
  }
  let residual = target - out.reduce((a, b) => a + b, 0);
  const order = rng.shuffle(out.map((_, i) => i).filter((i) => out[i]! > 0));
  for (let i = 0, guard = 0; residual !== 0 && guard < order.length * 50; i++, guard++) {
    const idx = order[i % order.length]!;
    const step = residual > 0 ? 1 : -1;
    const next = out[idx]! + step;
    if (next >= 1 && next <= cap) {
      out[idx] = next;
      residual -= step;
    }
  }
  const total = out.reduce((a, b) => a + b, 0);
  if (total < lo || total > hi) throw new Error(`rescale missed [${lo}, ${hi}]: ${total}`);
  return out;
}
