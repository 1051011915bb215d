import { assertNever } from '../model/assert-never';
import type { Field, PrivateNote } from '../model/field';
import { coerceChoice, coerceChoiceList, tagTreeValues } from './coerce-choices';
import { coerceFileRefs } from './coerce-file-refs';
import { coerceGeo } from './coerce-geo';
import { coerceNumber } from './coerce-number';
import { coercePhone } from './coerce-phone';
import { coerceDate, coerceDateTime } from './coerce-temporal';
import { accept, expected, type FieldValueResult, reject } from './field-value-result';
import { perDocument } from './per-document';

const EMAIL_RE = /^[^\s@]+@[^\s@]+\.[^\s@.]+$/;
const UUID_RE = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const DEFAULT_RATING_MAX = 5;

/**
 * Coerces one non-empty client value to the DB-ready JS value for `field` (numbers as numbers, dates as
 * `YYYY-MM-DD`, datetimes as UTC ISO strings, jsonb values as plain objects), or says what was expected.
 * Empty values (null, '') are handled by the caller; computed fields never reach here.
 *
 * @example coerceFieldValue(amountField, '1,200.50') // → { ok: true, value: 1200.5 }
 */
export function coerceFieldValue(field: Field, raw: unknown): FieldValueResult {
  switch (field.type) {
    case 'text':
      return coerceText(raw, field.maxLength, field.pattern);
    case 'longtext':
      return coerceText(raw, field.maxLength);
    case 'richtext':
    case 'signature':
      return coerceText(raw);
    case 'number':
      return coerceNumber(raw, { min: field.min, max: field.max, precision: field.precision });
    case 'currency':
    case 'percent':
      return coerceNumber(raw, { min: field.min, max: field.max });
    case 'integer':
      return coerceNumber(raw, { min: field.min, max: field.max, integer: true });
    case 'rating':
      return coerceNumber(raw, { min: 0, max: field.max ?? DEFAULT_RATING_MAX, integer: true });
    case 'date':
      return coerceDate(raw);
    case 'datetime':
      return coerceDateTime(raw);
    case 'boolean':
      return coerceBoolean(raw);
    case 'select':
      return coerceChoice(raw, choiceValues(field));
    case 'multiselect':
      return coerceChoiceList(raw, field.allowCustom ? null : choiceValues(field));
    case 'tags':
      return coerceChoiceList(raw, choiceValues(field));
    case 'stage':
      return coerceChoice(raw, choiceValues(field));
    case 'email':
      return coerceEmail(raw);
    case 'phone':
      return coercePhone(raw);
    case 'url':
      return coerceUrl(raw);
    case 'reference':
      return typeof raw === 'string' && UUID_RE.test(raw.trim())
        ? accept(raw.trim().toLowerCase())
        : expected('a record id (uuid)', '记录 ID（uuid）', raw);
    case 'user':
    case 'department':
      return typeof raw === 'string' && raw.trim() !== ''
        ? accept(raw.trim())
        : expected(
            field.type === 'user' ? 'a user id' : 'a department id',
            field.type === 'user' ? '用户 ID' : '部门 ID',
            raw,
          );
    case 'file':
      return coerceFileRefs(raw, {
        multiple: field.multiple,
        accept: field.accept,
        maxSizeMb: field.maxSizeMb,
      });
    case 'image':
      return coerceFileRefs(raw, { multiple: field.multiple, maxSizeMb: field.maxSizeMb, imagesOnly: true });
    case 'geo':
      return coerceGeo(raw);
    case 'json':
      return coerceJson(raw);
    case 'notes':
      return coerceNotes(raw);
    case 'formula':
    case 'rollup':
    case 'autonumber':
      return reject('is computed and cannot be set', '为计算字段，不能赋值');
    default:
      return assertNever(field);
  }
}

type ChoiceField = Extract<Field, { type: 'select' | 'multiselect' | 'tags' | 'stage' }>;

