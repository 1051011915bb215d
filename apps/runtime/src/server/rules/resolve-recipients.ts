import type { Recipient } from '@lattice/engine';
import { assertNever } from '@lattice/engine';
import type { DbExecutor } from '@lattice/engine/storage';
import { sql } from 'kysely';
import { USERS_TABLE } from '../auth/migrate-auth-schema';

const UUID_RE = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * The user ids a recipient stands for, seen from `record`: a named user (username or id), every user
 * with a role, the user in a user field, the record's owner, or the owner's manager (supervisor). Unknown
 * or empty → `[]` (nobody to tell is not an error).
 */
export async function resolveRecipients(
  ex: DbExecutor,
  recipient: Recipient,
  record: Record<string, unknown>,
): Promise<string[]> {
  switch (recipient.type) {
    case 'user':
      return userIds(ex, [recipient.user]);
    case 'role': {
      const rows = await ex
        .selectFrom(USERS_TABLE)
        .select('id')
        .where(sql<boolean>`${recipient.role} = any(roles)`)
        .orderBy('username')
        .execute();
      return rows.map((r) => String(r.id));
    }
    case 'field': {
      const v = record[recipient.field];
      const values = (Array.isArray(v) ? v : [v]).filter(
        (x): x is string => typeof x === 'string' && x !== '',
      );
      return userIds(ex, values);
    }
    case 'owner':
      return userIds(ex, typeof record.owner === 'string' ? [record.owner] : []);
    case 'owner_manager': {
      const [owner] = await userIds(ex, typeof record.owner === 'string' ? [record.owner] : []);
      if (!owner) return [];
      const row = await ex
        .selectFrom(USERS_TABLE)
        .select('manager_id')
        .where('id', '=', owner)
        .executeTakeFirst();
      return row?.manager_id ? [String(row.manager_id)] : [];
    }
    default:
      return assertNever(recipient, 'recipient');
  }
}

/** Known users among ids or usernames, as ids, in input order. */
async function userIds(ex: DbExecutor, refs: string[]): Promise<string[]> {
  if (refs.length === 0) return [];
  const ids = refs.filter((r) => UUID_RE.test(r));
  const names = refs.filter((r) => !UUID_RE.test(r));
  const rows = await ex
    .selectFrom(USERS_TABLE)
    .select(['id', 'username'])
    .where((eb) =>
      eb.or([
        ...(ids.length ? [eb('id', 'in', ids)] : []),
        ...(names.length ? [eb('username', 'in', names)] : []),
      ]),
    )
    .execute();
  const byRef = new Map<string, string>();
  for (const r of rows) {
    byRef.set(String(r.id), String(r.id));
    byRef.set(String(r.username), String(r.id));
  }
  return [...new Set(refs.map((r) => byRef.get(r)).filter((x): x is string => x !== undefined))];
}
