import { stat } from 'node:fs/promises';
import { coerceRecordInput, findEntity, type I18nText, isLatticeError } from '@lattice/engine';
import {
  type ImportRowError,
  type PreparedMapping,
  prepareMapping,
  type RowInput,
} from '@lattice/engine/import';
import {
  type Actor,
  type AppStore,
  type Clock,
  type DbTransaction,
  type DirectoryLookup,
  type FieldCodec,
  type ImportBatchRow,
  type ImportBatchState,
  importRecordBatch,
  type LatticeDb,
  type LiveApp,
  newImportBatchState,
  type RecordHooks,
  type RequestContext,
  rememberImportedRow,
  resolvedInBatch,
} from '@lattice/engine/storage';
import { checkImportKey } from './check-import-key';
import { convertRuns, type RowConversion } from './convert-rows';
import { convertRowsInWorker } from './convert-rows-in-worker';
import { createDirectoryLookup } from './directory-lookup';
import { importFileError } from './import-file-error';
import { type ImportJob, ImportLeaseLostError, type ImportStore } from './import-store';
import { openTabularSource } from './open-tabular-source';
import { DEFAULT_SOURCE_LIMITS, type SourceLimits } from './tabular-source';

/** The rules' "import finished" event (same shape as `@lattice/flow-engine` `RuleEvent`). */
export interface ImportFinishedEvent {
  type: 'import_finished';
  entity: string;
  importId: string;
}

/** Where imports report to the rules; both optional (the rules runtime plugs in here). */
export interface ImportEventSinks {
  /** Per-row created/updated events, only for imports with `perRowTriggers` on. */
  onRecordEvent?: RecordHooks['onEvent'];
  /** Once per finished import (inside a transaction of its own). */
  onImportFinished?(
    trx: DbTransaction,
    ctx: RequestContext,
    live: LiveApp,
    event: ImportFinishedEvent,
  ): Promise<void>;
}

export interface ImportRunDeps {
  db: LatticeDb;
  appStore: AppStore;
  clock: Clock;
  store: ImportStore;
  limits?: SourceLimits;
  events?: ImportEventSinks;
  /** Encryption at rest for sensitive fields: the server's codec, as the records API uses. */
  fieldCodec?: FieldCodec;
  /** From this file size on an .xlsx is read and converted on a worker thread (`convertRowsInWorker`); default 8 MB. */
  xlsxWorkerMinBytes?: number;
}

/** Live progress of a running import (also what the CLI bar and the wizard show). */
export interface ImportProgress {
  importId: string;
  rowsDone: number;
  totalRows: number | null;
  inserted: number;
  updated: number;
  skipped: number;
  failed: number;
  rowsPerSecond: number;
  etaSeconds: number | null;
}

export interface RunImportOptions {
  workerId: string;
  batchSize?: number;
  leaseMs?: number;
  onProgress?: (p: ImportProgress) => void;
  /** Elapsed-time source for rows/s and ETA (display only). */
  monotonicMs?: () => number;
  /** Test hook: called after each committed batch with the checkpoint row. */
  afterBatch?: (checkpointRow: number) => Promise<void> | void;
}

const DEFAULT_BATCH = 2000;
/** Batches read and converted ahead of the one being written (memory: this many batches of rows). */
const READ_AHEAD_BATCHES = 4;
const YIELD_EVERY_ROWS = 50;
const yieldToEventLoop = () => new Promise<void>((resolve) => setImmediate(resolve));
/**
 * From this size on an .xlsx is read on a worker thread. Below it, starting one (≈ 0.25 s) costs more than
 * it saves: measured with the benchmark's 20-column sheet, 20k rows (2.7 MB) took 0.47 s here and 0.67 s
 * with the worker, 50k rows 1.1 s and 1.2 s, 100k rows (13.8 MB) 2.3 s and 2.0 s.
 */
const WORKER_MIN_BYTES = 8 * 1024 * 1024;
const DEFAULT_LEASE_MS = 60_000;
/** All-or-nothing runs hold one transaction for the whole file; their lease cannot be renewed meanwhile. */
const ABORT_MODE_LEASE_MS = 60 * 60_000;

