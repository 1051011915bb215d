import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { findEntity } from '../../model/app';
import type { EntityDoc } from '../../model/entity';
import { createAppStore } from '../app-store/create-app-store';
import type { AppStore, FieldCodec, LatticeDb } from '../contracts';
import { openTestDatabase, testDatabaseKinds } from '../open-test-database';
import { createRecordService } from '../record-service/create-record-service';
import { fixedClock, sampleApp, testContext } from '../testing/sample-app';
import { type ImportBatchOptions, importRecordBatch, newImportBatchState } from './import-record-batch';

vi.setConfig({ testTimeout: 30_000, hookTimeout: 60_000 });

const APP = 'imp-enc';

/** Like the runtime's AES-GCM codec, equal plaintexts give different ciphertexts (a counter stands for the IV). */
function countingCodec(): FieldCodec {
  let n = 0;
  return {
    encrypt: (plain) => `enc:${++n}:${plain}`,
    decrypt: (stored) => (stored.startsWith('enc:') ? stored.slice(stored.indexOf(':', 4) + 1) : stored),
  };
}

/** The sample app with the customer's note marked sensitive (stored encrypted). */
function appWithSensitiveNote() {
  const app = sampleApp(APP);
  const customer = app.documents.find((d) => d.kind === 'entity' && d.name === 'customer') as EntityDoc;
  customer.fields = customer.fields.map((f) => (f.name === 'note' ? { ...f, sensitive: true } : f));
  return app;
}

describe.each(testDatabaseKinds())('importRecordBatch with a field codec on %s', (kind) => {
  let db: LatticeDb;
  let apps: AppStore;
  const clock = fixedClock();
  const ctx = testContext('u_admin', clock);
  const fieldCodec = countingCodec();

  beforeAll(async () => {
    db = await openTestDatabase(kind);
    apps = createAppStore(db);
    await apps.createApp(ctx, appWithSensitiveNote());
    await apps.publish(APP, {}, ctx);
  });
  afterAll(async () => {
    await db.close();
  });

  async function run(
    rows: { row: number; input: Record<string, unknown> }[],
    opts: Partial<ImportBatchOptions>,
  ) {
    const live = await apps.getLive(APP);
    const entity = findEntity(live.definition, 'customer') as EntityDoc;
    return db.kysely.transaction().execute((trx) =>
      importRecordBatch(trx, ctx, live, entity, rows, {
        mode: 'upsert',
        key: ['tax_no'],
        state: newImportBatchState(),
        source: 'import:enc',
        headers: new Map(),
        fieldCodec,
        ...opts,
      }),
    );
  }

  const storedNote = async (taxNo: string) =>
    (
      await sql<{
        note: string;
      }>`select f_note as note from app_imp_enc.customer where f_tax = ${taxNo}`.execute(db.kysely)
    ).rows[0]!.note;

  it('encrypts sensitive values on insert and update, decrypts stored rows before comparing, encrypts history', async () => {
    const first = await run([{ row: 2, input: { tax_no: 'E1', name: '加密客户', note: '13812345678' } }], {});
    expect(first).toMatchObject({ inserted: 1, failedRows: [] });
    expect(await storedNote('E1')).toMatch(/^enc:\d+:13812345678$/);
    const records = createRecordService(db, apps, { fieldCodec });
    const list = await records.list(ctx, APP, 'customer', {});
    expect(list.items[0]).toMatchObject({ name: '加密客户', note: '13812345678' });

    const same = await run([{ row: 2, input: { tax_no: 'E1', note: '13812345678' } }], {});
    expect(same).toMatchObject({ inserted: 0, updated: 0, unchanged: 1 });

    const changed = await run([{ row: 2, input: { tax_no: 'E1', note: '13900001111' } }], {});
    expect(changed).toMatchObject({ updated: 1 });
    expect(await storedNote('E1')).toMatch(/^enc:\d+:13900001111$/);
    const history = await sql<{ old_value: unknown; new_value: unknown }>`select old_value, new_value
      from lattice.record_history where app_id = ${APP} and field = 'note'`.execute(db.kysely);
    expect(history.rows).toHaveLength(1);
    expect(String(history.rows[0]!.old_value)).toMatch(/^enc:\d+:13812345678$/);
    expect(String(history.rows[0]!.new_value)).toMatch(/^enc:\d+:13900001111$/);
    const id = String(list.items[0]!.id);
    const shown = await records.history(ctx, APP, 'customer', id);
    expect(shown.find((h) => h.field === 'note')).toMatchObject({
      oldValue: '13812345678',
      newValue: '13900001111',
    });
  });
});
