import { createReadStream } from 'node:fs';
import type { CellValue, SourceRow } from '@lattice/engine/import';
import ExcelJS from 'exceljs';

/**
 * The rows of the first worksheet as the previous import reader (exceljs's streaming WorkbookReader)
 * yielded them: the reference the own reader is compared against in tests.
 */
export async function* readXlsxRowsWithExceljs(path: string): AsyncGenerator<SourceRow> {
  const stream = createReadStream(path);
  const wb = new ExcelJS.stream.xlsx.WorkbookReader(stream, {
    entries: 'emit',
    sharedStrings: 'cache',
    hyperlinks: 'ignore',
    styles: 'cache',
    worksheets: 'emit',
  });
  type Rows = AsyncIterable<{ number: number; values: unknown }>;
  try {
    for await (const ws of wb as unknown as AsyncIterable<Rows>) {
      for await (const row of ws) yield { row: row.number, cells: toCells(row.values) };
      return;
    }
  } finally {
    stream.destroy();
  }
}

function toCells(values: unknown): CellValue[] {
  if (!Array.isArray(values)) return [];
  const out: CellValue[] = new Array(Math.max(0, values.length - 1)).fill(null);
  for (let i = 1; i < values.length; i++) out[i - 1] = toCell(values[i]);
  return out;
}

function toCell(v: unknown): CellValue {
  if (v === null || v === undefined) return null;
  if (typeof v === 'string' || typeof v === 'number' || typeof v === 'boolean' || v instanceof Date) return v;
  if (typeof v === 'object') {
    const o = v as Record<string, unknown>;
    if ('result' in o || 'formula' in o || 'sharedFormula' in o) return toCell(o.result ?? null);
    if (Array.isArray(o.richText))
      return (o.richText as { text?: string }[]).map((r) => r.text ?? '').join('');
    if (typeof o.text === 'string') return o.text;
    if (typeof o.error === 'string') return o.error;
  }
  return String(v);
}
