import type { ErrorDetail } from '../../errors';
import { assertNever } from '../../model/assert-never';
import type { EntityDoc } from '../../model/entity';
import type { Field, TagNode } from '../../model/field';
import type { I18nText } from '../../model/i18n-text';

/** Client-writable system columns (scoping); everything else system is read-only. */
const WRITABLE_SYSTEM = new Set(['owner', 'region', 'department']);
const READONLY_SYSTEM = new Set([
  'id',
  'app_id',
  'version',
  'created_at',
  'created_by',
  'updated_at',
  'updated_by',
  'deleted_at',
]);
const COMPUTED = new Set(['formula', 'rollup', 'autonumber']);
const EMAIL_RE = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;
const DATE_RE = /^\d{4}-\d{2}-\d{2}$/;
const UUID_RE = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export interface CoerceResult {
  /** Field name (or scoping system column) → DB-ready JS value. */
  values: Record<string, unknown>;
  errors: ErrorDetail[];
}

/**
 * Coerces API input (field names → values) to DB-ready values and collects every error keyed by field
 * name. Storage-local stand-in until `records/coerce-record-input.ts` lands.
 */
export function coerceValues(
  entity: EntityDoc,
  input: Record<string, unknown>,
  mode: 'create' | 'update',
  existing?: Record<string, unknown>,
): CoerceResult {
  const values: Record<string, unknown> = {};
  const errors: ErrorDetail[] = [];
  const fields = new Map(entity.fields.map((f) => [f.name, f]));
  const err = (path: string, reason: string, en: string, zh: string) =>
    errors.push({ path, reason, message: { zh, en } });
  if (input === null || typeof input !== 'object' || Array.isArray(input)) {
    err('', 'LATTICE_ERR_VALIDATION', 'expected an object of field values', '应为字段值对象');
    return { values, errors };
  }
  for (const [name, raw] of Object.entries(input)) {
    const field = fields.get(name);
    if (!field) {
      if (WRITABLE_SYSTEM.has(name)) values[name] = raw === null || raw === '' ? null : String(raw);
      else if (READONLY_SYSTEM.has(name))
        err(name, 'LATTICE_ERR_VALIDATION', `${name} is read-only`, `${name} 为只读字段`);
      else err(name, 'LATTICE_ERR_UNKNOWN_FIELD', `unknown field "${name}"`, `字段不存在："${name}"`);
      continue;
    }
    if (COMPUTED.has(field.type) || field.readonly) {
      err(
        name,
        'LATTICE_ERR_VALIDATION',
        `${name} is computed and read-only`,
        `${name} 为计算字段，不可修改`,
      );
      continue;
    }
    if (raw === undefined) continue;
    const r = coerceField(field, raw, existing?.[name]);
    if ('error' in r) err(name, 'LATTICE_ERR_VALIDATION', r.error.en, r.error.zh);
    else values[name] = r.value;
  }
  for (const field of entity.fields) {
    if (COMPUTED.has(field.type)) continue;
    if (mode === 'create' && !(field.name in values) && field.default !== undefined)
      values[field.name] = field.default;
    const checked = mode === 'create' || field.name in values;
    if (
      field.required &&
      checked &&
      isEmpty(values[field.name]) &&
      !errors.some((e) => e.path === field.name)
    ) {
      err(
        field.name,
        'LATTICE_ERR_REQUIRED',
        `${field.name} is required`,
        `${field.label.zh || field.name}不能为空`,
      );
    }
  }
  return { values, errors };
}

/** null, '' and [] count as empty. */
export function isEmpty(v: unknown): boolean {
  return v === null || v === undefined || v === '' || (Array.isArray(v) && v.length === 0);
}

type One = { value: unknown } | { error: I18nText };

