/**
 * Survey statistics, pure: the Wilson score interval for a proportion, the Student t interval for a
 * mean (with the t quantile it needs), and the ranking by tiers. Definitions: docs/metrics.md,
 * "Survey results: intervals and tiers".
 *
 * The t quantile is computed here rather than taken from npm: @stdlib/stats-base-dists-t-quantile
 * installs 232 packages (27 MB), and jstat's `studentt.inv` is off by up to 7e-8 (its inverse beta
 * stops at 1e-8). Degrees of freedom are whole numbers here (n − 1), for which the t distribution
 * function is a finite series, so the quantile can be solved to full double precision.
 */

/** Φ⁻¹(0.975): the z of a two-sided 95% interval. */
export const Z95 = 1.959963984540054;

export interface Interval {
  low: number;
  high: number;
}

/** The Wilson score interval of `successes` out of `n` (n ≥ 1), clamped to [0, 1] against rounding. */
export function wilsonInterval(successes: number, n: number, z = Z95): Interval {
  const p = successes / n;
  const z2n = (z * z) / n;
  const center = (p + z2n / 2) / (1 + z2n);
  const half = (z * Math.sqrt((p * (1 - p)) / n + (z * z) / (4 * n * n))) / (1 + z2n);
  return { low: Math.max(0, center - half), high: Math.min(1, center + half) };
}

export interface MeanEstimate {
  mean: number;
  /** Sample standard deviation (divisor n − 1); null for n = 1. */
  sd: number | null;
  /** mean ± t(0.975, n − 1)·sd/√n; null for n = 1, where there is no spread to estimate. */
  interval: Interval | null;
}

/**
 * Mean and 95% Student t interval from n ≥ 1 integer answers given as n, Σx and Σx². The variance
 * numerator n·Σx² − (Σx)² is formed in BigInt so it is exact for integer answers of any count.
 */
export function meanInterval(n: number, sum: number, sumSquares: number, level = 0.95): MeanEstimate {
  const mean = sum / n;
  if (n < 2) return { mean, sd: null, interval: null };
  const numerator = BigInt(n) * BigInt(sumSquares) - BigInt(sum) * BigInt(sum);
  const sd = Math.sqrt(Number(numerator) / (n * (n - 1)));
  const half = (tQuantile(1 - (1 - level) / 2, n - 1) * sd) / Math.sqrt(n);
  return { mean, sd, interval: { low: mean - half, high: mean + half } };
}

/**
 * The p-quantile of Student's t with `df` (a whole number ≥ 1) degrees of freedom, 0 < p < 1.
 * df 1 and 2 have closed forms; up to 1000 it is Newton's method on the exact distribution
 * function (Abramowitz & Stegun 26.7.3–26.7.4) from the Cornish–Fisher start; beyond, the
 * Cornish–Fisher expansion itself (A&S 26.7.5, terms to df⁻⁴; the next term is below 1e-14).
 */
export function tQuantile(p: number, df: number): number {
  if (!(p > 0 && p < 1) || !Number.isInteger(df) || df < 1) throw new RangeError(`tQuantile needs 0 < p < 1 and a whole df ≥ 1 (got p=${p}, df=${df})`);
  if (p < 0.5) return -tQuantile(1 - p, df);
  if (p === 0.5) return 0;
  if (df === 1) return Math.tan(Math.PI * (p - 0.5));
  if (df === 2) return (2 * p - 1) / Math.sqrt(2 * p * (1 - p));
  const guess = cornishFisher(normalQuantile(p), df);
  if (df > 1000) return guess;
  // Newton on F(t) − p, kept inside a bracket that shrinks, so a poor start cannot diverge.
  let lo = 0;
  let hi = Math.max(2 * guess, 10);
  while (tCdf(hi, df) < p) hi *= 2;
  let t = guess > lo && guess < hi ? guess : (lo + hi) / 2;
  for (let i = 0; i < 100; i++) {
    const f = tCdf(t, df) - p;
    if (f === 0) return t;
    if (f > 0) hi = t;
    else lo = t;
    let next = t - f / tDensity(t, df);
    if (!(next > lo && next < hi)) next = (lo + hi) / 2;
    if (Math.abs(next - t) <= 1e-15 * t) return next;
    t = next;
  }
  return t;
}

/** A&S 26.7.5: t ≈ z + g1/ν + g2/ν² + g3/ν³ + g4/ν⁴. */
function cornishFisher(z: number, df: number): number {
  const z2 = z * z;
  const g1 = (z * (z2 + 1)) / 4;
  const g2 = (z * ((5 * z2 + 16) * z2 + 3)) / 96;
  const g3 = (z * (((3 * z2 + 19) * z2 + 17) * z2 - 15)) / 384;
  const g4 = (z * ((((79 * z2 + 776) * z2 + 1482) * z2 - 1920) * z2 - 945)) / 92160;
  return z + (g1 + (g2 + (g3 + g4 / df) / df) / df) / df;
}

