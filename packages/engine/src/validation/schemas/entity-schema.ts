import {
  arrayOf,
  i18nTextSchema,
  identifierSchema,
  type JsonSchema,
  jsonLogicSchema,
  object,
  schemaVersionSchema,
} from './common-schema';
import { FIELD_DEFS, FIELD_SCHEMA } from './field-schema';

const fieldNames = arrayOf(identifierSchema, { minItems: 1 });

/** Schema of an `entity` document (model/entity.ts). */
export const ENTITY_SCHEMA: JsonSchema = {
  $defs: FIELD_DEFS,
  ...object(['kind', 'schemaVersion', 'name', 'label', 'fields', 'titleField'], {
    kind: { const: 'entity' },
    schemaVersion: schemaVersionSchema,
    name: identifierSchema,
    label: i18nTextSchema,
    pluralLabel: i18nTextSchema,
    description: i18nTextSchema,
    icon: { type: 'string' },
    fields: arrayOf(FIELD_SCHEMA, { minItems: 1 }),
    titleField: identifierSchema,
    indexes: arrayOf(object(['fields'], { fields: fieldNames, unique: { type: 'boolean' } })),
    uniqueKeys: arrayOf(fieldNames),
    searchFields: arrayOf(identifierSchema),
    recordPermissions: jsonLogicSchema,
  }),
};
