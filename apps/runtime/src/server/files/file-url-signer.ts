import { createHmac, timingSafeEqual } from 'node:crypto';
import type { Clock } from '@lattice/engine/storage';

/** How long a signed download URL stays valid; expiries are rounded so URLs stay stable (browser cache). */
export const FILE_URL_TTL_MS = 15 * 60_000;
const ROUND_MS = 5 * 60_000;

export interface SignedFileQuery {
  u: string;
  exp: number;
  sig: string;
}

/** Signs and checks short-lived download URLs (`<img>` and `<a>` cannot send the Authorization header). */
export interface FileUrlSigner {
  /** The download URL of `fileId` for `userId`, valid for at least {@link FILE_URL_TTL_MS}. */
  url(appId: string, fileId: string, userId: string): string;
  /** True when `q` was signed by {@link url} for this file and has not expired (by the injected clock). */
  verify(fileId: string, q: SignedFileQuery): boolean;
}

/**
 * HMAC-SHA256 over file id + user id + expiry with a key derived from the server's secret. Access is
 * checked when a URL is signed (upload, `POST …/files/urls`); the signature only carries that decision
 * for a few minutes.
 *
 * @example
 * const signer = createFileUrlSigner(secret, clock);
 * signer.url('mfg-crm', fileId, actor.id) // /api/apps/mfg-crm/files/<id>?u=…&exp=…&sig=…
 */
export function createFileUrlSigner(secret: string, clock: Clock): FileUrlSigner {
  const key = createHmac('sha256', secret).update('lattice-file-urls').digest();
  const mac = (fileId: string, userId: string, exp: number) =>
    createHmac('sha256', key).update(`${fileId}\n${userId}\n${exp}`).digest('base64url');
  return {
    url(appId, fileId, userId) {
      const now = clock.now().getTime();
      const exp = Math.ceil((now + FILE_URL_TTL_MS) / ROUND_MS) * (ROUND_MS / 1000);
      const q = new URLSearchParams({ u: userId, exp: String(exp), sig: mac(fileId, userId, exp) });
      return `/api/apps/${appId}/files/${fileId}?${q.toString()}`;
    },
    verify(fileId, q) {
      if (!Number.isSafeInteger(q.exp) || q.exp * 1000 <= clock.now().getTime()) return false;
      const want = Buffer.from(mac(fileId, q.u, q.exp));
      const got = Buffer.from(q.sig);
      return want.length === got.length && timingSafeEqual(want, got);
    },
  };
}
