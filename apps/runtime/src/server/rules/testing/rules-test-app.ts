import type { AppDefinition, EntityDoc, Field, RuleDoc } from '@lattice/engine';

const label = (en: string) => ({ zh: en, en });
const field = (name: string, type: string, extra: Record<string, unknown> = {}): Field =>
  ({ id: name, name, type, label: label(name), ...extra }) as unknown as Field;

const lead: EntityDoc = {
  kind: 'entity',
  schemaVersion: 1,
  name: 'lead',
  label: label('Lead'),
  titleField: 'name',
  fields: [
    field('name', 'text', { required: true }),
    field('amount', 'number'),
    field('big', 'boolean'),
    field('red_flag', 'boolean'),
    field('last_contacted_at', 'datetime'),
    field('counter', 'integer'),
    field('part', 'text'),
    field('owner', 'user'),
  ],
};

const line: EntityDoc = {
  kind: 'entity',
  schemaVersion: 1,
  name: 'line',
  label: label('Line'),
  titleField: 'part',
  fields: [field('part', 'text'), field('status', 'text'), field('note', 'text')],
};

const task: EntityDoc = {
  kind: 'entity',
  schemaVersion: 1,
  name: 'task',
  label: label('Task'),
  titleField: 'title',
  fields: [
    field('title', 'text', { required: true }),
    field('assignee', 'user'),
    field('due_at', 'datetime'),
    field('status', 'select', {
      options: [
        { value: 'open', label: label('Open') },
        { value: 'done', label: label('Done') },
      ],
    }),
    field('lead', 'reference', { target: 'lead', onDelete: 'set_null' }),
    field('owner', 'user'),
  ],
};

const rule = (
  r: Omit<RuleDoc, 'kind' | 'schemaVersion' | 'label' | 'enabled'> & { enabled?: boolean },
): RuleDoc => ({
  kind: 'rule',
  schemaVersion: 1,
  label: label(r.name),
  enabled: true,
  ...r,
});

/** A small app exercising every rule trigger family the runtime drives. */
export function rulesTestApp(): AppDefinition {
  return {
    id: 'rules-test',
    label: label('Rules test'),
    schemaVersion: 1,
    documents: [
      lead,
      line,
      task,
      rule({
        name: 'mark_big',
        entity: 'lead',
        trigger: { type: 'record_created' },
        condition: { '>': [{ var: 'amount' }, 1000] },
        actions: [{ type: 'set_fields', values: { big: true } }],
      }),
      rule({
        name: 'uncontacted_24h',
        entity: 'lead',
        trigger: {
          type: 'relative_timer',
          after: { hours: 24 },
          from: 'created_at',
          unless: { '!': [{ is_empty: [{ var: 'last_contacted_at' }] }] },
        },
        actions: [
          { type: 'set_fields', values: { red_flag: true } },
          {
            type: 'notify',
            channel: 'inbox',
            to: { type: 'owner_manager' },
            title: { zh: '线索超过24小时未联系', en: 'Lead not contacted within 24 h' },
          },
        ],
      }),
      rule({
        name: 'count_up',
        entity: 'lead',
        trigger: { type: 'record_updated', fields: ['counter'] },
        actions: [{ type: 'set_fields', values: { counter: { '+': [{ var: 'counter' }, 1] } } }],
      }),
      rule({
        name: 'part_changed',
        entity: 'lead',
        trigger: { type: 'field_changed', field: 'part' },
        actions: [
          {
            type: 'update_related',
            entity: 'line',
            match: {
              and: [
                { '==': [{ var: 'part' }, { var: '$record.part' }] },
                { '==': [{ var: 'status' }, 'open'] },
              ],
            },
            values: { note: { cat: ['affected by ', { var: '$record.name' }] } },
          },
          {
            type: 'create_task',
            title: { zh: '确认物料变更', en: 'Confirm part change' },
            assignee: { type: 'owner' },
            due: { hours: 24 },
          },
          { type: 'call_webhook', url: 'https://hooks.example.com/part', body: { part: { var: 'part' } } },
        ],
      }),
      rule({
        name: 'flag_now',
        entity: 'lead',
        trigger: { type: 'manual', button: label('Flag') },
        actions: [{ type: 'set_fields', values: { red_flag: true } }],
      }),
      rule({
        name: 'vip_lead',
        entity: 'lead',
        trigger: { type: 'record_created' },
        condition: { '>': [{ var: 'amount' }, 100000] },
        actions: [
          { type: 'assign_owner', to: { type: 'user', user: 'rt_manager' } },
          {
            type: 'create_record',
            entity: 'line',
            values: { part: { var: 'part' }, status: 'open', note: { cat: ['from ', { var: 'name' }] } },
          },
          {
            type: 'notify',
            channel: 'email',
            to: { type: 'owner' },
            title: { zh: '大额线索', en: 'VIP lead' },
          },
        ],
      }),
      rule({
        name: 'nightly_big',
        entity: 'lead',
        trigger: { type: 'schedule', cron: '0 2 * * *', filter: { '>': [{ var: 'amount' }, 500] } },
        actions: [{ type: 'set_fields', values: { big: true } }],
      }),
    ],
  } as unknown as AppDefinition;
}
