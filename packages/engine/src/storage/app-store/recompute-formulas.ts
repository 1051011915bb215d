import { sql } from 'kysely';
import type { EntityDoc } from '../../model/entity';
import { appSchemaName } from '../../model/identifier';
import type { Clock, DbExecutor } from '../contracts';
import { createRecordLogic } from '../record-service/evaluate-record-logic';
import { recordValues, toRecord, toRow } from '../record-service/row-codec';

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
  const formulas = entity.fields.filter((f) => f.type === 'formula');
  if (!formulas.length) return 0;
  const logic = createRecordLogic();
  logic.useClock(() => clock.now());
  const table = `${appSchemaName(appId)}.${entity.name}`;
  let after: string | null = null;
  let updated = 0;
  for (;;) {
    let q = trx.selectFrom(table).selectAll().orderBy('id').limit(PAGE);
    if (after) q = q.where('id', '>', after);
    const rows = await q.execute();
    for (const row of rows) {
      const rec = recordValues(entity, toRecord(entity, row));
      logic.computeFormulas(entity, rec);
      const patch = toRow(entity, Object.fromEntries(formulas.map((f) => [f.name, rec[f.name]])));
      await trx.updateTable(table).set(patch).where('id', '=', sql`${row.id}::uuid`).execute();
      updated++;
    }
    if (rows.length < PAGE) return updated;
    after = String(rows[rows.length - 1]!.id);
  }
}
