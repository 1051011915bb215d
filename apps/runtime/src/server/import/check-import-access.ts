import {
  checkWriteInput,
  type EntityDoc,
  hasRight,
  LatticeError,
  resolveEntityAccess,
} from '@lattice/engine';
import type { ColumnMapping } from '@lattice/engine/import';
import type { Actor, LiveApp } from '@lattice/engine/storage';
import { forbiddenRight } from '../security/create-scope-provider';

const FILE_VALUE = Symbol('a value from the file');

/**
 * The field permissions of the records API applied to an import's mapping, before anything is read or
 * written: the actor's roles need the `import` right on the entity, and every mapped field must be one
 * the role may write (a hidden field is refused as unknown, a read-only or unrevealable masked field as
 * forbidden, owner/region/department only with an unrestricted import scope). System actors pass.
 *
 * @example checkImportAccess(actor, live, entity, settings.mapping) // throws LATTICE_ERR_FORBIDDEN
 */
export function checkImportAccess(
  actor: Actor,
  live: LiveApp,
  entity: EntityDoc,
  mapping: readonly ColumnMapping[],
): void {
  if (actor.system) return;
  const access = resolveEntityAccess(live.definition, actor.roles, entity.name);
  if (!hasRight(access, 'import')) throw forbiddenRight(entity.name, 'import');
  // The file's values are not known yet: a marker equal to no user's id/region/department stands for
  // them, so only an unrestricted import scope may map owner/region/department.
  const input = Object.fromEntries(
    mapping.filter((m) => m.field).map((m) => [m.field as string, FILE_VALUE] as const),
  );
  const errors = checkWriteInput(entity, input, access, 'import', {
    id: actor.id,
    region: actor.region ?? null,
    department: actor.department ?? null,
  }).map((e) => ({ ...e, path: `mapping.${e.path}` }));
  if (!errors.length) return;
  const hidden = errors.every((e) => e.reason === 'LATTICE_ERR_UNKNOWN_FIELD');
  throw new LatticeError(hidden ? 'LATTICE_ERR_VALIDATION' : 'LATTICE_ERR_FORBIDDEN', errors);
}
