import type { I18nText } from '@lattice/engine';
import type {
  ColumnMapping,
  ImportCounts,
  ImportMode,
  ImportOnError,
  ImportRowError,
} from '@lattice/engine/import';
import type { Clock, DbExecutor, LatticeDb } from '@lattice/engine/storage';
import { sql } from 'kysely';
import { IMPORT_ERRORS, IMPORT_JOBS, IMPORT_MAPPINGS } from './migrate-import-schema';

export type ImportStatus = 'draft' | 'queued' | 'running' | 'done' | 'failed';

/** An import as stored (see `migrateImportSchema`). */
export interface ImportJob {
  id: string;
  appId: string;
  entity: string;
  fileName: string;
  filePath: string;
  sheet: string | null;
  /** 1-based sheet row holding the column headers; data starts below it. */
  headerRow: number;
  mapping: ColumnMapping[] | null;
  mode: ImportMode;
  key: string[];
  onError: ImportOnError;
  perRowTriggers: boolean;
  status: ImportStatus;
  totalRows: number | null;
  /** Last sheet row whose batch is committed; a resumed run starts after it. */
  checkpointRow: number;
  rowsDone: number;
  counts: ImportCounts;
  message: I18nText | null;
  createdBy: string | null;
  createdAt: string;
  startedAt: string | null;
  finishedAt: string | null;
}

/** What a committed batch adds to its import. */
export interface BatchCommit {
  checkpointRow: number;
  rows: number;
  counts: ImportCounts;
  errors: ImportRowError[];
}

/** Settings that may change while an import is a draft. */
export interface ImportConfig {
  sheet?: string | null;
  headerRow?: number;
  mapping?: ColumnMapping[];
  mode?: ImportMode;
  key?: string[];
  onError?: ImportOnError;
  perRowTriggers?: boolean;
  totalRows?: number | null;
}

export interface ImportStore {
  create(job: {
    appId: string;
    entity: string;
    fileName: string;
    filePath: string;
    createdBy: string | null;
  }): Promise<ImportJob>;
  get(appId: string, id: string): Promise<ImportJob | null>;
  list(appId: string, limit?: number): Promise<ImportJob[]>;
  configure(appId: string, id: string, config: ImportConfig): Promise<void>;
  /** draft|failed → queued, clearing counters and old errors. False when the import is not startable. */
  queue(appId: string, id: string): Promise<boolean>;
  /** Takes the lease of a queued import, or of a running one whose lease expired (its runner died). */
  claim(id: string, workerId: string, leaseMs: number): Promise<ImportJob | null>;
  /** Imports waiting for a runner: queued, or running with an expired lease. */
  resumable(limit?: number): Promise<{ id: string; appId: string }[]>;
  /** Inside the batch's transaction: moves the checkpoint, adds counters and error rows, renews the lease. */
  commitBatch(
    trx: DbExecutor,
    id: string,
    workerId: string,
    leaseMs: number,
    commit: BatchCommit,
  ): Promise<void>;
  /** Marks the end (done or failed) if `workerId` still holds the lease. */
  finish(id: string, workerId: string, status: 'done' | 'failed', message?: I18nText | null): Promise<void>;
  errors(
    appId: string,
    id: string,
    afterSeq?: number,
    limit?: number,
  ): Promise<(ImportRowError & { seq: number })[]>;
  saveMapping(
    appId: string,
    entity: string,
    name: string,
    mapping: ColumnMapping[],
    by: string | null,
  ): Promise<void>;
  listMappings(
    appId: string,
    entity: string,
  ): Promise<{ name: string; mapping: ColumnMapping[]; updatedAt: string }[]>;
}

/** Thrown when another runner took the import over (this one's lease expired). */
export class ImportLeaseLostError extends Error {
  constructor(id: string) {
    super(`import ${id}: the lease moved to another runner`);
    this.name = 'ImportLeaseLostError';
  }
}

const iso = (v: unknown) =>
  v instanceof Date ? v.toISOString() : v === null || v === undefined ? null : String(v);
const json = <T>(v: unknown): T => (typeof v === 'string' ? (JSON.parse(v) as T) : (v as T));

