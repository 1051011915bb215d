import {
  arrayOf,
  i18nTextSchema,
  identifierSchema,
  type JsonSchema,
  localIdSchema,
  object,
  schemaVersionSchema,
} from './common-schema';

const cell: JsonSchema = { type: 'integer', minimum: 0, maximum: 100 };
const span: JsonSchema = { type: 'integer', minimum: 1, maximum: 24 };

const tile = object(['id', 'report', 'x', 'y', 'w', 'h'], {
  id: localIdSchema,
  report: identifierSchema,
  x: cell,
  y: cell,
  w: span,
  h: span,
});

const filter = object(['id', 'type', 'fields', 'label'], {
  id: localIdSchema,
  type: { enum: ['date_range', 'region', 'owner', 'select'] },
  fields: { type: 'object', propertyNames: identifierSchema, additionalProperties: identifierSchema },
  label: i18nTextSchema,
});

/** Schema of a `dashboard` document (model/report.ts): a grid of report tiles with shared filters. */
export const DASHBOARD_SCHEMA: JsonSchema = object(['kind', 'schemaVersion', 'name', 'label', 'tiles'], {
  kind: { const: 'dashboard' },
  schemaVersion: schemaVersionSchema,
  name: identifierSchema,
  label: i18nTextSchema,
  tiles: arrayOf(tile),
  filters: arrayOf(filter),
});
