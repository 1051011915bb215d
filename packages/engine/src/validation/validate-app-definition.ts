import type { ErrorDetail } from '../errors';
import { VALIDATION_NOUNS } from '../i18n/validation-nouns';
import { type AppDocument, DOCUMENT_KINDS } from '../model/app';
import { buildAppIndex } from './checks/app-index';
import { type CheckContext, checkUnique } from './checks/check-context';
import { checkDocument } from './checks/check-document';
import { documentValidator } from './document-validators';
import { documentSchemaErrors } from './schema-errors';
import { toErrorDetails } from './to-error-details';

/**
 * Validates a whole app: the envelope and every document's schema, then the cross-document checks —
 * unique document names per kind, entities/fields/reports/flows/roles named by other documents exist,
 * rollups and related lists point back, plus every single-document check. Returns ALL errors, paths
 * rooted at the app (`documents.4.sections.0.items.2.field`); `[]` means the app may be published.
 * Documents that fail their schema skip the semantic checks (their errors are already reported).
 *
 * @example
 * const errors = validateAppDefinition(draft);
 * if (errors.length) showErrors(errors); // each { path, message: { zh, en }, reason }
 */
export function validateAppDefinition(def: unknown): ErrorDetail[] {
  const validate = documentValidator('app');
  if (!validate(def)) {
    const errors = toErrorDetails(validate.errors, '');
    const docs = (def as { documents?: unknown } | null)?.documents;
    // Still report document-level errors when only the envelope is wrong (e.g. a bad app id).
    return Array.isArray(docs) ? [...errors, ...checkDocuments(docs)] : errors;
  }
  return checkDocuments((def as { documents: unknown[] }).documents);
}

function checkDocuments(documents: readonly unknown[]): ErrorDetail[] {
  const ctx: CheckContext = { index: buildAppIndex(documents), errors: [] };
  const valid: { doc: AppDocument; path: string }[] = [];
  documents.forEach((doc, i) => {
    const schemaErrors = documentSchemaErrors(doc, `documents.${i}`);
    ctx.errors.push(...schemaErrors);
    if (schemaErrors.length === 0) valid.push({ doc: doc as AppDocument, path: `documents.${i}` });
  });
  for (const kind of DOCUMENT_KINDS) {
    const ofKind = valid.filter((v) => v.doc.kind === kind);
    checkUnique(
      ctx,
      ofKind,
      (v) => v.doc.name,
      (i) => `${ofKind[i]!.path}.name`,
      VALIDATION_NOUNS[kind],
    );
  }
  for (const { doc, path } of valid) checkDocument(ctx, doc, path);
  return ctx.errors;
}
