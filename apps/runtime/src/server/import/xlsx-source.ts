import { createReadStream } from 'node:fs';
import type { CellValue, SourceRow } from '@lattice/engine/import';
import ExcelJS from 'exceljs';
import { importFileError } from './import-file-error';
import { inspectZip } from './inspect-zip';
import type { SourceLimits, TabularSource } from './tabular-source';

interface SheetReader extends AsyncIterable<{ number: number; values: unknown }> {
  name: string;
}

/**
 * An .xlsx file as a {@link TabularSource}, read with exceljs's streaming WorkbookReader (one row in
 * memory at a time). The zip's central directory is checked first (zip-bomb guard); formulas yield their
 * cached results; date-formatted cells arrive as `Date`s whose UTC fields are the cell's wall clock.
 */
export async function openXlsxSource(path: string, limits: SourceLimits): Promise<TabularSource> {
  await inspectZip(path, limits.maxUncompressedBytes);
  return {
    format: 'xlsx',
    sheetNames: () => readSheetNames(path),
    rows: (sheet) => readSheet(path, sheet),
  };
}

function reader(path: string) {
  const stream = createReadStream(path);
  const wb = new ExcelJS.stream.xlsx.WorkbookReader(stream, {
    entries: 'emit',
    sharedStrings: 'cache',
    hyperlinks: 'ignore',
    styles: 'cache',
    worksheets: 'emit',
  });
  return { wb, stream };
}

async function readSheetNames(path: string): Promise<string[]> {
  const { wb, stream } = reader(path);
  try {
    for await (const _ws of wb as unknown as AsyncIterable<SheetReader>) {
      const model = (wb as unknown as { model?: { sheets?: { name: string; id: number }[] } }).model;
      return (model?.sheets ?? []).map((s) => s.name);
    }
    throw importFileError('工作簿中没有工作表', 'The workbook has no worksheets');
  } catch (error) {
    throw wrap(error);
  } finally {
    stream.destroy();
  }
}

async function* readSheet(path: string, sheet: string | null): AsyncIterable<SourceRow> {
  const { wb, stream } = reader(path);
  const seen: string[] = [];
  try {
    for await (const ws of wb as unknown as AsyncIterable<SheetReader>) {
      seen.push(ws.name);
      if (sheet !== null && ws.name !== sheet) continue;
      for await (const row of ws) yield { row: row.number, cells: toCells(row.values) };
      return;
    }
  } catch (error) {
    throw wrap(error);
  } finally {
    stream.destroy();
  }
  throw sheet === null
    ? importFileError('工作簿中没有工作表', 'The workbook has no worksheets')
    : importFileError(
        `工作表「${sheet}」不存在（现有：${seen.join('、')}）`,
        `No sheet "${sheet}" (the workbook has: ${seen.join(', ')})`,
        'sheet',
      );
}

/** exceljs row values are 1-based and sparse; cells may be formula/rich-text/hyperlink objects. */
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

function wrap(error: unknown): unknown {
  if (error instanceof Error && error.name === 'LatticeError') return error;
  const msg = error instanceof Error ? error.message : String(error);
  return importFileError(`.xlsx 文件无法读取：${msg}`, `The .xlsx file cannot be read: ${msg}`);
}
