import type { FastifyInstance } from 'fastify';
import { requireAuth } from '../auth/access-token';
import { requestContext, type ServerContext } from '../server-context';
import { MAX_PAGE_SIZE, parseListQuery, type RawListQuery } from './parse-list-query';

const entityParams = {
  type: 'object',
  required: ['app', 'entity'],
  properties: {
    app: { type: 'string', pattern: '^[a-z][a-z0-9-]{0,40}$' },
    entity: { type: 'string', pattern: '^[a-z][a-z0-9_]{0,62}$' },
  },
} as const;

const recordParams = {
  type: 'object',
  required: ['app', 'entity', 'id'],
  properties: { ...entityParams.properties, id: { type: 'string', format: 'uuid' } },
} as const;

const listQuerystring = {
  type: 'object',
  additionalProperties: false,
  properties: {
    filter: { type: 'string', maxLength: 20_000 },
    sort: { type: 'string', maxLength: 2_000 },
    limit: { type: 'integer', minimum: 1, maximum: MAX_PAGE_SIZE },
    cursor: { type: 'string', maxLength: 4_000 },
    q: { type: 'string', maxLength: 200 },
  },
} as const;

/** Values keyed by field name; the record service coerces and validates each against the live entity. */
const createBody = { type: 'object' } as const;

const patchBody = {
  type: 'object',
  required: ['version'],
  properties: { version: { type: 'integer', minimum: 1 }, values: { type: 'object' } },
} as const;

type EntityParams = { app: string; entity: string };
type RecordParams = EntityParams & { id: string };

/**
 * Records REST under `/api/apps/:app/records`: list (filter, sort, limit, cursor, q), create, get,
 * patch with optimistic locking, soft delete and history. The record service validates values against
 * the live metadata and writes the history and audit rows in the same transaction.
 */
export async function recordRoutes(app: FastifyInstance, ctx: ServerContext): Promise<void> {
  const { records } = ctx;
  app.addHook('onRequest', requireAuth(app, ctx.clock));

  app.get<{ Params: EntityParams; Querystring: RawListQuery }>(
    '/:app/records/:entity',
    { schema: { params: entityParams, querystring: listQuerystring } },
    async (request) => {
      const { app: appId, entity } = request.params;
      return records.list(requestContext(ctx, request), appId, entity, parseListQuery(request.query));
    },
  );

  app.post<{ Params: EntityParams; Body: Record<string, unknown> }>(
    '/:app/records/:entity',
    { schema: { params: entityParams, body: createBody } },
    async (request, reply) => {
      const { app: appId, entity } = request.params;
      const created = await records.create(
        requestContext(ctx, request),
        appId,
        entity,
        unwrapValues(request.body),
      );
      return reply.status(201).send(created);
    },
  );

  app.get<{ Params: RecordParams }>(
    '/:app/records/:entity/:id',
    { schema: { params: recordParams } },
    async (request) => {
      const { app: appId, entity, id } = request.params;
      return records.get(requestContext(ctx, request), appId, entity, id);
    },
  );

  app.patch<{ Params: RecordParams; Body: { version: number; values?: Record<string, unknown> } }>(
    '/:app/records/:entity/:id',
    { schema: { params: recordParams, body: patchBody } },
    async (request) => {
      const { app: appId, entity, id } = request.params;
      const { version, ...rest } = request.body;
      const values = isValuesEnvelope(rest) ? rest.values : rest;
      return records.update(requestContext(ctx, request), appId, entity, id, values, version);
    },
  );

  app.delete<{ Params: RecordParams }>(
    '/:app/records/:entity/:id',
    { schema: { params: recordParams } },
    async (request, reply) => {
      const { app: appId, entity, id } = request.params;
      await records.delete(requestContext(ctx, request), appId, entity, id);
      return reply.status(204).send();
    },
  );

  app.get<{ Params: RecordParams }>(
    '/:app/records/:entity/:id/history',
    { schema: { params: recordParams } },
    async (request) => {
      const { app: appId, entity, id } = request.params;
      return records.history(requestContext(ctx, request), appId, entity, id);
    },
  );
}

/** `{ values: {...} }` and a bare `{...}` are both accepted on create. */
function unwrapValues(body: Record<string, unknown>): Record<string, unknown> {
  return isValuesEnvelope(body) ? body.values : body;
}

function isValuesEnvelope(body: Record<string, unknown>): body is { values: Record<string, unknown> } {
  const keys = Object.keys(body);
  return (
    keys.length === 1 &&
    keys[0] === 'values' &&
    typeof body.values === 'object' &&
    body.values !== null &&
    !Array.isArray(body.values)
  );
}
