import type { FastifyInstance } from 'fastify';
import { requireAuth } from '../auth/access-token';
import { requireRole } from '../auth/require-role';
import { DESIGNER_ROLES } from '../routes/app-routes';
import { requestContext, type ServerContext } from '../server-context';
import { exportPack } from './export-pack';
import { installPack } from './install-pack';
import { loadPack } from './load-pack';
import { listPackInstalls } from './pack-installs';
import { previewPackUpgrade, upgradePack } from './upgrade-pack';

/** Pack bundles are a few MB at most; every pack body is one bundle text. */
const PACK_BODY_LIMIT = 32 * 1024 * 1024;

const bundleProps = { bundle: { type: 'string', minLength: 2 } } as const;
const validateBody = {
  type: 'object',
  required: ['bundle'],
  additionalProperties: false,
  properties: bundleProps,
} as const;
const installBody = {
  type: 'object',
  required: ['bundle'],
  additionalProperties: false,
  properties: {
    ...bundleProps,
    seed: { type: 'string', pattern: '^[a-z0-9_-]{1,40}$' },
    scale: { type: 'number', exclusiveMinimum: 0, maximum: 1 },
  },
} as const;
const upgradeBody = {
  type: 'object',
  required: ['bundle'],
  additionalProperties: false,
  properties: { ...bundleProps, confirmLossy: { type: 'boolean' } },
} as const;
const exportParams = {
  type: 'object',
  required: ['app'],
  properties: { app: { type: 'string', pattern: '^[a-z][a-z0-9-]{0,40}$' } },
} as const;
const exportQuery = {
  type: 'object',
  additionalProperties: false,
  properties: {
    id: { type: 'string', pattern: '^[a-z][a-z0-9-]{0,40}$' },
    version: { type: 'string', pattern: '^\\d+\\.\\d+\\.\\d+(-[0-9A-Za-z.-]+)?$' },
  },
} as const;

/**
 * Template packs under `/api/packs`: list installed packs, validate / install a pack from an uploaded
 * bundle (`lattice pack build` output, sent as `{ bundle: "<file text>" }`), preview / apply an upgrade,
 * and download an app as a bundle. Install and upgrade need `admin`; export needs a designer role.
 */
export async function packRoutes(app: FastifyInstance, ctx: ServerContext): Promise<void> {
  const admin = requireRole('admin');
  const designer = requireRole(...DESIGNER_ROLES);
  const resync = async (appId: string) => {
    try {
      await app.rules?.engine.syncSchedules(appId);
    } catch (error) {
      app.log.warn({ err: error }, 'packs: could not queue the schedules of the installed app');
    }
  };
  app.addHook('onRequest', requireAuth(app, ctx.clock));

  app.get('/', { onRequest: designer }, async () =>
    (await listPackInstalls(ctx.db.kysely)).map((p) => ({
      appId: p.appId,
      packId: p.manifest.id,
      name: p.manifest.name,
      version: p.manifest.version,
      hash: p.hash,
      installedAt: p.installedAt,
      upgradedAt: p.upgradedAt,
    })),
  );

  app.post<{ Body: { bundle: string } }>(
    '/validate',
    { schema: { body: validateBody }, onRequest: designer, bodyLimit: PACK_BODY_LIMIT },
    async (request) => {
      const { pack } = loadPack({ bundle: request.body.bundle });
      const documents: Record<string, number> = {};
      for (const d of pack.app.documents) documents[d.kind] = (documents[d.kind] ?? 0) + 1;
      const installed = (await ctx.appStore.listApps()).some((a) => a.id === pack.app.id);
      return {
        manifest: pack.manifest,
        appId: pack.app.id,
        documents,
        // The reference seed is installed always, so it is not one to choose.
        seeds: Object.keys(pack.seed).filter((name) => name !== pack.manifest.referenceSeed),
        installed,
      };
    },
  );

  app.post<{ Body: { bundle: string; seed?: string; scale?: number } }>(
    '/install',
    { schema: { body: installBody }, onRequest: admin, bodyLimit: PACK_BODY_LIMIT },
    async (request, reply) => {
      const { bundle, seed, scale } = request.body;
      const result = await installPack(
        ctx,
        requestContext(ctx, request),
        { bundle },
        { ...(seed ? { seed } : {}), ...(scale ? { scale } : {}) },
      );
      await resync(result.appId);
      return reply.status(201).send(result);
    },
  );

  app.post<{ Body: { bundle: string } }>(
    '/upgrade/preview',
    { schema: { body: validateBody }, onRequest: admin, bodyLimit: PACK_BODY_LIMIT },
    async (request) => previewPackUpgrade(ctx, { bundle: request.body.bundle }),
  );

  app.post<{ Body: { bundle: string; confirmLossy?: boolean } }>(
    '/upgrade',
    { schema: { body: upgradeBody }, onRequest: admin, bodyLimit: PACK_BODY_LIMIT },
    async (request) => {
      const result = await upgradePack(
        ctx,
        requestContext(ctx, request),
        { bundle: request.body.bundle },
        { confirmLossy: request.body.confirmLossy ?? false },
      );
      await resync(result.appId);
      return result;
    },
  );

  app.get<{ Params: { app: string }; Querystring: { id?: string; version?: string } }>(
    '/export/:app',
    { schema: { params: exportParams, querystring: exportQuery }, onRequest: designer },
    async (request, reply) => {
      const r = await exportPack(ctx, request.params.app, request.query);
      return reply
        .header('content-type', 'application/json; charset=utf-8')
        .header('content-disposition', `attachment; filename="${r.fileName}"`)
        .send(r.bundle);
    },
  );
}
