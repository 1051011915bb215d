import type { ErrorDetail } from '../errors';
import type { AppDocument, DocumentKind } from '../model/app';
import { documentValidator } from './document-validators';
import { toErrorDetails } from './to-error-details';

/**
 * Schema errors of one document, paths rooted at `root`. A missing or unknown `kind` is one error at
 * `kind`; otherwise the document is checked against its kind's schema only. `[]` means `doc` is an
 * {@link AppDocument} as far as shapes go (references are checked separately).
 */
export function documentSchemaErrors(doc: unknown, root: string): ErrorDetail[] {
  const envelope = documentValidator('envelope');
  if (!envelope(doc)) return toErrorDetails(envelope.errors, root);
  const validate = documentValidator((doc as { kind: DocumentKind }).kind);
  return validate(doc) ? [] : toErrorDetails(validate.errors, root);
}

/** Narrows after {@link documentSchemaErrors} returned no errors. */
export function isSchemaValidDocument(doc: unknown, errors: readonly ErrorDetail[]): doc is AppDocument {
  return errors.length === 0;
}
