import type { Clock, LatticeDb } from '@lattice/engine/storage';
import type { AccessClaims, AuthExtension } from '../auth/access-token';
import { USERS_TABLE } from '../auth/migrate-auth-schema';
import type { ApiKeyStore } from './api-key-store';

/**
 * API-key authentication and access-token revocation for `requireAuth`. An API key acts as a user-less
 * principal `apikey:<name>` with the key's one role and no region/department. An access token is
 * refused when its user's `tokens_valid_after` (set on logout and password change) is later than its
 * issue time. That time is remembered per user for `REVOCATION_TTL_MS`: a revocation on this instance is
 * seen at once (it forgets the user), one on another instance within the TTL — instead of a lookup per request.
 */
export function createAuthExtension(db: LatticeDb, clock: Clock, apiKeys: ApiKeyStore): AuthExtension {
  return {
    async apiKey(secret) {
      const key = await apiKeys.verify(secret);
      if (!key) return null;
      const iat = Math.floor(clock.now().getTime() / 1000);
      const claims: AccessClaims = {
        sub: key.id,
        username: `apikey:${key.name}`,
        roles: [key.role],
        department: null,
        region: null,
        iat,
        exp: iat + 60,
      };
      return claims;
    },
    async stillValid(claims) {
      const after = await validAfter(db, claims.sub);
      if (after === undefined) return false;
      return after === null || (claims.iatMs ?? claims.iat * 1000) >= after;
    },
  };
}

/** Revokes every access token of `userId` issued before now (logout, password change, admin reset). */
export async function revokeAccessTokens(db: LatticeDb, clock: Clock, userId: string): Promise<void> {
  validAfterCache.get(db)?.delete(userId);
  await db.kysely
    .updateTable(USERS_TABLE)
    .set({ tokens_valid_after: clock.now() })
    .where('id', '=', userId)
    .execute();
}

const REVOCATION_TTL_MS = 1000;
/** Per database: user id → (`tokens_valid_after` in ms, null when never revoked; when it was read). */
const validAfterCache = new WeakMap<LatticeDb, Map<string, { after: number | null; at: number }>>();

/** The user's `tokens_valid_after` in ms (null: never revoked; undefined: no such user), briefly cached. */
async function validAfter(db: LatticeDb, userId: string): Promise<number | null | undefined> {
  let cache = validAfterCache.get(db);
  if (!cache) {
    cache = new Map();
    validAfterCache.set(db, cache);
  }
  const hit = cache.get(userId);
  if (hit && performance.now() - hit.at <= REVOCATION_TTL_MS) return hit.after;
  const row = await db.kysely
    .selectFrom(USERS_TABLE)
    .select('tokens_valid_after')
    .where('id', '=', userId)
    .executeTakeFirst();
  if (!row) {
    cache.delete(userId);
    return undefined;
  }
  const after = row.tokens_valid_after ? new Date(row.tokens_valid_after as string | Date).getTime() : null;
  cache.set(userId, { after, at: performance.now() });
  return after;
}
