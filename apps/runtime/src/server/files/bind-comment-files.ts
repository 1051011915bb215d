import { LatticeError } from '@lattice/engine';
import type { DbTransaction, RequestContext } from '@lattice/engine/storage';
import type { FlowAttachment } from '@lattice/flow-engine';
import { bindFiles, COMMENT_FIELD, findFiles } from './file-store';

/**
 * Checks the uploaded attachments of a flow comment (inside the action's transaction) and attaches them
 * to the flow's record: each must be a `$comment` upload for this record's entity by the same user (or
 * already on this record), with the stored name/size/type. Link strings pass unchanged. Errors name
 * `pathOf(i)` (default `attachments.<i>`; the approval signature passes `signature`).
 */
export async function bindCommentFiles(
  trx: DbTransaction,
  rc: RequestContext,
  flow: { appId: string; entity: string; recordId: string },
  attachments: FlowAttachment[],
  pathOf: (i: number) => string = (i) => `attachments.${i}`,
): Promise<void> {
  const refs = attachments.filter((a) => typeof a !== 'string');
  if (refs.length === 0) return;
  const stored = new Map(
    (
      await findFiles(
        trx,
        flow.appId,
        refs.map((r) => r.id),
      )
    ).map((f) => [f.id, f]),
  );
  const toBind: string[] = [];
  attachments.forEach((ref, i) => {
    if (typeof ref === 'string') return;
    const f = stored.get(ref.id);
    const ok =
      f &&
      f.field === COMMENT_FIELD &&
      f.entity === flow.entity &&
      (f.recordId === flow.recordId || (f.recordId === null && f.createdBy === rc.actor.id)) &&
      f.name === ref.name &&
      f.size === ref.size &&
      f.mime === ref.mime;
    if (!ok) {
      throw new LatticeError('LATTICE_ERR_VALIDATION', [
        {
          path: pathOf(i),
          message: {
            zh: `附件"${ref.name}"不存在或不属于此记录，请重新上传`,
            en: `Attachment "${ref.name}" does not exist or belongs elsewhere; upload it again`,
          },
        },
      ]);
    }
    if (f.recordId === null) toBind.push(f.id);
  });
  await bindFiles(trx, toBind, flow.recordId);
}
