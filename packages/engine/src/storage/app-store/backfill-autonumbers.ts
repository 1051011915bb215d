import type { EntityDoc } from '../../model/entity';
import type { AutonumberField } from '../../model/field';
import { appSchemaName } from '../../model/identifier';
import type { DbExecutor } from '../contracts';
import { nextAutonumber } from '../record-service/next-autonumber';

const PAGE = 500;

/**
 * Numbers existing rows that have no value in a newly added autonumber field, oldest first, each in the
 * period of its own creation date, from the same counters new records use. Paged; derived, so no history.
 */
export async function backfillAutonumbers(
  trx: DbExecutor,
  appId: string,
  entity: EntityDoc,
  field: AutonumberField,
): Promise<number> {
  const table = `${appSchemaName(appId)}.${entity.name}`;
  let done = 0;
  for (;;) {
    const rows = await trx
      .selectFrom(table)
      .select(['id', 'created_at'])
      .where(field.id, 'is', null)
      .orderBy('created_at')
      .orderBy('id')
      .limit(PAGE)
      .execute();
    for (const row of rows) {
      const value = await nextAutonumber(
        trx,
        { appId, entity: entity.name, fieldId: field.id, pattern: field.pattern },
        row.created_at as Date,
      );
      await trx
        .updateTable(table)
        .set({ [field.id]: value })
        .where('id', '=', String(row.id))
        .execute();
      done++;
    }
    if (rows.length < PAGE) return done;
  }
}
