import type { ErrorDetail } from '../errors';
import type { AppDefinition } from '../model/app';
import { findEntity } from '../model/app';
import type { EntityDoc } from '../model/entity';
import type { JsonLogic } from '../model/json-logic';
import { isQueryableField } from './check-query-fields';
import type { EntityAccess } from './resolve-entity-access';
import { hasRight } from './resolve-entity-access';

/**
 * Refuses `ref.field` vars in a list filter/sort unless the user may read the referenced entity and see
 * that field there (not hidden, not sensitive, not private notes), with the same "unknown field" error a missing field
 * gives — so a joined filter cannot probe what the user's role hides on the other entity.
 *
 * @example checkJoinedQueryFields(app, ticket, { filter: { '>': [{ var: 'customer.credit_limit' }, 0] } }, accessOf)
 */
export function checkJoinedQueryFields(
  app: Pick<AppDefinition, 'documents'>,
  entity: EntityDoc,
  query: { filter?: JsonLogic | null; sort?: { field: string }[] },
  accessOf: (entityName: string) => EntityAccess,
): ErrorDetail[] {
  const names = new Set<string>();
  collectVars(query.filter, names);
  for (const s of query.sort ?? []) names.add(s.field);
  const errors: ErrorDetail[] = [];
  for (const name of names) {
    if (!name.includes('.')) continue;
    const [refName, fieldName] = name.split('.');
    const ref = entity.fields.find((f) => f.name === refName);
    const target = ref?.type === 'reference' ? findEntity(app, ref.target) : undefined;
    const access = target ? accessOf(target.name) : undefined;
    const field = target?.fields.find((f) => f.name === fieldName);
    const visible = access && hasRight(access, 'read') && (field ? isQueryableField(access, field) : true);
    if (!visible) {
      errors.push({
        path: 'filter',
        message: {
          zh: `字段 ${JSON.stringify(name)} 不存在或不可筛选`,
          en: `unknown or unfilterable field ${JSON.stringify(name)}`,
        },
      });
    }
  }
  return errors;
}

function collectVars(expr: unknown, out: Set<string>): void {
  if (Array.isArray(expr)) {
    for (const x of expr) collectVars(x, out);
    return;
  }
  if (!expr || typeof expr !== 'object') return;
  for (const [op, arg] of Object.entries(expr)) {
    if (op === 'var') {
      const name = Array.isArray(arg) ? arg[0] : arg;
      if (typeof name === 'string') out.add(name);
    } else collectVars(arg, out);
  }
}
