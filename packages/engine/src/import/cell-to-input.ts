import { assertNever } from '../model/assert-never';
import type { Field, SelectOption } from '../model/field';
import { accept, expected, type FieldValueResult, reject } from '../records/field-value-result';
import { perDocument } from '../records/per-document';
import type { CellValue } from './import-types';
import { parseImportNumber } from './parse-import-number';
import { parseImportDate, parseImportDateTime } from './parse-import-temporal';

const TRUE_WORDS = new Set(['true', 'yes', 'y', '1', '是', '对', '有', '√', '✓', 'x']);
const FALSE_WORDS = new Set(['false', 'no', 'n', '0', '否', '错', '无', '×', '']);
const LIST_SPLIT = /[,，;；、|\n]+/;

/** Text of a cell as a user would type it back (numbers in plain form, dates as ISO). */
export function cellText(cell: CellValue): string {
  if (cell === null) return '';
  if (cell instanceof Date) {
    if (Number.isNaN(cell.getTime())) return '';
    const iso = cell.toISOString();
    // Reader dates carry the cell's wall clock in their UTC fields: a date-only cell shows as a date.
    return iso.endsWith('T00:00:00.000Z') ? iso.slice(0, 10) : iso.slice(0, 19).replace('T', ' ');
  }
  return String(cell);
}

/** True for null, '' and whitespace-only text. */
export function isBlankCell(cell: CellValue): boolean {
  return cell === null || (typeof cell === 'string' && cell.trim() === '');
}

/**
 * Turns one non-blank spreadsheet cell into the value the record API takes for `field`, being forgiving
 * where a spreadsheet is: dates from serials and Chinese formats, numbers with separators and 万, select
 * options by value or by zh/en label, lists split on `,`/`、`/`;`, booleans as 是/否/Y/N. Limits, options
 * and patterns are then checked by `coerceRecordInput`. Reference fields keep their text (a title or key
 * resolved against the target entity later); computed fields are refused.
 *
 * @example cellToInput(industryField, '机械装备') // → { ok: true, value: 'machinery' }
 */
export function cellToInput(field: Field, cell: CellValue): FieldValueResult {
  switch (field.type) {
    case 'text':
    case 'longtext':
    case 'richtext':
    case 'email':
    case 'url':
    case 'phone':
    case 'signature':
    case 'user':
    case 'department':
    case 'reference':
      return accept(typeof cell === 'string' ? cell.trim() : cellText(cell));
    case 'number':
    case 'currency':
    case 'percent':
    case 'integer':
    case 'rating': {
      const n = parseImportNumber(cell);
      return n === null ? expected('a number', '数字', cellText(cell)) : accept(n);
    }
    case 'date': {
      const d = parseImportDate(cell);
      return d === null
        ? expected(
            'a date such as 2024-03-05 or 2024年3月5日',
            '日期（如 2024-03-05 或 2024年3月5日）',
            cellText(cell),
          )
        : accept(d);
    }
    case 'datetime': {
      const d = parseImportDateTime(cell);
      return d === null
        ? expected(
            'a date and time such as 2024-03-05 14:30',
            '日期时间（如 2024-03-05 14:30）',
            cellText(cell),
          )
        : accept(d);
    }
    case 'boolean':
      return toBoolean(cell);
    case 'select':
      return accept(matchOption(field.options, cellText(cell).trim()));
    case 'stage':
      return accept(matchOption(field.stages, cellText(cell).trim()));
    case 'multiselect':
      return accept(splitList(cell).map((v) => matchOption(field.options, v)));
    case 'tags':
      return accept(splitList(cell));
    case 'json':
    case 'geo':
    case 'file':
    case 'image':
      return parseJsonCell(cell);
    case 'notes':
    case 'formula':
    case 'rollup':
    case 'autonumber':
      return reject('computed or system-managed fields cannot be imported', '计算字段或系统字段不能导入');
    default:
      return assertNever(field);
  }
}

function toBoolean(cell: CellValue): FieldValueResult {
  if (typeof cell === 'boolean') return accept(cell);
  const s = cellText(cell).trim().toLowerCase();
  if (TRUE_WORDS.has(s)) return accept(true);
  if (FALSE_WORDS.has(s)) return accept(false);
  return expected('yes/no (是/否)', '是/否', cellText(cell));
}

type Choice = { value: string; label: SelectOption['label'] };

/** The option whose value or zh/en label equals `text` (case-insensitive); unmatched text passes through. */
function matchOption(options: readonly Choice[], text: string): string {
  const index = optionIndex(options);
  const exact = index.value.get(text);
  if (exact !== undefined) return options[exact]!.value;
  // The first option (in order) that matches in any of the ways, as a scan of the options would find.
  const lower = text.toLowerCase();
  const best = first(first(index.foldedValue.get(lower), index.zh.get(text)), index.foldedEn.get(lower));
  return best === undefined ? text : options[best]!.value;
}

function first(a: number | undefined, b: number | undefined): number | undefined {
  return a === undefined ? b : b === undefined ? a : Math.min(a, b);
}

interface OptionIndex {
  value: Map<string, number>;
  foldedValue: Map<string, number>;
  zh: Map<string, number>;
  foldedEn: Map<string, number>;
}

/** Per options list: each way an option can be named → the first option named so. */
const optionIndex = perDocument((options: readonly Choice[]): OptionIndex => {
  const index: OptionIndex = { value: new Map(), foldedValue: new Map(), zh: new Map(), foldedEn: new Map() };
  const add = (map: Map<string, number>, key: string, i: number) => {
    if (!map.has(key)) map.set(key, i);
  };
  for (const [i, o] of options.entries()) {
    add(index.value, o.value, i);
    add(index.foldedValue, o.value.toLowerCase(), i);
    add(index.zh, o.label.zh, i);
    add(index.foldedEn, o.label.en.toLowerCase(), i);
  }
  return index;
});

function splitList(cell: CellValue): string[] {
  return cellText(cell)
    .split(LIST_SPLIT)
    .map((s) => s.trim())
    .filter((s) => s.length > 0);
}

function parseJsonCell(cell: CellValue): FieldValueResult {
  const text = cellText(cell);
  try {
    return accept(JSON.parse(text) as unknown);
  } catch {
    return expected('JSON', 'JSON', text);
  }
}