/** The values a choice field allows, listed once per field document (imports check them per cell). */
const choiceValues = perDocument((field: ChoiceField): readonly string[] =>
  field.type === 'stage'
    ? field.stages.map((s) => s.value)
    : field.type === 'tags'
      ? tagTreeValues(field.tree)
      : field.options.map((o) => o.value),
);

function coerceText(raw: unknown, maxLength?: number, pattern?: string): FieldValueResult {
  // Numbers are accepted as text: spreadsheet imports turn codes like 600519 into numbers.
  if (typeof raw !== 'string' && !(typeof raw === 'number' && Number.isFinite(raw))) {
    return expected('text', '文本', raw);
  }
  const s = String(raw);
  // UTF-16 length bounds the character count from above: only long strings need counting.
  const count = maxLength !== undefined && s.length > maxLength ? [...s].length : 0;
  if (maxLength !== undefined && count > maxLength) {
    return reject(
      `at most ${maxLength} characters allowed, got ${count}`,
      `最多 ${maxLength} 个字符，实际 ${count} 个`,
    );
  }
  if (pattern !== undefined && !matchesWhole(pattern, s)) {
    return reject(`does not match the pattern ${pattern}`, `格式不正确（应匹配 ${pattern}）`);
  }
  return accept(s);
}

/**
 * Patterns are whole-value matches: an analyst writing `\d{6}` means "six digits", not "contains". A
 * pattern that does not compile matches nothing (publish validation reports it to the analyst).
 */
function matchesWhole(pattern: string, s: string): boolean {
  let re = wholePatterns.get(pattern);
  if (re === undefined) {
    try {
      re = new RegExp(`^(?:${pattern})$`);
    } catch {
      re = null;
    }
    if (wholePatterns.size >= 1000) wholePatterns.clear();
    wholePatterns.set(pattern, re);
  }
  return re?.test(s) === true;
}

/** Compiled whole-value patterns (`null`: does not compile); patterns come from a bounded set of fields. */
const wholePatterns = new Map<string, RegExp | null>();

function coerceBoolean(raw: unknown): FieldValueResult {
  if (typeof raw === 'boolean') return accept(raw);
  if (raw === 1 || raw === 0) return accept(raw === 1);
  if (typeof raw === 'string') {
    const s = raw.trim().toLowerCase();
    if (['true', '1', 'yes', '是'].includes(s)) return accept(true);
    if (['false', '0', 'no', '否'].includes(s)) return accept(false);
  }
  return expected('true or false', '是或否', raw);
}

function coerceEmail(raw: unknown): FieldValueResult {
  const s = typeof raw === 'string' ? raw.trim() : null;
  return s !== null && EMAIL_RE.test(s) ? accept(s) : expected('an email address', '邮箱地址', raw);
}

function coerceUrl(raw: unknown): FieldValueResult {
  const s = typeof raw === 'string' ? raw.trim() : '';
  try {
    const u = new URL(s);
    if ((u.protocol === 'http:' || u.protocol === 'https:') && u.hostname !== '') return accept(s);
  } catch {
    // fall through to the message below
  }
  return expected('an http(s) URL', 'http(s) 网址', raw);
}

function coerceJson(raw: unknown): FieldValueResult {
  try {
    const text = JSON.stringify(raw);
    if (text === undefined) return expected('a JSON value', 'JSON 值', raw);
    return accept(JSON.parse(text) as unknown);
  } catch {
    return reject('is not serializable as JSON', '无法序列化为 JSON');
  }
}

function coerceNotes(raw: unknown): FieldValueResult {
  if (!Array.isArray(raw))
    return expected('a list of notes {author, text, at}', '备注列表 {author, text, at}', raw);
  const out: PrivateNote[] = [];
  for (const n of raw) {
    const o = (typeof n === 'object' && n !== null ? n : {}) as Record<string, unknown>;
    const at = coerceDateTime(o.at);
    if (typeof o.author !== 'string' || typeof o.text !== 'string' || !at.ok) {
      return expected('a list of notes {author, text, at}', '备注列表 {author, text, at}', n);
    }
    out.push({ author: o.author, text: o.text, at: at.value as string });
  }
  return accept(out);
}
