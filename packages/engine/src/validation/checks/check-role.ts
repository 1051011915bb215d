import type { RoleDoc } from '../../model/role';
import { type CheckContext, checkFilter, requireEntity, requireField } from './check-context';

/** Semantic checks of a role: entities (or `*`) exist, field rules and reveals name their fields. */
export function checkRole(ctx: CheckContext, doc: RoleDoc, p: string): void {
  for (const [name, perm] of Object.entries(doc.entities)) {
    const ep = `${p}.entities.${name}`;
    const entity = name === '*' ? undefined : requireEntity(ctx, name, ep);
    if (perm.scope.type === 'filter') checkFilter(ctx, perm.scope.filter, `${ep}.scope.filter`);
    for (const field of Object.keys(perm.fields ?? {}))
      requireField(ctx, entity, field, `${ep}.fields.${field}`);
    perm.reveal?.forEach((f, i) => {
      requireField(ctx, entity, f, `${ep}.reveal.${i}`);
    });
  }
}
