import type { SourceRow } from '@lattice/engine/import';
import { importFileError } from './import-file-error';
import { inspectZip } from './inspect-zip';
import { readDateStyles } from './read-date-styles';
import { readSharedStrings } from './read-shared-strings';
import { readXlsxSheetRows } from './read-xlsx-sheet-rows';
import { chunkRows, type SourceLimits, type TabularSource } from './tabular-source';
import { readXlsxWorkbook, type XlsxSheet } from './xlsx-workbook';

/**
 * An .xlsx file as a {@link TabularSource}, read by our own streaming reader (one inflated chunk of the
 * sheet in memory at a time; only the shared strings are kept whole). The zip's central directory is
 * checked first (zip-bomb guard); formulas yield their cached results; date-formatted cells arrive as
 * `Date`s whose UTC fields are the cell's wall clock.
 */
export async function openXlsxSource(path: string, limits: SourceLimits): Promise<TabularSource> {
  await inspectZip(path, limits.maxUncompressedBytes);
  return {
    format: 'xlsx',
    sheetNames: () => readSheetNames(path),
    rows: (sheet) => readSheet(path, sheet),
    rowChunks: (sheet) => chunkRows(readSheet(path, sheet)),
  };
}

async function readSheetNames(path: string): Promise<string[]> {
  try {
    const names = (await readXlsxWorkbook(path)).sheets.map((s) => s.name);
    if (names.length === 0) throw noSheets();
    return names;
  } catch (error) {
    throw wrap(error);
  }
}

async function* readSheet(path: string, sheet: string | null): AsyncIterable<SourceRow> {
  try {
    const wb = await readXlsxWorkbook(path);
    const worksheets = wb.sheets.filter((s): s is XlsxSheet & { entry: NonNullable<XlsxSheet['entry']> } =>
      Boolean(s.entry),
    );
    const target = sheet === null ? worksheets[0] : worksheets.find((s) => s.name === sheet);
    if (!target) throw sheet === null ? noSheets() : missingSheet(sheet, worksheets);
    const [sharedStrings, dateStyles] = await Promise.all([readSharedStrings(wb), readDateStyles(wb)]);
    yield* readXlsxSheetRows(path, { sharedStrings, dateStyles, date1904: wb.date1904 }, target.entry);
  } catch (error) {
    throw wrap(error);
  }
}

function noSheets() {
  return importFileError('工作簿中没有工作表', 'The workbook has no worksheets');
}

function missingSheet(sheet: string, worksheets: XlsxSheet[]) {
  const names = worksheets.map((s) => s.name);
  return importFileError(
    `工作表「${sheet}」不存在（现有：${names.join('、')}）`,
    `No sheet "${sheet}" (the workbook has: ${names.join(', ')})`,
    'sheet',
  );
}

function wrap(error: unknown): unknown {
  if (error instanceof Error && error.name === 'LatticeError') return error;
  const msg = error instanceof Error ? error.message : String(error);
  return importFileError(`.xlsx 文件无法读取：${msg}`, `The .xlsx file cannot be read: ${msg}`);
}
