import { DOCUMENT_KINDS } from '../../model/app';
import { APP_ID_PATTERN } from '../../model/identifier';
import { arrayOf, i18nTextSchema, type JsonSchema, object, schemaVersionSchema } from './common-schema';

/**
 * Schema of the app envelope (model/app.ts). Documents are only checked for a known `kind` here; each
 * is then validated against its own kind's schema so errors name the document's own path.
 */
export const APP_SCHEMA: JsonSchema = object(['id', 'label', 'schemaVersion', 'documents'], {
  id: { type: 'string', pattern: APP_ID_PATTERN },
  label: i18nTextSchema,
  description: i18nTextSchema,
  schemaVersion: schemaVersionSchema,
  documents: arrayOf({ type: 'object' }),
});

/** The document envelope: every document names its `kind`. */
export const DOCUMENT_ENVELOPE_SCHEMA: JsonSchema = {
  type: 'object',
  required: ['kind'],
  properties: { kind: { enum: [...DOCUMENT_KINDS] } },
};
