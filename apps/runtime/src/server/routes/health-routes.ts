import type { FastifyInstance } from 'fastify';
import { sql } from 'kysely';
import type { ServerContext } from '../server-context';

/** `GET /api/health` → `{ status: 'ok', db: 'pglite' | 'postgres' }` after a round trip to the database. */
export async function healthRoutes(app: FastifyInstance, ctx: ServerContext): Promise<void> {
  app.get(
    '/health',
    {
      schema: {
        response: {
          200: {
            type: 'object',
            properties: { status: { type: 'string' }, db: { type: 'string', enum: ['pglite', 'postgres'] } },
          },
        },
      },
    },
    async () => {
      await sql`select 1`.execute(ctx.db.kysely);
      return { status: 'ok', db: ctx.db.dialect };
    },
  );
}
