import type { EntityDoc, ErrorDetail, FormDoc, JsonLogic } from '@lattice/engine';
import { FORM_WIDGETS, validateDocument } from '@lattice/engine';
import { widgetsForFieldType } from './widgets-for-field-type';

const msg = (zh: string, en: string) => ({ zh, en });

/**
 * Checks a form: its JSON shape with the engine's `validateDocument` (ajv schema + document checks),
 * then against its entity: unique section/tab/item ids, tabs that exist, items naming existing fields
 * with a widget that suits the field type, spans within the section's columns, and conditions that
 * reference existing fields. Paths are rooted at the form (`sections.0.items.2.field`); one error per
 * path (the engine's first).
 */
export function validateForm(form: FormDoc, entity: EntityDoc): ErrorDetail[] {
  const shape = validateDocument(form);
  const seen = new Set(shape.map((e) => e.path));
  return [...shape, ...entityErrors(form, entity).filter((e) => !seen.has(e.path))];
}

function entityErrors(form: FormDoc, entity: EntityDoc): ErrorDetail[] {
  const errors: ErrorDetail[] = [];
  const push = (path: string, zh: string, en: string, reason: string) =>
    errors.push({ path, message: msg(zh, en), reason });
  if (form.entity !== entity.name)
    push('entity', `表单实体应为 ${entity.name}`, `form entity should be ${entity.name}`, 'entity');
  const ids = new Set<string>();
  const unique = (id: string, path: string) => {
    if (ids.has(id)) push(path, `ID "${id}" 重复`, `duplicate id "${id}"`, 'unique');
    ids.add(id);
  };
  const tabIds = new Set((form.tabs ?? []).map((t) => t.id));
  (form.tabs ?? []).forEach((t, i) => {
    unique(t.id, `tabs.${i}.id`);
  });
  const fieldNames = new Set(entity.fields.map((f) => f.name));
  form.sections.forEach((s, si) => {
    const sp = `sections.${si}`;
    unique(s.id, `${sp}.id`);
    if (s.tab !== undefined && !tabIds.has(s.tab))
      push(`${sp}.tab`, `标签页 "${s.tab}" 不存在`, `unknown tab "${s.tab}"`, 'reference');
    checkVars(s.visibleWhen, `${sp}.visibleWhen`, fieldNames, errors);
    s.items.forEach((item, ii) => {
      const ip = `${sp}.items.${ii}`;
      unique(item.id, `${ip}.id`);
      const field = entity.fields.find((f) => f.name === item.field);
      if (!field) {
        push(`${ip}.field`, `字段 "${item.field}" 不存在`, `unknown field "${item.field}"`, 'reference');
        return;
      }
      if (item.widget !== undefined && !FORM_WIDGETS.includes(item.widget)) {
        push(`${ip}.widget`, `未知控件 "${item.widget}"`, `unknown widget "${item.widget}"`, 'enum');
      } else if (item.widget !== undefined && !widgetsForFieldType(field.type).includes(item.widget)) {
        push(
          `${ip}.widget`,
          `控件 ${item.widget} 不适用于 ${field.type} 字段`,
          `widget ${item.widget} does not fit a ${field.type} field`,
          'widget',
        );
      }
      if (item.span !== undefined && (item.span < 1 || item.span > s.columns || !Number.isInteger(item.span)))
        push(`${ip}.span`, `跨列应在 1 到 ${s.columns} 之间`, `span must be 1..${s.columns}`, 'range');
      for (const key of ['visibleWhen', 'requiredWhen', 'readonlyWhen', 'defaultValue', 'compute'] as const)
        checkVars(item[key], `${ip}.${key}`, fieldNames, errors);
    });
  });
  return errors;
}

/** Reports `{var: "x"}` references to fields the entity does not have (`$user…` is always allowed). */
function checkVars(expr: JsonLogic | undefined, path: string, names: Set<string>, out: ErrorDetail[]): void {
  if (expr === undefined || expr === null || typeof expr !== 'object') return;
  if (Array.isArray(expr)) {
    expr.forEach((e, i) => {
      checkVars(e, `${path}.${i}`, names, out);
    });
    return;
  }
  for (const [op, arg] of Object.entries(expr)) {
    if (op === 'var') {
      const name = Array.isArray(arg) ? arg[0] : arg;
      const root = typeof name === 'string' ? name.split('.')[0]! : '';
      if (typeof name === 'string' && name !== '' && !root.startsWith('$') && !names.has(root))
        out.push({
          path: `${path}.var`,
          message: msg(`字段 "${root}" 不存在`, `unknown field "${root}"`),
          reason: 'reference',
        });
      continue;
    }
    checkVars(arg, `${path}.${op}`, names, out);
  }
}
