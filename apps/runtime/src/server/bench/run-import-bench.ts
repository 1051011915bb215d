/**
 * The import benchmark (`pnpm bench import` through bench/import.ts): a deterministic 100,000-row ×
 * 20-column customer file as .xlsx and .csv, imported through the engine in upsert mode into an empty
 * table (`lattice_xlsx`, `lattice_csv`), against the two floors measured in the same run on the same
 * database: the streaming xlsx reader alone (`parse_only_xlsx`) and a raw `COPY … FROM STDIN` of the CSV
 * into an equivalent bare table (`copy`), each floor the median of `BENCH_IMPORT_BASELINE_RUNS` (3)
 * runs. PostgreSQL when DATABASE_URL is set, else a file-backed PGlite. The files are generated in a child
 * process, and `peak_rss_mb` is read right after the two imports: this process's peak while importing.
 */
import { randomBytes } from 'node:crypto';
import { createReadStream, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pipeline } from 'node:stream/promises';
import { PGlite } from '@electric-sql/pglite';
import { findEntity } from '@lattice/engine';
import { suggestMapping } from '@lattice/engine/import';
import {
  createAppStore,
  type LatticeDb,
  type LatticeTables,
  migrateSystemSchema,
  openDatabase,
  PG_TYPE_PARSERS,
  pgliteDialect,
} from '@lattice/engine/storage';
import { Kysely, sql } from 'kysely';
import pg from 'pg';
import { from as copyFrom } from 'pg-copy-streams';
import { createImportStore } from '../import/import-store';
import { migrateImportSchema } from '../import/migrate-import-schema';
import { runImport } from '../import/run-import';
import { DEFAULT_SOURCE_LIMITS } from '../import/tabular-source';
import { openXlsxSource } from '../import/xlsx-source';
import { generateImportBenchFiles } from './generate-import-bench-files';
import { BENCH_COLUMN_TYPES, BENCH_HEADERS, benchCustomerApp } from './import-bench-data';

const ROWS = Number(process.env.BENCH_IMPORT_ROWS ?? 100_000);
/**
 * The two floors are the median of this many runs: a single COPY swings by up to a third from run to run.
 * Lattice's imports run once each, cold, so `peak_rss_mb` stays the peak of importing each file once
 * (repeated imports in one process peak higher, ≈ 500–540 MB, as V8 keeps the pages it grew into).
 */
const BASELINE_RUNS = Number(process.env.BENCH_IMPORT_BASELINE_RUNS ?? 3);

const median = (xs: readonly number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  const m = Math.floor(s.length / 2);
  return s.length % 2 ? s[m]! : (s[m - 1]! + s[m]!) / 2;
};

/** Runs `once` BASELINE_RUNS times (after `reset` each time): the median milliseconds, every run printed. */
async function baselineMs(
  label: string,
  once: () => Promise<number>,
  reset: () => Promise<void> = async () => {},
): Promise<number> {
  const samples: number[] = [];
  for (let i = 0; i < BASELINE_RUNS; i++) {
    await reset();
    samples.push(await once());
  }
  const m = median(samples);
  console.log(`${label} ${seconds(m)} s (median of ${samples.map(seconds).join(', ')})`);
  return m;
}

/** The result written to bench/results/import.json. */
export interface ImportBenchResult {
  name: 'import';
  db: string;
  rows: number;
  s: { lattice_xlsx: number; lattice_csv: number; parse_only_xlsx: number; copy: number };
  ratio: { xlsx: number; csv: number };
  rows_per_s: { xlsx: number; csv: number };
  peak_rss_mb: number;
}

interface BenchDb {
  db: LatticeDb;
  copyCsv(table: string, csvPath: string): Promise<void>;
}

async function openBenchDb(tmp: string): Promise<BenchDb> {
  const url = process.env.DATABASE_URL;
  if (url) {
    const db = await openDatabase({ url });
    return {
      db,
      async copyCsv(table, csvPath) {
        const client = new pg.Client({ connectionString: url });
        await client.connect();
        try {
          const target = client.query(copyFrom(`copy ${table} from stdin with (format csv, header true)`));
          await pipeline(createReadStream(csvPath), target);
        } finally {
          await client.end();
        }
      },
    };
  }
  const pglite = await PGlite.create({ dataDir: join(tmp, 'pglite'), parsers: PG_TYPE_PARSERS });
  const kysely = new Kysely<LatticeTables>({ dialect: pgliteDialect(pglite) });
  return {
    db: {
      kysely,
      dialect: 'pglite',
      async close() {
        await kysely.destroy();
        await pglite.close();
      },
    },
    async copyCsv(table, csvPath) {
      await pglite.query(`copy ${table} from '/dev/blob' with (format csv, header true)`, [], {
        blob: new Blob([readFileSync(csvPath)]),
      });
    },
  };
}

const seconds = (ms: number) => Math.round(ms) / 1000;

