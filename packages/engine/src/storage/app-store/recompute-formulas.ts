import type { EntityDoc } from '../../model/entity';
import { appSchemaName } from '../../model/identifier';
import { computeFormulas } from '../../records/compute-formulas';
import { toColumnValues } from '../../records/to-api-record';
import type { Clock, DbExecutor } from '../contracts';
import { recordValues, toRecord } from '../record-service/row-codec';

const PAGE = 500;

/**
 * Recomputes the stored formula columns of every row of an entity (after a formula was added or changed),
 * page by page in id order so memory stays bounded. Derived values: no version bump, no history.
 */
export async function recomputeFormulas(
  trx: DbExecutor,
  appId: string,
  entity: EntityDoc,
  clock: Clock,
): Promise<number> {
  if (!entity.fields.some((f) => f.type === 'formula')) return 0;
  const now = () => clock.now();
  const table = `${appSchemaName(appId)}.${entity.name}`;
  let after: string | null = null;
  let updated = 0;
  for (;;) {
    let q = trx.selectFrom(table).selectAll().orderBy('id').limit(PAGE);
    if (after) q = q.where('id', '>', after);
    const rows = await q.execute();
    for (const row of rows) {
      const formulas = computeFormulas(entity, recordValues(entity, toRecord(entity, row)), { now });
      await trx
        .updateTable(table)
        .set(toColumnValues(entity, formulas))
        .where('id', '=', String(row.id))
        .execute();
      updated++;
    }
    if (rows.length < PAGE) return updated;
    after = String(rows[rows.length - 1]!.id);
  }
}
