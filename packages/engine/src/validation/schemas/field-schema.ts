import type { FieldType } from '../../model/field-types';
import { FIELD_TYPES } from '../../model/field-types';
import {
  arrayOf,
  i18nTextSchema,
  identifierSchema,
  type JsonSchema,
  jsonLogicSchema,
  object,
  taggedUnion,
  type UnionBranch,
} from './common-schema';

const optionValue: JsonSchema = { type: 'string', minLength: 1, maxLength: 100 };
const selectOption = object(['value', 'label'], {
  value: optionValue,
  label: i18nTextSchema,
  color: { type: 'string' },
});
const tagNode: JsonSchema = {
  ...object(['value', 'label'], {
    value: optionValue,
    label: i18nTextSchema,
    children: arrayOf({ $ref: '#/$defs/tagNode' }),
  }),
};
const stageDef = object(['value', 'label'], {
  value: optionValue,
  label: i18nTextSchema,
  color: { type: 'string' },
  requiredToLeave: arrayOf(identifierSchema),
});
const minMax = { min: { type: 'number' }, max: { type: 'number' } };
const upload = { multiple: { type: 'boolean' }, maxSizeMb: { type: 'number', exclusiveMinimum: 0 } };

/** Extra properties per field type; a `Record` over FieldType so a new type fails to compile here. */
const FIELD_EXTRAS: Record<FieldType, Omit<UnionBranch, 'tag'>> = {
  text: {
    properties: { maxLength: { type: 'integer', minimum: 1 }, pattern: { type: 'string', format: 'regex' } },
  },
  longtext: { properties: { maxLength: { type: 'integer', minimum: 1 } } },
  richtext: {},
  number: { properties: { ...minMax, precision: { type: 'integer', minimum: 0, maximum: 10 } } },
  integer: { properties: minMax },
  currency: { properties: { ...minMax, currency: { type: 'string', pattern: '^[A-Z]{3}$' } } },
  percent: { properties: minMax },
  date: {},
  datetime: {},
  boolean: {},
  select: { required: ['options'], properties: { options: arrayOf(selectOption, { minItems: 1 }) } },
  multiselect: {
    required: ['options'],
    properties: { options: arrayOf(selectOption), allowCustom: { type: 'boolean' } },
  },
  email: {},
  phone: {},
  url: {},
  reference: {
    required: ['target', 'onDelete'],
    properties: { target: identifierSchema, onDelete: { enum: ['restrict', 'cascade', 'set_null'] } },
  },
  user: {},
  department: {},
  file: { properties: { ...upload, accept: arrayOf({ type: 'string', minLength: 1 }) } },
  image: { properties: upload },
  geo: {},
  formula: {
    required: ['expression', 'resultType'],
    properties: { expression: jsonLogicSchema, resultType: { enum: ['number', 'text', 'boolean', 'date'] } },
  },
  rollup: {
    required: ['relation', 'aggregate'],
    properties: {
      relation: object(['entity', 'field'], { entity: identifierSchema, field: identifierSchema }),
      aggregate: { enum: ['count', 'sum', 'min', 'max', 'avg'] },
      measure: identifierSchema,
      filter: jsonLogicSchema,
    },
  },
  autonumber: {
    required: ['pattern'],
    properties: { pattern: { type: 'string', minLength: 1, maxLength: 60 } },
  },
  rating: { properties: { max: { type: 'integer', minimum: 1, maximum: 10 } } },
  tags: { required: ['tree'], properties: { tree: arrayOf(tagNode) } },
  stage: {
    required: ['stages'],
    properties: {
      stages: arrayOf(stageDef, { minItems: 1 }),
      transitions: { type: 'object', additionalProperties: arrayOf(optionValue) },
    },
  },
  signature: {},
  json: {},
  notes: {},
};

/** Properties every field type has (`FieldBase`). */
const FIELD_BASE = {
  required: ['id', 'name', 'label'],
  properties: {
    id: identifierSchema,
    name: identifierSchema,
    label: i18nTextSchema,
    required: { type: 'boolean' },
    unique: { type: 'boolean' },
    default: {},
    validations: arrayOf(object(['rule', 'message'], { rule: jsonLogicSchema, message: i18nTextSchema })),
    sensitive: { type: 'boolean' },
    help: i18nTextSchema,
    readonly: { type: 'boolean' },
  },
} as const;

/** A field definition, discriminated on `type` over every entry of FIELD_TYPES. */
export const FIELD_SCHEMA: JsonSchema = taggedUnion(
  'type',
  FIELD_BASE,
  FIELD_TYPES.map((type) => ({ tag: type, ...FIELD_EXTRAS[type] })),
);

/** Definitions the field schema `$ref`s; include them in the root `$defs` of any schema embedding fields. */
export const FIELD_DEFS: Record<string, JsonSchema> = { tagNode };
