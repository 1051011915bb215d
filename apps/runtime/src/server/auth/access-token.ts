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
  /** Issue time in ms (revocation compares it with the user's `tokens_valid_after`). */
  iatMs?: number;
}

/**
 * Optional checks the security layer adds (decorated on the root instance as `latticeAuth`): API keys
 * (`Authorization: ApiKey …` or `X-Api-Key`) and revocation of access tokens issued before a logout or
 * password change.
 */
export interface AuthExtension {
  /** The claims an API key acts with, or null when the key is unknown or revoked. */
  apiKey(key: string, request: FastifyRequest): Promise<AccessClaims | null>;
  /** False when the user's tokens were revoked after `claims.iat` (or the user no longer exists). */
  stillValid(claims: AccessClaims): Promise<boolean>;
}

declare module 'fastify' {
  interface FastifyInstance {
    latticeAuth?: AuthExtension;
  }
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
  const iatMs = clock.now().getTime();
  const iat = Math.floor(iatMs / 1000);
  return app.jwt.sign({
    iatMs,
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
    const ext = app.latticeAuth;
    const apiKey = /^ApiKey\s+(\S+)$/i.exec(header)?.[1] ?? singleHeader(request.headers['x-api-key']);
    if (apiKey && ext) {
      const claims = await ext.apiKey(apiKey, request);
      if (!claims)
        throw unauthenticated('invalid', {
          zh: 'API 密钥无效或已吊销',
          en: 'The API key is invalid or revoked',
        });
      request.user = claims;
      return;
    }
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
    if (ext && !(await ext.stillValid(claims))) {
      throw unauthenticated('revoked', {
        zh: '访问令牌已被吊销，请重新登录',
        en: 'The access token was revoked; sign in again',
      });
    }
    request.user = claims;
  };
}

function singleHeader(v: string | string[] | undefined): string | undefined {
  return Array.isArray(v) ? v[0] : v;
}

/** The acting user of an authenticated request. */
export function actorOf(request: FastifyRequest): Actor {
  const c = request.user;
  return { id: c.sub, username: c.username, roles: c.roles, department: c.department, region: c.region };
}

function unauthenticated(reason: string, message: { zh: string; en: string }): LatticeError {
  return new LatticeError('LATTICE_ERR_UNAUTHENTICATED', [{ path: 'authorization', message, reason }]);
}
