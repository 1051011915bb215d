import type { FileRef } from '@lattice/engine';
import { LatticeError } from '@lattice/engine';
import type { DbTransaction, RequestContext } from '@lattice/engine/storage';
import { bindCommentFiles } from './bind-comment-files';

/** Signature pads export PNG; JPEG/WebP scans of a signature are fine too. */
const SIGNATURE_MIMES = ['image/png', 'image/jpeg', 'image/webp'];

/**
 * Checks the signature image sent with an approval and attaches it to the flow's record (inside the
 * action's transaction): an image uploaded as a flow file (`field=$comment`, same entity, same user or
 * already on this record), so it is readable wherever the approval timeline is. Throws
 * `LATTICE_ERR_VALIDATION` at `signature`.
 */
export async function bindSignatureFile(
  trx: DbTransaction,
  rc: RequestContext,
  flow: { appId: string; entity: string; recordId: string },
  signature: FileRef,
): Promise<void> {
  if (!SIGNATURE_MIMES.includes(signature.mime)) {
    throw new LatticeError('LATTICE_ERR_VALIDATION', [
      {
        path: 'signature',
        message: {
          zh: `签名必须是图片（PNG/JPEG/WebP），收到的是 ${signature.mime}`,
          en: `The signature must be an image (PNG/JPEG/WebP), got ${signature.mime}`,
        },
      },
    ]);
  }
  await bindCommentFiles(trx, rc, flow, [signature], () => 'signature');
}
