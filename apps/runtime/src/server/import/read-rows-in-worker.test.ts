import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { openTabularSource } from './open-tabular-source';
import { readRowChunksInWorker } from './read-rows-in-worker';
import { DEFAULT_SOURCE_LIMITS } from './tabular-source';

vi.setConfig({ testTimeout: 60_000 });

async function collect<T>(it: AsyncIterable<T>, max = Number.POSITIVE_INFINITY): Promise<T[]> {
  const out: T[] = [];
  for await (const x of it) {
    out.push(x);
    if (out.length >= max) break;
  }
  return out;
}

describe('readRowChunksInWorker', () => {
  const dir = mkdtempSync(join(tmpdir(), 'lattice-worker-rows-'));
  const file = join(dir, 'customers.xlsx');
  beforeAll(async () => {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('客户');
    ws.addRow(['名称', '签约日期', '金额', '战略']);
    for (let i = 1; i <= 3000; i++)
      ws.addRow([`客户${i}`, new Date(Date.UTC(2024, 0, 1 + (i % 300))), i * 1.5, i % 2 === 0]);
    await wb.xlsx.writeFile(file);
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('yields the same rows, dates included, as reading on this thread', async () => {
    const here = await collect((await openTabularSource(file, 'customers.xlsx')).rows(null));
    const there = (
      await collect(readRowChunksInWorker(file, 'customers.xlsx', null, DEFAULT_SOURCE_LIMITS))
    ).flat();
    expect(there).toHaveLength(3001);
    expect(there).toEqual(here);
    expect(there[1]!.cells[1]).toBeInstanceOf(Date);
  });

  it('stops the worker when the reader stops early', async () => {
    const [first] = await collect(
      readRowChunksInWorker(file, 'customers.xlsx', null, DEFAULT_SOURCE_LIMITS),
      1,
    );
    expect(first!.slice(0, 3).map((r) => r.row)).toEqual([1, 2, 3]);
  });

  it('raises the same clear errors: a missing sheet, a file that is not a workbook', async () => {
    await expect(
      collect(readRowChunksInWorker(file, 'customers.xlsx', '订单', DEFAULT_SOURCE_LIMITS)),
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
      collect(readRowChunksInWorker(broken, 'broken.xlsx', null, DEFAULT_SOURCE_LIMITS)),
    ).rejects.toMatchObject({
      code: 'LATTICE_ERR_IMPORT',
    });
  });
});
