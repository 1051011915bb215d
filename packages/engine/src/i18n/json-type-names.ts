import type { I18nText } from '../model/i18n-text';

/** JSON Schema type names as users read them, in both UI languages. */
export const JSON_TYPE_NAMES: Readonly<Record<string, I18nText>> = {
  string: { en: 'a string', zh: '字符串' },
  number: { en: 'a number', zh: '数字' },
  integer: { en: 'an integer', zh: '整数' },
  boolean: { en: 'true/false', zh: '布尔值' },
  object: { en: 'an object', zh: '对象' },
  array: { en: 'an array', zh: '数组' },
  null: { en: 'null', zh: 'null' },
};

/** The JSON type of a value, with `integer` folded into `number` (what the user actually sent). */
export function jsonTypeOf(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'array';
  return typeof value;
}

/** Names a JSON type in one language (`en`/`zh`), falling back to the raw type name. */
export function jsonTypeName(type: string, lang: keyof I18nText): string {
  return JSON_TYPE_NAMES[type]?.[lang] ?? type;
}
