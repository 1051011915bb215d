import type { ValueKind } from './field-kind';

/** Relative-date value operators of the filter subset: `{"days_ago": 7}`, `{"months_ago": 6}`. */
export const RELATIVE_DATE_OPERATORS = ['days_ago', 'months_ago'] as const;
export type RelativeDateOperator = (typeof RELATIVE_DATE_OPERATORS)[number];

export function isRelativeDateOperator(op: string): op is RelativeDateOperator {
  return (RELATIVE_DATE_OPERATORS as readonly string[]).includes(op);
}

/**
 * The instant `amount` days/months before `now`, formatted for the column compared against: `YYYY-MM-DD`
 * for date columns, an ISO timestamp otherwise. Computed in UTC from the injected `now`, so a compiled query
 * is a pure function of its inputs.
 */
export function relativeDateValue(
  op: RelativeDateOperator,
  amount: number,
  now: Date,
  kind: ValueKind,
): string {
  const d = new Date(now.getTime());
  if (op === 'days_ago') d.setUTCDate(d.getUTCDate() - amount);
  else {
    // Clamp to the target month's last day: 31 March minus one month is 28/29 February, not 3 March.
    const day = d.getUTCDate();
    d.setUTCDate(1);
    d.setUTCMonth(d.getUTCMonth() - amount);
    const lastDay = new Date(Date.UTC(d.getUTCFullYear(), d.getUTCMonth() + 1, 0)).getUTCDate();
    d.setUTCDate(Math.min(day, lastDay));
  }
  const iso = d.toISOString();
  return kind === 'date' ? iso.slice(0, 10) : iso;
}
