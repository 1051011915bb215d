import type { Clock, LatticeDb } from '@lattice/engine/storage';
import { sql } from 'kysely';
import { USERS_TABLE } from './migrate-auth-schema';
import { hashPassword } from './password';

/** A platform user as the API shows it (never with the password hash). */
export interface PublicUser {
  id: string;
  username: string;
  displayName: string;
  roles: string[];
  department: string | null;
  region: string | null;
  managerId: string | null;
}

/** A user row including the fields login needs. */
export interface StoredUser extends PublicUser {
  passwordHash: string;
  lockedUntil: Date | null;
  failedAttempts: number;
}

export interface NewUser {
  username: string;
  password: string;
  displayName?: string;
  roles?: string[];
  department?: string | null;
  region?: string | null;
  managerId?: string | null;
}

/** Users and login bookkeeping in `lattice.users`. */
export interface UserStore {
  findByUsername(username: string): Promise<StoredUser | null>;
  findById(id: string): Promise<StoredUser | null>;
  /** Creates a user; returns the existing one unchanged when the username is taken and `ifMissing`. */
  create(user: NewUser, opts?: { ifMissing?: boolean }): Promise<PublicUser>;
  list(): Promise<PublicUser[]>;
  /** Counts a failed login; locks the account for `lockMs` once `maxFailures` is reached. */
  recordFailure(id: string, maxFailures: number, lockMs: number): Promise<{ locked: boolean }>;
  recordSuccess(id: string): Promise<void>;
  /** Replaces the password hash (argon2). */
  setPassword(id: string, password: string): Promise<void>;
  /** Changes profile, roles, department and region; null when the user does not exist. */
  update(id: string, patch: UserPatch): Promise<PublicUser | null>;
}

/** What an admin may change on a user. */
export interface UserPatch {
  displayName?: string;
  roles?: string[];
  department?: string | null;
  region?: string | null;
  managerId?: string | null;
}

/** Builds the {@link UserStore} over an open database. */
export function createUserStore(db: LatticeDb, clock: Clock): UserStore {
  const k = db.kysely;
  return {
    async findByUsername(username) {
      const row = await k
        .selectFrom(USERS_TABLE)
        .selectAll()
        .where('username', '=', username)
        .executeTakeFirst();
      return row ? toStoredUser(row) : null;
    },
    async findById(id) {
      const row = await k.selectFrom(USERS_TABLE).selectAll().where('id', '=', id).executeTakeFirst();
      return row ? toStoredUser(row) : null;
    },
    async create(user, opts = {}) {
      const now = clock.now();
      const insert = k.insertInto(USERS_TABLE).values({
        username: user.username,
        display_name: user.displayName ?? user.username,
        password_hash: await hashPassword(user.password),
        roles: sql`${user.roles ?? []}::text[]`,
        department: user.department ?? null,
        region: user.region ?? null,
        manager_id: user.managerId ?? null,
        created_at: now,
        updated_at: now,
      });
      const inserted = await (opts.ifMissing
        ? insert.onConflict((oc) => oc.column('username').doNothing())
        : insert
      )
        .returningAll()
        .executeTakeFirst();
      if (inserted) return toPublicUser(toStoredUser(inserted));
      const existing = await this.findByUsername(user.username);
      if (!existing) throw new Error(`user ${user.username} was neither inserted nor found`);
      return toPublicUser(existing);
    },
    async list() {
      const rows = await k.selectFrom(USERS_TABLE).selectAll().orderBy('username').execute();
      return rows.map((r) => toPublicUser(toStoredUser(r)));
    },
    async recordFailure(id, maxFailures, lockMs) {
      const row = await k
        .updateTable(USERS_TABLE)
        .set({ failed_attempts: sql`failed_attempts + 1`, updated_at: clock.now() })
        .where('id', '=', id)
        .returning('failed_attempts')
        .executeTakeFirst();
      if (!row || Number(row.failed_attempts) < maxFailures) return { locked: false };
      await k
        .updateTable(USERS_TABLE)
        .set({ failed_attempts: 0, locked_until: new Date(clock.now().getTime() + lockMs) })
        .where('id', '=', id)
        .execute();
      return { locked: true };
    },
    async setPassword(id, password) {
      await k
        .updateTable(USERS_TABLE)
        .set({ password_hash: await hashPassword(password), updated_at: clock.now() })
        .where('id', '=', id)
        .execute();
    },
    async update(id, patch) {
      const set: Record<string, unknown> = { updated_at: clock.now() };
      if (patch.displayName !== undefined) set.display_name = patch.displayName;
      if (patch.roles !== undefined) set.roles = sql`${patch.roles}::text[]`;
      if (patch.department !== undefined) set.department = patch.department;
      if (patch.region !== undefined) set.region = patch.region;
      if (patch.managerId !== undefined) set.manager_id = patch.managerId;
      const row = await k
        .updateTable(USERS_TABLE)
        .set(set)
        .where('id', '=', id)
        .returningAll()
        .executeTakeFirst();
      return row ? toPublicUser(toStoredUser(row)) : null;
    },
    async recordSuccess(id) {
      await k
        .updateTable(USERS_TABLE)
        .set({ failed_attempts: 0, locked_until: null, updated_at: clock.now() })
        .where('id', '=', id)
        .execute();
    },
  };
}

/** Drops the secret fields. */
export function toPublicUser(u: StoredUser): PublicUser {
  return {
    id: u.id,
    username: u.username,
    displayName: u.displayName,
    roles: u.roles,
    department: u.department,
    region: u.region,
    managerId: u.managerId,
  };
}

function toStoredUser(row: Record<string, unknown>): StoredUser {
  return {
    id: String(row.id),
    username: String(row.username),
    displayName: String(row.display_name),
    roles: Array.isArray(row.roles) ? row.roles.map(String) : [],
    department: (row.department as string | null) ?? null,
    region: (row.region as string | null) ?? null,
    managerId: (row.manager_id as string | null) ?? null,
    passwordHash: String(row.password_hash),
    lockedUntil: row.locked_until ? new Date(row.locked_until as string | Date) : null,
    failedAttempts: Number(row.failed_attempts ?? 0),
  };
}
