import type { FastifyInstance } from 'fastify';
import { actorOf, requireAuth } from '../auth/access-token';
import type { ServerContext } from '../server-context';
import type { RulesService } from './setup-rules';

const listQuery = {
  type: 'object',
  additionalProperties: false,
  properties: {
    unread: { type: 'boolean' },
    limit: { type: 'integer', minimum: 1, maximum: 200 },
    before: { type: 'string', format: 'date-time' },
  },
} as const;

const readBody = {
  type: 'object',
  additionalProperties: false,
  properties: { ids: { type: 'array', maxItems: 500, items: { type: 'string', format: 'uuid' } } },
} as const;

/**
 * The caller's in-app inbox under `/api/notifications`: list (newest first, `unread`, `before` for
 * paging), unread count (the header badge polls it), mark read (given ids, or all).
 */
export async function notificationRoutes(
  app: FastifyInstance,
  ctx: ServerContext,
  rules: RulesService,
): Promise<void> {
  app.addHook('onRequest', requireAuth(app, ctx.clock));

  app.get<{ Querystring: { unread?: boolean; limit?: number; before?: string } }>(
    '/notifications',
    { schema: { querystring: listQuery } },
    async (request) => {
      const { unread, limit, before } = request.query;
      return {
        items: await rules.notifications.list(actorOf(request).id, {
          unreadOnly: unread ?? false,
          limit: limit ?? 50,
          ...(before ? { before } : {}),
        }),
      };
    },
  );

  app.get('/notifications/unread-count', async (request) => ({
    count: await rules.notifications.unreadCount(actorOf(request).id),
  }));

  app.post<{ Body: { ids?: string[] } | undefined }>(
    '/notifications/read',
    { schema: { body: readBody } },
    async (request) => ({
      updated: await rules.notifications.markRead(actorOf(request).id, request.body?.ids),
    }),
  );
}