class RowsRejected extends Error {}

/**
 * Runs (or resumes) one import: claims its lease, streams the sheet and converts its rows (`rowToInput`;
 * a large .xlsx is read and converted on a worker thread), and writes them with `importRecordBatch`.
 * Skip-bad-rows mode commits each batch with the checkpoint, counters and error rows in one transaction,
 * so a crash resumes after the last committed row with no duplicates or gaps; all-or-nothing mode writes
 * everything in one transaction and rolls it back if any row is bad. Reading the next batches overlaps
 * the database work of the current one. Returns the final job, or null when another runner holds it.
 */
export async function runImport(
  deps: ImportRunDeps,
  importId: string,
  opts: RunImportOptions,
): Promise<ImportJob | null> {
  const { store, db } = deps;
  const abort = await peekAbortMode(deps, importId);
  const leaseMs = abort ? ABORT_MODE_LEASE_MS : (opts.leaseMs ?? DEFAULT_LEASE_MS);
  const job = await store.claim(importId, opts.workerId, leaseMs);
  if (!job) return null;
  const ctx: RequestContext = { actor: importActor(job), clock: deps.clock };
  try {
    const live = await deps.appStore.getLive(job.appId);
    const entity = findEntity(live.definition, job.entity);
    if (!entity) throw importFileError(`实体 ${job.entity} 不存在`, `Unknown entity ${job.entity}`, 'entity');
    if (!job.mapping) throw importFileError('尚未设置列映射', 'No column mapping set', 'mapping');
    const prepared = prepareMapping(entity, job.mapping);
    if (job.mode === 'upsert') checkImportKey(entity, job.key);
    const limits = deps.limits ?? DEFAULT_SOURCE_LIMITS;
    // Unzipping and parsing a big .xlsx, and converting its cells, get a core of their own while this
    // thread validates and writes the rows: converted rows cross threads as cheaply as raw ones. A CSV
    // parses and converts faster than its rows would cross threads, and a smaller .xlsx is done before a
    // worker would pay for itself (WORKER_MIN_BYTES).
    const source = await openTabularSource(job.filePath, job.fileName, limits);
    const conversion: RowConversion = { entity, mapping: job.mapping, headerRow: job.headerRow };
    const inWorker =
      source.format === 'xlsx' &&
      (await stat(job.filePath)).size >= (deps.xlsxWorkerMinBytes ?? WORKER_MIN_BYTES);
    const rows = inWorker
      ? convertRowsInWorker(job.filePath, job.fileName, job.sheet, limits, conversion)
      : convertRuns(source.rowChunks(job.sheet), conversion);
    const run = new BatchRun(deps, job, prepared, live, ctx, opts, leaseMs);
    await run.execute(rows);
    if (run.rejected) {
      await store.finish(job.id, opts.workerId, 'failed', {
        zh: `${run.rejected} 行有错误，按“全部成功或全部不导入”模式未写入任何数据`,
        en: `${run.rejected} rows have errors; all-or-nothing mode wrote nothing`,
      });
    } else {
      if (deps.events?.onImportFinished) {
        const finished = deps.events.onImportFinished;
        await db.kysely
          .transaction()
          .execute((trx) =>
            finished(trx, ctx, live, { type: 'import_finished', entity: entity.name, importId: job.id }),
          );
      }
      await store.finish(job.id, opts.workerId, 'done');
    }
  } catch (error) {
    if (error instanceof ImportLeaseLostError) return null;
    await store.finish(job.id, opts.workerId, 'failed', describe(error));
    if (!isLatticeError(error)) throw error;
  }
  return store.get(job.appId, job.id);
}

async function peekAbortMode(deps: ImportRunDeps, importId: string): Promise<boolean> {
  const r = await deps.db.kysely
    .selectFrom('lattice.import_jobs')
    .select('on_error')
    .where('id', '=', importId)
    .executeTakeFirst();
  return r?.on_error === 'abort';
}

function importActor(job: ImportJob): Actor {
  return {
    id: job.createdBy ?? 'system',
    username: job.createdBy ?? 'system',
    roles: ['admin'],
    system: true,
  };
}

