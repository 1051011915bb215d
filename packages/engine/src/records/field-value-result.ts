import type { I18nText } from '../model/i18n-text';

/** The outcome of coercing one value: the DB-ready value, or a zh/en message saying what was expected. */
export type FieldValueResult = { ok: true; value: unknown } | { ok: false; message: I18nText };

/** A successful coercion. */
export function accept(value: unknown): FieldValueResult {
  return { ok: true, value };
}

/** A failed coercion with a message in both languages. */
export function reject(en: string, zh: string): FieldValueResult {
  return { ok: false, message: { en, zh } };
}

/**
 * "expected X, got Y" in both languages; `got` is rendered compactly so a huge or hostile value does not
 * flood the message.
 */
export function expected(en: string, zh: string, got: unknown): FieldValueResult {
  const shown = describeValue(got);
  return reject(`expected ${en}, got ${shown}`, `应为${zh}，实际为 ${shown}`);
}

/** A short, JSON-ish rendering of a value for messages (strings quoted, long ones cut). */
export function describeValue(v: unknown): string {
  let s: string;
  try {
    s = typeof v === 'string' ? JSON.stringify(v) : v === undefined ? 'undefined' : JSON.stringify(v);
  } catch {
    s = Object.prototype.toString.call(v);
  }
  if (s === undefined) s = typeof v;
  return s.length > 60 ? `${s.slice(0, 57)}…` : s;
}

/** null, undefined, '' and [] count as empty (blank strings too: "   " is not a value). */
export function isEmptyValue(v: unknown): boolean {
  if (v === null || v === undefined) return true;
  if (typeof v === 'string') return v.trim() === '';
  return Array.isArray(v) && v.length === 0;
}
