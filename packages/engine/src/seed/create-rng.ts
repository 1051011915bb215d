/** A seeded pseudo-random source; every draw is a pure function of the seed and the draws before it. */
export interface Rng {
  /** Uniform float in [0, 1). */
  next(): number;
  /** Uniform integer in [min, max] (both inclusive). */
  int(min: number, max: number): number;
  /** One element of a non-empty array, optionally weighted (weights need not sum to 1). */
  pick<T>(values: readonly T[], weights?: readonly number[]): T;
  /** True with probability `p`. */
  chance(p: number): boolean;
}

/**
 * mulberry32: a tiny, fast 32-bit PRNG. Seed generation must be reproducible across machines, so
 * `Math.random` is never used.
 *
 * @example
 * const rng = createRng(42);
 * rng.int(1, 6); // always the same sequence for seed 42
 */
export function createRng(seed: number): Rng {
  let state = seed >>> 0;
  const next = (): number => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const int = (min: number, max: number): number => min + Math.floor(next() * (max - min + 1));
  const pick = <T>(values: readonly T[], weights?: readonly number[]): T => {
    if (values.length === 0) throw new Error('pick from an empty list');
    if (!weights) return values[Math.floor(next() * values.length)]!;
    const total = weights.reduce((a, b) => a + b, 0);
    let r = next() * total;
    for (let i = 0; i < values.length; i++) {
      r -= weights[i] ?? 0;
      if (r < 0) return values[i]!;
    }
    return values[values.length - 1]!;
  };
  return { next, int, pick, chance: (p) => next() < p };
}
