import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createAppStore, migrateSystemSchema, openDatabase, systemClock } from '@lattice/engine/storage';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { CODES, importTestApp } from '../../server/import/testing/import-fixtures';
import type { CliIo } from '../cli-command';
import { COMMAND_TABLE } from '../command-table';
import { runCli } from '../run-cli';

vi.setConfig({ testTimeout: 60_000, hookTimeout: 60_000 });

describe('lattice import on a PGlite data dir', () => {
  const dir = mkdtempSync(join(tmpdir(), 'lattice-cli-import-'));
  const out: string[] = [];
  const err: string[] = [];
  const io: CliIo = {
    out: (l) => out.push(l),
    err: (l) => err.push(l),
    env: { LATTICE_DATA_DIR: dir, DATABASE_URL: '' },
    cwd: dir,
  };

  beforeAll(async () => {
    const db = await openDatabase({ dataDir: join(dir, 'pglite') });
    await migrateSystemSchema(db);
    const apps = createAppStore(db);
    const ctx = { actor: { id: 'cli', username: 'cli', roles: ['admin'] }, clock: systemClock };
    await apps.createApp(ctx, importTestApp('cli-app'));
    await apps.publish('cli-app', {}, ctx);
    await db.close();
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('imports a CSV in upsert mode, prints the counts and writes the error report', async () => {
    const file = join(dir, 'customers.csv');
    writeFileSync(
      file,
      `统一社会信用代码,客户名称,员工人数\n${CODES[0]},华东机械,10\n${CODES[1]},苏州精密,很多\n`,
    );
    const code = await runCli(
      [
        'import',
        file,
        '--app',
        'cli-app',
        '--entity',
        'customer',
        '--mode',
        'upsert',
        '--key',
        'credit_code',
      ],
      COMMAND_TABLE,
      io,
    );
    expect(code).toBe(1);
    const text = out.join('\n');
    expect(text).toContain('统一社会信用代码');
    expect(text).toMatch(/done: inserted 1 · updated 0 · skipped 0 · failed 1/);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(join(dir, 'customers-errors.xlsx'));
    const ws = wb.worksheets[0]!;
    expect(ws.getRow(1).values).toEqual([undefined, '行号', '列', '字段', '值', '原因']);
    expect(ws.getRow(2).getCell(1).value).toBe(3);
    expect(ws.getRow(2).getCell(2).value).toBe('员工人数');
    expect(ws.getRow(2).getCell(4).value).toBe('很多');
  });

  it('refuses upsert without a key', async () => {
    expect(
      await runCli(
        ['import', 'x.csv', '--app', 'cli-app', '--entity', 'customer', '--mode', 'upsert'],
        COMMAND_TABLE,
        io,
      ),
    ).toBe(2);
    expect(err.join('\n')).toContain('--key');
  });
});
