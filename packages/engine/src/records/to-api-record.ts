import type { EntityDoc } from '../model/entity';
import type { Field } from '../model/field';
import { type ColumnType, columnNameFor, columnTypeFor } from './column-type-for';

/** System columns returned with every record (deleted_at only when set). */
const SYSTEM_OUT = [
  'id',
  'version',
  'created_at',
  'created_by',
  'updated_at',
  'updated_by',
  'owner',
  'region',
  'department',
] as const;
const TIMESTAMP_SYSTEM = new Set(['created_at', 'updated_at', 'deleted_at']);

/**
 * A DB row (keys = column names, i.e. field ids and system columns) → the API record keyed by field
 * names: numeric strings become numbers, `date` becomes `'YYYY-MM-DD'`, `timestamptz` an ISO string,
 * jsonb text is parsed. Rollups are read from the column alias equal to their field id (the record service
 * selects the correlated subquery `AS <field id>`). Missing columns come back as `null`.
 *
 * @example toApiRecord(customer, { id: '…', f_name: '华东机电', f_rev: '1200.50' }) // → { id: '…', name: '华东机电', revenue: 1200.5, … }
 */
export function toApiRecord(entity: EntityDoc, row: Record<string, unknown>): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const k of SYSTEM_OUT) {
    const v = row[k];
    out[k] = k === 'version' ? toNumber(v) : TIMESTAMP_SYSTEM.has(k) ? toIso(v) : (v ?? null);
  }
  if (row.deleted_at !== null && row.deleted_at !== undefined) out.deleted_at = toIso(row.deleted_at);
  for (const f of entity.fields) out[f.name] = fromColumn(f, row[columnNameFor(f)]);
  return out;
}

function fromColumn(field: Field, v: unknown): unknown {
  if (v === null || v === undefined) return null;
  const type: ColumnType = columnTypeFor(field) ?? 'numeric';
  switch (type) {
    case 'numeric':
    case 'integer':
      return toNumber(v);
    case 'date':
      return toDate(v);
    case 'timestamptz':
      return toIso(v);
    case 'jsonb':
      return typeof v === 'string' ? safeParse(v) : v;
    case 'boolean':
      return typeof v === 'string' ? v === 't' || v === 'true' : Boolean(v);
    case 'text[]':
      return Array.isArray(v) ? v.map(String) : v;
    case 'text':
    case 'uuid':
      return typeof v === 'string' ? v : String(v);
    default:
      return type satisfies never;
  }
}

/**
 * API values keyed by field name → column values keyed by column name (field id); jsonb values are
 * serialized to JSON text so both pg and PGlite bind them alike. Scoping keys (`owner`, `region`,
 * `department`) without a field pass through to their system columns; unknown keys and rollups (no
 * column) are dropped — coerce first, this does no validation.
 */
export function toColumnValues(entity: EntityDoc, values: Record<string, unknown>): Record<string, unknown> {
  const byName = new Map(entity.fields.map((f) => [f.name, f]));
  const out: Record<string, unknown> = {};
  for (const [name, v] of Object.entries(values)) {
    const f = byName.get(name);
    if (!f) {
      if (name === 'owner' || name === 'region' || name === 'department') out[name] = v;
      continue;
    }
    const type = columnTypeFor(f);
    if (type === null) continue;
    out[columnNameFor(f)] = type === 'jsonb' && v !== null && v !== undefined ? JSON.stringify(v) : v;
  }
  return out;
}

function toNumber(v: unknown): number | null {
  if (v === null || v === undefined) return null;
  const n = typeof v === 'number' ? v : Number(v);
  return Number.isFinite(n) ? n : null;
}

/** `date` columns arrive as 'YYYY-MM-DD' text (our type parsers) or as a Date at local midnight (pg default). */
function toDate(v: unknown): string | null {
  if (v instanceof Date) {
    if (Number.isNaN(v.getTime())) return null;
    const y = v.getFullYear();
    const m = String(v.getMonth() + 1).padStart(2, '0');
    const d = String(v.getDate()).padStart(2, '0');
    return `${y}-${m}-${d}`;
  }
  return String(v).slice(0, 10);
}

function toIso(v: unknown): string | null {
  if (v === null || v === undefined) return null;
  const d = v instanceof Date ? v : new Date(String(v));
  return Number.isNaN(d.getTime()) ? String(v) : d.toISOString();
}

function safeParse(s: string): unknown {
  try {
    return JSON.parse(s) as unknown;
  } catch {
    return s;
  }
}
