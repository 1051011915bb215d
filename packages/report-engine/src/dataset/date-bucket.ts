import type { DateBucket } from '@lattice/engine';
import { type RawBuilder, sql } from 'kysely';
import type { ValueKind } from './field-kind';

/** Date buckets in coarse-to-fine order of their labels' length, with the to_char format of each label. */
export const DATE_BUCKETS: readonly DateBucket[] = ['day', 'week', 'month', 'quarter', 'year'];

/** Label formats: `2026-07-14`, ISO week `2026-W29`, `2026-07`, `2026-Q3`, `2026`. They sort as text. */
const LABEL_FORMATS: Record<DateBucket, string> = {
  day: 'YYYY-MM-DD',
  week: 'IYYY-"W"IW',
  month: 'YYYY-MM',
  quarter: 'YYYY-"Q"Q',
  year: 'YYYY',
};

export function isDateBucket(value: unknown): value is DateBucket {
  return typeof value === 'string' && (DATE_BUCKETS as readonly string[]).includes(value);
}

/**
 * SQL for a date bucket: `group` is `date_trunc(...)` (cheap per row) and `label` formats the truncated value,
 * which PostgreSQL computes once per group because it is a function of the grouped expression. Unit, format
 * and time zone are inlined literals, not parameters: a parameter would make the SELECT expression differ
 * from the GROUP BY one. All three come from constants or a validated time zone name.
 */
export function dateBucketSql(
  bucket: DateBucket,
  ref: RawBuilder<unknown>,
  kind: ValueKind,
  timeZone?: string,
): { group: RawBuilder<unknown>; label: RawBuilder<string> } {
  const local =
    kind === 'date'
      ? sql`${ref}::timestamp`
      : timeZone
        ? sql`(${ref} at time zone ${sql.lit(timeZone)})`
        : ref;
  const group = sql`date_trunc(${sql.lit(bucket)}, ${local})`;
  return { group, label: sql<string>`to_char(${group}, ${sql.lit(LABEL_FORMATS[bucket])})` };
}

/** Time zone names are inlined into SQL, so only IANA-looking names are accepted. */
export const TIME_ZONE_RE = /^[A-Za-z][A-Za-z0-9_+\-/]{0,63}$/;

/**
 * The half-open date range `[from, to)` (as `YYYY-MM-DD`) a bucket label stands for, or null when the
 * label does not have the bucket's shape. Used by drill-down to select the records behind a cell.
 */
export function dateBucketRange(bucket: DateBucket, label: string): { from: string; to: string } | null {
  const start = bucketStart(bucket, label);
  if (!start) return null;
  const end = new Date(start.getTime());
  switch (bucket) {
    case 'day':
      end.setUTCDate(end.getUTCDate() + 1);
      break;
    case 'week':
      end.setUTCDate(end.getUTCDate() + 7);
      break;
    case 'month':
      end.setUTCMonth(end.getUTCMonth() + 1);
      break;
    case 'quarter':
      end.setUTCMonth(end.getUTCMonth() + 3);
      break;
    case 'year':
      end.setUTCFullYear(end.getUTCFullYear() + 1);
      break;
  }
  return { from: ymd(start), to: ymd(end) };
}

function bucketStart(bucket: DateBucket, label: string): Date | null {
  const patterns: Record<DateBucket, RegExp> = {
    day: /^(\d{4})-(\d{2})-(\d{2})$/,
    week: /^(\d{4})-W(\d{2})$/,
    month: /^(\d{4})-(\d{2})$/,
    quarter: /^(\d{4})-Q([1-4])$/,
    year: /^(\d{4})$/,
  };
  const m = patterns[bucket].exec(label);
  if (!m) return null;
  const year = Number(m[1]);
  const n = Number(m[2] ?? 1);
  switch (bucket) {
    case 'day':
      return new Date(Date.UTC(year, n - 1, Number(m[3])));
    case 'week':
      return isoWeekStart(year, n);
    case 'month':
      return new Date(Date.UTC(year, n - 1, 1));
    case 'quarter':
      return new Date(Date.UTC(year, (n - 1) * 3, 1));
    case 'year':
      return new Date(Date.UTC(year, 0, 1));
  }
}

/** Monday of ISO week `week` of ISO year `year` (week 1 holds 4 January). */
function isoWeekStart(year: number, week: number): Date {
  const jan4 = new Date(Date.UTC(year, 0, 4));
  const mondayOfWeek1 = new Date(jan4.getTime());
  mondayOfWeek1.setUTCDate(jan4.getUTCDate() - ((jan4.getUTCDay() + 6) % 7));
  mondayOfWeek1.setUTCDate(mondayOfWeek1.getUTCDate() + (week - 1) * 7);
  return mondayOfWeek1;
}

function ymd(d: Date): string {
  return d.toISOString().slice(0, 10);
}
