import type { Locale } from '@lattice/engine';
import { type DatasetResult, toSheetRows } from '@lattice/report-engine';
import ExcelJS from 'exceljs';

/**
 * A dataset result as an .xlsx file: one sheet named after the report, a bold frozen header row (labels
 * in `locale`), numbers as numbers, columns sized to their content. Formula-looking text is neutralised
 * by `toSheetRows`, and exceljs writes plain strings as values, never formulas.
 */
export async function reportWorkbook(
  result: Pick<DatasetResult, 'columns' | 'rows'>,
  sheetName: string,
  locale: Locale,
): Promise<Buffer> {
  const book = new ExcelJS.Workbook();
  book.creator = 'Lattice';
  const sheet = book.addWorksheet(safeSheetName(sheetName), { views: [{ state: 'frozen', ySplit: 1 }] });
  const rows = toSheetRows(result, locale);
  for (const row of rows) sheet.addRow(row);
  sheet.getRow(1).font = { bold: true };
  result.columns.forEach((c, i) => {
    const width = Math.max(...rows.map((r) => displayWidth(r[i])));
    const column = sheet.getColumn(i + 1);
    column.width = Math.min(Math.max(width + 2, 8), 60);
    if (c.role === 'measure') column.numFmt = '#,##0.##';
  });
  return Buffer.from(await book.xlsx.writeBuffer());
}

/** Excel sheet names: ≤ 31 characters, none of : \ / ? * [ ]. */
function safeSheetName(name: string): string {
  return name.replace(/[:\\/?*[\]]/g, ' ').slice(0, 31) || 'Report';
}

/** CJK characters take two columns. */
function displayWidth(value: unknown): number {
  const text = value === null || value === undefined ? '' : String(value);
  let w = 0;
  for (const ch of text) w += /[\u2e80-\uffff]/.test(ch) ? 2 : 1;
  return w;
}
