import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { findEntity } from '@lattice/engine';
import { suggestMapping } from '@lattice/engine/import';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { convertRuns, type RowConversion } from './convert-rows';
import { convertRowsInWorker } from './convert-rows-in-worker';
import { openTabularSource } from './open-tabular-source';
import { DEFAULT_SOURCE_LIMITS } from './tabular-source';
import { importTestApp } from './testing/import-fixtures';

vi.setConfig({ testTimeout: 60_000 });

async function collect<T>(it: AsyncIterable<T>, max = Number.POSITIVE_INFINITY): Promise<T[]> {
  const out: T[] = [];
  for await (const x of it) {
    out.push(x);
    if (out.length >= max) break;
  }
  return out;
}

const HEADERS = ['客户名称', '合作起始日期', '年营业额', '员工人数'];
const customer = findEntity(importTestApp('worker-rows'), 'customer')!;
const conversion: RowConversion = {
  entity: customer,
  mapping: suggestMapping(customer, HEADERS),
  headerRow: 1,
};

describe('convertRowsInWorker', () => {
  const dir = mkdtempSync(join(tmpdir(), 'lattice-worker-rows-'));
  const file = join(dir, 'customers.xlsx');
  beforeAll(async () => {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('客户');
    ws.addRow(HEADERS);
    for (let i = 1; i <= 3000; i++)
      ws.addRow([`客户${i}`, new Date(Date.UTC(2024, 0, 1 + (i % 300))), i * 1.5, i]);
    await wb.xlsx.writeFile(file);
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('yields the same converted rows, Excel dates included, as converting on this thread', async () => {
    const source = await openTabularSource(file, 'customers.xlsx');
    const here = (await collect(convertRuns(source.rowChunks(null), conversion))).flat();
    const there = (
      await collect(convertRowsInWorker(file, 'customers.xlsx', null, DEFAULT_SOURCE_LIMITS, conversion))
    ).flat();
    expect(there).toHaveLength(3000);
    expect(there).toEqual(here);
    expect(there[0]).toEqual({
      row: 2,
      input: { name: '客户1', since: '2024-01-02', annual_revenue: 1.5, employees: 1 },
      errors: [],
      blank: false,
    });
  });

  it('reports cells that do not convert with their row, column and reason', async () => {
    const bad = join(dir, 'bad.xlsx');
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('客户');
    ws.addRow(HEADERS);
    ws.addRow(['甲', '明天', '很多', 12]);
    ws.addRow([null, null, null, null]);
    await wb.xlsx.writeFile(bad);
    const [rows] = await collect(
      convertRowsInWorker(bad, 'bad.xlsx', null, DEFAULT_SOURCE_LIMITS, conversion),
    );
    expect(rows![0]!.errors.map((e) => [e.row, e.column, e.value])).toEqual([
      [2, '合作起始日期', '明天'],
      [2, '年营业额', '很多'],
    ]);
    expect(rows![1]).toMatchObject({ row: 3, blank: true });
  });

  it('stops the worker when the reader stops early', async () => {
    const [first] = await collect(
      convertRowsInWorker(file, 'customers.xlsx', null, DEFAULT_SOURCE_LIMITS, conversion),
      1,
    );
    expect(first!.slice(0, 3).map((r) => r.row)).toEqual([2, 3, 4]);
  });

  it('raises the same clear errors: a missing sheet, a file that is not a workbook', async () => {
    await expect(
      collect(convertRowsInWorker(file, 'customers.xlsx', '订单', DEFAULT_SOURCE_LIMITS, conversion)),
    ).rejects.toMatchObject({
      name: 'LatticeError',
      code: 'LATTICE_ERR_IMPORT',
      details: [
        {
          path: 'sheet',
          message: { zh: expect.stringContaining('订单'), en: expect.stringContaining('订单') },
        },
      ],
    });
    const broken = join(dir, 'broken.xlsx');
    writeFileSync(broken, 'not a zip at all');
    await expect(
      collect(convertRowsInWorker(broken, 'broken.xlsx', null, DEFAULT_SOURCE_LIMITS, conversion)),
    ).rejects.toMatchObject({
      code: 'LATTICE_ERR_IMPORT',
    });
  });
});
