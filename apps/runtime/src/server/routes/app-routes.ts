import { type AppDefinition, documentsOfKind, findEntity, LatticeError } from '@lattice/engine';
import type { FastifyInstance } from 'fastify';
import { requireAuth } from '../auth/access-token';
import { requireRole } from '../auth/require-role';
import { checkFlowGraphs } from '../flows/check-flow-graphs';
import { requestContext, type ServerContext } from '../server-context';
import { definitionForReader } from './definition-for-reader';

/** Roles that may edit drafts, publish and roll back. */
export const DESIGNER_ROLES = ['admin', 'analyst'] as const;

const appParams = {
  type: 'object',
  required: ['app'],
  properties: { app: { type: 'string', pattern: '^[a-z][a-z0-9-]{0,40}$' } },
} as const;

const entityParams = {
  type: 'object',
  required: ['app', 'entity'],
  properties: {
    app: appParams.properties.app,
    entity: { type: 'string', pattern: '^[a-z][a-z0-9_]{0,62}$' },
  },
} as const;

/** The shape checked at the HTTP edge; the app store validates every document in depth. */
const definitionSchema = {
  type: 'object',
  required: ['id', 'label', 'schemaVersion', 'documents'],
  properties: {
    id: { type: 'string' },
    label: {
      type: 'object',
      required: ['zh', 'en'],
      properties: { zh: { type: 'string' }, en: { type: 'string' } },
    },
    schemaVersion: { type: 'integer' },
    documents: {
      type: 'array',
      items: { type: 'object', required: ['kind'], properties: { kind: { type: 'string' } } },
    },
  },
} as const;

const publishBody = {
  type: 'object',
  additionalProperties: false,
  properties: { confirmLossy: { type: 'boolean' }, note: { type: 'string', maxLength: 500 } },
} as const;

const rollbackBody = {
  type: 'object',
  required: ['version'],
  additionalProperties: false,
  properties: { version: { type: 'integer', minimum: 1 }, confirmLossy: { type: 'boolean' } },
} as const;

const createAppBody = {
  type: 'object',
  required: ['id', 'label'],
  additionalProperties: false,
  properties: {
    id: appParams.properties.app,
    label: definitionSchema.properties.label,
  },
} as const;

type AppParams = { app: string };

/**
 * Metadata endpoints under `/api/apps`: list, live definition, draft get/put, publish preview, publish,
 * versions, rollback, and the live entities. Writes need a designer role; the app store audits them.
 */
export async function appRoutes(app: FastifyInstance, ctx: ServerContext): Promise<void> {
  const { appStore } = ctx;
  const designer = requireRole(...DESIGNER_ROLES);
  app.addHook('onRequest', requireAuth(app, ctx.clock));

  app.get('/', async () => appStore.listApps());

  // A new, empty app (studio "new app"): its draft has no documents and nothing is published yet.
  app.post<{ Body: { id: string; label: { zh: string; en: string } } }>(
    '/',
    { schema: { body: createAppBody }, onRequest: designer },
    async (request, reply) => {
      const { id, label } = request.body;
      await appStore.createApp(requestContext(ctx, request), { id, label, schemaVersion: 1, documents: [] });
      const created = (await appStore.listApps()).find((a) => a.id === id);
      return reply.status(201).send(created);
    },
  );

  app.get<{ Params: AppParams }>('/:app', { schema: { params: appParams } }, async (request) => {
    const live = await appStore.getLive(request.params.app);
    const designs = request.user.roles.some((r) => (DESIGNER_ROLES as readonly string[]).includes(r));
    return {
      version: live.version,
      definition: designs ? live.definition : definitionForReader(live.definition),
    };
  });

  app.get<{ Params: AppParams }>(
    '/:app/draft',
    { schema: { params: appParams }, onRequest: designer },
    async (request) => appStore.getDraft(request.params.app),
  );

  app.put<{ Params: AppParams; Body: AppDefinition }>(
    '/:app/draft',
    { schema: { params: appParams, body: definitionSchema }, onRequest: designer },
    async (request) => {
      const { app: appId } = request.params;
      if (request.body.id !== appId) {
        throw new LatticeError('LATTICE_ERR_VALIDATION', [
          { path: 'id', message: { zh: `应用 id 应为 ${appId}`, en: `id must be ${appId}` } },
        ]);
      }
      const flowErrors = checkFlowGraphs(request.body);
      if (flowErrors.length > 0) throw new LatticeError('LATTICE_ERR_VALIDATION', flowErrors);
      await appStore.saveDraft(requestContext(ctx, request), appId, request.body);
      return appStore.getDraft(appId);
    },
  );

  app.post<{ Params: AppParams }>(
    '/:app/publish/preview',
    { schema: { params: appParams }, onRequest: designer },
    async (request) => appStore.previewPublish(request.params.app),
  );

  app.post<{ Params: AppParams; Body: { confirmLossy?: boolean; note?: string } }>(
    '/:app/publish',
    {
      schema: { params: appParams, body: publishBody },
      // An empty POST means "publish with defaults".
      preValidation: async (request) => {
        request.body ??= {};
      },
      onRequest: designer,
    },
    async (request) => {
      const body = request.body;
      return appStore.publish(
        request.params.app,
        { confirmLossy: body.confirmLossy ?? false, ...(body.note ? { note: body.note } : {}) },
        requestContext(ctx, request),
      );
    },
  );

  app.get<{ Params: AppParams }>('/:app/versions', { schema: { params: appParams } }, async (request) =>
    appStore.listVersions(request.params.app),
  );

  app.post<{ Params: AppParams; Body: { version: number; confirmLossy?: boolean } }>(
    '/:app/rollback',
    { schema: { params: appParams, body: rollbackBody }, onRequest: designer },
    async (request) =>
      appStore.rollback(request.params.app, request.body.version, requestContext(ctx, request), {
        confirmLossy: request.body.confirmLossy ?? false,
      }),
  );

  app.get<{ Params: AppParams }>('/:app/entities', { schema: { params: appParams } }, async (request) => {
    const live = await appStore.getLive(request.params.app);
    return documentsOfKind(live.definition, 'entity');
  });

  app.get<{ Params: AppParams & { entity: string } }>(
    '/:app/entities/:entity',
    { schema: { params: entityParams } },
    async (request) => {
      const live = await appStore.getLive(request.params.app);
      const entity = findEntity(live.definition, request.params.entity);
      if (!entity) throw unknownEntity(request.params.entity);
      return entity;
    },
  );
}

/** LATTICE_ERR_UNKNOWN_ENTITY at path `entity`. */
export function unknownEntity(name: string): LatticeError {
  return new LatticeError('LATTICE_ERR_UNKNOWN_ENTITY', [
    { path: 'entity', message: { zh: `实体 ${name} 不存在`, en: `Unknown entity ${name}` } },
  ]);
}
