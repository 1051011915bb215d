import {
  arrayOf,
  fieldPathSchema,
  i18nTextSchema,
  identifierSchema,
  type JsonSchema,
  jsonLogicSchema,
  localIdSchema,
  object,
  schemaVersionSchema,
  sortSpecSchema,
  taggedUnion,
} from './common-schema';

const aggregate: JsonSchema = { enum: ['count', 'sum', 'avg', 'min', 'max'] };

const kpiCard = object(['label'], {
  label: i18nTextSchema,
  field: fieldPathSchema,
  related: object(['entity', 'via', 'aggregate'], {
    entity: identifierSchema,
    via: identifierSchema,
    aggregate,
    measure: identifierSchema,
    filter: jsonLogicSchema,
  }),
  format: { enum: ['number', 'currency', 'percent', 'text'] },
});

/** A record (360) page section, discriminated on `type`. */
const recordPageSection = taggedUnion(
  'type',
  { required: ['id', 'title'], properties: { id: localIdSchema, title: i18nTextSchema } },
  [
    {
      tag: 'fields',
      required: ['fields'],
      properties: { fields: arrayOf(fieldPathSchema), columns: { type: 'integer', minimum: 1, maximum: 4 } },
    },
    { tag: 'kpis', required: ['cards'], properties: { cards: arrayOf(kpiCard) } },
    {
      tag: 'related',
      required: ['entity', 'via', 'columns'],
      properties: {
        entity: identifierSchema,
        via: identifierSchema,
        columns: arrayOf(fieldPathSchema, { minItems: 1 }),
        sort: arrayOf(sortSpecSchema),
        filter: jsonLogicSchema,
        limit: { type: 'integer', minimum: 1, maximum: 1000 },
      },
    },
    {
      tag: 'timeline',
      required: ['sources'],
      properties: {
        sources: arrayOf(
          object(['entity', 'via', 'dateField', 'titleField'], {
            entity: identifierSchema,
            via: identifierSchema,
            dateField: identifierSchema,
            titleField: identifierSchema,
          }),
          { minItems: 1 },
        ),
      },
    },
    { tag: 'chart', required: ['report'], properties: { report: identifierSchema, via: identifierSchema } },
    { tag: 'history' },
    { tag: 'approvals' },
  ],
);

/** Schema of a `view` document (model/view.ts), discriminated on `type`. */
export const VIEW_SCHEMA: JsonSchema = taggedUnion(
  'type',
  {
    required: ['kind', 'schemaVersion', 'name', 'entity', 'label'],
    properties: {
      kind: { const: 'view' },
      schemaVersion: schemaVersionSchema,
      name: identifierSchema,
      entity: identifierSchema,
      label: i18nTextSchema,
      filter: jsonLogicSchema,
      sort: arrayOf(sortSpecSchema),
    },
  },
  [
    {
      tag: 'list',
      required: ['columns'],
      properties: {
        columns: arrayOf(fieldPathSchema, { minItems: 1 }),
        pageSize: { type: 'integer', minimum: 1, maximum: 500 },
      },
    },
    {
      tag: 'kanban',
      required: ['stageField', 'cardFields'],
      properties: { stageField: identifierSchema, cardFields: arrayOf(fieldPathSchema) },
    },
    {
      tag: 'calendar',
      required: ['dateField'],
      properties: { dateField: identifierSchema, endField: identifierSchema },
    },
    { tag: 'record', required: ['sections'], properties: { sections: arrayOf(recordPageSection) } },
  ],
);
