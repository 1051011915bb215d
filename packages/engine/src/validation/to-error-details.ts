import type { ErrorObject } from 'ajv';
import type { ErrorDetail } from '../errors';
import { jsonTypeName, jsonTypeOf } from '../i18n/json-type-names';
import { formatValidationMessage } from '../i18n/validation-messages';
import type { I18nText } from '../model/i18n-text';
import { IDENTIFIER_PATTERN } from '../model/identifier';
import { joinPath } from './join-path';

/**
 * Turns ajv errors into Lattice error details: dot paths rooted at `root` (`documents.3.fields.2.type`),
 * a zh/en message per ajv keyword, `reason` = the keyword. Errors that only restate a more precise one
 * (a failed `oneOf` beside its branch's errors, a `propertyNames` wrapper) are dropped.
 */
export function toErrorDetails(errors: readonly ErrorObject[] | null | undefined, root = ''): ErrorDetail[] {
  const list = errors ?? [];
  const details: ErrorDetail[] = [];
  for (const e of list) {
    if (isRedundant(e, list)) continue;
    details.push(toDetail(e, root));
  }
  return dedupe(details);
}

function isRedundant(e: ErrorObject, all: readonly ErrorObject[]): boolean {
  if (e.schemaPath.includes('/propertyNames/')) return true;
  // A non-string union tag already has its `type` error at the tag's path.
  if (e.keyword === 'discriminator') {
    const tag = (e.data as Record<string, unknown> | undefined)?.[String(e.params.tag)];
    if (tag !== undefined && typeof tag !== 'string') return true;
  }
  if (e.keyword === 'oneOf' || e.keyword === 'anyOf')
    return all.some((o) => o !== e && o.instancePath.startsWith(e.instancePath) && o.keyword !== e.keyword);
  return false;
}

function toDetail(e: ErrorObject, root: string): ErrorDetail {
  const base = joinPath(root, pointerToPath(e.instancePath));
  const p = e.params as Record<string, unknown>;
  switch (e.keyword) {
    case 'required':
      return detail(
        joinPath(base, String(p.missingProperty)),
        'required',
        formatValidationMessage('required'),
      );
    case 'additionalProperties':
      return detail(
        joinPath(base, String(p.additionalProperty)),
        e.keyword,
        formatValidationMessage('additionalProperties', { actual: JSON.stringify(p.additionalProperty) }),
      );
    case 'propertyNames':
      return detail(
        joinPath(base, String(p.propertyName)),
        e.keyword,
        formatValidationMessage('propertyNames', { actual: JSON.stringify(p.propertyName) }),
      );
    case 'discriminator':
      return discriminatorDetail(e, base);
    default:
      return detail(base, e.keyword, messageFor(e));
  }
}

/** An unknown or missing union tag: ONE error at the tag's own path listing the allowed values. */
function discriminatorDetail(e: ErrorObject, base: string): ErrorDetail {
  const tagName = String((e.params as Record<string, unknown>).tag);
  const data = e.data as Record<string, unknown> | undefined;
  const actual = data?.[tagName];
  const path = joinPath(base, tagName);
  if (actual === undefined) return detail(path, 'required', formatValidationMessage('required'));
  const expected = unionTags(e.parentSchema, tagName).join(', ');
  return detail(path, 'enum', formatValidationMessage('enum', { expected, actual: show(actual) }));
}

function unionTags(parentSchema: unknown, tagName: string): string[] {
  const oneOf = (
    parentSchema as { oneOf?: { properties?: Record<string, { const?: string; enum?: string[] }> }[] }
  )?.oneOf;
  return (oneOf ?? []).flatMap((branch) => {
    const tag = branch.properties?.[tagName];
    return tag?.const !== undefined ? [tag.const] : (tag?.enum ?? []);
  });
}

function messageFor(e: ErrorObject): I18nText {
  const p = e.params as Record<string, unknown>;
  const actual = show(e.data);
  switch (e.keyword) {
    case 'type': {
      const types = String(p.type).split(',');
      const actualType = jsonTypeOf(e.data);
      return {
        en: formatValidationMessage('type', {
          expected: types.map((t) => jsonTypeName(t, 'en')).join(' or '),
          actual: jsonTypeName(actualType, 'en'),
        }).en,
        zh: formatValidationMessage('type', {
          expected: types.map((t) => jsonTypeName(t, 'zh')).join('或'),
          actual: jsonTypeName(actualType, 'zh'),
        }).zh,
      };
    }
    case 'enum':
      return formatValidationMessage('enum', {
        expected: (p.allowedValues as unknown[])
          .map((v) => (typeof v === 'string' ? v : JSON.stringify(v)))
          .join(', '),
        actual,
      });
    case 'const':
      return formatValidationMessage('const', { expected: JSON.stringify(p.allowedValue), actual });
    case 'pattern':
      return formatValidationMessage(p.pattern === IDENTIFIER_PATTERN ? 'identifier' : 'pattern', {
        expected: String(p.pattern),
        actual,
      });
    case 'format':
      return formatValidationMessage('format', { expected: String(p.format), actual });
    case 'minLength':
    case 'maxLength':
    case 'minItems':
    case 'maxItems':
    case 'minProperties':
    case 'maxProperties':
    case 'multipleOf':
      return formatValidationMessage(e.keyword, { limit: String(p.limit ?? p.multipleOf) });
    case 'minimum':
    case 'maximum':
    case 'exclusiveMinimum':
    case 'exclusiveMaximum':
      return formatValidationMessage(e.keyword, { limit: String(p.limit), actual });
    case 'uniqueItems':
      return formatValidationMessage('uniqueItems', { first: String(p.j), second: String(p.i) });
    case 'oneOf':
    case 'anyOf':
      return formatValidationMessage(e.keyword);
    default:
      return formatValidationMessage('invalid', { keyword: e.keyword });
  }
}

/** `/fields/3/type` → `fields.3.type` (JSON Pointer escapes undone). */
function pointerToPath(pointer: string): string {
  return pointer
    .split('/')
    .slice(1)
    .map((s) => s.replace(/~1/g, '/').replace(/~0/g, '~'))
    .join('.');
}

/** Quotes a value for a message, keeping long values short. */
function show(value: unknown): string {
  const text = value === undefined ? 'undefined' : JSON.stringify(value);
  return text.length > 60 ? `${text.slice(0, 57)}…` : text;
}

function detail(path: string, reason: string, message: I18nText): ErrorDetail {
  return { path, message, reason };
}

function dedupe(details: ErrorDetail[]): ErrorDetail[] {
  const seen = new Set<string>();
  return details.filter((d) => {
    const key = `${d.path}\u0000${d.message.en}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}
