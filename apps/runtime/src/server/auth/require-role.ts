import { LatticeError } from '@lattice/engine';
import type { FastifyRequest } from 'fastify';

/** A `preHandler` refusing callers with none of `roles` (403). Runs after authentication. */
export function requireRole(...roles: string[]) {
  return async (request: FastifyRequest): Promise<void> => {
    if (request.user.roles.some((r) => roles.includes(r))) return;
    throw new LatticeError('LATTICE_ERR_FORBIDDEN', [
      {
        path: '',
        message: {
          zh: `需要以下角色之一：${roles.join('、')}`,
          en: `Needs one of the roles: ${roles.join(', ')}`,
        },
      },
    ]);
  };
}