function describe(error: unknown): I18nText {
  if (isLatticeError(error)) {
    const d = error.details[0];
    return d ? d.message : { zh: error.message, en: error.message };
  }
  const msg = error instanceof Error ? error.message : String(error);
  return { zh: `导入中断：${msg}`, en: `Import stopped: ${msg}` };
}

interface Pending {
  rows: ImportBatchRow[];
  errors: ImportRowError[];
  failed: number;
  blanks: number;
  seen: number;
  lastRow: number;
}

const emptyPending = (): Pending => ({ rows: [], errors: [], failed: 0, blanks: 0, seen: 0, lastRow: 0 });

/** One run of one import: the batching loop and its counters. */
class BatchRun {
  rejected = 0;
  private readonly state: ImportBatchState = newImportBatchState();
  private readonly headers: Map<string, string>;
  private readonly started: number;
  private readonly startDone: number;
  private totals: { rowsDone: number; inserted: number; updated: number; skipped: number; failed: number };
  private abortErrors: ImportRowError[] = [];
  /** The clock to validate rows with ahead of their batch, or null when they can't be (see constructor). */
  private readonly precoerce: (() => Date) | null;
  /** Names in user and department cells → ids, looked up once per run. */
  private readonly directory: DirectoryLookup;

  constructor(
    private readonly deps: ImportRunDeps,
    private readonly job: ImportJob,
    private readonly prepared: PreparedMapping,
    private readonly live: LiveApp,
    private readonly ctx: RequestContext,
    private readonly opts: RunImportOptions,
    private readonly leaseMs: number,
  ) {
    this.headers = new Map(prepared.columns.map((c) => [c.field.name, c.header]));
    // Rows with references, users or departments change when their names resolve (in the batch): not before.
    const now = ctx.clock.now.bind(ctx.clock);
    this.precoerce = prepared.entity.fields.some((f) => resolvedInBatch(f, true)) ? null : now;
    this.directory = createDirectoryLookup();
    this.started = this.now();
    this.totals = { rowsDone: job.rowsDone, ...job.counts };
    this.startDone = job.rowsDone;
  }

  private now(): number {
    return (this.opts.monotonicMs ?? (() => performance.now()))();
  }

  async execute(rows: AsyncIterable<RowInput[]>): Promise<void> {
    if (this.job.onError === 'abort') {
      await this.deps.db.kysely
        .transaction()
        .execute((trx) => this.loop(rows, (p) => this.writeInto(trx, p)))
        .catch((e: unknown) => {
          if (!(e instanceof RowsRejected)) throw e;
        });
      if (this.rejected) await this.commitRejection();
      return;
    }
    await this.loop(rows, (p) =>
      this.deps.db.kysely.transaction().execute(async (trx) => {
        await this.writeInto(trx, p);
      }),
    );
  }

  private async loop(rows: AsyncIterable<RowInput[]>, write: (p: Pending) => Promise<void>): Promise<void> {
    const batchSize = this.opts.batchSize ?? DEFAULT_BATCH;
    const entity = this.prepared.entity;
    let pending = emptyPending();
    // Batches are written one after another (a chain), while reading runs ahead by up to
    // READ_AHEAD_BATCHES: this thread converts rows whenever the database is busy with a write.
    // A failed write fails every later one, and the reader sees it at its next wait.
    const queued: Promise<void>[] = [];
    const flush = async (p: Pending) => {
      const next = (queued.at(-1) ?? Promise.resolve()).then(() => write(p));
      next.catch(() => {});
      queued.push(next);
      if (queued.length >= READ_AHEAD_BATCHES) await queued.shift();
    };
    try {
      for await (const chunk of rows) {
        for (const ri of chunk) {
          if (ri.row <= this.job.checkpointRow) {
            if (!ri.blank && !ri.errors.length)
              rememberImportedRow(entity, this.state, { row: ri.row, input: ri.input });
            continue;
          }
          pending.seen++;
          pending.lastRow = ri.row;
          if (ri.blank) pending.blanks++;
          else if (ri.errors.length) pending.rows.push({ row: ri.row, input: ri.input, errors: ri.errors });
          else if (this.precoerce) {
            // Validating here, while the previous batch is being written, keeps the database and this
            // thread busy at the same time.
            const asCreate = coerceRecordInput(entity, ri.input, { mode: 'create', now: this.precoerce });
            pending.rows.push({ row: ri.row, input: ri.input, asCreate });
          } else pending.rows.push({ row: ri.row, input: ri.input });
          if (pending.seen >= batchSize) {
            await flush(pending);
            pending = emptyPending();
          }
          // Converting a whole run of rows at once would starve the database's replies (I/O callbacks)
          // of this thread: give the event loop a turn every few dozen rows.
          if (pending.seen % YIELD_EVERY_ROWS === 0) await yieldToEventLoop();
        }
      }
      if (pending.seen > 0) await flush(pending);
    } catch (error) {
      // The file failed mid-way: let the queued writes settle before the job is marked failed (or the
      // all-or-nothing transaction rolls back under them).
      await Promise.allSettled(queued);
      throw error;
    }
    for (const w of queued) await w;
    if (this.job.onError === 'abort') {
      if (this.rejected) throw new RowsRejected();
    }
  }

