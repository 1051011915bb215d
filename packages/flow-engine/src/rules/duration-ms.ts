import type { Duration } from '@lattice/engine';

/** A rule/flow `Duration` in milliseconds. */
export function durationMs(d: Duration): number {
  return ((d.days ?? 0) * 24 * 60 + (d.hours ?? 0) * 60 + (d.minutes ?? 0)) * 60_000;
}
