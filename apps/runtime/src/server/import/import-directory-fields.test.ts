import { Readable } from 'node:stream';
import { testDatabaseKinds } from '@lattice/engine/storage';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { packDemoSource } from '../demo/pack-demo-source';
import { startTestServer, type TestServer } from '../testing/test-server';

vi.setConfig({ testTimeout: 60_000, hookTimeout: 180_000 });

const APP = 'mfg-crm';
const admin = { id: 'u_import_admin', username: 'admin', roles: ['admin'] };

describe.each(testDatabaseKinds())('imports of user and department cells on %s', (kind) => {
  let s: TestServer;

  beforeAll(async () => {
    s = await startTestServer(kind, { demoSources: [packDemoSource(undefined, 0.03)] });
    await s.app.demoSeeded;
    // A second 张伟, so that the bare name no longer says which one.
    const res = await s.call('POST', '/api/admin/users', {
      token: await s.login('admin'),
      body: { username: 'sales_north_zw', password: 'secret-pass-1', displayName: '华北销售 张伟' },
    });
    expect(res.statusCode, res.body).toBeLessThan(300);
  });
  afterAll(async () => s?.close());

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
    const job = await s.app.imports.upload(
      admin,
      APP,
      'customer',
      '客户.csv',
      Readable.from([Buffer.from(csv)]),
    );
    const { suggested: mapping } = await s.app.imports.inspect(APP, job.id);
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
