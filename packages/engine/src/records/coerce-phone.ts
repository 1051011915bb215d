import { accept, expected, type FieldValueResult } from './field-value-result';

const MOBILE = /^1[3-9]\d{9}$/;
/** Area code 0xx/0xxx, 7–8 digit number, optional extension: 010-12345678, 0755-1234567-801. */
const LANDLINE = /^0\d{2,3}-?\d{7,8}(-\d{1,6})?$/;
/** Nationwide service numbers printed on brochures: 400-xxx-xxxx / 800-xxx-xxxx. */
const SERVICE = /^[48]00-?\d{3}-?\d{4}$/;

/**
 * Accepts a Chinese mobile (normalised to 11 digits, `+86`/spaces/dashes removed), a landline with area
 * code (dashes kept, spaces removed) or a 400/800 service number.
 */
export function coercePhone(raw: unknown): FieldValueResult {
  const bad = () =>
    expected(
      'a phone number (mobile 1xxxxxxxxxx or landline 0xx-xxxxxxxx)',
      '电话号码（手机或带区号座机）',
      raw,
    );
  if (typeof raw !== 'string' && typeof raw !== 'number') return bad();
  const compact = String(raw)
    .trim()
    .replace(/[\s()]/g, '');
  const mobile = compact.replace(/^(\+?86)-?/, '').replace(/-/g, '');
  if (MOBILE.test(mobile)) return accept(mobile);
  if (LANDLINE.test(compact) || SERVICE.test(compact)) return accept(compact);
  return bad();
}
