import { type ErrorDetail, fileRefsOf, findEntity, LatticeError } from '@lattice/engine';
import type { DbTransaction, LiveApp, RecordEvent, RequestContext } from '@lattice/engine/storage';
import { bindFiles, findFiles } from './file-store';
import { UUID_RE } from './uuid-re';

/**
 * The record-service hook that guards file/image values: every referenced file must exist, belong to this
 * app/entity/field, match its stored name/size/type, and be either an unattached upload of the same user or
 * already attached to this record — otherwise `LATTICE_ERR_VALIDATION` on that field (nobody can attach
 * someone else's file by guessing its id). New uploads get `record_id` in the write's transaction.
 * System actors (rules, imports, seeding) are trusted and bind nothing.
 */
export async function bindRecordFiles(
  trx: DbTransaction,
  rc: RequestContext,
  app: LiveApp,
  event: RecordEvent,
): Promise<void> {
  if (event.type === 'deleted' || rc.actor.system) return;
  const entity = findEntity(app.definition, event.entity);
  if (!entity) return;
  const fields = entity.fields.filter(
    (f) =>
      (f.type === 'file' || f.type === 'image') &&
      (event.type === 'created' || event.changed.includes(f.name)),
  );
  if (fields.length === 0) return;
  const wanted = fields.flatMap((f) => fileRefsOf(event.record[f.name]).map((ref) => ({ field: f, ref })));
  if (wanted.length === 0) return;
  const stored = new Map(
    (
      await findFiles(
        trx,
        app.appId,
        wanted.map((w) => w.ref.id).filter((id) => UUID_RE.test(id)),
      )
    ).map((f) => [f.id, f]),
  );
  const errors: ErrorDetail[] = [];
  const toBind: string[] = [];
  for (const { field, ref } of wanted) {
    const f = stored.get(ref.id);
    const mine =
      f &&
      f.entity === entity.name &&
      f.field === field.name &&
      (f.recordId === event.record.id || (f.recordId === null && f.createdBy === rc.actor.id));
    if (!f || !mine) {
      errors.push({
        path: field.name,
        message: {
          zh: `文件"${ref.name}"不存在或不能用于此字段，请重新上传`,
          en: `File "${ref.name}" does not exist or cannot be used in this field; upload it again`,
        },
      });
    } else if (f.name !== ref.name || f.size !== ref.size || f.mime !== ref.mime) {
      errors.push({
        path: field.name,
        message: {
          zh: `文件"${ref.name}"的名称、大小或类型与上传时不一致`,
          en: `File "${ref.name}" does not match the uploaded name, size or type`,
        },
      });
    } else if (f.recordId === null) toBind.push(f.id);
  }
  if (errors.length > 0) throw new LatticeError('LATTICE_ERR_VALIDATION', errors);
  await bindFiles(trx, toBind, event.record.id);
}
