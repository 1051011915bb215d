import { assertNever } from '../../model/assert-never';
import { DATE_FIELD_TYPES } from '../../model/field-types';
import type { Recipient, RuleAction, RuleDoc, RuleTrigger, ValueMap } from '../../model/rule';
import type { IndexedEntity } from './app-index';
import {
  type CheckContext,
  checkFilter,
  checkLogic,
  q,
  report,
  requireDocument,
  requireEntity,
  requireField,
  requireFieldType,
} from './check-context';

/** Semantic checks of a rule: entity, trigger fields/stages/flows, condition, and every action. */
export function checkRule(ctx: CheckContext, doc: RuleDoc, p: string): void {
  const entity = requireEntity(ctx, doc.entity, `${p}.entity`);
  checkTrigger(ctx, entity, doc.trigger, `${p}.trigger`);
  checkLogic(ctx, doc.condition, `${p}.condition`);
  doc.actions.forEach((a, i) => {
    checkAction(ctx, entity, a, `${p}.actions.${i}`);
  });
}

function checkTrigger(ctx: CheckContext, entity: IndexedEntity | undefined, t: RuleTrigger, p: string): void {
  switch (t.type) {
    case 'record_updated':
      t.fields?.forEach((f, i) => {
        requireField(ctx, entity, f, `${p}.fields.${i}`);
      });
      return;
    case 'field_changed':
      requireField(ctx, entity, t.field, `${p}.field`);
      return;
    case 'stage_entered':
      checkStageEntered(ctx, entity, t.field, t.stage, p);
      return;
    case 'schedule':
      checkFilter(ctx, t.filter, `${p}.filter`);
      if (t.report !== undefined) {
        requireDocument(ctx, 'report', t.report, `${p}.report`);
        // A report-driven run happens once, not per record: a record filter would have nothing to select.
        if (t.filter !== undefined)
          report(ctx, `${p}.filter`, 'exclusiveWith', { actual: 'filter', other: 'report' });
      }
      return;
    case 'relative_timer':
      requireFieldType(ctx, entity, t.from, DATE_FIELD_TYPES, `${p}.from`);
      checkLogic(ctx, t.unless, `${p}.unless`);
      return;
    case 'approval_outcome':
      requireDocument(ctx, 'flow', t.flow, `${p}.flow`);
      return;
    case 'record_created':
    case 'record_deleted':
    case 'import_finished':
    case 'manual':
      return;
    default:
      assertNever(t, 'rule trigger');
  }
}

/** The field must be a stage field and the stage one of its values (needs the full entity document). */
function checkStageEntered(
  ctx: CheckContext,
  entity: IndexedEntity | undefined,
  field: string,
  stage: string,
  p: string,
): void {
  requireFieldType(ctx, entity, field, ['stage'], `${p}.field`);
  const stages = entity?.fields.get(field)?.stages;
  if (stages && !stages.includes(stage)) report(ctx, `${p}.stage`, 'unknownStage', { actual: q(stage) });
}

function checkAction(ctx: CheckContext, entity: IndexedEntity | undefined, a: RuleAction, p: string): void {
  switch (a.type) {
    case 'set_fields':
      checkValues(ctx, entity, a.values, `${p}.values`);
      return;
    case 'create_record':
      checkValues(ctx, requireEntity(ctx, a.entity, `${p}.entity`), a.values, `${p}.values`);
      return;
    case 'update_related': {
      const target = requireEntity(ctx, a.entity, `${p}.entity`);
      checkFilter(ctx, a.match, `${p}.match`);
      checkValues(ctx, target, a.values, `${p}.values`);
      return;
    }
    case 'create_task': {
      checkLogic(ctx, isI18nText(a.title) ? undefined : a.title, `${p}.title`);
      if (!a.forEach) {
        checkRecipient(ctx, entity, a.assignee, `${p}.assignee`);
      } else {
        const each = requireEntity(ctx, a.forEach.entity, `${p}.forEach.entity`);
        checkFilter(ctx, a.forEach.match, `${p}.forEach.match`);
        // With forEach, the assignee is resolved on each matched record; forEach.assignee wins.
        if (a.forEach.assignee) checkRecipient(ctx, each, a.forEach.assignee, `${p}.forEach.assignee`);
        else checkRecipient(ctx, each, a.assignee, `${p}.assignee`);
        if (a.forEach.distinctBy !== undefined)
          requireField(ctx, each, a.forEach.distinctBy, `${p}.forEach.distinctBy`);
      }
      // Task values target the runtime's task store, not an app entity; only the expressions are checked.
      for (const [k, v] of Object.entries(a.values ?? {})) checkLogic(ctx, v, `${p}.values.${k}`);
      return;
    }
    case 'notify':
      checkRecipient(ctx, entity, a.to, `${p}.to`);
      return;
    case 'assign_owner':
      checkRecipient(ctx, entity, a.to, `${p}.to`);
      return;
    case 'start_flow':
      requireDocument(ctx, 'flow', a.flow, `${p}.flow`);
      return;
    case 'call_webhook':
      for (const [k, v] of Object.entries(a.body ?? {})) checkLogic(ctx, v, `${p}.body.${k}`);
      return;
    case 'recompute':
      a.fields.forEach((f, i) => {
        requireField(ctx, entity, f, `${p}.fields.${i}`);
      });
      return;
    default:
      assertNever(a, 'rule action');
  }
}

/** Keys are fields of the target entity; values are JsonLogic. */
function checkValues(
  ctx: CheckContext,
  entity: IndexedEntity | undefined,
  values: ValueMap,
  p: string,
): void {
  for (const [k, v] of Object.entries(values)) {
    requireField(ctx, entity, k, `${p}.${k}`);
    checkLogic(ctx, v, `${p}.${k}`);
  }
}

function checkRecipient(ctx: CheckContext, entity: IndexedEntity | undefined, r: Recipient, p: string): void {
  if (r.type === 'role') requireDocument(ctx, 'role', r.role, `${p}.role`);
  if (r.type === 'field') requireFieldType(ctx, entity, r.field, ['user'], `${p}.field`);
}

function isI18nText(value: unknown): boolean {
  if (typeof value !== 'object' || value === null) return false;
  const keys = Object.keys(value).sort();
  return keys.length === 2 && keys[0] === 'en' && keys[1] === 'zh';
}
