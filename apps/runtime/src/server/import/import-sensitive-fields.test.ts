import { Readable } from 'node:stream';
import { testDatabaseKinds } from '@lattice/engine/storage';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { packDemoSource } from '../demo/pack-demo-source';
import { startTestServer, type TestServer } from '../testing/test-server';

vi.setConfig({ testTimeout: 60_000, hookTimeout: 180_000 });

const APP = 'mfg-crm';
const records = `/api/apps/${APP}/records`;
const admin = { id: 'u_import_admin', username: 'admin', roles: ['admin'] };

describe.each(testDatabaseKinds())('imports of sensitive fields on %s', (kind) => {
  let s: TestServer;
  let customerId: string;

  beforeAll(async () => {
    s = await startTestServer(kind, { demoSources: [packDemoSource(undefined, 0.03)] });
    await s.app.demoSeeded;
    const list = await s.call('GET', `${records}/customer?limit=1`, { token: await s.login('admin') });
    customerId = list.json().items[0].id;
  });
  afterAll(async () => s?.close());

  async function uploadCsv(text: string) {
    const job = await s.app.imports.upload(
      admin,
      APP,
      'contact',
      '联系人.csv',
      Readable.from([Buffer.from(text)]),
    );
    const ins = await s.app.imports.inspect(APP, job.id);
    return { job, mapping: ins.suggested };
  }

  async function contactByName(name: string, token: string) {
    const filter = encodeURIComponent(JSON.stringify({ '==': [{ var: 'name' }, name] }));
    const res = await s.call('GET', `${records}/contact?filter=${filter}`, { token });
    expect(res.statusCode, res.body).toBe(200);
    return res.json().items[0] as Record<string, unknown> & { id: string };
  }

  it('stores an imported mobile encrypted and reads it back per role (masked in lists, revealed only to roles allowed to)', async () => {
    const { job, mapping } = await uploadCsv(
      `姓名,所属客户,决策链角色,手机\n导入联系人甲,${customerId},决策者,13812345678\n`,
    );
    expect(mapping.map((m) => m.field)).toEqual(['name', 'customer', 'decision_role', 'phone']);
    await s.app.imports.start(admin, APP, job.id, { mapping, mode: 'insert', onError: 'abort' });
    await s.app.imports.idle();
    const done = await s.app.imports.status(APP, job.id);
    expect(done).toMatchObject({ status: 'done', counts: { inserted: 1, failed: 0 } });

    const raw = await sql<{
      phone: string;
    }>`select phone from app_mfg_crm.contact where name = '导入联系人甲'`.execute(s.db.kysely);
    expect(raw.rows).toHaveLength(1);
    expect(raw.rows[0]!.phone).toMatch(/^enc:v1:/);
    expect(raw.rows[0]!.phone).not.toContain('13812345678');

    const contact = await contactByName('导入联系人甲', await s.login('finance'));
    expect(contact.phone).toBe('138****5678');
    const reveal = `${records}/contact/${contact.id}/reveal/phone`;
    const byAdmin = await s.call('GET', reveal, { token: await s.login('admin') });
    expect(byAdmin.json()).toEqual({ field: 'phone', value: '13812345678' });
    expect((await s.call('GET', reveal, { token: await s.login('finance') })).statusCode).toBe(403);
  });

  it('refuses to start an import for a role without the import right; a role with it runs', async () => {
    const { job, mapping } = await uploadCsv(`姓名,所属客户,决策链角色\n导入联系人乙,${customerId},决策者\n`);
    const finance = { id: 'u_fin', username: 'finance', roles: ['finance'] };
    const settings = { mapping, mode: 'insert' as const, onError: 'skip' as const };
    await expect(s.app.imports.start(finance, APP, job.id, settings)).rejects.toMatchObject({
      code: 'LATTICE_ERR_FORBIDDEN',
    });
    const manager = { id: 'u_mgr', username: 'mgr', roles: ['sales_manager'], region: 'east' };
    // The background runner may already have claimed it by the time start() reads the job back.
    expect(['queued', 'running']).toContain(
      (await s.app.imports.start(manager, APP, job.id, settings)).status,
    );
    await s.app.imports.idle();
    expect(await s.app.imports.status(APP, job.id)).toMatchObject({ counts: { inserted: 1 } });
  });
});
