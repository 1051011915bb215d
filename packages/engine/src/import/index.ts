/**
 * `@lattice/engine/import`: the pure core of spreadsheet/CSV import — cell conversion (Excel serials,
 * Chinese dates, 万 units, option labels), column auto-mapping, CSV format detection, row → record input.
 * No I/O: the readers (exceljs streaming, iconv-lite decoding + `CsvRecordParser`) live in the runtime and
 * writes in `@lattice/engine/storage`.
 */
// Readers raise the engine's own error; re-exported here so a reader (on a worker thread, say) need not
// load the whole engine to do so.
export { LatticeError } from '../errors';
export { cellText, cellToInput, isBlankCell } from './cell-to-input';
export { CsvRecordParser } from './csv-record-parser';
export { type CsvDelimiter, detectCsvEncoding, detectDelimiter, detectHeaderRow } from './detect-csv-format';
export { excelSerialToDate, excelSerialToWallClock } from './excel-serial-date';
export type {
  CellValue,
  ColumnMapping,
  ImportCounts,
  ImportMode,
  ImportOnError,
  ImportRowError,
  ImportSettings,
  SourceRow,
} from './import-types';
export { parseImportNumber } from './parse-import-number';
export { parseImportDate, parseImportDateTime } from './parse-import-temporal';
export { cellError, type PreparedMapping, prepareMapping, type RowInput, rowToInput } from './row-to-input';
export { importableFields, normalizeHeader, suggestMapping } from './suggest-mapping';
