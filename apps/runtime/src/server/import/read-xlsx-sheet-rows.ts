import type { SourceRow } from '@lattice/engine/import';
import { readZipEntryBytes } from './read-zip-entry-bytes';
import { type SheetContext, SheetRowParser } from './sheet-row-parser';
import type { ZipEntry } from './zip-entries';

/**
 * Streams a worksheet part's rows, one inflated chunk at a time (never the whole sheet): 1-based row
 * numbers from `<row r>`, cells placed by their `r="C5"` column with gaps filled with null, formulas as
 * their cached values, date-styled numbers as `Date`s whose UTC fields are the cell's wall clock.
 * Cells without a value (styled blanks, the covered part of a merged range) are null. Reading stops at
 * `</sheetData>`.
 */
export async function* readXlsxSheetRows(
  path: string,
  ctx: SheetContext,
  entry: ZipEntry,
): AsyncGenerator<SourceRow> {
  const parser = new SheetRowParser(ctx);
  for await (const chunk of readZipEntryBytes(path, entry)) {
    parser.write(chunk);
    yield* parser.take();
    if (parser.done) return;
  }
  parser.end();
  yield* parser.take();
}
