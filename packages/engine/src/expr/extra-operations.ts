import { isValidCreditCode } from '../records/credit-code';
import type { ExtraOperator } from './json-logic-operators';

/** Where "now" comes from and which wall clock dates live in. */
export interface ExtraOptions {
  now: () => Date;
  /** Minutes east of UTC used for date-only values and `today`; 480 = China Standard Time. */
  utcOffsetMinutes: number;
}

type ExtraFn = (...args: unknown[]) => unknown;

const DAY_MS = 86_400_000;
const HOUR_MS = 3_600_000;
const DATE_ONLY = /^\d{4}-\d{2}-\d{2}$/;

/**
 * Lattice's extra operators (not in json-logic-js). Null or unparsable inputs give `null` (dates, strings)
 * or `false`/`0` (predicates, `length`) instead of throwing, because rules run on half-filled records.
 *
 * - `now` → ISO datetime string; `today` → `YYYY-MM-DD` in the configured UTC offset.
 * - `days_since(d)` / `hours_since(d)` → whole days/hours elapsed (floor); a date-only value is midnight
 *   at the configured offset.
 * - `add_days(d, n)` → same shape as `d` (date-only stays date-only); `add_hours(d, n)` → ISO datetime.
 * - `date_diff_days(a, b)` → whole days from `a` to `b` (floor, negative when b is earlier).
 * - `lower`, `upper`, `trim` → strings; `contains(haystack, needle)` → substring or array membership;
 *   `starts_with`, `ends_with`; `length` of a string or array; `round(x, digits=0)` half away from zero;
 *   `coalesce(...)` → first value not null/undefined/""; `is_empty(x)` → null, undefined, "", blank or [].
 * - `credit_code_valid(code)` → true for a unified social credit code with a correct GB 32100-2015 check
 *   character (used by the manufacturing CRM pack's customer validation).
 */
export function createExtraOperations(opts: ExtraOptions): Readonly<Record<ExtraOperator, ExtraFn>> {
  const offsetMs = opts.utcOffsetMinutes * 60_000;
  const toMs = (v: unknown): number | null => parseInstant(v, offsetMs);
  const nowMs = () => opts.now().getTime();
  return {
    now: () => opts.now().toISOString(),
    today: () => formatDate(nowMs(), offsetMs),
    days_since: (d) => elapsed(toMs(d), nowMs(), DAY_MS),
    hours_since: (d) => elapsed(toMs(d), nowMs(), HOUR_MS),
    add_days: (d, n) => addDays(d, n, offsetMs),
    add_hours: (d, n) => {
      const t = toMs(d);
      const h = Number(n);
      return t === null || !Number.isFinite(h) ? null : new Date(t + h * HOUR_MS).toISOString();
    },
    date_diff_days: (a, b) => {
      const ta = toMs(a);
      return ta === null ? null : elapsed(ta, toMs(b), DAY_MS);
    },
    lower: (s) => (s == null ? null : String(s).toLowerCase()),
    upper: (s) => (s == null ? null : String(s).toUpperCase()),
    trim: (s) => (s == null ? null : String(s).trim()),
    contains: (h, n) => {
      if (Array.isArray(h)) return h.includes(n);
      return h != null && n != null && String(h).includes(String(n));
    },
    starts_with: (s, p) => s != null && p != null && String(s).startsWith(String(p)),
    ends_with: (s, p) => s != null && p != null && String(s).endsWith(String(p)),
    length: (v) => (typeof v === 'string' || Array.isArray(v) ? v.length : 0),
    round: (x, digits) => roundHalfAway(x, digits),
    coalesce: (...args) => args.find((v) => v !== null && v !== undefined && v !== '') ?? null,
    is_empty: (v) =>
      v === null ||
      v === undefined ||
      (typeof v === 'string' && v.trim() === '') ||
      (Array.isArray(v) && v.length === 0),
    credit_code_valid: (c) => isValidCreditCode(c),
  };
}

function elapsed(from: number | null, to: number | null, unit: number): number | null {
  if (from === null || to === null) return null;
  return Math.floor((to - from) / unit);
}

/** Epoch ms of an ISO date/datetime string, a Date or epoch ms; date-only means local midnight. */
function parseInstant(v: unknown, offsetMs: number): number | null {
  if (v instanceof Date) return Number.isNaN(v.getTime()) ? null : v.getTime();
  if (typeof v === 'number') return Number.isFinite(v) ? v : null;
  if (typeof v !== 'string' || v === '') return null;
  if (DATE_ONLY.test(v)) {
    const t = Date.parse(`${v}T00:00:00Z`);
    return Number.isNaN(t) ? null : t - offsetMs;
  }
  const t = Date.parse(v);
  return Number.isNaN(t) ? null : t;
}

function formatDate(ms: number, offsetMs: number): string {
  return new Date(ms + offsetMs).toISOString().slice(0, 10);
}

function addDays(d: unknown, n: unknown, offsetMs: number): string | null {
  const days = Number(n);
  const t = parseInstant(d, offsetMs);
  if (t === null || !Number.isFinite(days)) return null;
  const shifted = t + days * DAY_MS;
  return typeof d === 'string' && DATE_ONLY.test(d)
    ? formatDate(shifted, offsetMs)
    : new Date(shifted).toISOString();
}

function roundHalfAway(x: unknown, digits: unknown): number | null {
  if (x === null || x === undefined || x === '') return null;
  const n = Number(x);
  if (!Number.isFinite(n)) return null;
  const d = digits === undefined || digits === null ? 0 : Math.trunc(Number(digits));
  const abs = Math.abs(n);
  // Shifting through the exponent avoids 1.005 * 100 = 100.49999…
  const viaExponent = Number(`${Math.round(Number(`${abs}e${d}`))}e${-d}`);
  const rounded = Number.isNaN(viaExponent) ? Math.round(abs * 10 ** d) / 10 ** d : viaExponent;
  return Math.sign(n) * rounded;
}
