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

/** Imports into the pack's own entities on a full server: sensitive fields, users and departments. */
describe.each(testDatabaseKinds())('imports into the pack on %s', (kind) => {
  let s: TestServer;
  let customerId: string;

  beforeAll(async () => {
    s = await startTestServer(kind, { demoSources: [packDemoSource(undefined, 0.03)] });
    await s.app.demoSeeded;
    const list = await s.call('GET', `${records}/customer?limit=1`, { token: await s.login('admin') });
    customerId = list.json().items[0].id;
    // A second 张伟, so that the bare name no longer says which one.
    const res = await s.call('POST', '/api/admin/users', {
      token: await s.login('admin'),
      body: { username: 'sales_north_zw', password: 'secret-pass-1', displayName: '华北销售 张伟' },
    });
    expect(res.statusCode, res.body).toBeLessThan(300);
  });
  afterAll(async () => s?.close());

  async function uploadCsv(text: string, entity = 'contact') {
    const job = await s.app.imports.upload(
      admin,
      APP,
      entity,
      `${entity}.csv`,
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

  const userId = async (username: string) =>
    String(
      (await sql<{
        id: string;
      }>`select id::text as id from lattice.users where username = ${username}`.execute(s.db.kysely))!
        .rows[0]!.id,
    );

  it('stores the ids that ownership compares with, for usernames, names and department paths; explains the rest', async () => {
    const csv = [
      '统一社会信用代码,客户名称,客户类型,客户经理,所属部门',
      '91440300MA5DXXXX1R,目录导入甲,经销商,SALES_EAST,销售部 / 华东组',
      '91330200MA2AXXXX72,目录导入乙,终端用户,李娜,华南组',
      '91370200MA3CXXXX2E,目录导入丙,经销商,张伟,sales',
      '91350100M000100Y43,目录导入丁,经销商,查无此人,采购部',
    ].join('\n');
    const { job, mapping } = await uploadCsv(csv, 'customer');
    expect(mapping.map((m) => m.field)).toEqual([
      'credit_code',
      'name',
      'customer_type',
      'owner',
      'department',
    ]);
    const settings = { mapping, mode: 'insert' as const, onError: 'skip' as const };

    // The preview looks the names up exactly as the run will.
    const preview = await s.app.imports.preview(admin, APP, job.id, settings);
    const problems = (row: number) =>
      preview.find((r) => r.row === row)!.errors.map((e) => `${e.column}: ${e.reason.zh}`);
    expect(problems(2)).toEqual([]);
    expect(problems(3)).toEqual([]);
    expect(problems(4)).toEqual(['客户经理: 「张伟」对应多个用户，请改填用户名']);
    expect(problems(5)).toEqual([
      '客户经理: 用户「查无此人」不存在（可填用户名或姓名）',
      '所属部门: 部门「采购部」不存在（可填部门编码、名称或完整路径）',
    ]);

    await s.app.imports.start(admin, APP, job.id, settings);
    await s.app.imports.idle();
    expect(await s.app.imports.status(APP, job.id)).toMatchObject({
      status: 'done',
      counts: { inserted: 2, failed: 2 },
    });
    const stored = await sql<{ name: string; owner: string; department: string }>`
      select name, owner, department from app_mfg_crm.customer where name like '目录导入%' order by name`.execute(
      s.db.kysely,
    );
    expect(stored.rows).toEqual([
      { name: '目录导入乙', owner: await userId('sales_south'), department: 'sales_south' },
      { name: '目录导入甲', owner: await userId('sales_east'), department: 'sales_east' },
    ]);
  });
});
