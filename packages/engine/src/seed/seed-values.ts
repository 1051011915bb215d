import type { Rng } from './create-rng';

const DAY_MS = 86_400_000;

/** A random v4-shaped uuid drawn from the seeded PRNG (so ids are reproducible too). */
export function seededUuid(rng: Rng): string {
  let hex = '';
  for (let i = 0; i < 32; i++) hex += rng.int(0, 15).toString(16);
  const variant = ((rng.int(0, 3) & 0x3) | 0x8).toString(16);
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-4${hex.slice(13, 16)}-${variant}${hex.slice(17, 20)}-${hex.slice(20, 32)}`;
}

/** Milliseconds of a `YYYY-MM-DD` or ISO value; NaN when it is not a date. */
export function toMs(value: unknown): number {
  if (typeof value !== 'string') return Number.NaN;
  return Date.parse(value.length === 10 ? `${value}T00:00:00.000Z` : value);
}

export function addDays(ms: number, days: number): number {
  return ms + days * DAY_MS;
}

/** `YYYY-MM-DD` in UTC (dates are calendar dates; the generator works in UTC for reproducibility). */
export function formatDate(ms: number): string {
  return new Date(ms).toISOString().slice(0, 10);
}

export function formatDateTime(ms: number): string {
  return new Date(Math.floor(ms / 60_000) * 60_000).toISOString();
}

/** Expands `{0000}` in a sequence pattern with a zero-padded counter. */
export function formatSequence(pattern: string, n: number): string {
  return pattern.replace(/\{(0+)\}/g, (_m, zeros: string) => String(n).padStart(zeros.length, '0'));
}

/** Rounds to `precision` decimals (money in demo data has at most 2). */
export function roundTo(value: number, precision: number): number {
  const f = 10 ** precision;
  return Math.round(value * f) / f;
}
