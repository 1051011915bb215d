import { LatticeError } from '@lattice/engine';
import type { Actor, Clock } from '@lattice/engine/storage';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { PublicUser } from './user-store';

/** Access tokens are short-lived: 15 minutes. */
export const ACCESS_TOKEN_TTL_S = 15 * 60;

/** The claims of a Lattice access token (everything an {@link Actor} needs, so no lookup per request). */
export interface AccessClaims {
  sub: string;
  username: string;
  roles: string[];
  department: string | null;
  region: string | null;
  iat: number;
  exp: number;
}

declare module '@fastify/jwt' {
  interface FastifyJWT {
    payload: AccessClaims;
    user: AccessClaims;
  }
}

/**
 * Signs an access token whose `iat`/`exp` come from the injected clock (not the wall clock), so tests
 * can move time past the expiry.
 */
export function signAccessToken(app: FastifyInstance, user: PublicUser, clock: Clock): string {
  const iat = Math.floor(clock.now().getTime() / 1000);
  return app.jwt.sign({
    sub: user.id,
    username: user.username,
    roles: user.roles,
    department: user.department,
    region: user.region,
    iat,
    exp: iat + ACCESS_TOKEN_TTL_S,
  });
}

/**
 * An `onRequest` hook that requires a valid bearer token and sets `request.user`. The signature is
 * checked by @fastify/jwt; expiry is checked here against the injected clock. Missing, forged and expired
 * tokens all answer 401 with the standard error body.
 */
export function requireAuth(app: FastifyInstance, clock: Clock) {
  return async (request: FastifyRequest): Promise<void> => {
    const header = request.headers.authorization ?? '';
    const match = /^Bearer\s+(\S+)$/i.exec(header);
    if (!match) throw unauthenticated('missing', { zh: '缺少访问令牌', en: 'Missing bearer token' });
    let claims: AccessClaims;
    try {
      claims = app.jwt.verify<AccessClaims>(match[1]!);
    } catch {
      throw unauthenticated('invalid', { zh: '访问令牌无效', en: 'The access token is invalid' });
    }
    if (typeof claims.exp !== 'number' || claims.exp * 1000 <= clock.now().getTime()) {
      throw unauthenticated('expired', { zh: '访问令牌已过期', en: 'The access token has expired' });
    }
    request.user = claims;
  };
}

/** The acting user of an authenticated request. */
export function actorOf(request: FastifyRequest): Actor {
  const c = request.user;
  return { id: c.sub, username: c.username, roles: c.roles, department: c.department, region: c.region };
}

function unauthenticated(reason: string, message: { zh: string; en: string }): LatticeError {
  return new LatticeError('LATTICE_ERR_UNAUTHENTICATED', [{ path: 'authorization', message, reason }]);
}
