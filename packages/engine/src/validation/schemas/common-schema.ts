import type { SchemaObject } from 'ajv';
import { IDENTIFIER_PATTERN } from '../../model/identifier';

/** A JSON Schema fragment; ajv's own type so schemas compile without casts. */
export type JsonSchema = SchemaObject;

/** snake_case API name: every entity, field, document and alias name that may reach SQL. */
export const identifierSchema: JsonSchema = { type: 'string', pattern: IDENTIFIER_PATTERN };

/**
 * A label in both UI languages; zh-CN is primary, so it may not be empty. Referenced rather than inlined
 * (an entity has ~100 labels), so every root schema carries {@link COMMON_DEFS} via {@link withCommonDefs}.
 */
export const i18nTextSchema: JsonSchema = { $ref: '#/$defs/i18nText' };

/** Definitions shared by every document schema. */
export const COMMON_DEFS: Record<string, JsonSchema> = {
  i18nText: {
    type: 'object',
    required: ['zh', 'en'],
    properties: { zh: { type: 'string', minLength: 1 }, en: { type: 'string' } },
    additionalProperties: false,
  },
};

/** A root schema with the shared `$defs` merged in, so it compiles on its own. */
export function withCommonDefs(schema: JsonSchema): JsonSchema {
  return {
    ...schema,
    $defs: { ...COMMON_DEFS, ...(schema.$defs as Record<string, JsonSchema> | undefined) },
  };
}

/** Ids inside a document (form items, sections, flow nodes) are unique and stable but never reach SQL. */
export const localIdSchema: JsonSchema = { type: 'string', pattern: '^[A-Za-z0-9_-]{1,64}$' };

/** Any JSON value; operators and arity are checked by `validateJsonLogic` in the cross-document pass. */
export const jsonLogicSchema: JsonSchema = {
  type: ['null', 'boolean', 'number', 'string', 'array', 'object'],
};

export const schemaVersionSchema: JsonSchema = { type: 'integer', minimum: 1 };

/** A string field reference: a field name, or `reference_field.field` where one join hop is allowed. */
export const fieldPathSchema: JsonSchema = {
  type: 'string',
  pattern: '^[a-z][a-z0-9_]{0,62}(\\.[a-z][a-z0-9_]{0,62})?$',
};

export const durationSchema: JsonSchema = object(
  [],
  {
    minutes: { type: 'number', minimum: 0 },
    hours: { type: 'number', minimum: 0 },
    days: { type: 'number', minimum: 0 },
  },
  { minProperties: 1 },
);

export const sortSpecSchema: JsonSchema = object(['field', 'dir'], {
  field: fieldPathSchema,
  dir: { enum: ['asc', 'desc'] },
});

/** A closed object: unknown properties are errors, so typos (`lable`) surface at their own path. */
export function object(
  required: readonly string[],
  properties: Record<string, JsonSchema>,
  extra: JsonSchema = {},
): JsonSchema {
  return { type: 'object', required: [...required], properties, additionalProperties: false, ...extra };
}

export function arrayOf(items: JsonSchema, extra: JsonSchema = {}): JsonSchema {
  return { type: 'array', items, ...extra };
}

/** One branch of a tagged union: the tag's value(s), its own required keys and properties. */
export interface UnionBranch {
  tag: string | readonly string[];
  required?: readonly string[];
  properties?: Record<string, JsonSchema>;
}

/**
 * A tagged union as ajv `discriminator` + `oneOf`: an unknown tag yields ONE error (reported by
 * `toErrorDetails` as `expected one of …`) instead of a failure per branch, and a known tag is checked
 * against its own branch only. `shared` properties are merged into every branch.
 */
export function taggedUnion(
  tagName: string,
  shared: { required?: readonly string[]; properties?: Record<string, JsonSchema> },
  branches: readonly UnionBranch[],
): JsonSchema {
  return {
    type: 'object',
    required: [tagName],
    properties: { [tagName]: { type: 'string' } },
    discriminator: { propertyName: tagName },
    oneOf: branches.map((b) =>
      object([tagName, ...(shared.required ?? []), ...(b.required ?? [])], {
        ...shared.properties,
        ...b.properties,
        [tagName]: typeof b.tag === 'string' ? { const: b.tag } : { enum: [...b.tag] },
      }),
    ),
  };
}
