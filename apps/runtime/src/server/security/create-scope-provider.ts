import {
  type EntityAccess,
  hasRight,
  LatticeError,
  type RecordRight,
  resolveEntityAccess,
  type ScopeUser,
  scopeFilter,
} from '@lattice/engine';
import type { Actor, LiveApp, RecordScopeProvider } from '@lattice/engine/storage';
import type { OrgStore } from './org-store';

/** The record scope provider plus the access lookup the other security layers share. */
export interface SecurityScope extends RecordScopeProvider {
  /** The actor's merged permissions on `entity` of the live app. */
  accessFor(actor: Actor, app: LiveApp, entity: string): EntityAccess;
  /** Throws LATTICE_ERR_FORBIDDEN unless the actor holds `right` on `entity`. */
  assertRight(actor: Actor, app: LiveApp, entity: string, right: RecordRight): EntityAccess;
}

/**
 * Enforces the app's role documents on every record-service read and write: no right → 403 (the entity
 * level is not secret), otherwise the JsonLogic filter of the scopes granting the right (records outside
 * it behave as not found). Department scopes include the departments below the user's. Report and
 * export code call `filterFor(ctx, app, entity, 'read' | 'export')` the same way.
 */
export function createScopeProvider(org: OrgStore): SecurityScope {
  const accessFor = (actor: Actor, app: LiveApp, entity: string) =>
    resolveEntityAccess(app.definition, actor.roles, entity);
  const assertRight = (actor: Actor, app: LiveApp, entity: string, right: RecordRight) => {
    const access = accessFor(actor, app, entity);
    if (!hasRight(access, right)) throw forbiddenRight(entity, right);
    return access;
  };
  return {
    accessFor,
    assertRight,
    async filterFor(ctx, app, entityName, right) {
      if (ctx.actor.system) return null;
      const access = assertRight(ctx.actor, app, entityName, right);
      const scopes = access.scopes[right];
      if (scopes.some((s) => s.type === 'all')) return null;
      const department = ctx.actor.department ?? null;
      const below =
        department && scopes.some((s) => s.type === 'department')
          ? await org.departmentsBelow(department)
          : [];
      return scopeFilter(scopes, scopeUser(ctx.actor, below));
    },
  };
}

export function scopeUser(actor: Actor, departmentsBelow: string[] = []): ScopeUser {
  return {
    id: actor.id,
    username: actor.username,
    region: actor.region ?? null,
    department: actor.department ?? null,
    departmentsBelow,
    roles: actor.roles,
  };
}

export function forbiddenRight(entity: string, right: RecordRight): LatticeError {
  return new LatticeError('LATTICE_ERR_FORBIDDEN', [
    {
      path: '',
      message: {
        zh: `您的角色没有 ${entity} 的 ${right} 权限`,
        en: `Your role lacks the ${right} right on ${entity}`,
      },
      reason: 'right',
    },
  ]);
}
