import { VALIDATION_NOUNS } from '../../i18n/validation-nouns';
import { type EntityDoc, SCOPING_FIELD_TYPES, SYSTEM_COLUMNS } from '../../model/entity';
import type { Field, StageField } from '../../model/field';
import { type IndexedEntity, indexEntity } from './app-index';
import {
  type CheckContext,
  checkFilter,
  checkLogic,
  checkUnique,
  q,
  report,
  requireBackReference,
  requireEntity,
  requireField,
} from './check-context';

const SYSTEM: ReadonlySet<string> = new Set(SYSTEM_COLUMNS);
const SCOPING = SCOPING_FIELD_TYPES as Readonly<Record<string, readonly string[]>>;
/** `{0000}`-style counter; date parts like `{yyyy}` are optional, the counter is not. */
const COUNTER_RE = /\{0+\}/;

/** Semantic checks of an entity: unique and non-reserved fields, titleField, references, rollups, stages. */
export function checkEntity(ctx: CheckContext, doc: EntityDoc, p: string): void {
  const self = ctx.index?.entities.get(doc.name) ?? indexEntity(doc.name, doc.fields);
  checkUnique(
    ctx,
    doc.fields,
    (f) => f.id,
    (i) => `${p}.fields.${i}.id`,
    VALIDATION_NOUNS.fieldId,
  );
  checkUnique(
    ctx,
    doc.fields,
    (f) => f.name,
    (i) => `${p}.fields.${i}.name`,
    VALIDATION_NOUNS.fieldName,
  );
  doc.fields.forEach((f, i) => {
    checkField(ctx, doc, self, f, `${p}.fields.${i}`);
  });
  if (!doc.fields.some((f) => f.name === doc.titleField))
    report(ctx, `${p}.titleField`, 'unknownField', { entity: q(doc.name), actual: q(doc.titleField) });
  doc.indexes?.forEach((ix, i) => {
    ix.fields.forEach((n, j) => {
      requireField(ctx, self, n, `${p}.indexes.${i}.fields.${j}`);
    });
  });
  doc.uniqueKeys?.forEach((key, i) => {
    key.forEach((n, j) => {
      requireField(ctx, self, n, `${p}.uniqueKeys.${i}.${j}`);
    });
  });
  doc.searchFields?.forEach((n, i) => {
    requireField(ctx, self, n, `${p}.searchFields.${i}`);
  });
  checkFilter(ctx, doc.recordPermissions, `${p}.recordPermissions`);
}

function checkField(ctx: CheckContext, doc: EntityDoc, self: IndexedEntity, f: Field, p: string): void {
  checkReserved(ctx, f, p);
  f.validations?.forEach((v, i) => {
    checkLogic(ctx, v.rule, `${p}.validations.${i}.rule`);
  });
  switch (f.type) {
    case 'reference':
      if (f.target !== doc.name) requireEntity(ctx, f.target, `${p}.target`);
      return;
    case 'rollup': {
      const child =
        f.relation.entity === doc.name ? self : requireEntity(ctx, f.relation.entity, `${p}.relation.entity`);
      requireBackReference(ctx, child, f.relation.field, doc.name, `${p}.relation.field`);
      if (f.aggregate !== 'count' && f.measure === undefined)
        report(ctx, `${p}.measure`, 'measureRequired', { actual: q(f.aggregate) });
      if (f.measure !== undefined) requireField(ctx, child, f.measure, `${p}.measure`);
      checkFilter(ctx, f.filter, `${p}.filter`);
      return;
    }
    case 'formula':
      checkLogic(ctx, f.expression, `${p}.expression`);
      return;
    case 'autonumber':
      if (!COUNTER_RE.test(f.pattern))
        report(ctx, `${p}.pattern`, 'autonumberCounter', { actual: q(f.pattern) });
      return;
    case 'select':
    case 'multiselect':
      checkUnique(
        ctx,
        f.options,
        (o) => o.value,
        (i) => `${p}.options.${i}.value`,
        VALIDATION_NOUNS.option,
      );
      return;
    case 'stage':
      checkStages(ctx, self, f, p);
      return;
    default:
      return;
  }
}

/** System columns may not be field ids, except the scoping trio with a matching type. */
function checkReserved(ctx: CheckContext, f: Field, p: string): void {
  if (SYSTEM.has(f.id)) {
    const allowed = SCOPING[f.id];
    if (!allowed) report(ctx, `${p}.id`, 'reservedFieldId', { actual: q(f.id) });
    else if (!allowed.includes(f.type))
      report(ctx, `${p}.type`, 'scopingFieldType', { actual: q(f.id), expected: allowed.join(' / ') });
  }
  if (SYSTEM.has(f.name) && f.name !== f.id)
    report(ctx, `${p}.name`, 'reservedFieldId', { actual: q(f.name) });
}

function checkStages(ctx: CheckContext, self: IndexedEntity, f: StageField, p: string): void {
  checkUnique(
    ctx,
    f.stages,
    (s) => s.value,
    (i) => `${p}.stages.${i}.value`,
    VALIDATION_NOUNS.stage,
  );
  const values = new Set(f.stages.map((s) => s.value));
  for (const [from, tos] of Object.entries(f.transitions ?? {})) {
    if (!values.has(from)) report(ctx, `${p}.transitions.${from}`, 'unknownStage', { actual: q(from) });
    tos.forEach((to, i) => {
      if (!values.has(to)) report(ctx, `${p}.transitions.${from}.${i}`, 'unknownStage', { actual: q(to) });
    });
  }
  f.stages.forEach((s, i) => {
    s.requiredToLeave?.forEach((n, j) => {
      requireField(ctx, self, n, `${p}.stages.${i}.requiredToLeave.${j}`);
    });
  });
}