  private async writeInto(trx: DbTransaction, p: Pending): Promise<void> {
    const abort = this.job.onError === 'abort';
    const res = await importRecordBatch(trx, this.ctx, this.live, this.prepared.entity, p.rows, {
      mode: this.job.mode,
      key: this.job.key,
      state: this.state,
      source: `import:${this.job.id}`,
      headers: this.headers,
      dryRun: abort && this.rejected > 0,
      directory: this.directory,
      ...(this.deps.fieldCodec ? { fieldCodec: this.deps.fieldCodec } : {}),
      ...(this.job.perRowTriggers && this.deps.events?.onRecordEvent
        ? { onEvent: this.deps.events.onRecordEvent }
        : {}),
    });
    const errors = [...p.errors, ...res.errors].sort((a, b) => a.row - b.row);
    const failed = p.failed + res.failedRows.length;
    if (abort && failed > 0) {
      this.rejected += failed;
      this.abortErrors.push(...errors);
    }
    const counts = {
      inserted: res.inserted,
      updated: res.updated,
      skipped: p.blanks + res.unchanged,
      failed,
    };
    if (!abort) {
      await this.deps.store.commitBatch(trx, this.job.id, this.opts.workerId, this.leaseMs, {
        checkpointRow: p.lastRow,
        rows: p.seen,
        counts,
        errors,
      });
    } else if (!this.rejected) {
      await this.deps.store.commitBatch(trx, this.job.id, this.opts.workerId, this.leaseMs, {
        checkpointRow: 0,
        rows: p.seen,
        counts,
        errors: [],
      });
    }
    this.totals = {
      rowsDone: this.totals.rowsDone + p.seen,
      inserted: this.totals.inserted + counts.inserted,
      updated: this.totals.updated + counts.updated,
      skipped: this.totals.skipped + counts.skipped,
      failed: this.totals.failed + counts.failed,
    };
    this.report();
    if (!abort) await this.opts.afterBatch?.(p.lastRow);
  }

  private async commitRejection(): Promise<void> {
    await this.deps.db.kysely.transaction().execute((trx) =>
      this.deps.store.commitBatch(trx, this.job.id, this.opts.workerId, this.leaseMs, {
        checkpointRow: 0,
        rows: this.totals.rowsDone,
        counts: { inserted: 0, updated: 0, skipped: 0, failed: this.rejected },
        errors: this.abortErrors,
      }),
    );
  }

  private report(): void {
    if (!this.opts.onProgress) return;
    const elapsed = Math.max(1, this.now() - this.started) / 1000;
    const rate = (this.totals.rowsDone - this.startDone) / elapsed;
    const total = this.job.totalRows;
    this.opts.onProgress({
      importId: this.job.id,
      ...this.totals,
      totalRows: total,
      rowsPerSecond: Math.round(rate),
      etaSeconds:
        total !== null && rate > 0 ? Math.max(0, Math.round((total - this.totals.rowsDone) / rate)) : null,
    });
  }
}
