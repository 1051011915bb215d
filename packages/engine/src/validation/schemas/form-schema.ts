import { FORM_WIDGETS } from '../../model/form';
import {
  arrayOf,
  i18nTextSchema,
  identifierSchema,
  type JsonSchema,
  jsonLogicSchema,
  localIdSchema,
  object,
  schemaVersionSchema,
} from './common-schema';

const formItem = object(['id', 'field'], {
  id: localIdSchema,
  field: identifierSchema,
  widget: { enum: [...FORM_WIDGETS] },
  span: { type: 'integer', minimum: 1, maximum: 4 },
  label: i18nTextSchema,
  help: i18nTextSchema,
  placeholder: i18nTextSchema,
  visibleWhen: jsonLogicSchema,
  requiredWhen: jsonLogicSchema,
  readonlyWhen: jsonLogicSchema,
  defaultValue: jsonLogicSchema,
  compute: jsonLogicSchema,
});

const formSection = object(['id', 'title', 'columns', 'items'], {
  id: localIdSchema,
  title: i18nTextSchema,
  columns: { enum: [1, 2, 3, 4] },
  tab: localIdSchema,
  collapsed: { type: 'boolean' },
  visibleWhen: jsonLogicSchema,
  items: arrayOf(formItem),
});

/** Schema of a `form` document (model/form.ts). */
export const FORM_SCHEMA: JsonSchema = object(
  ['kind', 'schemaVersion', 'name', 'entity', 'label', 'sections'],
  {
    kind: { const: 'form' },
    schemaVersion: schemaVersionSchema,
    name: identifierSchema,
    entity: identifierSchema,
    label: i18nTextSchema,
    tabs: arrayOf(object(['id', 'title'], { id: localIdSchema, title: i18nTextSchema })),
    sections: arrayOf(formSection, { minItems: 1 }),
  },
);