function toJob(r: Record<string, unknown>): ImportJob {
  return {
    id: String(r.id),
    appId: String(r.app_id),
    entity: String(r.entity),
    fileName: String(r.file_name),
    filePath: String(r.file_path),
    sheet: (r.sheet as string | null) ?? null,
    headerRow: Number(r.header_row),
    mapping: r.mapping === null ? null : json<ColumnMapping[]>(r.mapping),
    mode: r.mode as ImportMode,
    key: json<string[]>(r.key),
    onError: r.on_error as ImportOnError,
    perRowTriggers: Boolean(r.per_row_triggers),
    status: r.status as ImportStatus,
    totalRows: r.total_rows === null ? null : Number(r.total_rows),
    checkpointRow: Number(r.checkpoint_row),
    rowsDone: Number(r.rows_done),
    counts: {
      inserted: Number(r.inserted),
      updated: Number(r.updated),
      skipped: Number(r.skipped),
      failed: Number(r.failed),
    },
    message: r.message === null ? null : json<I18nText>(r.message),
    createdBy: (r.created_by as string | null) ?? null,
    createdAt: iso(r.created_at)!,
    startedAt: iso(r.started_at),
    finishedAt: iso(r.finished_at),
  };
}

/** The import tables behind a small typed API. Time comes from `clock`. */
export function createImportStore(db: LatticeDb, clock: Clock): ImportStore {
  const k = db.kysely;
  const jobs = sql.table(IMPORT_JOBS);
  return {
    async create(job) {
      const now = clock.now();
      const r = await k
        .insertInto(IMPORT_JOBS)
        .values({
          app_id: job.appId,
          entity: job.entity,
          file_name: job.fileName,
          file_path: job.filePath,
          created_by: job.createdBy,
          created_at: now,
          updated_at: now,
        })
        .returningAll()
        .executeTakeFirstOrThrow();
      return toJob(r);
    },
    async get(appId, id) {
      const r = await k
        .selectFrom(IMPORT_JOBS)
        .selectAll()
        .where('app_id', '=', appId)
        .where('id', '=', id)
        .executeTakeFirst();
      return r ? toJob(r) : null;
    },
    async list(appId, limit = 50) {
      const rows = await k
        .selectFrom(IMPORT_JOBS)
        .selectAll()
        .where('app_id', '=', appId)
        .orderBy('created_at', 'desc')
        .limit(limit)
        .execute();
      return rows.map(toJob);
    },
    async configure(appId, id, c) {
      const set: Record<string, unknown> = { updated_at: clock.now() };
      if (c.sheet !== undefined) set.sheet = c.sheet;
      if (c.headerRow !== undefined) set.header_row = c.headerRow;
      if (c.mapping !== undefined) set.mapping = JSON.stringify(c.mapping);
      if (c.mode !== undefined) set.mode = c.mode;
      if (c.key !== undefined) set.key = JSON.stringify(c.key);
      if (c.onError !== undefined) set.on_error = c.onError;
      if (c.perRowTriggers !== undefined) set.per_row_triggers = c.perRowTriggers;
      if (c.totalRows !== undefined) set.total_rows = c.totalRows;
      await k
        .updateTable(IMPORT_JOBS)
        .set(set)
        .where('app_id', '=', appId)
        .where('id', '=', id)
        .where('status', 'in', ['draft', 'failed'])
        .execute();
    },
    async queue(appId, id) {
      return k.transaction().execute(async (trx) => {
        const r = await trx
          .updateTable(IMPORT_JOBS)
          .set({
            status: 'queued',
            checkpoint_row: 0,
            rows_done: 0,
            inserted: 0,
            updated: 0,
            skipped: 0,
            failed: 0,
            message: null,
            finished_at: null,
            updated_at: clock.now(),
          })
          .where('app_id', '=', appId)
          .where('id', '=', id)
          .where('status', 'in', ['draft', 'failed'])
          .where('mapping', 'is not', null)
          .executeTakeFirst();
        if (Number(r.numUpdatedRows) === 0) return false;
        await trx.deleteFrom(IMPORT_ERRORS).where('import_id', '=', id).execute();
        return true;
      });
    },
    async claim(id, workerId, leaseMs) {
      const now = clock.now();
      const r = await sql<Record<string, unknown>>`update ${jobs}
        set status = 'running', locked_by = ${workerId}, locked_until = ${new Date(now.getTime() + leaseMs)},
            started_at = coalesce(started_at, ${now}), updated_at = ${now}
        where id = ${id} and (status = 'queued' or (status = 'running' and locked_until < ${now}))
        returning *`.execute(k);
      return r.rows[0] ? toJob(r.rows[0]) : null;
    },
    async resumable(limit = 10) {
      const now = clock.now();
      const r = await sql<{ id: string; app_id: string }>`select id::text as id, app_id from ${jobs}
        where status = 'queued' or (status = 'running' and locked_until < ${now})
        order by created_at limit ${limit}`.execute(k);
      return r.rows.map((x) => ({ id: x.id, appId: x.app_id }));
    },
    async commitBatch(trx, id, workerId, leaseMs, c) {
      const now = clock.now();
      const r =
        await sql`update ${jobs} set checkpoint_row = ${c.checkpointRow}, rows_done = rows_done + ${c.rows},
          inserted = inserted + ${c.counts.inserted}, updated = updated + ${c.counts.updated},
          skipped = skipped + ${c.counts.skipped}, failed = failed + ${c.counts.failed},
          locked_until = ${new Date(now.getTime() + leaseMs)}, updated_at = ${now}
        where id = ${id} and locked_by = ${workerId} and status = 'running'
        returning id`.execute(trx);
      if (r.rows.length === 0) throw new ImportLeaseLostError(id);
      if (c.errors.length) await insertErrors(trx, id, c.errors);
    },
    async finish(id, workerId, status, message = null) {
      const now = clock.now();
      await k
        .updateTable(IMPORT_JOBS)
        .set({
          status,
          message: message === null ? null : JSON.stringify(message),
          locked_by: null,
          locked_until: null,
          finished_at: now,
          updated_at: now,
        })
        .where('id', '=', id)
        .where('locked_by', '=', workerId)
        .execute();
    },
    async errors(appId, id, afterSeq = 0, limit = 1000) {
      const rows = await k
        .selectFrom(IMPORT_ERRORS)
        .selectAll()
        .where('app_id', '=', appId)
        .where('import_id', '=', id)
        .where('seq', '>', afterSeq)
        .orderBy('seq')
        .limit(limit)
        .execute();
      return rows.map((r) => ({
        seq: Number(r.seq),
        row: Number(r.row_no),
        column: (r.col as string | null) ?? null,
        field: (r.field as string | null) ?? null,
        value: String(r.value),
        reason: json<I18nText>(r.reason),
      }));
    },
    async saveMapping(appId, entity, name, mapping, by) {
      const now = clock.now();
      await k
        .insertInto(IMPORT_MAPPINGS)
        .values({
          app_id: appId,
          entity,
          name,
          mapping: JSON.stringify(mapping),
          updated_by: by,
          updated_at: now,
        })
        .onConflict((oc) =>
          oc
            .columns(['app_id', 'entity', 'name'])
            .doUpdateSet({ mapping: JSON.stringify(mapping), updated_by: by, updated_at: now }),
        )
        .execute();
    },
    async listMappings(appId, entity) {
      const rows = await k
        .selectFrom(IMPORT_MAPPINGS)
        .selectAll()
        .where('app_id', '=', appId)
        .where('entity', '=', entity)
        .orderBy('name')
        .execute();
      return rows.map((r) => ({
        name: String(r.name),
        mapping: json<ColumnMapping[]>(r.mapping),
        updatedAt: iso(r.updated_at)!,
      }));
    },
  };

  async function insertErrors(trx: DbExecutor, id: string, errors: ImportRowError[]) {
    const appRow = await trx
      .selectFrom(IMPORT_JOBS)
      .select('app_id')
      .where('id', '=', id)
      .executeTakeFirstOrThrow();
    await sql`insert into ${sql.table(IMPORT_ERRORS)} (import_id, app_id, row_no, col, field, value, reason)
      select ${id}::uuid, ${String(appRow.app_id)}, * from unnest(
        ${errors.map((e) => e.row)}::int[], ${errors.map((e) => e.column)}::text[], ${errors.map((e) => e.field)}::text[],
        ${errors.map((e) => e.value)}::text[], ${errors.map((e) => JSON.stringify(e.reason))}::jsonb[])`.execute(
      trx,
    );
  }
}
