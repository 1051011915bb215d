import {
  arrayOf,
  durationSchema,
  i18nTextSchema,
  identifierSchema,
  type JsonSchema,
  jsonLogicSchema,
  object,
  schemaVersionSchema,
  taggedUnion,
} from './common-schema';

/** Who receives a notification or assignment (model/rule.ts `Recipient`). */
export const recipientSchema: JsonSchema = taggedUnion('type', {}, [
  { tag: 'user', required: ['user'], properties: { user: { type: 'string', minLength: 1 } } },
  { tag: 'role', required: ['role'], properties: { role: identifierSchema } },
  { tag: 'field', required: ['field'], properties: { field: identifierSchema } },
  { tag: 'owner' },
  { tag: 'owner_manager' },
]);

/** Field name → JsonLogic value; keys must be field names. */
const valueMap: JsonSchema = {
  type: 'object',
  propertyNames: identifierSchema,
  additionalProperties: jsonLogicSchema,
};
const url: JsonSchema = { type: 'string', format: 'uri' };

const trigger = taggedUnion('type', {}, [
  { tag: 'record_created' },
  { tag: 'record_updated', properties: { fields: arrayOf(identifierSchema) } },
  { tag: 'record_deleted' },
  { tag: 'field_changed', required: ['field'], properties: { field: identifierSchema, from: {}, to: {} } },
  {
    tag: 'stage_entered',
    required: ['field', 'stage'],
    properties: { field: identifierSchema, stage: { type: 'string', minLength: 1 } },
  },
  {
    tag: 'schedule',
    required: ['cron'],
    properties: {
      cron: { type: 'string', pattern: '^\\S+(\\s+\\S+){4,5}$' },
      timezone: { type: 'string', minLength: 1 },
      filter: jsonLogicSchema,
      report: identifierSchema,
    },
  },
  {
    tag: 'relative_timer',
    required: ['after', 'from'],
    properties: { after: durationSchema, from: identifierSchema, unless: jsonLogicSchema },
  },
  {
    tag: 'approval_outcome',
    required: ['flow', 'outcome'],
    properties: {
      flow: identifierSchema,
      outcome: { enum: ['submitted', 'approved', 'rejected', 'withdrawn', 'any'] },
    },
  },
  { tag: 'import_finished' },
  { tag: 'manual', required: ['button'], properties: { button: i18nTextSchema } },
]);

const action = taggedUnion('type', {}, [
  { tag: 'set_fields', required: ['values'], properties: { values: valueMap } },
  {
    tag: 'create_record',
    required: ['entity', 'values'],
    properties: { entity: identifierSchema, values: valueMap },
  },
  {
    tag: 'update_related',
    required: ['entity', 'match', 'values'],
    properties: { entity: identifierSchema, match: jsonLogicSchema, values: valueMap },
  },
  {
    tag: 'create_task',
    required: ['title', 'assignee'],
    properties: {
      title: jsonLogicSchema,
      assignee: recipientSchema,
      due: durationSchema,
      forEach: object(['entity', 'match'], {
        entity: identifierSchema,
        match: jsonLogicSchema,
        assignee: recipientSchema,
        distinctBy: identifierSchema,
      }),
      values: valueMap,
    },
  },
  {
    tag: 'notify',
    required: ['channel', 'to', 'title'],
    properties: {
      channel: { enum: ['inbox', 'email', 'webhook'] },
      to: recipientSchema,
      title: i18nTextSchema,
      body: i18nTextSchema,
      url: { type: 'string', minLength: 1 },
    },
  },
  { tag: 'assign_owner', required: ['to'], properties: { to: recipientSchema } },
  { tag: 'start_flow', required: ['flow'], properties: { flow: identifierSchema } },
  {
    tag: 'call_webhook',
    required: ['url'],
    properties: { url, method: { enum: ['POST', 'PUT'] }, body: valueMap },
  },
  {
    tag: 'recompute',
    required: ['fields'],
    properties: { fields: arrayOf(identifierSchema, { minItems: 1 }) },
  },
]);

/** Schema of a `rule` document (model/rule.ts): trigger + condition + actions. */
export const RULE_SCHEMA: JsonSchema = object(
  ['kind', 'schemaVersion', 'name', 'label', 'entity', 'enabled', 'trigger', 'actions'],
  {
    kind: { const: 'rule' },
    schemaVersion: schemaVersionSchema,
    name: identifierSchema,
    label: i18nTextSchema,
    description: i18nTextSchema,
    entity: identifierSchema,
    enabled: { type: 'boolean' },
    trigger,
    condition: jsonLogicSchema,
    actions: arrayOf(action, { minItems: 1 }),
    async: { type: 'boolean' },
  },
);
