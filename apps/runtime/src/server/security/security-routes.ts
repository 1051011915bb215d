import { canReveal, documentsOfKind, fieldVisibility, findEntity, latticeError } from '@lattice/engine';
import { appendAudit } from '@lattice/engine/storage';
import type { FastifyInstance } from 'fastify';
import { requireAuth } from '../auth/access-token';
import { requestContext, type ServerContext } from '../server-context';

const revealParams = {
  type: 'object',
  required: ['app', 'entity', 'id', 'field'],
  properties: {
    app: { type: 'string', pattern: '^[a-z][a-z0-9-]{0,40}$' },
    entity: { type: 'string', pattern: '^[a-z][a-z0-9_]{0,62}$' },
    id: { type: 'string', format: 'uuid' },
    field: { type: 'string', pattern: '^[a-z][a-z0-9_]{0,62}$' },
  },
} as const;

/**
 * `GET /api/apps/:app/records/:entity/:id/reveal/:field` — the plain value of a masked sensitive field,
 * for roles allowed to reveal it, audited as `record.reveal` (who, which record and field, from where).
 * Out-of-scope records answer 404 like everywhere else. `GET /api/apps/:app/access` — the caller's
 * rights and field visibility per entity, so the UI can hide what the server would refuse anyway.
 */
export async function securityRoutes(app: FastifyInstance, ctx: ServerContext): Promise<void> {
  app.addHook('onRequest', requireAuth(app, ctx.clock));

  app.get<{ Params: { app: string; entity: string; id: string; field: string } }>(
    '/:app/records/:entity/:id/reveal/:field',
    { schema: { params: revealParams } },
    async (request) => {
      const { app: appId, entity: entityName, id, field: fieldName } = request.params;
      const rc = requestContext(ctx, request);
      const live = await ctx.appStore.getLive(appId);
      const access = ctx.scope.assertRight(rc.actor, live, entityName, 'read');
      const entity = findEntity(live.definition, entityName);
      const field = entity?.fields.find((f) => f.name === fieldName);
      const unknownField = () =>
        latticeError('LATTICE_ERR_UNKNOWN_FIELD', fieldName, {
          zh: `字段 "${fieldName}" 不存在`,
          en: `unknown field "${fieldName}"`,
        });
      if (!entity || !field || fieldVisibility(access, field) === 'hidden') throw unknownField();
      if (!field.sensitive || !canReveal(access, fieldName)) {
        throw latticeError('LATTICE_ERR_FORBIDDEN', fieldName, {
          zh: '您的角色不能查看此字段的明文',
          en: 'Your role may not reveal this field',
        });
      }
      // The scoped read proves the record is visible (404 otherwise); the plain value is read as system.
      await ctx.records.get(rc, appId, entityName, id);
      const plain = await ctx.records.get(
        { ...rc, actor: { ...rc.actor, system: true } },
        appId,
        entityName,
        id,
      );
      await appendAudit(ctx.db.kysely, ctx.clock, {
        appId,
        actor: rc.actor.id,
        action: 'record.reveal',
        entity: entityName,
        recordId: id,
        detail: { field: fieldName },
        ip: request.ip,
      });
      return { field: fieldName, value: plain[fieldName] ?? null };
    },
  );

  app.get<{ Params: { app: string } }>('/:app/access', async (request) => {
    const rc = requestContext(ctx, request);
    const live = await ctx.appStore.getLive(request.params.app);
    const out: Record<string, { rights: string[]; fields: Record<string, string>; reveal: string[] }> = {};
    for (const entity of documentsOfKind(live.definition, 'entity')) {
      const access = ctx.scope.accessFor(rc.actor, live, entity.name);
      if (access.rights.length === 0) continue;
      out[entity.name] = {
        rights: access.rights,
        fields: Object.fromEntries(entity.fields.map((f) => [f.name, fieldVisibility(access, f)])),
        reveal: entity.fields.filter((f) => f.sensitive && canReveal(access, f.name)).map((f) => f.name),
      };
    }
    return out;
  });
}
