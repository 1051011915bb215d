import { LatticeError } from '@lattice/engine';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { pickLocale } from '../http/pick-locale';
import { toLatticeError } from './to-lattice-error';

/**
 * One error handler and one not-found handler for the whole server: every failure answers
 * `{ error: { code, message, details: [{ path, message }] } }` in the caller's `Accept-Language`.
 * `fallback` may answer unknown paths first (the SPA fallback serving index.html).
 */
export function registerErrorHandler(
  app: FastifyInstance,
  fallback?: (request: FastifyRequest, reply: FastifyReply) => boolean,
): void {
  app.setErrorHandler((error, request, reply) => {
    const lattice = toLatticeError(error);
    if (lattice.status >= 500) request.log.error({ err: error }, 'request failed');
    reply.status(lattice.status).send(lattice.toBody(pickLocale(request.headers['accept-language'])));
  });
  app.setNotFoundHandler((request, reply) => {
    if (fallback?.(request, reply)) return reply;
    const error = new LatticeError('LATTICE_ERR_NOT_FOUND', [
      { path: request.url.split('?')[0] ?? '', message: { zh: '接口不存在', en: 'No such route' } },
    ]);
    return reply.status(404).send(error.toBody(pickLocale(request.headers['accept-language'])));
  });
}
