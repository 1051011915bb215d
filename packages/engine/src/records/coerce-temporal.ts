import { accept, expected, type FieldValueResult } from './field-value-result';

const DATE_RE = /^(\d{4})-(\d{2})-(\d{2})$/;
/** ISO 8601 with an explicit offset: a datetime without a zone is ambiguous between users' time zones. */
const DATETIME_RE =
  /^(\d{4})-(\d{2})-(\d{2})[T ](\d{2}):(\d{2})(:(\d{2})(\.\d{1,9})?)?(Z|[+-]\d{2}:?\d{2})$/i;

/** Accepts a real calendar date as `YYYY-MM-DD` (2024-02-30 is refused). */
export function coerceDate(raw: unknown): FieldValueResult {
  if (typeof raw !== 'string') return expected('a date "YYYY-MM-DD"', '日期 "YYYY-MM-DD"', raw);
  const m = DATE_RE.exec(raw.trim());
  if (!m || !isCalendarDate(Number(m[1]), Number(m[2]), Number(m[3]))) {
    return expected('a date "YYYY-MM-DD"', '日期 "YYYY-MM-DD"', raw);
  }
  return accept(m[0]);
}

/** Accepts an ISO 8601 datetime with offset (or a `Date`) and normalises it to UTC `…Z`. */
export function coerceDateTime(raw: unknown): FieldValueResult {
  if (raw instanceof Date) {
    return Number.isNaN(raw.getTime())
      ? expected('a valid datetime', '有效的日期时间', 'Invalid Date')
      : accept(raw.toISOString());
  }
  const bad = () => expected('an ISO datetime with time zone', '带时区的 ISO 日期时间', raw);
  if (typeof raw !== 'string') return bad();
  const m = DATETIME_RE.exec(raw.trim());
  if (!m || !isCalendarDate(Number(m[1]), Number(m[2]), Number(m[3]))) return bad();
  if (Number(m[4]) > 23 || Number(m[5]) > 59 || Number(m[7] ?? 0) > 59) return bad();
  const d = new Date(raw.trim().replace(' ', 'T'));
  return Number.isNaN(d.getTime()) ? bad() : accept(d.toISOString());
}

function isCalendarDate(y: number, m: number, d: number): boolean {
  if (m < 1 || m > 12 || d < 1) return false;
  const days = new Date(Date.UTC(y, m, 0)).getUTCDate();
  return d <= days;
}
