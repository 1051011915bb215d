import type { AppDefinition, RoleDoc } from '@lattice/engine';
import { appendAudit, type RequestContext } from '@lattice/engine/storage';
import type { ServerContext } from '../server-context';

export interface RolePublished {
  /** The role as it was live before (null: a new role). */
  before: RoleDoc | null;
  /** The live version now in effect (unchanged when the role was already live as given). */
  version: number;
}

/**
 * Makes one role document live without publishing anything else: the new live version is the current
 * live definition with only `role` replaced (or added), and the draft keeps every pending edit of
 * entities, forms, rules… with the role replaced there too. Publish, draft update and the
 * `security.role_change` audit row (who, when, before/after, from where) are one transaction.
 */
export async function publishRole(
  ctx: ServerContext,
  rc: RequestContext,
  appId: string,
  role: RoleDoc,
): Promise<RolePublished> {
  const draft = await ctx.appStore.getDraft(appId);
  const published = await ctx.db.kysely.transaction().execute(async (trx) => {
    const live = await ctx.appStore.getLive(appId, { trx });
    const before = findRole(live.definition, role.name);
    let version = live.version;
    if (JSON.stringify(before) !== JSON.stringify(role)) {
      await ctx.appStore.saveDraft(rc, appId, withRole(live.definition, role), { trx });
      version = (await ctx.appStore.publish(appId, { note: `role ${role.name}`, trx }, rc)).version;
    }
    await ctx.appStore.saveDraft(rc, appId, withRole(draft, role), { trx });
    await appendAudit(trx, ctx.clock, {
      appId,
      actor: rc.actor.id,
      action: 'security.role_change',
      detail: { role: role.name, before, after: role, version },
      ip: rc.ip ?? null,
    });
    return { before, version };
  });
  ctx.appStore.forgetLive(appId);
  return published;
}

function findRole(definition: AppDefinition, name: string): RoleDoc | null {
  return (
    (definition.documents.find((d) => d.kind === 'role' && d.name === name) as RoleDoc | undefined) ?? null
  );
}

function withRole(definition: AppDefinition, role: RoleDoc): AppDefinition {
  const exists = findRole(definition, role.name) !== null;
  return {
    ...definition,
    documents: exists
      ? definition.documents.map((d) => (d.kind === 'role' && d.name === role.name ? role : d))
      : [...definition.documents, role],
  };
}
