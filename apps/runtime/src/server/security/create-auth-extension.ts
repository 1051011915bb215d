import type { Clock, LatticeDb } from '@lattice/engine/storage';
import type { AccessClaims, AuthExtension } from '../auth/access-token';
import { USERS_TABLE } from '../auth/migrate-auth-schema';
import type { ApiKeyStore } from './api-key-store';

/**
 * API-key authentication and access-token revocation for `requireAuth`. An API key acts as a user-less
 * principal `apikey:<name>` with the key's one role and no region/department. An access token is
 * refused when its user's `tokens_valid_after` (set on logout and password change) is later than its
 * issue time — one indexed lookup per request.
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
      const row = await db.kysely
        .selectFrom(USERS_TABLE)
        .select('tokens_valid_after')
        .where('id', '=', claims.sub)
        .executeTakeFirst();
      if (!row) return false;
      if (!row.tokens_valid_after) return true;
      const after = new Date(row.tokens_valid_after as string | Date).getTime();
      return (claims.iatMs ?? claims.iat * 1000) >= after;
    },
  };
}

/** Revokes every access token of `userId` issued before now (logout, password change, admin reset). */
export async function revokeAccessTokens(db: LatticeDb, clock: Clock, userId: string): Promise<void> {
  await db.kysely
    .updateTable(USERS_TABLE)
    .set({ tokens_valid_after: clock.now() })
    .where('id', '=', userId)
    .execute();
}
