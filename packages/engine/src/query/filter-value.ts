import { LatticeError } from '../errors';
import type { ColumnType } from '../records/column-type-for';
import { accept, expected, type FieldValueResult, reject } from '../records/field-value-result';
import { RELATIVE_DATE_UNITS, type RelativeDateUnit, resolveRelativeDate } from './relative-date';

const DATE_RE = /^\d{4}-\d{2}-\d{2}$/;
const DATETIME_RE = /^\d{4}-\d{2}-\d{2}[T ]\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:?\d{2})?$/i;
const UUID_RE = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const NUMERIC_RE = /^[+-]?(\d+\.?\d*|\.\d+)(e[+-]?\d+)?$/i;

interface ValueContext {
  now: Date | undefined;
  utcOffsetMinutes: number | undefined;
  checkOnly: boolean;
}

/**
 * Checks a filter operand against the column it is compared with and converts it to the parameter
 * value: numbers for numeric columns, `'YYYY-MM-DD'` for dates, ISO strings for timestamps (a bare date
 * means local midnight), and relative dates resolved against `now`. Refusing mismatches here turns what
 * would be a PostgreSQL cast error (a 500) into a 400 naming the node.
 */
export function filterValue(x: unknown, type: ColumnType, ctx: ValueContext): FieldValueResult {
  const relative = relativeDate(x);
  if (relative) return relativeValue(relative.unit, relative.n, type, ctx);
  if (x === null || typeof x === 'object') return expected('a plain value', '单个值', x);
  switch (type) {
    case 'numeric':
    case 'integer':
      if (typeof x === 'number' && Number.isFinite(x)) return accept(x);
      if (typeof x === 'string' && NUMERIC_RE.test(x.trim())) return accept(Number(x.trim()));
      return expected('a number', '数字', x);
    case 'date':
      return typeof x === 'string' && DATE_RE.test(x)
        ? accept(x)
        : expected('a date "YYYY-MM-DD"', '日期 "YYYY-MM-DD"', x);
    case 'timestamptz':
      return timestampValue(x, ctx.utcOffsetMinutes ?? 480);
    case 'boolean':
      return typeof x === 'boolean' ? accept(x) : expected('true or false', '是或否', x);
    case 'uuid':
      return typeof x === 'string' && UUID_RE.test(x)
        ? accept(x)
        : expected('a record id (uuid)', '记录 ID（uuid）', x);
    case 'text':
    case 'text[]':
      return typeof x === 'string' || typeof x === 'number'
        ? accept(String(x))
        : expected('a text value', '文本值', x);
    case 'jsonb':
      return reject('this field cannot be compared in a filter', '该字段不能用于比较筛选');
    default:
      return type satisfies never;
  }
}

function relativeDate(x: unknown): { unit: RelativeDateUnit; n: unknown } | null {
  if (typeof x !== 'object' || x === null || Array.isArray(x)) return null;
  const keys = Object.keys(x);
  const unit = RELATIVE_DATE_UNITS.find((u) => keys.length === 1 && keys[0] === u);
  return unit ? { unit, n: (x as Record<string, unknown>)[unit] } : null;
}

function relativeValue(
  unit: RelativeDateUnit,
  n: unknown,
  type: ColumnType,
  ctx: ValueContext,
): FieldValueResult {
  if (type !== 'date' && type !== 'timestamptz') {
    return reject(`${unit} only applies to date fields`, `${unit} 只适用于日期字段`);
  }
  if (typeof n !== 'number' || !Number.isInteger(n))
    return expected(`an integer for ${unit}`, `${unit} 的整数`, n);
  if (ctx.checkOnly) return accept(null);
  if (!ctx.now) {
    throw new LatticeError('LATTICE_ERR_INTERNAL', [], 'compileFilter: pass opts.now to use relative dates');
  }
  return accept(resolveRelativeDate(unit, n, ctx.now, type, ctx.utcOffsetMinutes));
}

function timestampValue(x: unknown, utcOffsetMinutes: number): FieldValueResult {
  const bad = () => expected('an ISO datetime or "YYYY-MM-DD"', 'ISO 日期时间或 "YYYY-MM-DD"', x);
  if (typeof x !== 'string') return bad();
  if (DATE_RE.test(x)) {
    const midnight = new Date(`${x}T00:00:00Z`).getTime() - utcOffsetMinutes * 60_000;
    return Number.isNaN(midnight) ? bad() : accept(new Date(midnight).toISOString());
  }
  const m = DATETIME_RE.exec(x);
  if (!m) return bad();
  // A datetime without a zone means the users' local time, not the server's.
  const d = new Date(x.replace(' ', 'T') + (m[3] ? '' : formatOffset(utcOffsetMinutes)));
  return Number.isNaN(d.getTime()) ? bad() : accept(d.toISOString());
}

function formatOffset(minutes: number): string {
  const sign = minutes < 0 ? '-' : '+';
  const abs = Math.abs(minutes);
  return `${sign}${String(Math.floor(abs / 60)).padStart(2, '0')}:${String(abs % 60).padStart(2, '0')}`;
}
