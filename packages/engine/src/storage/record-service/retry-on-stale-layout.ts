import type { AppStore, DbExecutor } from '../contracts';

/** PostgreSQL's undefined_column / undefined_table: the query was built for a layout that is no longer live. */
const STALE_LAYOUT_CODES = new Set(['42703', '42P01']);

/**
 * Plain reads build SQL from a live pointer that may be up to the app store's TTL old; if another instance
 * published a version that dropped a column or table meanwhile, re-read the pointer and try once more.
 * Reads inside a caller's transaction always use a fresh pointer, so they are not retried.
 */
export async function retryOnStaleLayout<R>(
  apps: AppStore,
  appId: string,
  trx: DbExecutor | undefined,
  read: () => Promise<R>,
): Promise<R> {
  try {
    return await read();
  } catch (err) {
    if (trx || !STALE_LAYOUT_CODES.has((err as { code?: unknown }).code as string)) throw err;
    apps.forgetLive(appId);
    return read();
  }
}
