import swagger from '@fastify/swagger';
import swaggerUi from '@fastify/swagger-ui';
import type { LiveApp } from '@lattice/engine/storage';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { buildOpenApiDocument, type OpenApiDocument } from '../openapi/build-openapi-document';
import { visibleAppsForDocs } from '../security/visible-apps-for-docs';
import type { ServerContext } from '../server-context';

/**
 * The OpenAPI document at `/api/docs/json` and Swagger UI at `/api/docs`. @fastify/swagger collects the
 * static routes (auth, metadata); the records part is generated per request from the live metadata of
 * every published app, so a publish shows up without a restart. Register before the other routes so
 * @fastify/swagger sees them.
 */
export async function registerDocs(app: FastifyInstance, ctx: ServerContext): Promise<void> {
  await app.register(swagger, {
    openapi: {
      openapi: '3.0.3',
      info: {
        title: 'Lattice runtime API',
        description:
          '低代码客户管理平台运行时接口 / Lattice runtime API. Errors: {error:{code,message,details}}.',
        version: '0.1.0',
      },
    },
  });
  const docs = new WeakMap<FastifyRequest, OpenApiDocument>();
  await app.register(swaggerUi, {
    routePrefix: '/api/docs',
    uiHooks: {
      preHandler: async (request: FastifyRequest) => {
        docs.set(
          request,
          buildOpenApiDocument(
            app.swagger() as unknown as OpenApiDocument,
            await visibleAppsForDocs(app, request, ctx.scope, await liveApps(ctx)),
          ),
        );
      },
    },
    transformSpecificationClone: false,
    transformSpecification: (spec, request) => docs.get(request) ?? spec,
  });
}

async function liveApps(ctx: ServerContext): Promise<LiveApp[]> {
  const summaries = await ctx.appStore.listApps();
  const published = summaries.filter((s) => s.liveVersion !== null);
  return Promise.all(published.map((s) => ctx.appStore.getLive(s.id)));
}
