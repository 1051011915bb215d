import { createHash, randomBytes } from 'node:crypto';
import type { Clock, LatticeDb } from '@lattice/engine/storage';
import { API_KEYS_TABLE } from './migrate-security-schema';

/** An API key as admins see it (never the secret, only its first characters). */
export interface ApiKeyInfo {
  id: string;
  name: string;
  /** `lk_ab12cd34` — enough to recognise a key in logs. */
  prefix: string;
  role: string;
  createdBy: string | null;
  createdAt: string;
  lastUsedAt: string | null;
  revokedAt: string | null;
}

/** API keys for system integrations (ERP/MES): created by admins, bound to one role, stored as SHA-256. */
export interface ApiKeyStore {
  /** Creates a key; the secret is returned once and never stored. */
  create(input: {
    name: string;
    role: string;
    createdBy: string;
  }): Promise<{ key: string; info: ApiKeyInfo }>;
  list(): Promise<ApiKeyInfo[]>;
  /** Revokes a key; false when unknown or already revoked. */
  revoke(id: string): Promise<ApiKeyInfo | null>;
  /** The live key matching `secret` (stamps `last_used_at`), or null. */
  verify(secret: string): Promise<ApiKeyInfo | null>;
}

export function createApiKeyStore(db: LatticeDb, clock: Clock): ApiKeyStore {
  const k = db.kysely;
  return {
    async create({ name, role, createdBy }) {
      const key = `lk_${randomBytes(24).toString('base64url')}`;
      const row = await k
        .insertInto(API_KEYS_TABLE)
        .values({
          name,
          role,
          prefix: key.slice(0, 11),
          key_hash: hashKey(key),
          created_by: createdBy,
          created_at: clock.now(),
        })
        .returningAll()
        .executeTakeFirstOrThrow();
      return { key, info: toInfo(row) };
    },
    async list() {
      const rows = await k.selectFrom(API_KEYS_TABLE).selectAll().orderBy('created_at', 'desc').execute();
      return rows.map(toInfo);
    },
    async revoke(id) {
      const row = await k
        .updateTable(API_KEYS_TABLE)
        .set({ revoked_at: clock.now() })
        .where('id', '=', id)
        .where('revoked_at', 'is', null)
        .returningAll()
        .executeTakeFirst();
      return row ? toInfo(row) : null;
    },
    async verify(secret) {
      const row = await k
        .updateTable(API_KEYS_TABLE)
        .set({ last_used_at: clock.now() })
        .where('key_hash', '=', hashKey(secret))
        .where('revoked_at', 'is', null)
        .returningAll()
        .executeTakeFirst();
      return row ? toInfo(row) : null;
    },
  };
}

function hashKey(key: string): string {
  return createHash('sha256').update(key).digest('hex');
}

const iso = (v: unknown) => (v ? new Date(v as string | Date).toISOString() : null);

function toInfo(row: Record<string, unknown>): ApiKeyInfo {
  return {
    id: String(row.id),
    name: String(row.name),
    prefix: String(row.prefix),
    role: String(row.role),
    createdBy: (row.created_by as string | null) ?? null,
    createdAt: iso(row.created_at) ?? '',
    lastUsedAt: iso(row.last_used_at),
    revokedAt: iso(row.revoked_at),
  };
}
