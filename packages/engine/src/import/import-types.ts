import type { I18nText } from '../model/i18n-text';

/** One spreadsheet/CSV cell as a reader delivers it (xlsx: typed; csv: text). Formulas arrive as their cached result. */
export type CellValue = string | number | boolean | Date | null;

/** Insert only, or update rows whose unique key already exists and insert the rest. */
export type ImportMode = 'insert' | 'upsert';

/** `skip`: write the good rows and report the bad ones; `abort`: all-or-nothing in one transaction. */
export type ImportOnError = 'skip' | 'abort';

/** Which file column feeds which field: `column` is the 0-based column index in the header row. */
export interface ColumnMapping {
  column: number;
  /** Header text as read, for display and re-matching a saved mapping against another file. */
  header: string;
  /** Target field name, or null to ignore the column. */
  field: string | null;
}

/** Everything that decides how rows are written. */
export interface ImportSettings {
  mapping: ColumnMapping[];
  mode: ImportMode;
  /** Upsert key (field names: one unique field or one of the entity's unique keys). */
  key: string[];
  onError: ImportOnError;
  /** Emit per-row created/updated events to the rules (off for bulk loads). */
  perRowTriggers: boolean;
}

/** One problem with one cell (or the whole row when `column` is null). `row` is the 1-based sheet row. */
export interface ImportRowError {
  row: number;
  column: string | null;
  field: string | null;
  value: string;
  reason: I18nText;
}

/** Counts of a (partial) import. */
export interface ImportCounts {
  inserted: number;
  updated: number;
  /** Blank rows and upserted rows whose values did not change. */
  skipped: number;
  failed: number;
}

/** A data row of the source: sheet row number (1-based) and its cells. */
export interface SourceRow {
  row: number;
  cells: CellValue[];
}
