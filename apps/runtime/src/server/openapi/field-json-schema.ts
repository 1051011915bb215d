import { assertNever, type Field, pickText } from '@lattice/engine';

/** A JSON Schema fragment (OpenAPI 3.0 flavour). */
export type JsonSchema = Record<string, unknown>;

const geoSchema: JsonSchema = {
  type: 'object',
  required: ['lat', 'lng'],
  properties: { lat: { type: 'number' }, lng: { type: 'number' }, address: { type: 'string' } },
};
const fileRefSchema: JsonSchema = {
  type: 'object',
  description: 'As returned by POST /api/apps/{app}/files (upload first, then save the ref).',
  required: ['id', 'name', 'size', 'mime'],
  properties: {
    id: { type: 'string' },
    name: { type: 'string' },
    size: { type: 'integer' },
    mime: { type: 'string' },
  },
};

/**
 * The JSON Schema of one field's API value, as the records API reads and writes it (DESIGN §2 column
 * types). Computed fields are marked `readOnly`. Labels go into `title`/`description` in zh and en.
 */
export function fieldJsonSchema(field: Field): JsonSchema {
  const base = valueSchema(field);
  const described: JsonSchema = {
    ...base,
    title: pickText(field.label, 'en'),
    description: `${field.label.zh} / ${field.label.en} (${field.type})`,
    nullable: true,
  };
  return isReadOnlyField(field) ? { ...described, readOnly: true } : described;
}

/** Clients may not write formula, rollup and autonumber values, nor fields marked read-only. */
export function isReadOnlyField(field: Field): boolean {
  return (
    field.readonly === true ||
    field.type === 'formula' ||
    field.type === 'rollup' ||
    field.type === 'autonumber'
  );
}

function valueSchema(field: Field): JsonSchema {
  switch (field.type) {
    case 'text':
      return {
        type: 'string',
        ...(field.maxLength ? { maxLength: field.maxLength } : {}),
        ...(field.pattern ? { pattern: field.pattern } : {}),
      };
    case 'longtext':
      return { type: 'string', ...(field.maxLength ? { maxLength: field.maxLength } : {}) };
    case 'richtext':
    case 'phone':
    case 'user':
    case 'department':
    case 'signature':
    case 'autonumber':
      return { type: 'string' };
    case 'email':
      return { type: 'string', format: 'email' };
    case 'url':
      return { type: 'string', format: 'uri' };
    case 'number':
    case 'currency':
    case 'percent':
      return {
        type: 'number',
        ...(field.min !== undefined ? { minimum: field.min } : {}),
        ...(field.max !== undefined ? { maximum: field.max } : {}),
      };
    case 'integer':
      return {
        type: 'integer',
        ...(field.min !== undefined ? { minimum: field.min } : {}),
        ...(field.max !== undefined ? { maximum: field.max } : {}),
      };
    case 'rating':
      return { type: 'integer', minimum: 0, maximum: field.max ?? 5 };
    case 'date':
      return { type: 'string', format: 'date' };
    case 'datetime':
      return { type: 'string', format: 'date-time' };
    case 'boolean':
      return { type: 'boolean' };
    case 'select':
      return { type: 'string', enum: field.options.map((o) => o.value) };
    case 'multiselect':
      return { type: 'array', items: { type: 'string', enum: field.options.map((o) => o.value) } };
    case 'tags':
      return { type: 'array', items: { type: 'string' } };
    case 'stage':
      return { type: 'string', enum: field.stages.map((s) => s.value) };
    case 'reference':
      return { type: 'string', format: 'uuid', description: `→ ${field.target}` };
    case 'file':
    case 'image':
      return field.multiple ? { type: 'array', items: fileRefSchema } : fileRefSchema;
    case 'geo':
      return geoSchema;
    case 'json':
      return {};
    case 'notes':
      return {
        type: 'array',
        items: {
          type: 'object',
          properties: { author: { type: 'string' }, text: { type: 'string' }, at: { type: 'string' } },
        },
      };
    case 'formula':
      return formulaSchema(field.resultType);
    case 'rollup':
      return { type: 'number' };
    default:
      return assertNever(field);
  }
}

function formulaSchema(resultType: 'number' | 'text' | 'boolean' | 'date'): JsonSchema {
  switch (resultType) {
    case 'number':
      return { type: 'number' };
    case 'text':
      return { type: 'string' };
    case 'boolean':
      return { type: 'boolean' };
    case 'date':
      return { type: 'string', format: 'date' };
    default:
      return assertNever(resultType);
  }
}
