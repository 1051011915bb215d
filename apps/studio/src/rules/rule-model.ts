import type {
  ApprovalOutcome,
  Duration,
  EntityDoc,
  I18nText,
  JsonLogic,
  Recipient,
  RuleAction,
  RuleActionType,
  RuleDoc,
  RuleTrigger,
  RuleTriggerType,
  ValueMap,
} from '@lattice/engine';

/** Trigger types in the picker's order, with their labels. */
export const TRIGGER_TYPES: readonly { type: RuleTriggerType; label: I18nText }[] = [
  { type: 'record_created', label: { zh: '记录创建时', en: 'Record created' } },
  { type: 'record_updated', label: { zh: '记录更新时', en: 'Record updated' } },
  { type: 'record_deleted', label: { zh: '记录删除时', en: 'Record deleted' } },
  { type: 'field_changed', label: { zh: '字段变化时（从 → 到）', en: 'Field changed (from → to)' } },
  { type: 'stage_entered', label: { zh: '进入阶段时', en: 'Stage entered' } },
  {
    type: 'relative_timer',
    label: { zh: '相对时间（如创建后 24 小时）', en: 'Relative timer (e.g. 24 h after creation)' },
  },
  { type: 'schedule', label: { zh: '定时（Cron）', en: 'Schedule (cron)' } },
  { type: 'approval_outcome', label: { zh: '审批提交或结束时', en: 'Approval submitted or ended' } },
  { type: 'import_finished', label: { zh: '导入完成时', en: 'Import finished' } },
  { type: 'manual', label: { zh: '手动按钮', en: 'Manual button' } },
];

/** The `approval_outcome` trigger's choices, in the order a run goes through them. */
export const APPROVAL_OUTCOMES: readonly { value: ApprovalOutcome | 'any'; label: I18nText }[] = [
  { value: 'submitted', label: { zh: '提交审批', en: 'Submitted' } },
  { value: 'approved', label: { zh: '通过', en: 'Approved' } },
  { value: 'rejected', label: { zh: '驳回', en: 'Rejected' } },
  { value: 'withdrawn', label: { zh: '撤回', en: 'Withdrawn' } },
  {
    value: 'any',
    label: { zh: '任意结束（通过、驳回或撤回）', en: 'Any end (approved, rejected or withdrawn)' },
  },
];

export const ACTION_TYPES: readonly { type: RuleActionType; label: I18nText }[] = [
  { type: 'set_fields', label: { zh: '设置字段', en: 'Set fields' } },
  { type: 'notify', label: { zh: '发送通知', en: 'Notify' } },
  { type: 'create_task', label: { zh: '创建任务', en: 'Create task' } },
  { type: 'create_record', label: { zh: '创建记录', en: 'Create record' } },
  { type: 'update_related', label: { zh: '更新相关记录', en: 'Update related records' } },
  { type: 'assign_owner', label: { zh: '分配负责人', en: 'Assign owner' } },
  { type: 'start_flow', label: { zh: '发起审批', en: 'Start approval flow' } },
  { type: 'call_webhook', label: { zh: '调用 Webhook', en: 'Call webhook' } },
  { type: 'recompute', label: { zh: '重新计算字段', en: 'Recompute fields' } },
];

export const RECIPIENT_TYPES: readonly Recipient['type'][] = [
  'owner',
  'owner_manager',
  'user',
  'role',
  'field',
];

/** A new, disabled-by-default-off rule on `entity`: "when created → (no actions yet)". */
export function newRule(name: string, label: I18nText, entity: string): RuleDoc {
  return {
    kind: 'rule',
    schemaVersion: 1,
    name,
    label,
    entity,
    enabled: true,
    trigger: { type: 'record_created' },
    actions: [],
  };
}

