import type { FileRef } from '@lattice/engine';
import type { DbExecutor } from '@lattice/engine/storage';
import { FILES } from './migrate-files-schema';

/** A stored file's metadata (the content is read separately). */
export interface StoredFile {
  id: string;
  appId: string;
  entity: string;
  /** The file/image field, or `$comment` for a flow comment attachment. */
  field: string;
  recordId: string | null;
  name: string;
  mime: string;
  size: number;
  sha256: string;
  createdBy: string;
  createdAt: Date;
}

/** Field name of flow comment attachments (not an entity field: the record is the flow's record). */
export const COMMENT_FIELD = '$comment';

const META = [
  'id',
  'app_id',
  'entity',
  'field',
  'record_id',
  'name',
  'mime',
  'size',
  'sha256',
  'created_by',
  'created_at',
] as const;

export function fileRefOf(f: StoredFile): FileRef {
  return { id: f.id, name: f.name, size: f.size, mime: f.mime };
}

export async function insertFile(db: DbExecutor, f: StoredFile, content: Buffer): Promise<void> {
  await db
    .insertInto(FILES)
    .values({
      id: f.id,
      app_id: f.appId,
      entity: f.entity,
      field: f.field,
      record_id: f.recordId,
      name: f.name,
      mime: f.mime,
      size: f.size,
      sha256: f.sha256,
      created_by: f.createdBy,
      created_at: f.createdAt,
      content,
    })
    .execute();
}

/** Metadata of the files of `appId` among `ids` (ids must be uuids). */
export async function findFiles(db: DbExecutor, appId: string, ids: string[]): Promise<StoredFile[]> {
  if (ids.length === 0) return [];
  const rows = await db
    .selectFrom(FILES)
    .select(META)
    .where('app_id', '=', appId)
    .where('id', 'in', ids)
    .execute();
  return rows.map(toStoredFile);
}

export async function readContent(db: DbExecutor, id: string): Promise<Buffer> {
  const row = await db.selectFrom(FILES).select('content').where('id', '=', id).executeTakeFirstOrThrow();
  const c = row.content;
  return Buffer.isBuffer(c) ? c : Buffer.from(c as Uint8Array);
}

/** Attaches unattached `ids` to `recordId` (inside the record write's transaction). */
export async function bindFiles(db: DbExecutor, ids: string[], recordId: string): Promise<void> {
  if (ids.length === 0) return;
  await db
    .updateTable(FILES)
    .set({ record_id: recordId })
    .where('id', 'in', ids)
    .where('record_id', 'is', null)
    .execute();
}

/** Deletes uploads nobody attached before `olderThan` (abandoned forms); returns how many. */
export async function purgeOrphanFiles(db: DbExecutor, olderThan: Date): Promise<number> {
  const res = await db
    .deleteFrom(FILES)
    .where('record_id', 'is', null)
    .where('created_at', '<', olderThan)
    .executeTakeFirst();
  return Number(res.numDeletedRows ?? 0);
}

function toStoredFile(r: Record<string, unknown>): StoredFile {
  return {
    id: String(r.id),
    appId: String(r.app_id),
    entity: String(r.entity),
    field: String(r.field),
    recordId: r.record_id === null ? null : String(r.record_id),
    name: String(r.name),
    mime: String(r.mime),
    size: Number(r.size),
    sha256: String(r.sha256),
    createdBy: String(r.created_by),
    createdAt: r.created_at instanceof Date ? r.created_at : new Date(String(r.created_at)),
  };
}
