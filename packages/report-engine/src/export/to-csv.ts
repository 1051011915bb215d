import type { Locale } from '@lattice/engine';
import { pickText } from '@lattice/engine';
import type { ChartData } from './chart-render';

/**
 * A dataset result as CSV (RFC 4180: CRLF, quotes doubled), header = column labels in `locale`. Starts
 * with a UTF-8 BOM so Excel on Chinese Windows opens 中文 correctly. Cells starting with = + - @ are
 * prefixed with ' so a spreadsheet never runs them as formulas.
 */
export function toCsv(result: ChartData, locale: Locale = 'zh-CN'): string {
  const lines = [result.columns.map((c) => csvCell(pickText(c.label, locale)))];
  for (const row of result.rows) lines.push(result.columns.map((c) => csvCell(row[c.key] ?? null)));
  return `\uFEFF${lines.map((l) => l.join(',')).join('\r\n')}\r\n`;
}

function csvCell(value: string | number | boolean | null): string {
  if (value === null) return '';
  let text = String(value);
  if (typeof value === 'string' && /^[=+\-@]/.test(text)) text = `'${text}`;
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}
