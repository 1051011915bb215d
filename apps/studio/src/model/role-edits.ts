import type { AppDefinition, EntityPermission, RoleDoc } from '@lattice/engine';

/** A role's permission on `entity`: its own entry, else its `*` entry (inherited), else none. */
export function permissionFor(
  role: RoleDoc,
  entity: string,
): { permission: EntityPermission | undefined; inherited: boolean } {
  const own = role.entities[entity];
  if (own) return { permission: own, inherited: false };
  return { permission: role.entities['*'], inherited: role.entities['*'] !== undefined };
}

/**
 * Sets role `roleName`'s own entry for `entity` (`null` removes it, so the role falls back to its `*` entry).
 * Returns the same draft when the role does not exist.
 */
export function setPermission(
  draft: AppDefinition,
  roleName: string,
  entity: string,
  permission: EntityPermission | null,
): AppDefinition {
  const role = draft.documents.find((d): d is RoleDoc => d.kind === 'role' && d.name === roleName);
  if (!role) return draft;
  const entities = { ...role.entities };
  if (permission) entities[entity] = permission;
  else delete entities[entity];
  const next: RoleDoc = { ...role, entities };
  return { ...draft, documents: draft.documents.map((d) => (d === role ? next : d)) };
}
