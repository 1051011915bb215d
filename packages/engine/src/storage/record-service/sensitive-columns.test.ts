import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import type { EntityDoc } from '../../model/entity';
import { createAppStore } from '../app-store/create-app-store';
import type { FieldCodec, LatticeDb, RecordService } from '../contracts';
import { openTestDatabase, testDatabaseKinds } from '../open-test-database';
import { fixedClock, sampleApp, testContext } from '../testing/sample-app';
import { createRecordService } from './create-record-service';

vi.setConfig({ testTimeout: 30_000, hookTimeout: 60_000 });

const APP = 'enc-crm';
/** A reversible stand-in for the runtime's AES-256-GCM codec. */
const codec: FieldCodec = {
  encrypt: (plain) => `enc:${Buffer.from(plain).toString('base64')}`,
  decrypt: (stored) =>
    stored.startsWith('enc:') ? Buffer.from(stored.slice(4), 'base64').toString() : stored,
};

describe.each(testDatabaseKinds())('sensitive fields at rest on %s', (kind) => {
  let db: LatticeDb;
  let records: RecordService;
  const ctx = testContext('u_alice', fixedClock());

  beforeAll(async () => {
    db = await openTestDatabase(kind);
    const apps = createAppStore(db);
    const app = sampleApp(APP);
    const customer = app.documents.find((d) => d.kind === 'entity' && d.name === 'customer') as EntityDoc;
    const tax = customer.fields.find((f) => f.name === 'tax_no');
    if (tax) tax.sensitive = true;
    await apps.createApp(ctx, app);
    await apps.publish(APP, {}, ctx);
    records = createRecordService(db, apps, { fieldCodec: codec });
  });
  afterAll(async () => db?.close());

  it('stores ciphertext in the table and in history, and reads plain values back', async () => {
    const c = await records.create(ctx, APP, 'customer', { name: '华东机电', tax_no: '91320500MA1' });
    expect(c.tax_no).toBe('91320500MA1');
    const u = await records.update(ctx, APP, 'customer', c.id, { tax_no: '91320500MA2' }, c.version);
    expect(u.tax_no).toBe('91320500MA2');

    const row = await db.kysely
      .selectFrom('app_enc_crm.customer')
      .selectAll()
      .where('id', '=', c.id)
      .executeTakeFirstOrThrow();
    expect(JSON.stringify(row)).not.toContain('91320500MA');
    const history = await db.kysely
      .selectFrom('lattice.record_history')
      .selectAll()
      .where('record_id', '=', c.id)
      .execute();
    expect(JSON.stringify(history)).not.toContain('91320500MA');

    expect((await records.get(ctx, APP, 'customer', c.id)).tax_no).toBe('91320500MA2');
    const listed = await records.list(ctx, APP, 'customer', {});
    expect(listed.items.find((r) => r.id === c.id)?.tax_no).toBe('91320500MA2');
    const h = await records.history(ctx, APP, 'customer', c.id);
    expect(h.filter((e) => e.field === 'tax_no').map((e) => e.newValue)).toEqual([
      '91320500MA1',
      '91320500MA2',
    ]);
  });
});
