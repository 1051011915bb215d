import type { Field, I18nText } from '@lattice/engine';
import { assertNever } from '@lattice/engine';
import { formMessage } from '../i18n/form-text';

const EMAIL_RE = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;
const URL_RE = /^https?:\/\/[^\s]+$/i;
/** Chinese mobile numbers, landlines with area code, and international numbers. */
const PHONE_RE = /^(1[3-9]\d{9}|0\d{2,3}-?\d{7,8}(-\d{1,6})?|\+\d{6,15}|400-?\d{3}-?\d{4})$/;
const DATE_RE = /^\d{4}-\d{2}-\d{2}$/;

/**
 * Checks one non-empty value against its field's type and constraints, the way the server's
 * `coerceRecordInput` does; returns the first problem or null. Emptiness/required is checked elsewhere.
 */
export function checkFieldValue(field: Field, value: unknown): I18nText | null {
  switch (field.type) {
    case 'text':
      if (typeof value !== 'string') return formMessage('badPattern');
      if (field.maxLength !== undefined && value.length > field.maxLength)
        return formMessage('tooLong', field.maxLength);
      if (field.pattern && !new RegExp(field.pattern).test(value)) return formMessage('badPattern');
      return null;
    case 'longtext':
      if (typeof value !== 'string') return formMessage('badPattern');
      return field.maxLength !== undefined && value.length > field.maxLength
        ? formMessage('tooLong', field.maxLength)
        : null;
    case 'richtext':
      return typeof value === 'string' ? null : formMessage('badPattern');
    case 'number':
    case 'currency':
    case 'percent':
      return checkNumber(value, field.min, field.max, false);
    case 'integer':
      return checkNumber(value, field.min, field.max, true);
    case 'rating':
      return checkNumber(value, 0, field.max ?? 5, true);
    case 'date':
      return typeof value === 'string' && DATE_RE.test(value) && !Number.isNaN(Date.parse(value))
        ? null
        : formMessage('badDate');
    case 'datetime':
      return typeof value === 'string' && !Number.isNaN(Date.parse(value)) ? null : formMessage('badDate');
    case 'boolean':
      return typeof value === 'boolean' ? null : formMessage('badOption');
    case 'select':
      return field.options.some((o) => o.value === value) ? null : formMessage('badOption');
    case 'multiselect':
      return Array.isArray(value) && value.every((v) => field.options.some((o) => o.value === v))
        ? null
        : formMessage('badOption');
    case 'email':
      return typeof value === 'string' && EMAIL_RE.test(value) ? null : formMessage('badEmail');
    case 'url':
      return typeof value === 'string' && URL_RE.test(value) ? null : formMessage('badUrl');
    case 'phone':
      return typeof value === 'string' && PHONE_RE.test(value.replace(/\s/g, ''))
        ? null
        : formMessage('badPhone');
    case 'geo':
      return checkGeo(value);
    case 'stage':
      return field.stages.some((s) => s.value === value) ? null : formMessage('badOption');
    case 'reference':
    case 'user':
    case 'department':
    case 'signature':
      return typeof value === 'string' ? null : formMessage('badPattern');
    case 'tags':
    case 'file':
    case 'image':
    case 'notes':
    case 'json':
    case 'formula':
    case 'rollup':
    case 'autonumber':
      return null;
    default:
      return assertNever(field, 'field type');
  }
}

function checkNumber(value: unknown, min: number | undefined, max: number | undefined, integer: boolean) {
  if (typeof value !== 'number' || !Number.isFinite(value)) return formMessage('notNumber');
  if (integer && !Number.isInteger(value)) return formMessage('notInteger');
  if (min !== undefined && value < min) return formMessage('tooSmall', min);
  if (max !== undefined && value > max) return formMessage('tooLarge', max);
  return null;
}

function checkGeo(value: unknown): I18nText | null {
  if (typeof value !== 'object' || value === null) return formMessage('badGeo');
  const { lat, lng } = value as { lat?: unknown; lng?: unknown };
  const ok =
    typeof lat === 'number' && typeof lng === 'number' && Math.abs(lat) <= 90 && Math.abs(lng) <= 180;
  return ok ? null : formMessage('badGeo');
}
