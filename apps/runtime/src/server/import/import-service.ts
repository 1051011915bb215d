import { createWriteStream } from 'node:fs';
import { mkdir, unlink } from 'node:fs/promises';
import { extname, join } from 'node:path';
import type { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { type EntityDoc, findEntity, LatticeError } from '@lattice/engine';
import {
  type CellValue,
  type ColumnMapping,
  cellText,
  detectHeaderRow,
  type ImportMode,
  type ImportOnError,
  type ImportRowError,
  prepareMapping,
  rowToInput,
  suggestMapping,
} from '@lattice/engine/import';
import {
  type Actor,
  type ImportBatchRow,
  importRecordBatch,
  newImportBatchState,
} from '@lattice/engine/storage';
import { checkImportAccess } from './check-import-access';
import { checkImportKey } from './check-import-key';
import { createDirectoryLookup } from './directory-lookup';
import { estimateRowCount } from './estimate-row-count';
import { importFileError } from './import-file-error';
import type { ImportJob } from './import-store';
import { openTabularSource } from './open-tabular-source';
import { type ImportProgress, type ImportRunDeps, runImport } from './run-import';
import { DEFAULT_SOURCE_LIMITS } from './tabular-source';

const SAMPLE_ROWS = 12;
const HEADER_SCAN_ROWS = 10;
const ACCEPTED = new Set(['.xlsx', '.xlsm', '.csv', '.txt', '.tsv']);

/** What the wizard's mapping step shows for a sheet. */
export interface SheetInspection {
  sheets: string[];
  sheet: string;
  headerRow: number;
  headers: string[];
  /** First data rows as text, for the mapping screen. */
  sample: string[][];
  suggested: ColumnMapping[];
  totalRows: number | null;
}

/** Settings chosen in the wizard (or on the CLI). */
export interface ImportRunSettings {
  sheet?: string | null;
  headerRow?: number;
  mapping: ColumnMapping[];
  mode: ImportMode;
  key?: string[];
  onError: ImportOnError;
  perRowTriggers?: boolean;
}

/** One previewed row: its cells, what would happen to it, and every problem found. */
export interface PreviewRow {
  row: number;
  cells: string[];
  action: 'insert' | 'update' | 'unchanged' | 'blank' | 'error';
  errors: ImportRowError[];
}

export interface ImportService {
  /** Saves an upload under the data dir, checks it can be read (type, zip bomb, empty) and creates a draft. */
  upload(actor: Actor, appId: string, entity: string, fileName: string, data: Readable): Promise<ImportJob>;
  /** Headers, sample and a suggested mapping for a sheet (default: the first) and header row (default: detected). */
  inspect(appId: string, id: string, sheet?: string | null, headerRow?: number): Promise<SheetInspection>;
  /** Validates the first `limit` data rows exactly as the run would (lookups included), writing nothing. */
  preview(
    actor: Actor,
    appId: string,
    id: string,
    settings: ImportRunSettings,
    limit?: number,
  ): Promise<PreviewRow[]>;
  /**
   * Checks the actor's import right and field permissions on the mapping, stores the settings, queues the
   * import and starts it in the background on this instance.
   */
  start(actor: Actor, appId: string, id: string, settings: ImportRunSettings): Promise<ImportJob>;
  /** The stored job with the live progress of this instance, when it is running here. */
  status(appId: string, id: string): Promise<(ImportJob & { progress: ImportProgress | null }) | null>;
  /** Queues a run of an interrupted import (`running` with an expired lease, or `queued`) on this instance. */
  resume(appId: string, id: string): Promise<void>;
  /** Picks up imports left queued or running by a dead runner (called at start-up). */
  resumeInterrupted(): Promise<void>;
  /** Resolves when this instance has no import running (tests, shutdown). */
  idle(): Promise<void>;
}

/**
 * The import use cases over the store and runner: upload → inspect → preview → start → status. Runs
 * at most one import at a time per instance, in the background; progress lives in memory and the
 * durable state (checkpoint, counters, errors) in the database.
 */
export function createImportService(deps: ImportRunDeps, uploadDir: string, workerId: string): ImportService {
  const { store } = deps;
  const limits = deps.limits ?? DEFAULT_SOURCE_LIMITS;
  const progress = new Map<string, ImportProgress>();
  let chain: Promise<void> = Promise.resolve();

  async function mustGet(appId: string, id: string): Promise<ImportJob> {
    const job = await store.get(appId, id);
    if (!job) {
      throw new LatticeError('LATTICE_ERR_NOT_FOUND', [
        { path: 'params.id', message: { zh: '导入任务不存在', en: `No import ${id}` } },
      ]);
    }
    return job;
  }

  async function entityOf(appId: string, name: string): Promise<EntityDoc> {
    const live = await deps.appStore.getLive(appId);
    const entity = findEntity(live.definition, name);
    if (!entity) {
      throw new LatticeError('LATTICE_ERR_UNKNOWN_ENTITY', [
        { path: 'entity', message: { zh: `实体 ${name} 不存在`, en: `Unknown entity ${name}` } },
      ]);
    }
    return entity;
  }

  async function firstRows(job: ImportJob, sheet: string | null, count: number) {
    const source = await openTabularSource(job.filePath, job.fileName, limits);
    const rows: { row: number; cells: CellValue[] }[] = [];
    for await (const r of source.rows(sheet)) {
      rows.push(r);
      if (rows.length >= count) break;
    }
    return { source, rows };
  }

  const queued = new Set<string>();
  function enqueue(id: string) {
    if (queued.has(id)) return;
    queued.add(id);
    chain = chain
      .then(() =>
        runImport(deps, id, {
          workerId,
          onProgress: (p) => progress.set(id, p),
        }),
      )
      .then(
        () => undefined,
        () => undefined,
      )
      .finally(() => {
        progress.delete(id);
        queued.delete(id);
      });
  }

  return {
    async upload(actor, appId, entity, fileName, data) {
      await entityOf(appId, entity);
      const ext = extname(fileName).toLowerCase();
      if (!ACCEPTED.has(ext)) {
        data.resume();
        throw importFileError(
          `不支持的文件类型 ${ext || '(无扩展名)'}，请上传 .xlsx 或 .csv`,
          `Unsupported file type ${ext || '(none)'}; upload .xlsx or .csv`,
        );
      }
      await mkdir(uploadDir, { recursive: true });
      const path = join(uploadDir, `${crypto.randomUUID()}${ext}`);
      await pipeline(data, createWriteStream(path));
      if ((data as Readable & { truncated?: boolean }).truncated) {
        await unlink(path);
        throw new LatticeError('LATTICE_ERR_BODY_TOO_LARGE');
      }
      try {
        const source = await openTabularSource(path, fileName, limits);
        const names = await source.sheetNames();
        if (!names.length) throw importFileError('工作簿中没有工作表', 'The workbook has no worksheets');
      } catch (error) {
        await unlink(path).catch(() => {});
        throw error;
      }
      return store.create({ appId, entity, fileName, filePath: path, createdBy: actor.id });
    },

    async inspect(appId, id, sheet, headerRow) {
      const job = await mustGet(appId, id);
      const entity = await entityOf(appId, job.entity);
      const source = await openTabularSource(job.filePath, job.fileName, limits);
      const sheets = await source.sheetNames();
      const chosen = sheet ?? job.sheet ?? sheets[0]!;
      if (!sheets.includes(chosen)) {
        throw importFileError(
          `工作表「${chosen}」不存在（现有：${sheets.join('、')}）`,
          `No sheet "${chosen}" (the workbook has: ${sheets.join(', ')})`,
          'sheet',
        );
      }
      const { rows } = await firstRows(job, chosen, HEADER_SCAN_ROWS + SAMPLE_ROWS);
      if (!rows.length) throw importFileError('工作表是空的', 'The sheet is empty', 'sheet');
      const dense = rows.map((r) => r.cells);
      const headerIndex =
        headerRow !== undefined
          ? rows.findIndex((r) => r.row === headerRow)
          : detectHeaderRow(dense.slice(0, HEADER_SCAN_ROWS));
      if (headerIndex < 0)
        throw importFileError(`第 ${headerRow} 行不存在`, `There is no row ${headerRow}`, 'headerRow');
      const header = rows[headerIndex]!;
      const headers = header.cells.map((c, i) => cellText(c).trim() || `#${i + 1}`);
      while (headers.length && /^#\d+$/.test(headers[headers.length - 1]!)) headers.pop();
      const sample = rows
        .slice(headerIndex + 1, headerIndex + 1 + SAMPLE_ROWS)
        .map((r) => headers.map((_, i) => cellText(r.cells[i] ?? null)));
      const saved = job.mapping ?? [];
      const estimate = await estimateRowCount(job.filePath, source.format, chosen).catch(() => null);
      const totalRows = estimate === null ? null : Math.max(0, estimate - header.row);
      await store.configure(appId, id, { sheet: chosen, headerRow: header.row, totalRows });
      return {
        sheets,
        sheet: chosen,
        headerRow: header.row,
        headers,
        sample,
        suggested: suggestMapping(entity, headers, saved),
        totalRows,
      };
    },

    async preview(actor, appId, id, settings, limit = 20) {
      const job = await mustGet(appId, id);
      const live = await deps.appStore.getLive(appId);
      const entity = await entityOf(appId, job.entity);
      checkImportAccess(actor, live, entity, settings.mapping);
      const prepared = prepareMapping(entity, settings.mapping);
      if (settings.mode === 'upsert') checkImportKey(entity, settings.key ?? []);
      const headerRow = settings.headerRow ?? job.headerRow;
      const { rows } = await firstRows(job, settings.sheet ?? job.sheet, headerRow + limit);
      const data = rows.filter((r) => r.row > headerRow).slice(0, limit);
      const out: PreviewRow[] = data.map((r) => ({
        row: r.row,
        cells: settings.mapping.map((m) => cellText(r.cells[m.column] ?? null)),
        action: 'insert',
        errors: [],
      }));
      const batch: ImportBatchRow[] = [];
      data.forEach((r, i) => {
        const ri = rowToInput(prepared, r);
        if (ri.blank) out[i]!.action = 'blank';
        else batch.push({ row: r.row, input: ri.input, errors: ri.errors });
      });
      const res = await deps.db.kysely.transaction().execute((trx) =>
        importRecordBatch(
          trx,
          { actor: { ...actor, system: true }, clock: deps.clock },
          live,
          entity,
          batch,
          {
            mode: settings.mode,
            key: settings.key ?? [],
            state: newImportBatchState(),
            source: `import:${id}`,
            headers: new Map(prepared.columns.map((c) => [c.field.name, c.header])),
            dryRun: true,
            directory: createDirectoryLookup(),
            ...(deps.fieldCodec ? { fieldCodec: deps.fieldCodec } : {}),
          },
        ),
      );
      const byRow = new Map(out.map((r) => [r.row, r]));
      for (const e of res.errors) {
        const r = byRow.get(e.row);
        if (r) {
          r.action = 'error';
          r.errors.push(e);
        }
      }
      for (const row of res.updatedRows) byRow.get(row)!.action = 'update';
      for (const row of res.unchangedRows) byRow.get(row)!.action = 'unchanged';
      return out;
    },

    async start(actor, appId, id, s) {
      const job = await mustGet(appId, id);
      const entity = await entityOf(appId, job.entity);
      checkImportAccess(actor, await deps.appStore.getLive(appId), entity, s.mapping);
      prepareMapping(entity, s.mapping);
      if (s.mode === 'upsert') checkImportKey(entity, s.key ?? []);
      if (job.status !== 'draft' && job.status !== 'failed') {
        throw importFileError('该导入已在运行或已完成', 'This import is running or finished', 'params.id');
      }
      await store.configure(appId, id, {
        ...(s.sheet !== undefined ? { sheet: s.sheet } : {}),
        ...(s.headerRow !== undefined ? { headerRow: s.headerRow } : {}),
        mapping: s.mapping,
        mode: s.mode,
        key: s.key ?? [],
        onError: s.onError,
        perRowTriggers: s.perRowTriggers ?? false,
      });
      await store.queue(appId, id);
      enqueue(id);
      return (await store.get(appId, id))!;
    },

    async status(appId, id) {
      const job = await store.get(appId, id);
      return job ? { ...job, progress: progress.get(id) ?? null } : null;
    },

    async resume(appId, id) {
      await mustGet(appId, id);
      enqueue(id);
    },

    async resumeInterrupted() {
      for (const { id } of await store.resumable()) enqueue(id);
    },

    idle: () => chain,
  };
}
