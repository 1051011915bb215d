import type { DbExecutor } from '@lattice/engine/storage';
import { USERS_TABLE } from '../auth/migrate-auth-schema';
import type { PublicUser } from '../auth/user-store';

/**
 * Every user as approver resolution needs them, read through `db` — pass the open transaction: PGlite
 * has one connection, so a read outside it would wait for the transaction forever.
 */
export async function loadDirectory(db: DbExecutor): Promise<PublicUser[]> {
  const rows = await db
    .selectFrom(USERS_TABLE)
    .select(['id', 'username', 'display_name', 'roles', 'department', 'region', 'manager_id'])
    .orderBy('username')
    .execute();
  return rows.map((r) => ({
    id: String(r.id),
    username: String(r.username),
    displayName: String(r.display_name),
    roles: Array.isArray(r.roles) ? r.roles.map(String) : [],
    department: (r.department as string | null) ?? null,
    region: (r.region as string | null) ?? null,
    managerId: (r.manager_id as string | null) ?? null,
  }));
}