function coerceField(field: Field, raw: unknown, previous: unknown): One {
  if (raw === null || raw === '') return { value: null };
  switch (field.type) {
    case 'text':
    case 'longtext': {
      const s = asString(raw);
      if (s === null) return bad('a string', raw, '文本');
      if (field.maxLength !== undefined && s.length > field.maxLength) {
        return {
          error: { en: `at most ${field.maxLength} characters`, zh: `最多 ${field.maxLength} 个字符` },
        };
      }
      if (field.type === 'text' && field.pattern && !new RegExp(field.pattern).test(s)) {
        return { error: { en: `does not match ${field.pattern}`, zh: '格式不正确' } };
      }
      return { value: s };
    }
    case 'richtext':
    case 'phone':
    case 'url':
    case 'user':
    case 'department':
    case 'signature': {
      const s = asString(raw);
      return s === null ? bad('a string', raw, '文本') : { value: s };
    }
    case 'email': {
      const s = asString(raw);
      return s !== null && EMAIL_RE.test(s) ? { value: s } : bad('an e-mail address', raw, '邮箱地址');
    }
    case 'select': {
      const s = asString(raw);
      return s !== null && field.options.some((o) => o.value === s) ? { value: s } : notOption(raw);
    }
    case 'multiselect':
    case 'tags': {
      if (!Array.isArray(raw) || raw.some((x) => typeof x !== 'string'))
        return bad('an array of strings', raw, '字符串数组');
      const allowed =
        field.type === 'multiselect' ? field.options.map((o) => o.value) : flattenTags(field.tree);
      const wrong = raw.find((x) => !allowed.includes(x));
      return wrong === undefined ? { value: raw } : notOption(wrong);
    }
    case 'stage': {
      const s = asString(raw);
      if (s === null || !field.stages.some((x) => x.value === s)) return notOption(raw);
      const from = typeof previous === 'string' ? previous : null;
      const allowed = from && from !== s ? field.transitions?.[from] : undefined;
      if (allowed && !allowed.includes(s)) {
        return { error: { en: `cannot move from "${from}" to "${s}"`, zh: `不能从"${from}"变更为"${s}"` } };
      }
      return { value: s };
    }
    case 'number':
    case 'currency':
    case 'percent':
    case 'integer':
    case 'rating': {
      const n =
        typeof raw === 'number'
          ? raw
          : typeof raw === 'string' && raw.trim() !== ''
            ? Number(raw)
            : Number.NaN;
      if (!Number.isFinite(n)) return bad('a number', raw, '数字');
      if ((field.type === 'integer' || field.type === 'rating') && !Number.isInteger(n))
        return bad('an integer', raw, '整数');
      const min = field.type === 'rating' ? 0 : field.min;
      const max = field.type === 'rating' ? (field.max ?? 5) : field.max;
      if (min !== undefined && n < min)
        return { error: { en: `must be at least ${min}`, zh: `不能小于 ${min}` } };
      if (max !== undefined && n > max)
        return { error: { en: `must be at most ${max}`, zh: `不能大于 ${max}` } };
      return { value: n };
    }
    case 'date': {
      const s = asString(raw);
      return s !== null && DATE_RE.test(s) && !Number.isNaN(Date.parse(s))
        ? { value: s }
        : bad('a date YYYY-MM-DD', raw, '日期（YYYY-MM-DD）');
    }
    case 'datetime': {
      const s = asString(raw);
      const d = s === null ? Number.NaN : Date.parse(s);
      return Number.isNaN(d) ? bad('an ISO date-time', raw, '日期时间') : { value: new Date(d) };
    }
    case 'boolean':
      return typeof raw === 'boolean' ? { value: raw } : bad('true or false', raw, '是/否');
    case 'reference': {
      const s = asString(raw);
      return s !== null && UUID_RE.test(s) ? { value: s.toLowerCase() } : bad('a record id', raw, '记录 ID');
    }
    case 'geo': {
      const g = raw as { lat?: unknown; lng?: unknown };
      return typeof g === 'object' && typeof g.lat === 'number' && typeof g.lng === 'number'
        ? { value: raw }
        : bad('{lat, lng, address?}', raw, '地理位置');
    }
    case 'file':
    case 'image':
    case 'json':
    case 'notes':
      return { value: raw };
    case 'formula':
    case 'rollup':
    case 'autonumber':
      return { error: { en: 'computed field', zh: '计算字段' } };
    default:
      return assertNever(field);
  }
}

function asString(v: unknown): string | null {
  if (typeof v === 'string') return v;
  if (typeof v === 'number' && Number.isFinite(v)) return String(v);
  return null;
}

function bad(what: string, got: unknown, zh: string): One {
  return {
    error: {
      en: `expected ${what}, got ${JSON.stringify(got)}`,
      zh: `应为${zh}，实际为 ${JSON.stringify(got)}`,
    },
  };
}

function notOption(got: unknown): One {
  return {
    error: {
      en: `${JSON.stringify(got)} is not one of the options`,
      zh: `${JSON.stringify(got)} 不是可选值`,
    },
  };
}

function flattenTags(nodes: TagNode[]): string[] {
  return nodes.flatMap((n) => [n.value, ...flattenTags(n.children ?? [])]);
}

/** A record leaving a stage must have that stage's `requiredToLeave` fields filled (merged record, by name). */
export function stageLeaveErrors(
  entity: EntityDoc,
  previous: Record<string, unknown>,
  merged: Record<string, unknown>,
): ErrorDetail[] {
  const out: ErrorDetail[] = [];
  for (const f of entity.fields) {
    if (f.type !== 'stage' || previous[f.name] === merged[f.name]) continue;
    const from = f.stages.find((s) => s.value === previous[f.name]);
    const missing = (from?.requiredToLeave ?? []).filter((n) => isEmpty(merged[n]));
    if (missing.length) {
      out.push({
        path: f.name,
        reason: 'LATTICE_ERR_REQUIRED',
        message: {
          zh: `离开"${from?.label.zh}"前须填写：${missing.join('、')}`,
          en: `fill ${missing.join(', ')} before leaving "${from?.value}"`,
        },
      });
    }
  }
  return out;
}
