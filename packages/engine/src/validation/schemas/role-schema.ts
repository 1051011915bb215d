import { RECORD_RIGHTS } from '../../model/role';
import {
  arrayOf,
  i18nTextSchema,
  identifierSchema,
  type JsonSchema,
  jsonLogicSchema,
  object,
  schemaVersionSchema,
  taggedUnion,
} from './common-schema';

const scope = taggedUnion('type', {}, [
  { tag: 'own' },
  { tag: 'department' },
  { tag: 'region' },
  { tag: 'all' },
  { tag: 'filter', required: ['filter'], properties: { filter: jsonLogicSchema } },
]);

const permission = object(['rights', 'scope'], {
  rights: arrayOf({ enum: [...RECORD_RIGHTS] }, { uniqueItems: true }),
  scope,
  fields: {
    type: 'object',
    propertyNames: identifierSchema,
    additionalProperties: { enum: ['hidden', 'readonly'] },
  },
  reveal: arrayOf(identifierSchema),
});

/** Schema of a `role` document (model/role.ts): per-entity rights, scopes and field access. */
export const ROLE_SCHEMA: JsonSchema = object(['kind', 'schemaVersion', 'name', 'label', 'entities'], {
  kind: { const: 'role' },
  schemaVersion: schemaVersionSchema,
  name: identifierSchema,
  label: i18nTextSchema,
  designer: { type: 'boolean' },
  admin: { type: 'boolean' },
  entities: {
    type: 'object',
    propertyNames: { anyOf: [identifierSchema, { const: '*' }] },
    additionalProperties: permission,
  },
});
