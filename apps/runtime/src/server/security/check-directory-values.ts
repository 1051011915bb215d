import { findEntity, LatticeError } from '@lattice/engine';
import type { DbTransaction, LiveApp, RecordEvent, RequestContext } from '@lattice/engine/storage';
import { sql } from 'kysely';
import { USERS_TABLE } from '../auth/migrate-auth-schema';
import { DEPARTMENTS_TABLE } from './migrate-security-schema';

type Kind = 'user' | 'department';

/** Where each kind lives and which stored key records hold (ownership and scopes compare with it). */
const DIRECTORY: Record<Kind, { table: string; key: string }> = {
  user: { table: USERS_TABLE, key: 'id' },
  department: { table: DEPARTMENTS_TABLE, key: 'code' },
};

/** The scoping columns that hold a user or a department, beside the entity's own fields. */
const SCOPING: readonly { name: string; kind: Kind }[] = [
  { name: 'owner', kind: 'user' },
  { name: 'department', kind: 'department' },
];

/**
 * The record-service hook that keeps user and department values real: a person writing a record (forms,
 * the records API, API keys) can store only an existing user's id in a user field or `owner`, and an
 * existing department's code in a department field or `department`; anything else is refused with
 * `LATTICE_ERR_VALIDATION` naming each field. Only the values a write sets are checked, so a record that
 * still holds an old value stays editable, and the owner/department a create stamps from its author pass.
 * System writes (rules, flows, seeds, and imports, which resolve names to ids themselves) are trusted.
 * Runs inside the write's transaction, so a refusal rolls the write back.
 */
export async function checkDirectoryValues(
  trx: DbTransaction,
  rc: RequestContext,
  app: LiveApp,
  event: RecordEvent,
): Promise<void> {
  if (rc.actor.system || event.type === 'deleted') return;
  const entity = findEntity(app.definition, event.entity);
  if (!entity) return;
  const stamped: Record<string, unknown> = { owner: rc.actor.id, department: rc.actor.department };
  const written = (name: string) =>
    event.type === 'updated' ? event.changed.includes(name) : event.record[name] !== stamped[name];
  const fields = entity.fields.flatMap((f) =>
    f.type === 'user' || f.type === 'department' ? [{ name: f.name, kind: f.type }] : [],
  );
  // A field may itself be the scoping column (`owner`, `department`): check each name once.
  const slots = [...fields, ...SCOPING.filter((s) => !fields.some((f) => f.name === s.name))];
  const wanted = slots.flatMap((s) => {
    const value = event.record[s.name];
    return typeof value === 'string' && value !== '' && written(s.name) ? [{ ...s, value }] : [];
  });
  if (!wanted.length) return;
  const known = {
    user: await existingKeys(trx, 'user', wanted),
    department: await existingKeys(trx, 'department', wanted),
  };
  const unknown = wanted.filter((w) => !known[w.kind].has(w.value));
  if (!unknown.length) return;
  throw new LatticeError(
    'LATTICE_ERR_VALIDATION',
    unknown.map((w) => ({
      path: w.name,
      message:
        w.kind === 'user'
          ? { zh: `用户不存在：${w.value}`, en: `No such user: ${w.value}` }
          : { zh: `部门不存在：${w.value}`, en: `No such department: ${w.value}` },
    })),
  );
}

async function existingKeys(
  trx: DbTransaction,
  kind: Kind,
  wanted: readonly { kind: Kind; value: string }[],
): Promise<Set<string>> {
  const values = [...new Set(wanted.filter((w) => w.kind === kind).map((w) => w.value))];
  if (!values.length) return new Set();
  const { table, key } = DIRECTORY[kind];
  const res = await sql<{ key: string }>`select ${sql.ref(key)}::text as key from ${sql.table(table)}
    where ${sql.ref(key)}::text = any(${values}::text[])`.execute(trx);
  return new Set(res.rows.map((r) => r.key));
}