/** The default trigger of each type, prefilled from the entity where it needs a field. */
export function defaultTrigger(
  type: RuleTriggerType,
  entity: EntityDoc | undefined,
  flows: string[],
): RuleTrigger {
  const fields = entity?.fields ?? [];
  const first = fields[0]?.name ?? '';
  switch (type) {
    case 'record_created':
    case 'record_deleted':
    case 'import_finished':
      return { type };
    case 'record_updated':
      return { type };
    case 'field_changed':
      return { type, field: first };
    case 'stage_entered': {
      const stage = fields.find((f) => f.type === 'stage');
      const stages = stage?.type === 'stage' ? stage.stages.map((s) => s.value) : [];
      return { type, field: stage?.name ?? first, stage: stages[0] ?? '' };
    }
    case 'relative_timer':
      return { type, after: { hours: 24 }, from: 'created_at' };
    case 'schedule':
      return { type, cron: '0 9 * * *', timezone: 'Asia/Shanghai' };
    case 'approval_outcome':
      return { type, flow: flows[0] ?? '', outcome: 'approved' };
    case 'manual':
      return { type, button: { zh: '执行', en: 'Run' } };
  }
}

export function defaultAction(type: RuleActionType, entity: string): RuleAction {
  switch (type) {
    case 'set_fields':
      return { type, values: {} };
    case 'create_record':
      return { type, entity, values: {} };
    case 'update_related':
      return { type, entity, match: { '==': [{ var: 'id' }, { var: '$record.id' }] }, values: {} };
    case 'create_task':
      return { type, title: { zh: '', en: '' }, assignee: { type: 'owner' }, due: { hours: 24 } };
    case 'notify':
      return { type, channel: 'inbox', to: { type: 'owner' }, title: { zh: '', en: '' } };
    case 'assign_owner':
      return { type, to: { type: 'user', user: '' } };
    case 'start_flow':
      return { type, flow: '' };
    case 'call_webhook':
      return { type, url: 'https://', method: 'POST', body: {} };
    case 'recompute':
      return { type, fields: [] };
  }
}

export function defaultRecipient(type: Recipient['type']): Recipient {
  switch (type) {
    case 'user':
      return { type, user: '' };
    case 'role':
      return { type, role: '' };
    case 'field':
      return { type, field: '' };
    case 'owner':
    case 'owner_manager':
      return { type };
  }
}

/**
 * A value cell as typed by the analyst → the JsonLogic stored: JSON when it parses (numbers, booleans,
 * null, `{"now":[]}`), otherwise the text itself.
 */
export function parseValueInput(text: string): JsonLogic {
  const trimmed = text.trim();
  if (trimmed === '') return '';
  try {
    return JSON.parse(trimmed) as JsonLogic;
  } catch {
    return text;
  }
}

/** The inverse of {@link parseValueInput}: strings show bare unless they would parse as something else. */
export function formatValueInput(value: JsonLogic): string {
  if (typeof value === 'string') {
    try {
      JSON.parse(value);
      return JSON.stringify(value);
    } catch {
      return value;
    }
  }
  return JSON.stringify(value);
}

/** Renames/sets one entry of a value map, keeping order. */
export function setValueEntry(values: ValueMap, oldKey: string, key: string, value: JsonLogic): ValueMap {
  const out: ValueMap = {};
  let placed = false;
  for (const [k, v] of Object.entries(values)) {
    if (k === oldKey) {
      out[key] = value;
      placed = true;
    } else if (k !== key) out[k] = v;
  }
  if (!placed) out[key] = value;
  return out;
}

/** `{ hours: 24 }` ⇄ amount + unit for the timer/due inputs. */
export function durationParts(d: Duration | undefined): {
  amount: number;
  unit: 'minutes' | 'hours' | 'days';
} {
  if (!d) return { amount: 0, unit: 'hours' };
  if (d.days) return { amount: d.days, unit: 'days' };
  if (d.minutes) return { amount: d.minutes, unit: 'minutes' };
  return { amount: d.hours ?? 0, unit: 'hours' };
}

/** Moves item `i` by `delta` (−1 up, +1 down); out of range is a no-op. */
export function move<T>(items: readonly T[], i: number, delta: number): T[] {
  const j = i + delta;
  if (j < 0 || j >= items.length) return [...items];
  const next = [...items];
  [next[i], next[j]] = [next[j] as T, next[i] as T];
  return next;
}