/** F(t) for t ≥ 0 and whole ν ≥ 1: ½ + ½·A(t|ν), A(t|ν) = P(|T| ≤ t) by the finite series of A&S 26.7.3–26.7.4. */
function tCdf(t: number, df: number): number {
  const theta = Math.atan(t / Math.sqrt(df));
  const c2 = Math.cos(theta) ** 2;
  let a: number;
  if (df % 2 === 1) {
    // (2/π)[θ + sinθ(cosθ + (2/3)cos³θ + … + (2·4…(ν−3))/(1·3…(ν−2))·cos^(ν−2)θ)]
    let term = Math.cos(theta);
    let sum = df > 1 ? term : 0;
    for (let k = 3; k <= df - 2; k += 2) sum += term *= (c2 * (k - 1)) / k;
    a = (2 / Math.PI) * (theta + Math.sin(theta) * sum);
  } else {
    // sinθ[1 + (1/2)cos²θ + (1·3)/(2·4)cos⁴θ + … + (1·3…(ν−3))/(2·4…(ν−2))·cos^(ν−2)θ]
    let term = 1;
    let sum = 1;
    for (let k = 2; k <= df - 2; k += 2) sum += term *= (c2 * (k - 1)) / k;
    a = Math.sin(theta) * sum;
  }
  return 0.5 + 0.5 * a;
}

/** f(t) = Γ((ν+1)/2) / (√(νπ)·Γ(ν/2)) · (1 + t²/ν)^(−(ν+1)/2); the Γ ratio by its recurrence in ν. */
function tDensity(t: number, df: number): number {
  // r(ν) = Γ((ν+1)/2)/Γ(ν/2): r(1) = 1/√π, r(2) = √π/2, r(ν+2) = r(ν)·(ν+1)/ν.
  let r = df % 2 === 1 ? 1 / Math.sqrt(Math.PI) : Math.sqrt(Math.PI) / 2;
  for (let v = df % 2 === 1 ? 1 : 2; v < df; v += 2) r *= (v + 1) / v;
  return (r / Math.sqrt(df * Math.PI)) * Math.pow(1 + (t * t) / df, -(df + 1) / 2);
}

/**
 * Φ⁻¹(p): a start from A&S 26.2.23 (error < 4.5e-4), then Newton steps on Φ computed by the series
 * Φ(x) = ½ + φ(x)·Σ x^(2k+1)/(1·3…(2k+1)) (A&S 26.2.11; Marsaglia 2004), accurate to ~1e-14 for p up to 1 − 1e-6.
 */
export function normalQuantile(p: number): number {
  if (!(p > 0 && p < 1)) throw new RangeError(`normalQuantile needs 0 < p < 1 (got ${p})`);
  if (p < 0.5) return -normalQuantile(1 - p);
  const s = Math.sqrt(-2 * Math.log(1 - p));
  let x = s - (2.515517 + 0.802853 * s + 0.010328 * s * s) / (1 + 1.432788 * s + 0.189269 * s * s + 0.001308 * s * s * s);
  for (let i = 0; i < 6; i++) {
    const density = Math.exp(-x * x / 2) / Math.sqrt(2 * Math.PI);
    let term = x;
    let sum = x;
    for (let k = 3; Math.abs(term) > 1e-17 * Math.abs(sum); k += 2) sum += term *= (x * x) / k;
    const step = (0.5 + density * sum - p) / density;
    x -= step;
    if (Math.abs(step) < 1e-16 * Math.abs(x)) break;
  }
  return x;
}

export interface Tiered {
  /** Tier number, also the rank shared by the tier's units; null when the unit has no interval. */
  tier: number | null;
}

/**
 * Ranking by tiers. Units sorted by estimate, largest first (ties keep the given order); the first
 * opens tier 1; each next unit joins the current tier when its interval overlaps the interval of
 * the tier's first unit (closed intervals: touching counts), otherwise it opens the next tier.
 * Units without an interval (a mean of one answer) are unranked and listed after the ranked ones.
 */
export function assignTiers<T extends { estimate: number; interval: Interval | null }>(units: readonly T[]): (T & Tiered)[] {
  const sorted = [...units].sort((a, b) => b.estimate - a.estimate);
  const out: (T & Tiered)[] = [];
  let tier = 0;
  let head: Interval | null = null;
  for (const u of sorted) {
    if (!u.interval) continue;
    if (!head || u.interval.high < head.low || u.interval.low > head.high) {
      tier++;
      head = u.interval;
    }
    out.push({ ...u, tier });
  }
  for (const u of sorted) if (!u.interval) out.push({ ...u, tier: null });
  return out;
}
