import { sql } from 'kysely';
import { autonumberPeriodKey, formatAutonumber } from '../../records/format-autonumber';
import type { DbExecutor } from '../contracts';
import { SYSTEM_SCHEMA } from '../migrate-system-schema';

/**
 * The next value of an autonumber field, from a transactional counter row per period (`{yyyy}` resets
 * yearly): concurrent writers queue on the row lock and a rolled-back write gives its number back.
 */
export async function nextAutonumber(
  trx: DbExecutor,
  key: { appId: string; entity: string; fieldId: string; pattern: string },
  now: Date,
): Promise<string> {
  const period = autonumberPeriodKey(key.pattern, now);
  const r = await sql<{ value: number }>`
    insert into ${sql.table(`${SYSTEM_SCHEMA}.autonumber_counters`)} (app_id, entity, field, period, value)
    values (${key.appId}, ${key.entity}, ${key.fieldId}, ${period}, 1)
    on conflict (app_id, entity, field, period)
    do update set value = ${sql.ref('autonumber_counters.value')} + 1
    returning value`.execute(trx);
  return formatAutonumber(key.pattern, now, Number(r.rows[0]?.value));
}
