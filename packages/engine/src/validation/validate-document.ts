import type { ErrorDetail } from '../errors';
import type { CheckContext } from './checks/check-context';
import { checkDocument } from './checks/check-document';
import { documentSchemaErrors, isSchemaValidDocument } from './schema-errors';

/**
 * Validates one document on its own: its kind's JSON Schema, then (when the shape is right) everything
 * that can be checked without the rest of the app — unique field ids/names, titleField, reserved ids,
 * stage transitions, autonumber counters, JsonLogic, flow edges, form tabs. References to other documents
 * are checked by {@link validateAppDefinition}. Paths are rooted at the document (`fields.3.type`).
 *
 * @example
 * validateDocument({ kind: 'entity', schemaVersion: 1, name: 'customer', … fields: [{ type: 'txt', … }] });
 * // → [{ path: 'fields.0.type', reason: 'enum',
 * //      message: { en: 'expected one of text, longtext, …, got "txt"', zh: '应为以下之一：text, longtext, …，实际为 "txt"' } }]
 */
export function validateDocument(doc: unknown): ErrorDetail[] {
  const errors = documentSchemaErrors(doc, '');
  if (!isSchemaValidDocument(doc, errors)) return errors;
  const ctx: CheckContext = { index: undefined, errors: [] };
  checkDocument(ctx, doc, '');
  // Checks build paths as `${root}.x`; with an empty root that leaves a leading dot to drop.
  return ctx.errors.map((e) => (e.path.startsWith('.') ? { ...e, path: e.path.slice(1) } : e));
}