/** Runs the benchmark and returns the figures (see {@link ImportBenchResult}). */
export async function runImportBench(): Promise<ImportBenchResult> {
  const tmp = mkdtempSync(join(tmpdir(), 'lattice-import-bench-'));
  const suffix = randomBytes(4).toString('hex');
  const appId = `bench-imp-${suffix}`;
  const schema = `app_${appId.replace(/-/g, '_')}`;
  const bare = `bench_copy_${suffix}`;
  const xlsx = join(tmp, 'customers.xlsx');
  const csv = join(tmp, 'customers.csv');
  console.log(`generating ${ROWS} rows as .xlsx and .csv …`);
  // In a child process: the reported peak RSS is the imports', not the workbook writer's.
  generateImportBenchFiles(csv, xlsx, ROWS);
  const { db, copyCsv } = await openBenchDb(tmp);
  const clock = { now: () => new Date() };
  try {
    await migrateSystemSchema(db);
    await migrateImportSchema(db);
    const apps = createAppStore(db);
    const ctx = { actor: { id: 'bench', username: 'bench', roles: ['admin'] }, clock };
    await apps.createApp(ctx, benchCustomerApp(appId));
    await apps.publish(appId, {}, ctx);
    const entity = findEntity((await apps.getLive(appId)).definition, 'customer')!;
    const store = createImportStore(db, clock);
    const deps = { db, appStore: apps, clock, store };

    const importOnce = async (path: string, fileName: string) => {
      const job = await store.create({
        appId,
        entity: 'customer',
        fileName,
        filePath: path,
        createdBy: 'bench',
      });
      await store.configure(appId, job.id, {
        headerRow: 1,
        mapping: suggestMapping(entity, BENCH_HEADERS),
        mode: 'upsert',
        key: ['credit_code'],
        onError: 'skip',
      });
      await store.queue(appId, job.id);
      const t0 = performance.now();
      const done = await runImport(deps, job.id, { workerId: 'bench' });
      const ms = performance.now() - t0;
      if (done?.status !== 'done' || done.counts.inserted !== ROWS) {
        throw new Error(`import of ${fileName} did not insert every row: ${JSON.stringify(done)}`);
      }
      return ms;
    };

    const latticeXlsx = await importOnce(xlsx, 'customers.xlsx');
    console.log(`lattice_xlsx ${seconds(latticeXlsx)} s`);
    await sql`truncate ${sql.table(`${schema}.customer`)}`.execute(db.kysely);
    const latticeCsv = await importOnce(csv, 'customers.csv');
    console.log(`lattice_csv ${seconds(latticeCsv)} s`);
    // The imports' peak, before the floors run: the process keeps the heap it grew into.
    const peakRssMb = Math.round(process.resourceUsage().maxRSS / 1024);

    // The floors after the imports: reading the workbook three times first would leave this process's
    // heap larger for the imports.
    const parseOnly = await baselineMs('parse_only_xlsx', async () => {
      const t0 = performance.now();
      let n = 0;
      const source = await openXlsxSource(xlsx, DEFAULT_SOURCE_LIMITS);
      for await (const _row of source.rows(null)) n++;
      if (n !== ROWS + 1) throw new Error(`the xlsx reader saw ${n} rows, expected ${ROWS + 1}`);
      return performance.now() - t0;
    });

    await sql`create schema ${sql.id(bare)}`.execute(db.kysely);
    const cols = BENCH_HEADERS.map((_, i) => sql`${sql.id(`c${i + 1}`)} ${sql.raw(BENCH_COLUMN_TYPES[i]!)}`);
    await sql`create table ${sql.table(`${bare}.customer`)} (${sql.join(cols)})`.execute(db.kysely);
    const copy = await baselineMs(
      'copy',
      async () => {
        const t0 = performance.now();
        await copyCsv(`${bare}.customer`, csv);
        return performance.now() - t0;
      },
      async () => {
        await sql`truncate ${sql.table(`${bare}.customer`)}`.execute(db.kysely);
      },
    );

    const round2 = (x: number) => Math.round(x * 100) / 100;
    return {
      name: 'import',
      db: db.dialect,
      rows: ROWS,
      s: {
        lattice_xlsx: seconds(latticeXlsx),
        lattice_csv: seconds(latticeCsv),
        parse_only_xlsx: seconds(parseOnly),
        copy: seconds(copy),
      },
      ratio: { xlsx: round2(latticeXlsx / (parseOnly + copy)), csv: round2(latticeCsv / copy) },
      rows_per_s: {
        xlsx: Math.round(ROWS / (latticeXlsx / 1000)),
        csv: Math.round(ROWS / (latticeCsv / 1000)),
      },
      peak_rss_mb: peakRssMb,
    };
  } finally {
    if (db.dialect === 'postgres') {
      await sql`drop schema if exists ${sql.id(bare)} cascade`.execute(db.kysely);
      await sql`drop schema if exists ${sql.id(schema)} cascade`.execute(db.kysely);
      for (const t of [
        'apps',
        'app_versions',
        'app_drafts',
        'record_history',
        // audit_log is append-only (a trigger refuses deletes): the bench's audit rows stay.
        'import_jobs',
        'import_errors',
      ]) {
        await sql`delete from ${sql.table(`lattice.${t}`)} where app_id = ${appId}`.execute(db.kysely);
      }
    }
    await db.close();
    rmSync(tmp, { recursive: true, force: true });
  }
}
