import type { ErrorDetail } from '../../errors';
import { validateJsonLogic } from '../../expr/validate-json-logic';
import {
  formatValidationMessage,
  type MessageParams,
  type ValidationMessageKey,
} from '../../i18n/validation-messages';
import { VALIDATION_NOUNS } from '../../i18n/validation-nouns';
import type { DocumentKind } from '../../model/app';
import type { I18nText } from '../../model/i18n-text';
import { RELATIVE_DATE_UNITS } from '../../query/relative-date';
import type { AppIndex, IndexedEntity } from './app-index';

/**
 * Shared state of the semantic checks. `index` is absent when a document is validated on its own:
 * references to other documents are then not checked (they cannot be), everything inside the document is.
 */
export interface CheckContext {
  index: AppIndex | undefined;
  errors: ErrorDetail[];
}

/** Records one error with a catalogue message; `reason` is the catalogue key. */
export function report(
  ctx: CheckContext,
  path: string,
  key: ValidationMessageKey,
  params: MessageParams = {},
): void {
  ctx.errors.push({ path, message: formatValidationMessage(key, params), reason: key });
}

/** Quotes a name for a message. */
export function q(value: string): string {
  return JSON.stringify(value);
}

/** The named entity, or `undefined` (with an error when the app is known and lacks it). */
export function requireEntity(ctx: CheckContext, name: string, path: string): IndexedEntity | undefined {
  if (!ctx.index) return undefined;
  const entity = ctx.index.entities.get(name);
  if (!entity) report(ctx, path, 'unknownEntity', { actual: q(name) });
  return entity;
}

/** Reports a reference to a missing document of another kind (report, flow…). */
export function requireDocument(ctx: CheckContext, kind: DocumentKind, name: string, path: string): void {
  if (!ctx.index || ctx.index.names[kind].has(name)) return;
  report(ctx, path, 'unknownDocument', { actual: q(name), what: VALIDATION_NOUNS[kind] });
}

/**
 * Checks a field name (or `reference_field.field`, one join hop) on an entity; returns the field's type.
 * Nothing is reported when the entity itself is unknown: that error was reported where it is named.
 */
export function requireField(
  ctx: CheckContext,
  entity: IndexedEntity | undefined,
  fieldPath: string,
  path: string,
): string | undefined {
  if (!entity) return undefined;
  const [head, tail] = fieldPath.split('.') as [string, string | undefined];
  const field = entity.fields.get(head);
  if (!field) {
    report(ctx, path, 'unknownField', { entity: q(entity.name), actual: q(head) });
    return undefined;
  }
  if (tail === undefined) return field.type;
  if (field.type !== 'reference' || !field.target) {
    report(ctx, path, 'wrongFieldType', { actual: q(head), expected: 'reference' });
    return undefined;
  }
  const target = ctx.index?.entities.get(field.target);
  return target ? requireField(ctx, target, tail, path) : undefined;
}

/** Reports a field whose type is not one of `types` (after `requireField` found it). */
export function requireFieldType(
  ctx: CheckContext,
  entity: IndexedEntity | undefined,
  name: string,
  types: readonly string[],
  path: string,
): void {
  const type = requireField(ctx, entity, name, path);
  // A formula counts as its result type: a date formula can drive a calendar.
  const resultType = entity?.fields.get(name)?.resultType;
  if (
    type !== undefined &&
    !types.includes(type) &&
    !(resultType !== undefined && types.includes(resultType))
  )
    report(ctx, path, 'wrongFieldType', { actual: q(name), expected: types.join(' / ') });
}

/**
 * A reference field on `child` that points at `parentName` (the `via` of related lists, rollups, KPIs).
 */
export function requireBackReference(
  ctx: CheckContext,
  child: IndexedEntity | undefined,
  via: string,
  parentName: string,
  path: string,
): void {
  if (!child) return;
  const field = child.fields.get(via);
  if (!field) {
    report(ctx, path, 'unknownField', { entity: q(child.name), actual: q(via) });
    return;
  }
  if (field.type !== 'reference' || field.target !== parentName)
    report(ctx, path, 'notPointingBack', { actual: q(via), entity: q(child.name), expected: q(parentName) });
}

/** Checks a JsonLogic expression (operators, arity) when present. */
export function checkLogic(ctx: CheckContext, expr: unknown, path: string): void {
  if (expr === undefined) return;
  ctx.errors.push(...validateJsonLogic(expr, path));
}

/** Value operators only query filters know: `{"days_ago": 7}` is resolved to a date before SQL. */
const RELATIVE_DATE_KEYS: ReadonlySet<string> = new Set(RELATIVE_DATE_UNITS);

/**
 * Checks a query filter (view, dataset, rollup, scope filters, `match`): JsonLogic plus relative date
 * values. Each `{"days_ago": n}` is replaced by `n` before checking, which keeps every path unchanged.
 */
export function checkFilter(ctx: CheckContext, expr: unknown, path: string): void {
  if (expr === undefined) return;
  ctx.errors.push(...validateJsonLogic(withoutRelativeDates(expr), path));
}

function withoutRelativeDates(node: unknown): unknown {
  if (Array.isArray(node)) return node.map(withoutRelativeDates);
  if (typeof node !== 'object' || node === null) return node;
  const entries = Object.entries(node);
  if (entries.length === 1 && RELATIVE_DATE_KEYS.has(entries[0]![0])) return entries[0]![1];
  return Object.fromEntries(entries.map(([k, v]) => [k, withoutRelativeDates(v)]));
}

/** Reports every repeated value of `key` among `items` at `items.i.key`. */
export function checkUnique<T>(
  ctx: CheckContext,
  items: readonly T[],
  key: (item: T) => string,
  path: (index: number) => string,
  what: I18nText,
): void {
  const seen = new Set<string>();
  items.forEach((item, i) => {
    const value = key(item);
    if (seen.has(value)) report(ctx, path(i), 'duplicate', { what, actual: q(value) });
    seen.add(value);
  });
}
