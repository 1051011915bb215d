import { sql } from 'kysely';
import type { ErrorDetail } from '../../errors';
import type { EntityDoc } from '../../model/entity';
import type { AutonumberField } from '../../model/field';
import { COMPUTED_FIELD_TYPES } from '../../model/field-types';
import { appSchemaName } from '../../model/identifier';
import { coerceFieldValue } from '../../records/coerce-field-value';
import { coerceRecordInput } from '../../records/coerce-record-input';
import { computeFormulas } from '../../records/compute-formulas';
import { isEmptyValue } from '../../records/field-value-result';
import { toColumnValues } from '../../records/to-api-record';
import { appendAudit } from '../append-audit';
import type { DbTransaction, FieldCodec, LiveApp, RequestContext } from '../contracts';
import { nextAutonumber } from '../record-service/next-autonumber';
import { encodeSensitiveColumns } from '../record-service/sensitive-columns';
import { ID_COLUMN, newRowColumns, newRowStamps } from './new-row-columns';
import { unnestRows, unnestSelect } from './unnest-rows';

/** One seed record: its id (a uuid, kept as the row id) and values by field name. */
export type SeedRow = { id: string } & Record<string, unknown>;

export interface InsertSeedOptions {
  /** Audit source, e.g. `pack:mfg-crm@0.3.0`. */
  source: string;
  /** Encrypts sensitive fields at rest, as the record service does (pass the runtime's codec). */
  fieldCodec?: FieldCodec;
}

export interface InsertSeedResult {
  inserted: number;
  /** Records that were not written, with every problem found (path = field name). */
  skipped: { id: string; errors: ErrorDetail[] }[];
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * Bulk path for pack seed data: validates every record with the records API's rules
 * (`coerceRecordInput`, formulas, autonumbers) and writes the batch with ONE `insert … select from
 * unnest` statement in the caller's transaction, plus one audit row — no per-record history and no
 * record events (rules do not fire for seed data). Unlike API writes, a seed record keeps its own `id`,
 * `created_at` and `updated_at` (install time when absent), and may carry values of read-only fields
 * (scores a rule would compute), so a demo shows three years of history at once. References must already
 * hold the real ids of stored rows; unique clashes are a database error that rolls the caller's
 * transaction back.
 *
 * @example
 * const { inserted, skipped } = await insertSeedRecords(trx, ctx, live, customer, rows, { source: 'pack:mfg-crm@0.3.0' });
 */
export async function insertSeedRecords(
  trx: DbTransaction,
  ctx: RequestContext,
  live: LiveApp,
  entity: EntityDoc,
  rows: readonly SeedRow[],
  opts: InsertSeedOptions,
): Promise<InsertSeedResult> {
  const now = ctx.clock.now();
  const nowFn = () => now;
  const presetFields = new Map(
    entity.fields.filter((f) => f.readonly && !COMPUTED_FIELD_TYPES.includes(f.type)).map((f) => [f.name, f]),
  );
  const skipped: InsertSeedResult['skipped'] = [];
  const good: { id: string; createdAt: string; updatedAt: string; merged: Record<string, unknown> }[] = [];
  for (const row of rows) {
    const { id, created_at: createdAt, updated_at: updatedAt, ...rest } = row;
    const errors: ErrorDetail[] = [];
    const preset: Record<string, unknown> = {};
    const input: Record<string, unknown> = {};
    for (const [name, raw] of Object.entries(rest)) {
      const field = presetFields.get(name);
      if (!field) input[name] = raw;
      else if (!isEmptyValue(raw)) {
        const r = coerceFieldValue(field, raw);
        if (r.ok) preset[name] = r.value;
        else errors.push({ path: name, message: r.message, reason: 'LATTICE_ERR_VALIDATION' });
      }
    }
    const created = timestampOf(createdAt, now);
    const updated = timestampOf(updatedAt, now);
    if (!UUID.test(id))
      errors.push(problem('id', `seed id "${id}" is not a uuid`, `种子记录 ID "${id}" 不是 uuid`));
    for (const [path, raw, at] of [
      ['created_at', createdAt, created],
      ['updated_at', updatedAt, updated],
    ] as const) {
      if (!at)
        errors.push(
          problem(path, `${path} "${String(raw)}" is not a date`, `${path} "${String(raw)}" 不是日期`),
        );
    }
    const { values, errors: es } = coerceRecordInput(entity, input, { mode: 'create', now: nowFn });
    errors.push(...es);
    if (errors.length > 0) {
      skipped.push({ id, errors });
      continue;
    }
    const merged: Record<string, unknown> = {
      ...Object.fromEntries(entity.fields.map((f) => [f.name, null])),
      ...values,
      ...preset,
    };
    Object.assign(merged, computeFormulas(entity, merged, { now: nowFn }));
    good.push({ id, createdAt: created!, updatedAt: updated!, merged });
  }
  if (good.length === 0) return { inserted: 0, skipped };

  for (const f of entity.fields.filter((x): x is AutonumberField => x.type === 'autonumber')) {
    for (const g of good) {
      const key = { appId: live.appId, entity: entity.name, fieldId: f.id, pattern: f.pattern };
      g.merged[f.name] = await nextAutonumber(trx, key, new Date(g.createdAt));
    }
  }
  const cols = [...newRowColumns(entity), ID_COLUMN];
  const values = good.map((g) => ({
    ...newRowStamps(ctx.actor, live.appId, g.createdAt, g.updatedAt),
    ...Object.fromEntries(
      Object.entries(
        encodeSensitiveColumns(entity, toColumnValues(entity, g.merged), opts.fieldCodec),
      ).filter(([, v]) => v !== null && v !== undefined),
    ),
    id: g.id,
  }));
  const table = sql.table(`${appSchemaName(live.appId)}.${entity.name}`);
  await sql`insert into ${table} (${sql.join(cols.map((c) => sql.id(c.name)))})
    select ${unnestSelect(cols, 'v')} from ${unnestRows(cols, values, 'v')}`.execute(trx);
  await appendAudit(trx, ctx.clock, {
    appId: live.appId,
    actor: ctx.actor.id,
    action: 'record.seed',
    entity: entity.name,
    detail: { source: opts.source, inserted: good.length, skipped: skipped.length },
    ip: ctx.ip ?? null,
  });
  return { inserted: good.length, skipped };
}

/** A seed row's own `created_at`/`updated_at` (ISO), `now` when it has none, null when it is not a date. */
function timestampOf(raw: unknown, now: Date): string | null {
  if (raw === undefined || raw === null || raw === '') return now.toISOString();
  const d = raw instanceof Date ? raw : new Date(String(raw));
  return Number.isNaN(d.getTime()) ? null : d.toISOString();
}

function problem(path: string, en: string, zh: string): ErrorDetail {
  return { path, message: { zh, en }, reason: 'LATTICE_ERR_VALIDATION' };
}
