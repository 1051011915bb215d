import type { EntityDoc, FormDoc } from '@lattice/engine';

/** What the signed-in user may do with one entity (`GET /api/apps/:app/access`). */
export interface EntityAccessInfo {
  rights: string[];
  fields: Record<string, 'hidden' | 'masked' | 'readonly' | 'editable'>;
  reveal: string[];
}

/** Access per entity; entities the user has no right on are absent. `null` = unknown (not loaded). */
export type AppAccess = Record<string, EntityAccessInfo> | null;

/**
 * Whether the UI should offer `right` on `entity`. Unknown access offers everything (the server decides
 * and its error is shown); this only hides buttons a user could never use.
 */
export function can(
  access: AppAccess,
  entity: string,
  right: 'read' | 'create' | 'update' | 'delete',
): boolean {
  if (access === null) return true;
  return access[entity]?.rights.includes(right) ?? false;
}

/** The entity as this user may edit it: fields the user may only read become read-only. */
export function editableEntity(entity: EntityDoc, access: AppAccess): EntityDoc {
  const info = access?.[entity.name];
  if (!info) return entity;
  if (!entity.fields.some((f) => info.fields[f.name] === 'readonly')) return entity;
  return {
    ...entity,
    fields: entity.fields.map((f) => (info.fields[f.name] === 'readonly' ? { ...f, readonly: true } : f)),
  };
}

/** The form without the fields this user may not see. */
export function visibleForm(form: FormDoc, entity: string, access: AppAccess): FormDoc {
  const info = access?.[entity];
  if (!info) return form;
  const hidden = (name: string) => info.fields[name] === 'hidden';
  if (!form.sections.some((s) => s.items.some((i) => hidden(i.field)))) return form;
  return {
    ...form,
    sections: form.sections.map((s) => ({ ...s, items: s.items.filter((i) => !hidden(i.field)) })),
  };
}
