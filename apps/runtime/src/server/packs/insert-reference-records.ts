import {
  type AppDefinition,
  appSchemaName,
  findEntity,
  referenceRecordKey,
  referenceSeedKeys,
  type SeedBatch,
  type SeedSpec,
} from '@lattice/engine';
import type { DbTransaction, RequestContext } from '@lattice/engine/storage';
import { sql } from 'kysely';
import { generateReferenceBatches } from './generate-reference-batches';
import { insertSeedBatches, type SeedBatchesResult } from './insert-seed-batches';
import type { PackDeps } from './pack-deps';

export interface InsertReferenceOptions {
  trx: DbTransaction;
  now: Date;
  /** Audit source, e.g. `pack:mfg-crm@0.3.0`. */
  source: string;
  userIds: ReadonlyMap<string, string>;
  /**
   * Upgrade: only records whose natural key the app does not hold (deleted rows count as held: a user's
   * deletion stays) and that the previous version's reference seed (`previous`) did not list — a record
   * the user removed or re-keyed is not brought back. Install: every record.
   */
  onlyMissing?: { previous: SeedSpec | undefined };
}

/**
 * Writes a pack's reference data (`pack.json` `referenceSeed`) in the caller's transaction: at install all
 * of it, on upgrade the records the new version adds. Existing records are never touched, so the user's
 * edits to reference records survive. A record referencing a reference record that is not written with it
 * is skipped.
 */
export async function insertReferenceRecords(
  deps: PackDeps,
  rc: RequestContext,
  app: AppDefinition,
  spec: SeedSpec,
  opts: InsertReferenceOptions,
): Promise<SeedBatchesResult> {
  let batches = generateReferenceBatches(spec, { now: opts.now, app });
  if (opts.onlyMissing)
    batches = await missingRecords(opts.trx, app, spec, batches, opts.onlyMissing.previous);
  return insertSeedBatches(deps, rc, app.id, batches, {
    trx: opts.trx,
    source: opts.source,
    userIds: opts.userIds,
  });
}

async function missingRecords(
  trx: DbTransaction,
  app: AppDefinition,
  spec: SeedSpec,
  batches: SeedBatch[],
  previous: SeedSpec | undefined,
): Promise<SeedBatch[]> {
  const before = referenceSeedKeys(previous);
  const out: SeedBatch[] = [];
  for (const [i, batch] of batches.entries()) {
    const key = spec.entities[i]?.key;
    const entity = findEntity(app, batch.entity);
    // The user may have deleted the entity (or a key field) since: nothing to add to.
    if (!key || !entity) continue;
    const columns = key.map((name) => entity.fields.find((f) => f.name === name)?.id);
    if (columns.some((c) => c === undefined)) continue;
    const held = await heldKeys(trx, app.id, entity.name, key, columns as string[]);
    const old = before.get(batch.entity);
    const records = batch.records.filter((r) => {
      const k = referenceRecordKey(key, r);
      return !held.has(k) && !old?.has(k);
    });
    out.push({ entity: batch.entity, records });
  }
  return out;
}

/** Keys of every stored row of the entity, soft-deleted ones included. */
async function heldKeys(
  trx: DbTransaction,
  appId: string,
  entity: string,
  key: string[],
  columns: string[],
): Promise<Set<string>> {
  const table = sql.table(`${appSchemaName(appId)}.${entity}`);
  const cols = sql.join(columns.map((c, i) => sql`${sql.id(c)} as ${sql.id(`k${i}`)}`));
  const rows = (await sql<Record<string, unknown>>`select ${cols} from ${table}`.execute(trx)).rows;
  return new Set(
    rows.map((row) => referenceRecordKey(key, Object.fromEntries(key.map((f, i) => [f, row[`k${i}`]])))),
  );
}
