import { describe, expect, it } from 'vitest';
import { assignTiers, meanInterval, normalQuantile, tQuantile, wilsonInterval, Z95 } from './stats.js';

// Reference values: scipy.stats.t.ppf / norm.ppf, and the interval formulas evaluated with mpmath
// at 40 digits, outside this code.
describe('tQuantile', () => {
  it('matches the printed table of t(0.975, df)', () => {
    const table: [number, number][] = [[1, 12.706], [2, 4.303], [5, 2.571], [10, 2.228], [29, 2.045], [100, 1.984]];
    for (const [df, t] of table) expect(tQuantile(0.975, df)).toBeCloseTo(t, 3);
    expect(Math.abs(tQuantile(0.975, 10_000_000) - Z95)).toBeLessThan(1e-6); // ∞ → 1.96
  });

  it('is exact to double precision across the df range and the two ways of computing it', () => {
    const reference: [number, number, number][] = [
      [0.975, 1, 12.706204736174694], [0.975, 2, 4.302652729749462], [0.975, 3, 3.1824463052837078],
      [0.975, 4, 2.7764451051977934], [0.975, 5, 2.5705818356363146], [0.975, 7, 2.364624251592784],
      [0.975, 10, 2.228138851986274], [0.975, 20, 2.085963447265864], [0.975, 29, 2.045229642132703],
      [0.975, 50, 2.008559112100761], [0.975, 100, 1.9839715185235518], [0.975, 200, 1.9718962236339088],
      // 1000 by Newton on the exact series, 1001 and beyond by the Cornish–Fisher expansion.
      [0.975, 1000, 1.9623390808264083], [0.975, 1001, 1.9623367052808798], [0.975, 5000, 1.9604385517065073],
      [0.975, 100_000, 1.9599877075346095], [0.975, 10_000_000, 1.959964221767205],
      [0.995, 10, 3.16927267261695], [0.9, 5, 1.4758840488244815], [0.025, 10, -2.2281388519862753],
      [0.6, 3, 0.2766706623326898], [0.9999, 3, 22.203742273205], [0.995, 999, 2.5807596372676365], [0.995, 1001, 2.5807497687505245],
    ];
    for (const [p, df, t] of reference) expect(Math.abs(tQuantile(p, df) - t), `p=${p} df=${df}`).toBeLessThan(1e-12 * Math.abs(t));
    expect(tQuantile(0.5, 7)).toBe(0);
  });

  it('refuses what it cannot compute', () => {
    expect(() => tQuantile(1, 5)).toThrow(RangeError);
    expect(() => tQuantile(0.975, 0)).toThrow(RangeError);
    expect(() => tQuantile(0.975, 2.5)).toThrow(RangeError);
  });
});

describe('normalQuantile', () => {
  // p itself is known to ±1.1e-16, so x can be no closer than about 1e-16 / φ(x).
  it('matches scipy to the precision p allows', () => {
    expect(normalQuantile(0.975)).toBeCloseTo(Z95, 14);
    expect(normalQuantile(0.995)).toBeCloseTo(2.5758293035489004, 13);
    expect(normalQuantile(0.8413447460685429)).toBeCloseTo(1, 14);
    expect(normalQuantile(0.6)).toBeCloseTo(0.2533471031357997, 14);
    expect(normalQuantile(0.4)).toBeCloseTo(-0.2533471031357997, 14);
    expect(normalQuantile(0.999999)).toBeCloseTo(4.753424308817087, 9);
  });
});

describe('wilsonInterval', () => {
  it('45 of 60: p = 0.75, center = (0.75 + z²/120)/(1 + z²/60) = 0.734957, half = 0.107278', () => {
    const { low, high } = wilsonInterval(45, 60);
    expect(low).toBeCloseTo(0.6276792992295218, 12);
    expect(high).toBeCloseTo(0.8422347746994333, 12);
  });

  it('stays inside [0, 1] at the edges and is wide for one answer', () => {
    expect(wilsonInterval(0, 4)).toEqual({ low: 0, high: expect.closeTo(0.4898908364545973, 12) });
    expect(wilsonInterval(4, 4)).toEqual({ low: expect.closeTo(0.5101091635454027, 12), high: 1 });
    expect(wilsonInterval(1, 1)).toEqual({ low: expect.closeTo(0.20654931437723742, 12), high: 1 });
    const small = wilsonInterval(1, 14);
    expect(small.low).toBeCloseTo(0.012722215247890934, 12);
    expect(small.high).toBeCloseTo(0.31468704424151117, 12);
  });
});

describe('meanInterval', () => {
  it('answers 5, 4, 4, 3, 3, 3, 3: mean 25/7, s² = (93 − 625/7)/6 = 13/21, ± 2.446912·s/√7', () => {
    const m = meanInterval(7, 25, 93);
    expect(m.mean).toBeCloseTo(25 / 7, 14);
    expect(m.sd).toBeCloseTo(Math.sqrt(13 / 21), 14);
    expect(m.interval!.low).toBeCloseTo(2.8437638279686803, 12);
    expect(m.interval!.high).toBeCloseTo(4.299093314888462, 12);
  });

  it('uses t(0.975, 1) = 12.706 for two answers, none for one, zero width when all answers agree', () => {
    const two = meanInterval(2, 3, 5); // answers 1 and 2
    expect(two.interval!.low).toBeCloseTo(-4.853102368087347, 12);
    expect(two.interval!.high).toBeCloseTo(7.853102368087347, 12);
    expect(meanInterval(1, 4, 16)).toEqual({ mean: 4, sd: null, interval: null });
    expect(meanInterval(4, 12, 36)).toEqual({ mean: 3, sd: 0, interval: { low: 3, high: 3 } });
  });

  it('keeps the variance exact when Σx² is large', () => {
    // 10,000,000 answers: 5,000,000 of 5 and 5,000,000 of 1: mean 3, s² = 4·n/(n − 1).
    const n = 10_000_000;
    const m = meanInterval(n, 3 * n, 13 * n);
    expect(m.sd).toBeCloseTo(Math.sqrt((4 * n) / (n - 1)), 14);
  });
});

describe('assignTiers', () => {
  const unit = (name: string, estimate: number, interval: [number, number] | null) => ({ name, estimate, interval: interval && { low: interval[0], high: interval[1] } });
  const tiers = (units: ReturnType<typeof unit>[]) => assignTiers(units).map((u) => [u.name, u.tier]);

  it('compares each unit with the FIRST unit of the current tier, not with its neighbour', () => {
    const units = [
      unit('F', 0.3, [0.1, 0.45]),
      unit('C', 0.7, [0.6, 0.79]), // overlaps B but not A (0.79 < 0.8): opens tier 2
      unit('A', 0.9, [0.8, 1]),
      unit('E', 0.5, null), // no interval: unranked, listed last
      unit('B', 0.8, [0.7, 0.85]), // overlaps A
      unit('D', 0.65, [0.5, 0.8]), // overlaps C (and A, which no longer matters)
    ];
    expect(tiers(units)).toEqual([['A', 1], ['B', 1], ['C', 2], ['D', 2], ['F', 3], ['E', null]]);
  });

  it('counts touching intervals as overlapping and keeps the given order for equal estimates', () => {
    expect(tiers([unit('X', 0.5, [0.4, 0.6]), unit('Y', 0.3, [0.1, 0.4]), unit('Z', 0.3, [0.2, 0.35])])).toEqual([['X', 1], ['Y', 1], ['Z', 2]]);
    expect(tiers([])).toEqual([]);
  });
});
