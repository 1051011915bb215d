import type { JsonLogic } from '@lattice/engine';
import type { DbTransaction, RecordData, RecordService, RequestContext } from '@lattice/engine/storage';

/** Page size when rules walk matching records (schedules, related updates, per-record tasks). */
const PAGE = 200;

/**
 * Calls `fn` for every live record of `entity` matching the query `filter`, page by page (keyset), inside
 * `trx`. Collects the pages first so writes made by `fn` cannot move the cursor.
 */
export async function forEachMatch(
  records: RecordService,
  ctx: RequestContext,
  trx: DbTransaction,
  appId: string,
  entity: string,
  filter: JsonLogic | undefined,
  fn: (record: RecordData) => Promise<void>,
): Promise<number> {
  const all: RecordData[] = [];
  let cursor: string | undefined;
  do {
    const page = await records.list(
      ctx,
      appId,
      entity,
      {
        ...(filter !== undefined && filter !== null ? { filter } : {}),
        limit: PAGE,
        ...(cursor ? { cursor } : {}),
      },
      { trx },
    );
    all.push(...page.items);
    cursor = page.nextCursor ?? undefined;
  } while (cursor);
  for (const r of all) await fn(r);
  return all.length;
}
