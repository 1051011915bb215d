import { createHash, randomBytes, randomUUID } from 'node:crypto';
import { LatticeError } from '@lattice/engine';
import type { Clock, LatticeDb } from '@lattice/engine/storage';
import { REFRESH_TOKENS_TABLE } from './migrate-auth-schema';

/** Refresh tokens live 30 days; each use rotates them. */
export const REFRESH_TOKEN_TTL_MS = 30 * 24 * 3600 * 1000;

/**
 * Opaque, rotating refresh tokens. Only a SHA-256 of each token is stored. Presenting a token that was
 * already rotated away means it leaked, so the whole family (every token descended from one login) is
 * revoked.
 */
export interface RefreshTokenStore {
  /** Issues the first token of a new family (at login). */
  issue(userId: string): Promise<string>;
  /** Exchanges a valid token for a new one; LATTICE_ERR_UNAUTHENTICATED otherwise. */
  rotate(token: string): Promise<{ userId: string; token: string }>;
  /** Revokes the token's family (logout); unknown tokens are ignored. Returns the token's user, if known. */
  revoke(token: string): Promise<string | null>;
  /** Revokes every refresh token of a user (password change, admin reset). */
  revokeUser(userId: string): Promise<void>;
}

export function createRefreshTokenStore(db: LatticeDb, clock: Clock): RefreshTokenStore {
  const k = db.kysely;

  async function insertToken(userId: string, familyId: string): Promise<string> {
    const token = randomBytes(32).toString('base64url');
    const now = clock.now();
    await k
      .insertInto(REFRESH_TOKENS_TABLE)
      .values({
        token_hash: hashToken(token),
        user_id: userId,
        family_id: familyId,
        issued_at: now,
        expires_at: new Date(now.getTime() + REFRESH_TOKEN_TTL_MS),
      })
      .execute();
    return token;
  }

  async function revokeFamily(familyId: string): Promise<void> {
    await k
      .updateTable(REFRESH_TOKENS_TABLE)
      .set({ revoked_at: clock.now() })
      .where('family_id', '=', familyId)
      .where('revoked_at', 'is', null)
      .execute();
  }

  return {
    issue: (userId) => insertToken(userId, randomUUID()),
    async rotate(token) {
      const now = clock.now();
      // Claim the token atomically so two concurrent refreshes cannot both rotate it.
      const claimed = await k
        .updateTable(REFRESH_TOKENS_TABLE)
        .set({ revoked_at: now })
        .where('token_hash', '=', hashToken(token))
        .where('revoked_at', 'is', null)
        .where('expires_at', '>', now)
        .returning(['user_id', 'family_id'])
        .executeTakeFirst();
      if (!claimed) {
        const known = await k
          .selectFrom(REFRESH_TOKENS_TABLE)
          .select('family_id')
          .where('token_hash', '=', hashToken(token))
          .executeTakeFirst();
        if (known) await revokeFamily(String(known.family_id));
        throw invalidRefreshToken();
      }
      const next = await insertToken(String(claimed.user_id), String(claimed.family_id));
      await k
        .updateTable(REFRESH_TOKENS_TABLE)
        .set({ replaced_by: hashToken(next) })
        .where('token_hash', '=', hashToken(token))
        .execute();
      return { userId: String(claimed.user_id), token: next };
    },
    async revoke(token) {
      const known = await k
        .selectFrom(REFRESH_TOKENS_TABLE)
        .select(['family_id', 'user_id'])
        .where('token_hash', '=', hashToken(token))
        .executeTakeFirst();
      if (!known) return null;
      await revokeFamily(String(known.family_id));
      return String(known.user_id);
    },
    async revokeUser(userId) {
      await k
        .updateTable(REFRESH_TOKENS_TABLE)
        .set({ revoked_at: clock.now() })
        .where('user_id', '=', userId)
        .where('revoked_at', 'is', null)
        .execute();
    },
  };
}

function hashToken(token: string): string {
  return createHash('sha256').update(token).digest('hex');
}

function invalidRefreshToken(): LatticeError {
  return new LatticeError('LATTICE_ERR_UNAUTHENTICATED', [
    {
      path: 'refreshToken',
      message: {
        zh: '刷新令牌无效或已过期，请重新登录',
        en: 'The refresh token is invalid or expired; sign in again',
      },
    },
  ]);
}
