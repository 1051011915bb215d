import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { DEFAULT_SOURCE_LIMITS } from './tabular-source';
import { writeXlsx } from './testing/import-fixtures';
import { openXlsxSource } from './xlsx-source';

describe('openXlsxSource', () => {
  const dir = mkdtempSync(join(tmpdir(), 'lattice-xlsx-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('keeps Chinese text intact across stream chunk borders (patched exceljs reader)', async () => {
    const names = Array.from({ length: 6000 }, (_, i) => `苏州精密机电第${i}号有限公司`);
    const file = join(dir, 'big.xlsx');
    await writeXlsx(file, [{ name: '客户', rows: [['客户名称'], ...names.map((n) => [n])] }]);
    const source = await openXlsxSource(file, DEFAULT_SOURCE_LIMITS);
    expect(await source.sheetNames()).toEqual(['客户']);
    const read: unknown[] = [];
    for await (const r of source.rows('客户')) if (r.row > 1) read.push(r.cells[0]);
    expect(read).toEqual(names);
  });
});
