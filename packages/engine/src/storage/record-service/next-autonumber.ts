import { sql } from 'kysely';
import type { DbExecutor } from '../contracts';
import { SYSTEM_SCHEMA } from '../migrate-system-schema';

/** Autonumber dates are read in China Standard Time, like the JsonLogic date helpers. */
const UTC_OFFSET_MS = 8 * 60 * 60 * 1000;

function parts(date: Date) {
  const d = new Date(date.getTime() + UTC_OFFSET_MS);
  return {
    yyyy: String(d.getUTCFullYear()),
    yy: String(d.getUTCFullYear()).slice(2),
    mm: String(d.getUTCMonth() + 1).padStart(2, '0'),
    dd: String(d.getUTCDate()).padStart(2, '0'),
  };
}

/** `CUS-{yyyy}-{0000}` + 2024-05-01 + 7 → `CUS-2024-0007`. */
export function formatAutonumberLocal(pattern: string, date: Date, seq: number): string {
  const p = parts(date);
  return pattern.replace(/\{(yyyy|yy|mm|dd|0+)\}/g, (_, tok: string) =>
    tok.startsWith('0') ? String(seq).padStart(tok.length, '0') : p[tok as keyof typeof p],
  );
}

/** The counter period: the date tokens present in the pattern (`{yyyy}` → yearly reset); '' = never. */
export function autonumberPeriod(pattern: string, date: Date): string {
  const p = parts(date);
  const toks = [...pattern.matchAll(/\{(yyyy|yy|mm|dd)\}/g)].map((m) => m[1] as keyof typeof p);
  return toks.map((t) => p[t]).join('-');
}

/**
 * The next value of an autonumber field, from a transactional counter row: concurrent writers queue on
 * the row lock and a rolled-back write gives its number back.
 */
export async function nextAutonumber(
  trx: DbExecutor,
  key: { appId: string; entity: string; fieldId: string; pattern: string },
  now: Date,
): Promise<string> {
  const period = autonumberPeriod(key.pattern, now);
  const r = await sql<{ value: number }>`
    insert into ${sql.table(`${SYSTEM_SCHEMA}.autonumber_counters`)} (app_id, entity, field, period, value)
    values (${key.appId}, ${key.entity}, ${key.fieldId}, ${period}, 1)
    on conflict (app_id, entity, field, period)
    do update set value = ${sql.ref('autonumber_counters.value')} + 1
    returning value`.execute(trx);
  return formatAutonumberLocal(key.pattern, now, Number(r.rows[0]?.value));
}
