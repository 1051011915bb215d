import { randomUUID } from 'node:crypto';
import { findEntity } from '@lattice/engine';
import {
  type AppStore,
  type DbTransaction,
  type FieldCodec,
  insertSeedRecords,
  type LatticeDb,
  type RequestContext,
  type SeedRow,
} from '@lattice/engine/storage';

/** One generated record: a provisional `id` other records may reference, plus values by field name. */
export type SeedInput = { id: string } & Record<string, unknown>;

/** Progress after each chunk: records done so far out of `total` (all entities). */
export interface SeedProgress {
  entity: string;
  done: number;
  total: number;
}

export interface InsertSeedBatchesOptions {
  /** Audit source, e.g. `pack:mfg-crm@0.1.0`. */
  source: string;
  /** Write everything in this transaction (a pack install); otherwise each chunk commits on its own. */
  trx?: DbTransaction;
  /** Records per statement (default 1000). */
  chunk?: number;
  /** Username → user id; user-field values (and `owner`) given as usernames are mapped through it. */
  userIds: ReadonlyMap<string, string>;
  onProgress?(progress: SeedProgress): void;
  /** Checked between chunks: stop early (server closing). */
  stopped?(): boolean;
  /** Told about each skipped record (entity, provisional id, reasons). */
  onSkip?(entity: string, id: string, reasons: string[]): void;
}

export interface SeedBatchesResult {
  records: number;
  skipped: number;
  /** User-field values that named no known user (cleared, so the record is still written). */
  unresolvedUsers: string[];
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * Writes generated seed records (parents first, as `generateSeedData` orders them) through the storage
 * bulk path `insertSeedRecords`: uuid provisional ids are kept (others get a fresh uuid and references
 * are rewritten), usernames in user fields become user ids, and a record whose referenced record was
 * skipped or left out (a scaled-down seed) is skipped too. Rules do not fire for seed data.
 */
export async function insertSeedBatches(
  deps: { db: LatticeDb; appStore: AppStore; fieldCodec?: FieldCodec },
  rc: RequestContext,
  appId: string,
  batches: readonly { entity: string; records: readonly SeedInput[] }[],
  opts: InsertSeedBatchesOptions,
): Promise<SeedBatchesResult> {
  const chunkSize = opts.chunk ?? 1000;
  const live = await deps.appStore.getLive(appId, opts.trx ? { trx: opts.trx } : {});
  // Row ids are fixed up front, so a record may reference an earlier one of the same chunk (a customer
  // referred by another customer); only records known to be skipped break their referrers.
  const rowIds = new Map<string, string>();
  for (const b of batches) for (const r of b.records) rowIds.set(r.id, UUID.test(r.id) ? r.id : randomUUID());
  const skippedIds = new Set<string>();
  const total = batches.reduce((n, b) => n + b.records.length, 0);
  const unresolved = new Set<string>();
  const knownUserIds = new Set(opts.userIds.values());
  let done = 0;
  let records = 0;
  let skipped = 0;
  for (const batch of batches) {
    const entity = findEntity(live.definition, batch.entity);
    if (!entity) {
      skipped += batch.records.length;
      continue;
    }
    const references = new Set(entity.fields.filter((f) => f.type === 'reference').map((f) => f.name));
    const userFields = new Set(entity.fields.filter((f) => f.type === 'user').map((f) => f.name));
    userFields.add('owner');
    const toRow = (record: SeedInput): SeedRow | string => {
      const row: SeedRow = { id: rowIds.get(record.id)! };
      for (const [name, value] of Object.entries(record)) {
        if (name === 'id') continue;
        if (references.has(name) && typeof value === 'string' && value !== '') {
          // Seed references point at seed records only; a record left out (scale) or skipped breaks them.
          if (!rowIds.has(value)) return `${name}: the referenced record is not in the seed`;
          if (skippedIds.has(value)) return `${name}: the referenced record was skipped`;
          row[name] = rowIds.get(value)!;
        } else if (userFields.has(name) && typeof value === 'string' && value !== '') {
          const id = opts.userIds.get(value) ?? (knownUserIds.has(value) ? value : null);
          if (id === null) unresolved.add(value);
          else row[name] = id;
        } else row[name] = value;
      }
      return row;
    };
    for (let start = 0; start < batch.records.length; start += chunkSize) {
      if (opts.stopped?.()) return { records, skipped, unresolvedUsers: [...unresolved] };
      const chunk = batch.records.slice(start, start + chunkSize);
      const rows: SeedRow[] = [];
      const provisionalOf = new Map<string, string>();
      for (const record of chunk) {
        const row = toRow(record);
        if (typeof row === 'string') {
          skipped++;
          skippedIds.add(record.id);
          opts.onSkip?.(batch.entity, record.id, [row]);
        } else {
          rows.push(row);
          provisionalOf.set(row.id, record.id);
        }
      }
      const write = (trx: DbTransaction) =>
        insertSeedRecords(trx, rc, live, entity, rows, {
          source: opts.source,
          ...(deps.fieldCodec ? { fieldCodec: deps.fieldCodec } : {}),
        });
      const result = opts.trx ? await write(opts.trx) : await deps.db.kysely.transaction().execute(write);
      for (const s of result.skipped) {
        skippedIds.add(provisionalOf.get(s.id) ?? s.id);
        opts.onSkip?.(
          batch.entity,
          provisionalOf.get(s.id) ?? s.id,
          s.errors.map((e) => `${e.path}: ${e.message.en}`),
        );
      }
      records += result.inserted;
      skipped += result.skipped.length;
      done += chunk.length;
      opts.onProgress?.({ entity: batch.entity, done, total });
    }
  }
  return { records, skipped, unresolvedUsers: [...unresolved] };
}
