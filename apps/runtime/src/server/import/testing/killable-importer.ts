/**
 * An import runner process for the "killed importer resumes without duplicates or gaps" test: opens the
 * database given on the command line (`postgres://…` or a PGlite data dir), runs the import with small
 * batches and per-row events, and — inside the batch transaction holding row `hangAtRow` — tells the
 * parent `mid-batch` and hangs until it is killed.
 */
import { createAppStore, openDatabase } from '@lattice/engine/storage';
import { createImportStore } from '../import-store';
import { runImport } from '../run-import';

const [target, importId, nowIso, hangAtRow] = process.argv.slice(2);
if (!target || !importId || !nowIso || !hangAtRow) {
  throw new Error('usage: killable-importer <database url | pglite dir> <import id> <now ISO> <row>');
}
const db = await openDatabase(target.startsWith('postgres') ? { url: target } : { dataDir: target });
const clock = { now: () => new Date(nowIso) };
const store = createImportStore(db, clock);
await runImport(
  {
    db,
    appStore: createAppStore(db),
    clock,
    store,
    events: {
      onRecordEvent: async (_trx, _ctx, _app, event) => {
        if (event.type === 'created' && event.record.name === `客户${hangAtRow}`) {
          process.send?.('mid-batch');
          await new Promise<never>(() => {});
        }
      },
    },
  },
  importId,
  { workerId: `child:${process.pid}`, batchSize: 5, leaseMs: 60_000 },
);
