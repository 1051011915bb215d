import { CHART_TYPES } from '../../model/report';
import {
  arrayOf,
  fieldPathSchema,
  i18nTextSchema,
  identifierSchema,
  type JsonSchema,
  jsonLogicSchema,
  object,
  schemaVersionSchema,
  taggedUnion,
} from './common-schema';

const dimension = object(['field'], {
  field: fieldPathSchema,
  bucket: { enum: ['day', 'week', 'month', 'quarter', 'year'] },
  as: identifierSchema,
  label: i18nTextSchema,
});

const measure = taggedUnion(
  'type',
  { required: ['as'], properties: { as: identifierSchema, label: i18nTextSchema } },
  [
    { tag: 'count', properties: { filter: jsonLogicSchema } },
    {
      tag: ['count_distinct', 'sum', 'avg', 'min', 'max'],
      required: ['field'],
      properties: { field: fieldPathSchema, filter: jsonLogicSchema },
    },
    { tag: 'formula', required: ['expression'], properties: { expression: jsonLogicSchema } },
  ],
);

const dataset = object(['entity', 'dimensions', 'measures'], {
  entity: identifierSchema,
  filter: jsonLogicSchema,
  dimensions: arrayOf(dimension),
  measures: arrayOf(measure),
  having: jsonLogicSchema,
  sort: arrayOf(object(['by', 'dir'], { by: identifierSchema, dir: { enum: ['asc', 'desc'] } })),
  limit: { type: 'integer', minimum: 1, maximum: 100000 },
});

const chart = object(['type'], {
  type: { enum: [...CHART_TYPES] },
  x: identifierSchema,
  y: arrayOf(identifierSchema),
  series: identifierSchema,
  value: identifierSchema,
  options: { type: 'object' },
});

/** Schema of a `report` document (model/report.ts): a dataset plus a chart spec. */
export const REPORT_SCHEMA: JsonSchema = object(
  ['kind', 'schemaVersion', 'name', 'label', 'dataset', 'chart'],
  {
    kind: { const: 'report' },
    schemaVersion: schemaVersionSchema,
    name: identifierSchema,
    label: i18nTextSchema,
    dataset,
    chart,
  },
);
