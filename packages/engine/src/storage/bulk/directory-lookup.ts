import type { Field } from '../../model/field';
import type { I18nText } from '../../model/i18n-text';
import type { DbExecutor } from '../contracts';

/** What the text of a user or department cell resolved to: the id to store, or why there is none. */
export type DirectoryMatch = { ok: true; id: string } | { ok: false; reason: I18nText };

/**
 * The directory behind user and department fields (the runtime's users and departments), as imports see
 * it: spreadsheet cells name people and departments the way people do (a username, 张伟, 销售部), while
 * records store ids — the ones ownership and scopes compare with. It reads through `db`, the batch's own
 * transaction (PGlite has one connection, and that transaction holds it).
 */
export interface DirectoryLookup {
  resolve(
    db: DbExecutor,
    kind: 'user' | 'department',
    texts: readonly string[],
  ): Promise<ReadonlyMap<string, DirectoryMatch>>;
}

/**
 * Whether an imported value of `field` only becomes what is stored once its batch resolves it: references
 * always (by title or unique key), users and departments when there is a directory to look them up in.
 */
export function resolvedInBatch(field: Field, directory: boolean): boolean {
  return field.type === 'reference' || (directory && (field.type === 'user' || field.type === 'department'));
}
