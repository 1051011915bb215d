import type { ColumnType } from '../records/column-type-for';

/** Relative date values accepted in filters: `{"days_ago": 7}`, `{"months_ago": 3}`. */
export const RELATIVE_DATE_UNITS = ['days_ago', 'months_ago'] as const;
export type RelativeDateUnit = (typeof RELATIVE_DATE_UNITS)[number];

/** China Standard Time: "7 days ago" is counted from the user's calendar day, not UTC's. */
const DEFAULT_UTC_OFFSET_MINUTES = 480;

/**
 * The instant `n` days/months before `now` (negative `n` = in the future), rendered for the column it is
 * compared with: `'YYYY-MM-DD'` (local calendar day) for date columns, a UTC ISO string otherwise. Months
 * are calendar months with the day clamped (31 March − 1 month = 28/29 February).
 */
export function resolveRelativeDate(
  unit: RelativeDateUnit,
  n: number,
  now: Date,
  column: ColumnType,
  utcOffsetMinutes = DEFAULT_UTC_OFFSET_MINUTES,
): string {
  const local = new Date(now.getTime() + utcOffsetMinutes * 60_000);
  if (unit === 'days_ago') local.setUTCDate(local.getUTCDate() - n);
  else {
    const day = local.getUTCDate();
    local.setUTCDate(1);
    local.setUTCMonth(local.getUTCMonth() - n);
    const last = new Date(Date.UTC(local.getUTCFullYear(), local.getUTCMonth() + 1, 0)).getUTCDate();
    local.setUTCDate(Math.min(day, last));
  }
  if (column === 'date') return local.toISOString().slice(0, 10);
  return new Date(local.getTime() - utcOffsetMinutes * 60_000).toISOString();
}
