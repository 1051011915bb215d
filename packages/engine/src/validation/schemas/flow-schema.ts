import {
  arrayOf,
  durationSchema,
  i18nTextSchema,
  identifierSchema,
  type JsonSchema,
  jsonLogicSchema,
  localIdSchema,
  object,
  schemaVersionSchema,
  taggedUnion,
} from './common-schema';

/** Who approves at a node (model/flow.ts `ApproverSpec`). */
const approver: JsonSchema = taggedUnion('type', {}, [
  { tag: 'user', required: ['user'], properties: { user: { type: 'string', minLength: 1 } } },
  { tag: 'role', required: ['role'], properties: { role: identifierSchema } },
  { tag: 'department_head' },
  { tag: 'field', required: ['field'], properties: { field: identifierSchema } },
]);

const node = taggedUnion('type', { required: ['id'], properties: { id: localIdSchema } }, [
  { tag: 'start', required: ['next'], properties: { next: localIdSchema } },
  {
    tag: 'approval',
    required: ['label', 'mode', 'approvers', 'next'],
    properties: {
      label: i18nTextSchema,
      mode: { enum: ['single', 'countersign', 'anysign', 'sequential'] },
      approvers: arrayOf(approver, { minItems: 1 }),
      fallback: approver,
      editableFields: arrayOf(identifierSchema),
      requireSignature: { type: 'boolean' },
      timeout: object(['after', 'action'], {
        after: durationSchema,
        action: { enum: ['remind', 'escalate', 'auto_approve', 'auto_reject'] },
      }),
      next: localIdSchema,
    },
  },
  {
    tag: 'condition',
    required: ['branches', 'otherwise'],
    properties: {
      label: i18nTextSchema,
      branches: arrayOf(
        object(['when', 'next'], { when: jsonLogicSchema, next: localIdSchema, label: i18nTextSchema }),
        { minItems: 1 },
      ),
      otherwise: localIdSchema,
    },
  },
  {
    tag: 'parallel',
    required: ['branches', 'join'],
    properties: { branches: arrayOf(localIdSchema, { minItems: 2 }), join: localIdSchema },
  },
  { tag: 'join', required: ['next'], properties: { next: localIdSchema } },
  {
    tag: 'cc',
    required: ['to', 'next'],
    properties: { label: i18nTextSchema, to: arrayOf(approver, { minItems: 1 }), next: localIdSchema },
  },
  { tag: 'auto_approve', required: ['next'], properties: { next: localIdSchema } },
  { tag: 'end' },
]);

/** Schema of a `flow` document (model/flow.ts): an approval graph of nodes. */
export const FLOW_SCHEMA: JsonSchema = object(['kind', 'schemaVersion', 'name', 'label', 'entity', 'nodes'], {
  kind: { const: 'flow' },
  schemaVersion: schemaVersionSchema,
  name: identifierSchema,
  label: i18nTextSchema,
  entity: identifierSchema,
  nodes: arrayOf(node, { minItems: 2 }),
});
