import type { Locale } from '@lattice/engine';
import { pickText } from '@lattice/engine';
import type { DatasetResult } from '../dataset/dataset-result';

/**
 * A dataset result as CSV (RFC 4180: CRLF, quotes doubled), header = column labels in `locale`. Starts
 * with a UTF-8 BOM so Excel on Chinese Windows opens 中文 correctly. Cells starting with = + - @ are
 * prefixed with ' so a spreadsheet never runs them as formulas.
 */
export function toCsv(result: Pick<DatasetResult, 'columns' | 'rows'>, locale: Locale = 'zh-CN'): string {
  const lines = [result.columns.map((c) => csvCell(pickText(c.label, locale)))];
  for (const row of result.rows) lines.push(result.columns.map((c) => csvCell(row[c.key] ?? null)));
  return `\uFEFF${lines.map((l) => l.join(',')).join('\r\n')}\r\n`;
}

/**
 * A dataset result as a sheet: the header row (column labels in `locale`) then one array per row, cells
 * as their JSON values; text starting with = + - @ gets a leading ' so spreadsheets never run it.
 */
export function toSheetRows(
  result: Pick<DatasetResult, 'columns' | 'rows'>,
  locale: Locale = 'zh-CN',
): (string | number | boolean | null)[][] {
  return [
    result.columns.map((c) => pickText(c.label, locale)),
    ...result.rows.map((row) => result.columns.map((c) => neutralise(row[c.key] ?? null))),
  ];
}

function neutralise<T extends string | number | boolean | null>(value: T): T | string {
  return typeof value === 'string' && /^[=+\-@]/.test(value) ? `'${value}` : value;
}

function csvCell(value: string | number | boolean | null): string {
  if (value === null) return '';
  const text = String(neutralise(value));
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}
